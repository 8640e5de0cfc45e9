#pragma once

#include "store/delivery.h"

#include <QDialog>

class QLabel;
class QTabWidget;
class QTableWidget;

namespace hookbench {

// Two deliveries side by side: their request lines and sizes, a header diff, and a structural
// JSON diff by JSON Pointer (or, for bodies that are not both JSON, a line-by-line comparison).
// The bodies are parsed and compared on the thread pool; comparisonReady() says when the body
// table is filled.
class CompareDialog : public QDialog
{
    Q_OBJECT

public:
    enum class BodyMode { Pending, Json, Text, Identical };

    CompareDialog(const Delivery &left, const Delivery &right, QWidget *parent = nullptr);

    QTableWidget *headerTable() const { return m_headerTable; }
    QTableWidget *bodyTable() const { return m_bodyTable; }
    QString bodyNote() const;
    BodyMode bodyMode() const { return m_bodyMode; }
    QTabWidget *tabs() const { return m_tabs; }

signals:
    void comparisonReady();

private:
    struct BodyComparison;
    void fillHeaders(const Delivery &left, const Delivery &right);
    void compareBodies(const Delivery &left, const Delivery &right);
    void showBodies(const BodyComparison &comparison);

    BodyMode m_bodyMode = BodyMode::Pending;
    QTabWidget *m_tabs = nullptr;
    QTableWidget *m_headerTable = nullptr;
    QTableWidget *m_bodyTable = nullptr;
    QLabel *m_bodyNote = nullptr;
};

} // namespace hookbench
