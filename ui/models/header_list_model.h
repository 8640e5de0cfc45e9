#pragma once

#include "http/header_list.h"

#include <QAbstractTableModel>

namespace hookbench {

// Header fields as a two-column table, in arrival order with their original case: what the
// sender really sent, duplicates included.
class HeaderListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, ValueColumn, ColumnCount };

    explicit HeaderListModel(QObject *parent = nullptr);

    void setHeaders(const HeaderList &headers);
    HeaderList headers() const { return m_headers; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    HeaderList m_headers;
};

} // namespace hookbench
