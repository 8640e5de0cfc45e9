#pragma once

#include "payload/vendor_summary.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QListWidget;
class QTableView;
class QVBoxLayout;

namespace hookbench {

class SummaryTableModel;

// What the vendor profile made of the payload: its facts as label/value rows, each of its tables
// (Rally changes, Foundries runs, Compass fields, Remedy details) and the problems it found
// against the vendor's documented schema (DevLake).
class VendorSummaryPane : public QWidget
{
    Q_OBJECT

public:
    explicit VendorSummaryPane(QWidget *parent = nullptr);

    void setSummary(const VendorSummary &summary);
    void clear();

    const VendorSummary &summary() const { return m_summary; }
    QList<QTableView *> tableViews() const { return m_tableViews; }
    QListWidget *problemList() const { return m_problems; }
    QString factText(int row) const;

private:
    VendorSummary m_summary;
    QVBoxLayout *m_content = nullptr;
    QLabel *m_title = nullptr;
    QFormLayout *m_facts = nullptr;
    QLabel *m_problemsTitle = nullptr;
    QListWidget *m_problems = nullptr;
    QWidget *m_tablesHost = nullptr;
    QList<QTableView *> m_tableViews;
};

} // namespace hookbench
