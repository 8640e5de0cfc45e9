#include "endpoint_dialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
// RFC 9110 section 5.6.2: a field name is a token.
bool isToken(QByteArrayView name)
{
    if (name.isEmpty())
        return false;
    for (const char c : name) {
        const bool alphanumeric
                = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alphanumeric && !QByteArrayView("!#$%&'*+-.^_`|~").contains(c))
            return false;
    }
    return true;
}

QPlainTextEdit *makeEditor(QWidget *parent, const QString &objectName,
                           const QString &accessibleName, const QString &placeholder)
{
    auto *editor = new QPlainTextEdit(parent);
    editor->setObjectName(objectName);
    editor->setAccessibleName(accessibleName);
    editor->setPlaceholderText(placeholder);
    editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    editor->setTabChangesFocus(true);
    return editor;
}
} // namespace

EndpointDialog::EndpointDialog(const QList<Endpoint> &existing, QWidget *parent)
    : QDialog(parent)
    , m_existing(existing)
{
    setWindowTitle(tr("Add Endpoint"));
    auto *layout = new QVBoxLayout(this);

    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"name"_s);
    m_name->setPlaceholderText(tr("github"));
    form->addRow(tr("&Name:"), m_name);
    m_path = new QLineEdit(this);
    m_path->setObjectName(u"path"_s);
    m_path->setPlaceholderText(tr("/hooks/github"));
    m_path->setToolTip(tr("Every request whose path starts with this is captured here."));
    form->addRow(tr("&Path:"), m_path);
    layout->addLayout(form);

    auto *responseBox = new QGroupBox(tr("Response sent to every request"), this);
    auto *responseForm = new QFormLayout(responseBox);
    m_status = new QSpinBox(responseBox);
    m_status->setObjectName(u"status"_s);
    m_status->setRange(100, 599);
    m_status->setValue(200);
    responseForm->addRow(tr("&Status:"), m_status);
    m_headers = makeEditor(responseBox, u"headers"_s, tr("Response headers"),
                           tr("Content-Type: application/json"));
    m_headers->setMaximumHeight(m_headers->fontMetrics().lineSpacing() * 5);
    responseForm->addRow(tr("&Headers:"), m_headers);
    m_body = makeEditor(responseBox, u"body"_s, tr("Response body"), tr("{\"ok\": true}"));
    responseForm->addRow(tr("&Body:"), m_body);
    m_delay = new QSpinBox(responseBox);
    m_delay->setObjectName(u"delay"_s);
    m_delay->setRange(0, 10 * 60 * 1000);
    m_delay->setSingleStep(100);
    m_delay->setSuffix(tr(" ms"));
    m_delay->setToolTip(tr("Wait this long before answering, to show a sender a slow or "
                           "timed-out receiver."));
    responseForm->addRow(tr("&Delay:"), m_delay);
    layout->addWidget(responseBox, 1);

    m_problem = new QLabel(this);
    m_problem->setObjectName(u"problem"_s);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"color: #e04f3f"_s);
    layout->addWidget(m_problem);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_name, &QLineEdit::textChanged, this, &EndpointDialog::validate);
    connect(m_path, &QLineEdit::textChanged, this, &EndpointDialog::validate);
    connect(m_headers, &QPlainTextEdit::textChanged, this, &EndpointDialog::validate);
    resize(520, 480);
    validate();
}

void EndpointDialog::setEndpoint(const Endpoint &endpoint)
{
    setWindowTitle(tr("Edit Endpoint"));
    m_original = endpoint;
    m_name->setText(endpoint.name);
    m_path->setText(endpoint.path);
    m_status->setValue(endpoint.response.status);
    m_headers->setPlainText(
            QString::fromUtf8(endpoint.response.headers.toWireFormat()).remove(u'\r').trimmed());
    m_body->setPlainText(QString::fromUtf8(endpoint.response.body));
    m_delay->setValue(endpoint.response.delayMs);
    validate();
}

Endpoint EndpointDialog::endpoint() const
{
    Endpoint result = m_original;
    result.name = m_name->text().trimmed();
    result.path = Endpoint::normalizedPath(m_path->text().trimmed());
    result.response.status = m_status->value();
    result.response.headers = parsedHeaders(nullptr).value_or(HeaderList());
    result.response.body = m_body->toPlainText().toUtf8();
    result.response.delayMs = m_delay->value();
    return result;
}

void EndpointDialog::focusName()
{
    m_name->setFocus();
    m_name->selectAll();
}

std::optional<HeaderList> EndpointDialog::parsedHeaders(QString *problem) const
{
    HeaderList headers;
    const QStringList lines = m_headers->toPlainText().split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(u':');
        const QByteArray name = line.left(colon).trimmed().toUtf8();
        if (colon <= 0 || !isToken(name)) {
            if (problem)
                *problem = tr("Header line %1 is not “Name: value”.").arg(i + 1);
            return std::nullopt;
        }
        // The server frames the body itself; a canned length would desynchronise the sender.
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0
            || name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            if (problem)
                *problem = tr("Hookbench sets %1 itself; remove that line.")
                                   .arg(QString::fromUtf8(name));
            return std::nullopt;
        }
        headers.append(name, line.mid(colon + 1).trimmed().toUtf8());
    }
    return headers;
}

QString EndpointDialog::problem() const
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return tr("Give the endpoint a name.");
    const QString rawPath = m_path->text().trimmed();
    if (rawPath.isEmpty())
        return tr("Enter the path senders post to, like /hooks/github.");
    if (rawPath.contains(u'?') || rawPath.contains(u'#')
        || std::any_of(rawPath.cbegin(), rawPath.cend(),
                       [](QChar c) { return c.isSpace() || c.unicode() < 0x20; })) {
        return tr("A path cannot contain spaces, “?” or “#”.");
    }
    const QString path = Endpoint::normalizedPath(rawPath);
    for (const Endpoint &other : m_existing) {
        if (other.id == m_original.id)
            continue;
        if (other.name.compare(name, Qt::CaseInsensitive) == 0)
            return tr("Another endpoint is already called “%1”.").arg(other.name);
        if (other.path == path)
            return tr("%1 already belongs to the endpoint “%2”.").arg(path, other.name);
    }
    QString headerProblem;
    if (!parsedHeaders(&headerProblem))
        return headerProblem;
    return {};
}

void EndpointDialog::validate()
{
    const QString text = problem();
    m_problem->setText(text);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

} // namespace hookbench
