#include "endpoint_dialog.h"

#include "signing/hmac_header_scheme.h"
#include "signing/scheme_combo.h"
#include "signing/scheme_registry.h"
#include "signing/secret_field.h"
#include "signing/tolerance_box.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>

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

// The HmacRecipe configuration keys the form edits.
const QString algorithmKey = HmacRecipe::ConfigKey::algorithm;
const QString headerKey = HmacRecipe::ConfigKey::header;
const QString prefixKey = HmacRecipe::ConfigKey::prefix;
const QString encodingKey = HmacRecipe::ConfigKey::encoding;
const QString templateKey = HmacRecipe::ConfigKey::signedTemplate;
const QString timestampHeaderKey = HmacRecipe::ConfigKey::timestampHeader;

QLineEdit *makeLine(QWidget *parent, const QString &objectName, const QString &placeholder)
{
    auto *line = new QLineEdit(parent);
    line->setObjectName(objectName);
    line->setPlaceholderText(placeholder);
    return line;
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

    auto *tabs = new QTabWidget(this);
    layout->addWidget(tabs, 1);
    auto *responseBox = new QWidget(tabs);
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
    tabs->addTab(responseBox, tr("&Response"));

    auto *verificationBox = new QWidget(tabs);
    m_verificationForm = new QFormLayout(verificationBox);
    m_scheme = new SchemeCombo(SchemeCombo::NoneEntry::Shown, verificationBox);
    m_scheme->setObjectName(u"scheme"_s);
    m_verificationForm->addRow(tr("S&cheme:"), m_scheme);
    m_recipe = new QLabel(verificationBox);
    m_recipe->setObjectName(u"recipe"_s);
    m_recipe->setWordWrap(true);
    m_recipe->setForegroundRole(QPalette::PlaceholderText);
    m_verificationForm->addRow(QString(), m_recipe);
    m_algorithm = new QComboBox(verificationBox);
    m_algorithm->setObjectName(u"algorithm"_s);
    for (const auto algorithm : {crypto::HashAlgorithm::Sha1, crypto::HashAlgorithm::Sha256,
                                 crypto::HashAlgorithm::Sha512}) {
        m_algorithm->addItem(crypto::algorithmName(algorithm).toUpper(),
                             crypto::algorithmName(algorithm));
    }
    m_verificationForm->addRow(tr("&Algorithm:"), m_algorithm);
    m_signatureHeader = makeLine(verificationBox, u"signatureHeader"_s, tr("X-Signature"));
    m_verificationForm->addRow(tr("Signature hea&der:"), m_signatureHeader);
    m_prefix = makeLine(verificationBox, u"prefix"_s, tr("sha256="));
    m_prefix->setToolTip(tr("Text before the digest in the header value, if any."));
    m_verificationForm->addRow(tr("&Prefix:"), m_prefix);
    m_encoding = new QComboBox(verificationBox);
    m_encoding->setObjectName(u"encoding"_s);
    for (const auto encoding : {crypto::SignatureEncoding::Hex, crypto::SignatureEncoding::Base64})
        m_encoding->addItem(crypto::encodingName(encoding), crypto::encodingName(encoding));
    m_verificationForm->addRow(tr("E&ncoding:"), m_encoding);
    m_template = makeLine(verificationBox, u"template"_s, tr("{timestamp}.{body}"));
    m_template->setToolTip(tr("The signed string. Placeholders: {body}, {timestamp}, {id}, "
                              "{url}, {method}."));
    m_verificationForm->addRow(tr("Si&gned string:"), m_template);
    m_timestampHeader = makeLine(verificationBox, u"timestampHeader"_s, tr("X-Timestamp"));
    m_verificationForm->addRow(tr("Ti&mestamp header:"), m_timestampHeader);
    m_secret = new SecretField(verificationBox);
    m_secret->setObjectName(u"secret"_s);
    m_verificationForm->addRow(tr("S&ecret:"), m_secret);
    m_tolerance = new ToleranceBox(verificationBox);
    m_tolerance->setObjectName(u"tolerance"_s);
    m_verificationForm->addRow(tr("&Tolerance:"), m_tolerance);
    m_rejectInvalid = new QCheckBox(tr("Ans&wer 401 when the signature fails"), verificationBox);
    m_rejectInvalid->setObjectName(u"rejectInvalid"_s);
    m_rejectInvalid->setToolTip(tr("As a real receiver would. The request is still stored, so "
                                   "you can see what was refused and why."));
    m_verificationForm->addRow(QString(), m_rejectInvalid);
    m_secretNote = new QLabel(verificationBox);
    m_secretNote->setObjectName(u"secretNote"_s);
    m_secretNote->setWordWrap(true);
    m_secretNote->setForegroundRole(QPalette::PlaceholderText);
    m_verificationForm->addRow(QString(), m_secretNote);
    tabs->addTab(verificationBox, tr("&Verification"));

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
    connect(m_scheme, &QComboBox::currentIndexChanged, this, &EndpointDialog::schemeChanged);
    for (QLineEdit *line : {m_signatureHeader, m_prefix, m_template, m_timestampHeader,
                            static_cast<QLineEdit *>(m_secret)}) {
        connect(line, &QLineEdit::textChanged, this, &EndpointDialog::validate);
    }
    for (QComboBox *combo : {m_algorithm, m_encoding})
        connect(combo, &QComboBox::currentIndexChanged, this, &EndpointDialog::validate);
    resize(520, 520);
    schemeChanged();
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
    const EndpointVerification &verification = endpoint.verification;
    m_scheme->setSchemeId(verification.schemeId);
    schemeChanged();
    m_secret->setSecret(verification.secret);
    m_secret->setRevealed(false);
    m_tolerance->setSeconds(verification.toleranceSeconds);
    m_rejectInvalid->setChecked(verification.rejectInvalid);
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
    result.verification.schemeId = m_scheme->schemeId();
    if (result.verification.isConfigured()) {
        result.verification.config = schemeConfig();
        result.verification.secret = m_secret->secret();
        result.verification.toleranceSeconds = m_tolerance->value();
        result.verification.rejectInvalid = m_rejectInvalid->isChecked();
    } else {
        // Nothing is checked, so nothing is kept: no secret lingers in the store unused.
        result.verification = EndpointVerification();
    }
    return result;
}

