#pragma once

#include "payload/vendor_summary.h"

#include <QAbstractTableModel>

namespace hookbench {

// One table of a vendor summary (Rally changes, Foundries runs, Compass fields...) for a view.
// Rows shorter than the column list show empty cells rather than failing.
class SummaryTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit SummaryTableModel(QObject *parent = nullptr);

    void setTable(const SummaryTable &table);
    const SummaryTable &table() const { return m_table; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    SummaryTable m_table;
};

} // namespace hookbench
