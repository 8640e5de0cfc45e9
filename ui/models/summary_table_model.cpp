#include "summary_table_model.h"

namespace hookbench {

SummaryTableModel::SummaryTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void SummaryTableModel::setTable(const SummaryTable &table)
{
    beginResetModel();
    m_table = table;
    endResetModel();
}

int SummaryTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.rows.size());
}

int SummaryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.columns.size());
}

QVariant SummaryTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const QStringList &row = m_table.rows.at(index.row());
    return index.column() < row.size() ? row.at(index.column()) : QString();
}

QVariant SummaryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= m_table.columns.size())
        return {};
    return m_table.columns.at(section);
}

} // namespace hookbench
