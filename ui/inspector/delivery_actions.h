#pragma once

#include "payload/content_kind.h"
#include "store/delivery.h"

#include <QObject>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>
#include <optional>

class QAction;
class QWidget;

namespace hookbench {

// What can be done with the selected delivery's bytes: copy it as a cURL command that replays it
// against the receiver, save the body exactly as it arrived, or open it in the desktop's editor.
// The actions are shared by the inspector and the history's context menu.
class DeliveryActions : public QObject
{
    Q_OBJECT

public:
    // parentWidget: where the shortcuts live and the file dialog is centred.
    explicit DeliveryActions(QWidget *parentWidget);
    ~DeliveryActions() override;

    void setDelivery(const std::optional<Delivery> &delivery);
    // The content kind picks the file suffix of "open in editor"; it is known after analysis.
    void setContentKind(ContentKind kind);
    // The receiver's base URL; the cURL command sends to it.
    void setBaseUrl(const QUrl &baseUrl);

    QAction *copyAsCurlAction() const { return m_copyAsCurl; }
    QAction *saveBodyAction() const { return m_saveBody; }
    QAction *openInEditorAction() const { return m_openInEditor; }
    QList<QAction *> actions() const { return {m_copyAsCurl, m_saveBody, m_openInEditor}; }

    static QString curlFor(const Delivery &delivery, const QUrl &baseUrl);
    static QString suffixFor(ContentKind kind);
    // Writes the body to a file of its own in the directory; the file's path, or nullopt.
    static std::optional<QString> writeBodyFile(const Delivery &delivery, ContentKind kind,
                                                const QString &directory);

    void copyAsCurl();
    // Writes to path, or asks for one when path is empty; false when nothing was written.
    bool saveBody(const QString &path = {});
    void openInEditor();

signals:
    void problem(const QString &message);

private:
    void updateEnabled();

    QWidget *m_parentWidget = nullptr;
    std::optional<Delivery> m_delivery;
    ContentKind m_kind = ContentKind::Empty;
    QUrl m_baseUrl;
    // Files handed to an editor must outlive this call: the editor reads them later.
    std::unique_ptr<QTemporaryDir> m_editorFiles;
    QAction *m_copyAsCurl = nullptr;
    QAction *m_saveBody = nullptr;
    QAction *m_openInEditor = nullptr;
};

} // namespace hookbench