void EndpointDialog::setSecretStorageNote(const QString &description)
{
    m_secretNote->setText(description);
}

QString EndpointDialog::secretStorageNote() const
{
    return m_secretNote->text();
}

void EndpointDialog::schemeChanged()
{
    const SignatureScheme *scheme = m_scheme->scheme();
    setConfigFields(storedConfig());
    const bool configured = scheme != nullptr;
    const bool generic = configured && scheme->id() == u"hmac"_s;
    const bool headerOnly
            = configured && !generic
              && scheme->configuration() == SignatureScheme::Configuration::Configurable;
    m_verificationForm->setRowVisible(m_algorithm, generic);
    m_verificationForm->setRowVisible(m_signatureHeader, generic || headerOnly);
    m_verificationForm->setRowVisible(m_prefix, generic);
    m_verificationForm->setRowVisible(m_encoding, generic);
    m_verificationForm->setRowVisible(m_template, generic);
    m_verificationForm->setRowVisible(m_timestampHeader, generic);
    m_verificationForm->setRowVisible(m_secret, configured);
    m_verificationForm->setRowVisible(m_rejectInvalid, configured);
    validate();
}

void EndpointDialog::setConfigFields(const SchemeConfig &config)
{
    m_algorithm->setCurrentIndex(std::max(0, m_algorithm->findData(config.value(algorithmKey))));
    m_signatureHeader->setText(config.value(headerKey));
    m_prefix->setText(config.value(prefixKey));
    m_encoding->setCurrentIndex(std::max(0, m_encoding->findData(config.value(encodingKey))));
    m_template->setText(config.value(templateKey, u"{body}"_s));
    m_timestampHeader->setText(config.value(timestampHeaderKey));
}

SchemeConfig EndpointDialog::storedConfig() const
{
    const SignatureScheme *scheme = m_scheme->scheme();
    if (!scheme)
        return {};
    SchemeConfig config = scheme->defaultConfig();
    // What was stored for this scheme comes back when the user returns to it.
    if (scheme->id() == m_original.verification.schemeId)
        config.insert(m_original.verification.config);
    return config;
}

SchemeConfig EndpointDialog::schemeConfig() const
{
    const SignatureScheme *scheme = m_scheme->scheme();
    if (!scheme || scheme->configuration() == SignatureScheme::Configuration::Fixed)
        return {};
    SchemeConfig config = storedConfig();
    config.insert(headerKey, m_signatureHeader->text().trimmed());
    if (scheme->id() != u"hmac"_s)
        return config;
    config.insert(algorithmKey, m_algorithm->currentData().toString());
    config.insert(prefixKey, m_prefix->text());
    config.insert(encodingKey, m_encoding->currentData().toString());
    config.insert(templateKey, m_template->text());
    config.insert(timestampHeaderKey, m_timestampHeader->text().trimmed());
    return config;
}

QString EndpointDialog::verificationProblem() const
{
    const SignatureScheme *scheme = m_scheme->scheme();
    if (!scheme)
        return {};
    const SchemeConfig config = schemeConfig();
    if (const auto *hmac = dynamic_cast<const HmacHeaderScheme *>(scheme)) {
        const std::variant<HmacRecipe, QString> recipe = hmac->recipeFor(config);
        if (const QString *problem = std::get_if<QString>(&recipe))
            return *problem;
        const HmacRecipe &valid = std::get<HmacRecipe>(recipe);
        if (valid.header.isEmpty() || !isToken(valid.header))
            return tr("Enter the name of the header that carries the signature.");
        if (valid.usesTimestamp() && valid.timestampHeader.isEmpty())
            return tr("The signed string uses {timestamp}: name the header it comes from.");
    }
    if (m_secret->text().isEmpty())
        return tr("Enter the secret: %1 cannot verify without one.").arg(scheme->displayName());
    return {};
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
    return verificationProblem();
}

void EndpointDialog::validate()
{
    const SignatureScheme *scheme = m_scheme->scheme();
    const SchemeConfig config = schemeConfig();
    m_recipe->setText(scheme ? scheme->recipe(config)
                             : tr("Requests are stored without a signature check."));
    // A generic recipe signs a timestamp only once its template says {timestamp}.
    m_verificationForm->setRowVisible(
            m_tolerance,
            scheme && scheme->timestamps(config) == SignatureScheme::Timestamps::Signed);
    const QString text = problem();
    m_problem->setText(text);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

} // namespace hookbench
