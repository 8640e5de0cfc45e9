#pragma once

#include "store/delivery.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace hookbench {

class AsyncStore;

// The delivery history, newest on top, read through AsyncStore in keyset pages: the view pulls
// older pages with fetchMore() as the user scrolls, and rows that arrive while it is open are
// inserted at the top without a reset, so the selection and scroll position survive a burst.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        MethodColumn,
        PathColumn,
        StatusColumn,
        VerificationColumn,
        SizeColumn,
        ContentTypeColumn,
        EndpointColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, StateRole };

    explicit HistoryModel(AsyncStore *store, QObject *parent = nullptr);

    static constexpr int defaultPageSize = 200;
    // Rows fetched at once when new deliveries arrive; a larger burst arrives in several
    // batches, oldest first, each continuing where the last one stopped.
    static constexpr int liveBatchSize = 1000;

    void setPageSize(int rows) { m_pageSize = rows; }
    int pageSize() const { return m_pageSize; }

    DeliveryFilter filter() const { return m_filter; }
    // Shows another selection of deliveries: resets the model and loads its first page.
    void setFilter(const DeliveryFilter &filter);
    // Drops what is shown and loads the first page again (after the store was reopened).
    void reload();

    // True once the first page for the current filter has arrived: an empty model is then
    // really empty, not still loading.
    bool isLoaded() const { return m_loaded; }
    DeliverySummary summary(int row) const { return m_rows.at(row); }
    int rowOfId(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    // The first page of the current filter arrived (possibly empty).
    void loaded();

private:
    void onDeliveriesAdded(qint64 latestId);
    void fetchNewer();
    void appendPage(const QList<DeliverySummary> &page);
    void prependNewer(const QList<DeliverySummary> &rows, qint64 coveredUpTo);
    QVariant displayData(const DeliverySummary &row, int column) const;
    static QString verificationBadge(const QString &outcome);
    static QString verificationToolTip(const QString &outcome);

    QPointer<AsyncStore> m_store;
    DeliveryFilter m_filter;
    QList<DeliverySummary> m_rows; // newest first
    int m_pageSize = defaultPageSize;
    // Answers to requests made for an older filter are dropped by comparing generations.
    quint64 m_generation = 0;
    bool m_loaded = false;
    bool m_exhausted = false;
    bool m_fetchingPage = false;
    bool m_fetchingNewer = false;
    // Every matching delivery up to this id is in m_rows; m_latestKnown is the newest id the store
    // announced. A live fetch runs while the first is behind the second.
    qint64 m_coveredUpTo = 0;
    qint64 m_latestKnown = 0;
};

} // namespace hookbench
