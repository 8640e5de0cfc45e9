#pragma once

#include "payload/form_decoder.h"

#include <QAbstractTableModel>
#include <QList>

namespace hookbench {

// The fields of a form body as a two-column table, in the order sent and with duplicates kept:
// Slack and Twilio repeat names and rely on the order.
class FormFieldsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, ValueColumn, ColumnCount };

    explicit FormFieldsModel(QObject *parent = nullptr);

    void setFields(const QList<FormField> &fields);
    QList<FormField> fields() const { return m_fields; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<FormField> m_fields;
};

} // namespace hookbench
