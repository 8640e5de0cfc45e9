#include "form_fields_model.h"

namespace hookbench {

FormFieldsModel::FormFieldsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void FormFieldsModel::setFields(const QList<FormField> &fields)
{
    beginResetModel();
    m_fields = fields;
    endResetModel();
}

int FormFieldsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_fields.size());
}

int FormFieldsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FormFieldsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const FormField &field = m_fields.at(index.row());
    return index.column() == NameColumn ? field.name : field.value;
}

QVariant FormFieldsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == NameColumn ? tr("Name") : tr("Value");
}

} // namespace hookbench
