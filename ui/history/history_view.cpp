#include "history_view.h"

#include "empty_state_widget.h"
#include "models/history_model.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hookbench {

HistoryView::HistoryView(HistoryModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *filterBar = new QHBoxLayout;
    filterBar->setContentsMargins(6, 2, 6, 0);
    filterBar->addStretch(1);
    m_verificationFilter = new QComboBox(this);
    m_verificationFilter->setObjectName(u"verificationFilter"_s);
    m_verificationFilter->setAccessibleName(tr("Show deliveries by signature"));
    m_verificationFilter->addItem(tr("All"), QString());
    m_verificationFilter->addItem(tr("✓ Valid"), u"valid"_s);
    m_verificationFilter->addItem(tr("✗ Invalid"), u"invalid"_s);
    m_verificationFilter->addItem(tr("Not configured"), u"not-configured"_s);
    m_verificationFilter->addItem(tr("Unchecked"), u"unchecked"_s);
    m_verificationFilter->setItemData(4, tr("Deliveries whose endpoint checks no signature"),
                                      Qt::ToolTipRole);
    auto *filterLabel = new QLabel(tr("Si&gnature:"), this);
    filterLabel->setBuddy(m_verificationFilter);
    filterBar->addWidget(filterLabel);
    filterBar->addWidget(m_verificationFilter);
    layout->addLayout(filterBar);
    connect(m_verificationFilter, &QComboBox::currentIndexChanged, this, [this] {
        DeliveryFilter filter = m_model->filter();
        filter.verification = m_verificationFilter->currentData().toString();
        if (filter != m_model->filter())
            m_model->setFilter(filter);
    });

    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack);

    m_table = new QTableView(m_stack);
    m_table->setAccessibleName(tr("Delivery history"));
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Two rows at once can be compared; the current row is the one the inspector shows.
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    const int characterWidth = m_table->fontMetrics().averageCharWidth();
    // Room for the full timestamp plus the warning icon rejected rows carry.
    header->resizeSection(HistoryModel::TimeColumn,
                          m_table->fontMetrics().horizontalAdvance(u"2026-12-31 23:59:59.999"_s)
                                  + style()->pixelMetric(QStyle::PM_SmallIconSize) + 24);
    header->resizeSection(HistoryModel::MethodColumn, characterWidth * 9);
    header->resizeSection(HistoryModel::PathColumn, characterWidth * 36);
    header->resizeSection(HistoryModel::StatusColumn, characterWidth * 8);
    header->resizeSection(HistoryModel::VerificationColumn, characterWidth * 14);
    header->resizeSection(HistoryModel::SizeColumn, characterWidth * 11);
    header->resizeSection(HistoryModel::ContentTypeColumn, characterWidth * 22);
    m_stack->addWidget(m_table);

    m_emptyState = new EmptyStateWidget(m_stack);
    m_stack->addWidget(m_emptyState);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { emit currentDeliveryChanged(currentDeliveryId()); });
    connect(model, &HistoryModel::loaded, this, &HistoryView::updatePage);
    connect(model, &HistoryModel::modelReset, this, &HistoryView::updatePage);
    connect(model, &HistoryModel::rowsInserted, this, &HistoryView::updatePage);
    connect(model, &HistoryModel::rowsRemoved, this, &HistoryView::updatePage);
    updatePage();
}

void HistoryView::setReceiverUrl(const QUrl &url, const QString &failure)
{
    m_emptyState->setUrl(url, failure);
}

void HistoryView::setStoreFailure(const QString &error)
{
    m_storeFailure = error;
    m_emptyState->setStoreFailure(error);
    updatePage();
}

bool HistoryView::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_emptyState;
}

qint64 HistoryView::currentDeliveryId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return 0;
    return current.data(HistoryModel::IdRole).toLongLong();
}

QList<qint64> HistoryView::selectedDeliveryIds() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    QList<qint64> ids;
    for (const QModelIndex &row : std::as_const(rows))
        ids << row.data(HistoryModel::IdRole).toLongLong();
    return ids;
}

void HistoryView::selectDelivery(qint64 id)
{
    const int row = m_model->rowOfId(id);
    if (row < 0)
        return;
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
}

QByteArray HistoryView::saveState() const
{
    return m_table->horizontalHeader()->saveState();
}

void HistoryView::restoreState(const QByteArray &state)
{
    m_table->horizontalHeader()->restoreState(state);
}

void HistoryView::updatePage()
{
    // While the first page is loading the table stays up: flashing the getting-started page
    // for a few milliseconds on every filter change would look like data loss.
    // An empty list under a signature filter is an answer ("none failed"), not a reason to
    // explain how to send a first webhook.
    const bool empty = !m_storeFailure.isEmpty()
                       || (m_model->isLoaded() && m_model->rowCount() == 0
                           && m_model->filter().verification.isEmpty());
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_emptyState) : m_table);
}

} // namespace hookbench
