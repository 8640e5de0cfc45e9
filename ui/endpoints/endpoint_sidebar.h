#pragma once

#include "store/delivery.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QListView;

namespace hookbench {

class AsyncStore;
class EndpointDialog;
class EndpointListModel;

// The list on the left: all deliveries, the inbox and the endpoints, with the actions that
// edit them. Choosing a row changes what the history shows, through filterChanged().
class EndpointSidebar : public QWidget
{
    Q_OBJECT

public:
    EndpointSidebar(AsyncStore *store, EndpointListModel *model, QWidget *parent = nullptr);

    DeliveryFilter currentFilter() const;
    void setCurrentFilter(const DeliveryFilter &filter);
    // The URL of the current row: what "Copy URL" copies.
    QUrl currentUrl() const;

    QListView *listView() const { return m_list; }
    QAction *addEndpointAction() const { return m_add; }
    QAction *editEndpointAction() const { return m_edit; }
    QAction *removeEndpointAction() const { return m_remove; }
    QAction *copyUrlAction() const { return m_copyUrl; }

signals:
    void filterChanged(const hookbench::DeliveryFilter &filter);
    void message(const QString &text);

private:
    void addEndpoint();
    void editEndpoint();
    // Fills in the dialog's line on where secrets are kept, asked on the store's thread.
    void describeSecretStorage(EndpointDialog &dialog, qint64 endpointId);
    void removeEndpoint();
    void copyUrl();
    void updateActions();

    QPointer<AsyncStore> m_store;
    EndpointListModel *m_model = nullptr;
    QListView *m_list = nullptr;
    QAction *m_add = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_copyUrl = nullptr;
    // An endpoint just added: selected as soon as the list shows it.
    qint64 m_pendingSelection = 0;
};

} // namespace hookbench
