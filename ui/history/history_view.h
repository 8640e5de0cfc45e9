#pragma once

#include <QUrl>
#include <QWidget>

class QComboBox;
class QStackedWidget;
class QTableView;

namespace hookbench {

class EmptyStateWidget;
class HistoryModel;

// The history table, or the getting-started page while the current list has no deliveries.
// It only reports which delivery is current; the inspector listens for that.
class HistoryView : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryView(HistoryModel *model, QWidget *parent = nullptr);

    // The URL the getting-started page offers (the receiver's, or the selected endpoint's).
    void setReceiverUrl(const QUrl &url, const QString &failure = {});
    // Shows the getting-started page with the store's error instead of an empty table.
    void setStoreFailure(const QString &error);

    QTableView *tableView() const { return m_table; }
    EmptyStateWidget *emptyState() const { return m_emptyState; }
    // All, valid, invalid, not configured, unchecked: narrows the model's filter by
    // DeliveryFilter::verification.
    QComboBox *verificationFilter() const { return m_verificationFilter; }
    bool isShowingEmptyState() const;
    qint64 currentDeliveryId() const;
    // Every selected row's id, in the table's order (Compare takes two).
    QList<qint64> selectedDeliveryIds() const;
    void selectDelivery(qint64 id);

    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

signals:
    // 0 when nothing is selected.
    void currentDeliveryChanged(qint64 id);

private:
    void updatePage();

    HistoryModel *m_model = nullptr;
    QString m_storeFailure;
    QComboBox *m_verificationFilter = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    EmptyStateWidget *m_emptyState = nullptr;
};

} // namespace hookbench
