#include "history_model.h"

#include "delivery_text.h"
#include "standard_icon.h"
#include "store/async_store.h"

#include <QBrush>
#include <QColor>

using namespace Qt::StringLiterals;

namespace hookbench {

HistoryModel::HistoryModel(AsyncStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(store, &AsyncStore::deliveriesAdded, this, &HistoryModel::onDeliveriesAdded);
    connect(store, &AsyncStore::opened, this, &HistoryModel::reload);
    reload();
}

void HistoryModel::setFilter(const DeliveryFilter &filter)
{
    m_filter = filter;
    reload();
}

void HistoryModel::reload()
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_loaded = false;
    m_exhausted = false;
    m_fetchingPage = false;
    m_fetchingNewer = false;
    m_coveredUpTo = 0;
    endResetModel();
    if (!m_store)
        return;

    m_fetchingPage = true;
    const quint64 generation = m_generation;
    m_store->fetchPage(m_filter, 0, m_pageSize, this,
                       [this, generation](const QList<DeliverySummary> &page) {
                           if (generation != m_generation)
                               return;
                           m_loaded = true;
                           appendPage(page);
                           // Only now: views and testers call fetchMore() from the insertion
                           // signals, when the new rows are not yet the ones to page after.
                           m_fetchingPage = false;
                           if (!page.isEmpty())
                               m_coveredUpTo = std::max(m_coveredUpTo, page.first().id);
                           emit loaded();
                           if (m_latestKnown > m_coveredUpTo)
                               fetchNewer();
                       });
}

int HistoryModel::rowOfId(qint64 id) const
{
    // Rows are ordered by descending id, so the position is a binary search away.
    const auto it = std::lower_bound(
            m_rows.cbegin(), m_rows.cend(), id,
            [](const DeliverySummary &row, qint64 wanted) { return row.id > wanted; });
    if (it == m_rows.cend() || it->id != id)
        return -1;
    return static_cast<int>(it - m_rows.cbegin());
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeliverySummary &row = m_rows.at(index.row());
    const bool rejected = row.state == DeliveryState::Rejected;

    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::ToolTipRole:
        if (rejected)
            return tr("Rejected: %1").arg(row.rejectReason);
        if (index.column() == PathColumn)
            return displayText(row.target);
        if (index.column() == VerificationColumn)
            return verificationToolTip(row.verificationOutcome);
        return {};
    case Qt::DecorationRole:
        if (rejected && index.column() == TimeColumn)
            return standardIcon(u"dialog-warning"_s, QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::ForegroundRole:
        // A red that stays readable on the light and the dark palette alike.
        if (rejected)
            return QBrush(QColor(0xe0, 0x4f, 0x3f));
        if (index.column() == VerificationColumn) {
            if (row.verificationOutcome == u"valid"_s)
                return QBrush(QColor(0x2e, 0x9d, 0x4f));
            if (row.verificationOutcome == u"invalid"_s)
                return QBrush(QColor(0xe0, 0x4f, 0x3f));
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == StatusColumn || index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole:
        return row.id;
    case StateRole:
        return QVariant::fromValue(row.state);
    default:
        return {};
    }
}

QVariant HistoryModel::displayData(const DeliverySummary &row, int column) const
{
    switch (column) {
    case TimeColumn:
        return displayTime(row.receivedAtMs);
    case MethodColumn:
        return displayText(row.method);
    case PathColumn:
        return displayText(row.target);
    case StatusColumn:
        if (row.state == DeliveryState::Rejected && row.responseStatus == 0)
            return tr("rejected");
        return row.responseStatus == 0 ? QString() : QString::number(row.responseStatus);
    case SizeColumn:
        return displaySize(row.bodySize);
    case ContentTypeColumn:
        return displayText(row.contentType);
    case EndpointColumn:
        return row.endpointId ? row.endpointName : tr("Inbox");
    case VerificationColumn:
        return verificationBadge(row.verificationOutcome);
    default:
        return {};
    }
}

QString HistoryModel::verificationBadge(const QString &outcome)
{
    if (outcome == u"valid"_s)
        return tr("✓ valid");
    if (outcome == u"invalid"_s)
        return tr("✗ invalid");
    if (outcome == u"not-configured"_s)
        return tr("not configured");
    return {};
}

QString HistoryModel::verificationToolTip(const QString &outcome)
{
    // The summary carries only the outcome; the reason and the diagnosis are in the delivery.
    if (outcome == u"valid"_s)
        return tr("The signature was valid on arrival.");
    if (outcome == u"invalid"_s)
        return tr("The signature failed on arrival; open the delivery's Signature tab for "
                  "the reason and the diagnosis.");
    if (outcome == u"not-configured"_s)
        return tr("The endpoint names a scheme but could not check it (no secret, or an "
                  "unusable configuration); open the delivery for details.");
    return tr("Its endpoint checks no signature.");
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case MethodColumn:
        return tr("Method");
    case PathColumn:
        return tr("Path");
    case StatusColumn:
        return tr("Status");
    case SizeColumn:
        return tr("Size");
    case ContentTypeColumn:
        return tr("Content type");
    case EndpointColumn:
        return tr("Endpoint");
    case VerificationColumn:
        return tr("Signature");
    default:
        return {};
    }
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_store && m_loaded && !m_exhausted && !m_fetchingPage;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_rows.isEmpty())
        return;
    m_fetchingPage = true;
    const quint64 generation = m_generation;
    m_store->fetchPage(m_filter, m_rows.last().id, m_pageSize, this,
                       [this, generation](const QList<DeliverySummary> &page) {
                           if (generation != m_generation)
                               return;
                           appendPage(page);
                           m_fetchingPage = false;
                       });
}

void HistoryModel::appendPage(const QList<DeliverySummary> &page)
{
    if (page.size() < m_pageSize)
        m_exhausted = true;
    if (page.isEmpty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
    m_rows.append(page);
    endInsertRows();
}

void HistoryModel::onDeliveriesAdded(qint64 latestId)
{
    m_latestKnown = std::max(m_latestKnown, latestId);
    if (m_latestKnown > m_coveredUpTo)
        fetchNewer();
}

void HistoryModel::fetchNewer()
{
    if (!m_store || !m_loaded || m_fetchingNewer)
        return;
    m_fetchingNewer = true;
    const quint64 generation = m_generation;
    // The store announced m_latestKnown before it runs this query, so the answer covers it.
    const qint64 target = m_latestKnown;
    const qint64 afterId = m_rows.isEmpty() ? 0 : m_rows.first().id;
    m_store->fetchNewer(m_filter, afterId, liveBatchSize, this,
                        [this, generation, target](const QList<DeliverySummary> &rows) {
                            if (generation != m_generation)
                                return;
                            // A full batch may not reach `target`: the next batch continues
                            // after its last row.
                            const bool full = rows.size() >= liveBatchSize;
                            prependNewer(rows, full ? rows.last().id : target);
                            m_fetchingNewer = false;
                            if (m_latestKnown > m_coveredUpTo)
                                fetchNewer();
                        });
}

void HistoryModel::prependNewer(const QList<DeliverySummary> &rows, qint64 coveredUpTo)
{
    m_coveredUpTo = std::max(m_coveredUpTo, coveredUpTo);
    if (rows.isEmpty())
        return;
    // The store answers oldest first; the list shows newest first.
    QList<DeliverySummary> newestFirst(rows.crbegin(), rows.crend());
    beginInsertRows({}, 0, static_cast<int>(newestFirst.size()) - 1);
    m_rows = newestFirst + m_rows;
    endInsertRows();
}

} // namespace hookbench
