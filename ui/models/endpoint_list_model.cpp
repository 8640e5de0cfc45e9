#include "endpoint_list_model.h"

#include "standard_icon.h"
#include "store/async_store.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hookbench {

EndpointListModel::EndpointListModel(AsyncStore *store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    connect(store, &AsyncStore::endpointsChanged, this, &EndpointListModel::refresh);
    connect(store, &AsyncStore::opened, this, &EndpointListModel::refresh);
    refresh();
}

void EndpointListModel::refresh()
{
    if (!m_store)
        return;
    m_store->fetchEndpoints(this, [this](QList<Endpoint> endpoints) {
        apply(std::move(endpoints));
        emit refreshed();
    });
}

void EndpointListModel::apply(QList<Endpoint> endpoints)
{
    std::sort(endpoints.begin(), endpoints.end(),
              [](const Endpoint &a, const Endpoint &b) { return a.id < b.id; });
    const auto containsId = [](const QList<Endpoint> &list, qint64 id) {
        return std::any_of(list.cbegin(), list.cend(),
                           [id](const Endpoint &endpoint) { return endpoint.id == id; });
    };

    // Ids only grow, so once removed rows are gone the survivors line up with the head of the
    // new list and everything new belongs at the end.
    for (int i = static_cast<int>(m_endpoints.size()) - 1; i >= 0; --i) {
        if (containsId(endpoints, m_endpoints.at(i).id))
            continue;
        beginRemoveRows({}, fixedRows + i, fixedRows + i);
        m_endpoints.removeAt(i);
        endRemoveRows();
    }
    for (int i = 0; i < m_endpoints.size(); ++i) {
        if (m_endpoints.at(i) == endpoints.at(i))
            continue;
        m_endpoints[i] = endpoints.at(i);
        const QModelIndex changed = index(fixedRows + i);
        emit dataChanged(changed, changed);
    }
    if (endpoints.size() > m_endpoints.size()) {
        const int first = fixedRows + static_cast<int>(m_endpoints.size());
        beginInsertRows({}, first, fixedRows + static_cast<int>(endpoints.size()) - 1);
        m_endpoints = endpoints;
        endInsertRows();
    }
}

void EndpointListModel::setBaseUrl(const QUrl &url)
{
    if (url == m_baseUrl)
        return;
    m_baseUrl = url;
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {Qt::ToolTipRole, UrlRole});
}

std::optional<Endpoint> EndpointListModel::endpoint(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || index.row() < fixedRows)
        return std::nullopt;
    return m_endpoints.at(index.row() - fixedRows);
}

DeliveryFilter EndpointListModel::filter(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() == allRow)
        return DeliveryFilter::all();
    if (index.row() == inboxRow)
        return DeliveryFilter::inbox();
    return DeliveryFilter::endpoint(m_endpoints.at(index.row() - fixedRows).id);
}

QModelIndex EndpointListModel::indexOfFilter(const DeliveryFilter &filter) const
{
    switch (filter.scope) {
    case DeliveryFilter::Scope::All:
        return index(allRow);
    case DeliveryFilter::Scope::Inbox:
        return index(inboxRow);
    case DeliveryFilter::Scope::Endpoint:
        for (int i = 0; i < m_endpoints.size(); ++i) {
            if (m_endpoints.at(i).id == filter.endpointId)
                return index(fixedRows + i);
        }
        break;
    }
    return {};
}

QUrl EndpointListModel::url(const QModelIndex &index) const
{
    if (m_baseUrl.isEmpty())
        return {};
    QUrl result = m_baseUrl;
    if (const std::optional<Endpoint> found = endpoint(index))
        result.setPath(found->path);
    else
        result.setPath(u"/"_s);
    return result;
}

int EndpointListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : fixedRows + static_cast<int>(m_endpoints.size());
}

QVariant EndpointListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const std::optional<Endpoint> found = endpoint(index);

    switch (role) {
    case Qt::DisplayRole:
        if (index.row() == allRow)
            return tr("All deliveries");
        if (index.row() == inboxRow)
            return tr("Inbox");
        return found->name;
    case Qt::ToolTipRole: {
        const QUrl address = url(index);
        if (index.row() == allRow)
            return tr("Every delivery, whatever endpoint captured it");
        if (index.row() == inboxRow)
            return tr("Requests to paths no endpoint claims");
        if (address.isEmpty())
            return found->path;
        return address.toString();
    }
    case Qt::DecorationRole:
        if (index.row() == allRow)
            return standardIcon(u"view-list-details"_s, QStyle::SP_FileDialogDetailedView);
        if (index.row() == inboxRow)
            return standardIcon(u"mail-folder-inbox"_s, QStyle::SP_DirHomeIcon);
        return standardIcon(u"network-server"_s, QStyle::SP_DriveNetIcon);
    case EndpointIdRole:
        return found ? QVariant(found->id) : QVariant();
    case PathRole:
        return found ? QVariant(found->path) : QVariant();
    case UrlRole:
        return url(index);
    default:
        return {};
    }
}

} // namespace hookbench
