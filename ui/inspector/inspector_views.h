#pragma once

#include <QString>

class QAbstractItemModel;
class QPlainTextEdit;
class QTableView;
class QWidget;

namespace hookbench {

// The inspector's two recurring views, set up alike everywhere so every tab reads the same:
// read-only monospace text that does not wrap (payloads are wider than the window and wrapping
// hides their structure), and compact tables of records in the order they arrived.
QPlainTextEdit *makeInspectorTextView(QWidget *parent, const QString &accessibleName);
QTableView *makeInspectorTable(QAbstractItemModel *model, QWidget *parent,
                               const QString &accessibleName);

} // namespace hookbench
