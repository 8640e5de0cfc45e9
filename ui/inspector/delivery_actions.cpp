#include "delivery_actions.h"

#include "http/curl_command.h"

#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QSaveFile>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace hookbench {

DeliveryActions::DeliveryActions(QWidget *parentWidget)
    : QObject(parentWidget)
    , m_parentWidget(parentWidget)
{
    m_copyAsCurl = new QAction(tr("Copy as c&URL"), this);
    m_copyAsCurl->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_copyAsCurl->setToolTip(tr("Copy a curl command that sends this request again"));
    connect(m_copyAsCurl, &QAction::triggered, this, &DeliveryActions::copyAsCurl);

    m_saveBody = new QAction(tr("&Save Body…"), this);
    m_saveBody->setShortcut(QKeySequence::Save);
    m_saveBody->setToolTip(tr("Save the body exactly as it arrived"));
    connect(m_saveBody, &QAction::triggered, this, [this] { saveBody(); });

    m_openInEditor = new QAction(tr("Open Body in &Editor"), this);
    m_openInEditor->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_openInEditor->setToolTip(tr("Open the body in the desktop's editor for its type"));
    connect(m_openInEditor, &QAction::triggered, this, &DeliveryActions::openInEditor);

    for (QAction *action : actions()) {
        // The whole window: the keys work whether the history or the inspector has focus.
        action->setShortcutContext(Qt::WindowShortcut);
        parentWidget->addAction(action);
    }
    updateEnabled();
}

DeliveryActions::~DeliveryActions() = default;

void DeliveryActions::setDelivery(const std::optional<Delivery> &delivery)
{
    m_delivery = delivery;
    m_kind = ContentKind::Empty;
    updateEnabled();
}

void DeliveryActions::setContentKind(ContentKind kind)
{
    m_kind = kind;
}

void DeliveryActions::setBaseUrl(const QUrl &baseUrl)
{
    m_baseUrl = baseUrl;
}

void DeliveryActions::updateEnabled()
{
    m_copyAsCurl->setEnabled(m_delivery.has_value());
    const bool hasBody = m_delivery && !m_delivery->body.isEmpty();
    m_saveBody->setEnabled(hasBody);
    m_openInEditor->setEnabled(hasBody);
}

QString DeliveryActions::curlFor(const Delivery &delivery, const QUrl &baseUrl)
{
    // Without a running receiver the command still shows the request against the usual address.
    QByteArray base = baseUrl.isValid() && !baseUrl.isEmpty()
                              ? baseUrl.toEncoded()
                              : QByteArrayLiteral("http://127.0.0.1:8090");
    // QUrl keeps a lone "/" path; the target brings its own.
    while (base.endsWith('/'))
        base.chop(1);
    const QByteArray target
            = delivery.target.startsWith('/') ? delivery.target : '/' + delivery.target;
    return curlCommand({delivery.method.isEmpty() ? QByteArrayLiteral("POST") : delivery.method,
                        base + target, delivery.headers, delivery.body});
}

QString DeliveryActions::suffixFor(ContentKind kind)
{
    switch (kind) {
    case ContentKind::Json:
        return u"json"_s;
    case ContentKind::Xml:
        return u"xml"_s;
    case ContentKind::Form:
    case ContentKind::Text:
        return u"txt"_s;
    case ContentKind::Multipart:
    case ContentKind::Binary:
    case ContentKind::Empty:
        break;
    }
    return u"bin"_s;
}

std::optional<QString> DeliveryActions::writeBodyFile(const Delivery &delivery, ContentKind kind,
                                                      const QString &directory)
{
    const QString path
            = QDir(directory).filePath(u"delivery-%1.%2"_s.arg(delivery.id).arg(suffixFor(kind)));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(delivery.body) != delivery.body.size()
        || !file.commit())
        return std::nullopt;
    return path;
}

void DeliveryActions::copyAsCurl()
{
    if (!m_delivery)
        return;
    QGuiApplication::clipboard()->setText(curlFor(*m_delivery, m_baseUrl));
}

bool DeliveryActions::saveBody(const QString &path)
{
    if (!m_delivery || m_delivery->body.isEmpty())
        return false;
    QString target = path;
    if (target.isEmpty()) {
        target = QFileDialog::getSaveFileName(
                m_parentWidget, tr("Save Body"),
                QDir::home().filePath(
                        u"delivery-%1.%2"_s.arg(m_delivery->id).arg(suffixFor(m_kind))));
        if (target.isEmpty())
            return false;
    }
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_delivery->body) != m_delivery->body.size()
        || !file.commit()) {
        emit problem(tr("The body could not be saved to %1: %2").arg(target, file.errorString()));
        return false;
    }
    return true;
}

void DeliveryActions::openInEditor()
{
    if (!m_delivery || m_delivery->body.isEmpty())
        return;
    if (!m_editorFiles || !m_editorFiles->isValid())
        m_editorFiles = std::make_unique<QTemporaryDir>();
    const std::optional<QString> path
            = m_editorFiles->isValid() ? writeBodyFile(*m_delivery, m_kind, m_editorFiles->path())
                                       : std::nullopt;
    if (!path) {
        emit problem(tr("The body could not be written to a temporary file."));
        return;
    }
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(*path)))
        emit problem(tr("No application is set up to open %1.").arg(*path));
}

} // namespace hookbench
