#pragma once

#include "store/delivery.h"
#include "store/endpoint.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointer>
#include <QUrl>
#include <optional>

namespace hookbench {

class AsyncStore;

// The sidebar: "All deliveries", the default inbox, then every endpoint in creation order.
// Endpoint edits (from this window, or from `hookbench-cli endpoint` in another process) arrive
// through AsyncStore::endpointsChanged and are applied as row inserts, removals and data changes
// so the selection survives them.
class EndpointListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { EndpointIdRole = Qt::UserRole + 1, PathRole, UrlRole };
    static constexpr int allRow = 0;
    static constexpr int inboxRow = 1;
    static constexpr int fixedRows = 2;

    explicit EndpointListModel(AsyncStore *store, QObject *parent = nullptr);

    // Re-reads the endpoints from the store.
    void refresh();
    // Where the receiver listens; endpoint URLs are built from it.
    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }

    QList<Endpoint> endpoints() const { return m_endpoints; }
    std::optional<Endpoint> endpoint(const QModelIndex &index) const;
    DeliveryFilter filter(const QModelIndex &index) const;
    QModelIndex indexOfFilter(const DeliveryFilter &filter) const;
    // The URL a sender posts to for this row: the endpoint's path, or the bare base URL.
    QUrl url(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

signals:
    void refreshed();

private:
    void apply(QList<Endpoint> endpoints);

    QPointer<AsyncStore> m_store;
    QList<Endpoint> m_endpoints; // ascending id
    QUrl m_baseUrl;
};

} // namespace hookbench
