#pragma once

#include "payload/multipart_parser.h"

#include <QAbstractTableModel>
#include <QList>

namespace hookbench {

// The parts of a multipart body, one row each in the order sent: what each part is called,
// which file it carries and how big it is. The bytes stay in the parts for the detail view.
class MultipartPartsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, FilenameColumn, ContentTypeColumn, SizeColumn, ColumnCount };
    // Qt::UserRole on the size column: the size in bytes, for sorting and tests.
    static constexpr int BytesRole = Qt::UserRole;

    explicit MultipartPartsModel(QObject *parent = nullptr);

    void setParts(const QList<MultipartPart> &parts);
    const QList<MultipartPart> &parts() const { return m_parts; }
    const MultipartPart *part(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<MultipartPart> m_parts;
};

} // namespace hookbench
