#include "multipart_parts_model.h"

#include "delivery_text.h"

namespace hookbench {

MultipartPartsModel::MultipartPartsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void MultipartPartsModel::setParts(const QList<MultipartPart> &parts)
{
    beginResetModel();
    m_parts = parts;
    endResetModel();
}

const MultipartPart *MultipartPartsModel::part(int row) const
{
    return row >= 0 && row < m_parts.size() ? &m_parts.at(row) : nullptr;
}

int MultipartPartsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_parts.size());
}

int MultipartPartsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MultipartPartsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MultipartPart &part = m_parts.at(index.row());
    if (role == BytesRole && index.column() == SizeColumn)
        return QVariant::fromValue(qint64(part.size()));
    if (role == Qt::TextAlignmentRole && index.column() == SizeColumn)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return displayText(part.name);
    case FilenameColumn:
        return part.filename;
    case ContentTypeColumn:
        return displayText(part.contentType);
    case SizeColumn:
        return displaySize(part.size());
    default:
        return {};
    }
}

QVariant MultipartPartsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case FilenameColumn:
        return tr("File name");
    case ContentTypeColumn:
        return tr("Content type");
    case SizeColumn:
        return tr("Size");
    default:
        return {};
    }
}

} // namespace hookbench
