#include "vendor_summary_pane.h"

#include "models/summary_table_model.h"
#include "payload/vendor_registry.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
// Rows a table shows before it scrolls on its own; the pane scrolls as a whole beyond that.
constexpr int maxVisibleRows = 12;

QLabel *makeHeading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}
} // namespace

VendorSummaryPane::VendorSummaryPane(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Vendor summary"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);

    auto *content = new QWidget(scroll);
    m_content = new QVBoxLayout(content);
    m_content->setContentsMargins(12, 10, 12, 10);

    m_title = makeHeading({}, content);
    m_content->addWidget(m_title);

    m_facts = new QFormLayout;
    m_facts->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_content->addLayout(m_facts);

    m_problemsTitle = makeHeading(tr("Problems"), content);
    m_content->addWidget(m_problemsTitle);
    m_problems = new QListWidget(content);
    m_problems->setAccessibleName(tr("Vendor schema problems"));
    m_problems->setWordWrap(true);
    m_problems->setIconSize(QSize(16, 16));
    m_content->addWidget(m_problems);

    m_tablesHost = new QWidget(content);
    auto *tablesLayout = new QVBoxLayout(m_tablesHost);
    tablesLayout->setContentsMargins(0, 0, 0, 0);
    m_content->addWidget(m_tablesHost);
    m_content->addStretch(1);

    scroll->setWidget(content);
    clear();
}

void VendorSummaryPane::clear()
{
    setSummary({});
}

QString VendorSummaryPane::factText(int row) const
{
    QLayoutItem *item = m_facts->itemAt(row, QFormLayout::FieldRole);
    auto *label = item ? qobject_cast<QLabel *>(item->widget()) : nullptr;
    return label ? label->text() : QString();
}

void VendorSummaryPane::setSummary(const VendorSummary &summary)
{
    m_summary = summary;
    while (m_facts->rowCount() > 0)
        m_facts->removeRow(0);
    m_problems->clear();
    qDeleteAll(m_tableViews);
    m_tableViews.clear();
    qDeleteAll(m_tablesHost->findChildren<QLabel *>(Qt::FindDirectChildrenOnly));

    const VendorProfile *profile = VendorRegistry::builtIn().profile(summary.vendor);
    const QString vendor = profile ? profile->displayName() : summary.vendor;
    m_title->setText(summary.event.isEmpty() ? vendor : tr("%1 — %2").arg(vendor, summary.event));

    for (const SummaryFact &fact : summary.facts) {
        auto *value = new QLabel(fact.value, m_facts->parentWidget());
        value->setTextFormat(Qt::PlainText);
        value->setWordWrap(true);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        value->setAccessibleName(fact.label);
        m_facts->addRow(tr("%1:").arg(fact.label), value);
    }

    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const QString &problem : summary.problems)
        m_problems->addItem(new QListWidgetItem(warning, problem));
    m_problemsTitle->setVisible(!summary.problems.isEmpty());
    m_problems->setVisible(!summary.problems.isEmpty());
    if (!summary.problems.isEmpty()) {
        m_problems->setFixedHeight(m_problems->sizeHintForRow(0)
                                           * int(qMin<qsizetype>(summary.problems.size(), 6))
                                   + 2 * m_problems->frameWidth() + 4);
    }

    auto *tablesLayout = qobject_cast<QVBoxLayout *>(m_tablesHost->layout());
    for (const SummaryTable &table : summary.tables) {
        tablesLayout->addWidget(makeHeading(table.title, m_tablesHost));
        auto *model = new SummaryTableModel(m_tablesHost);
        model->setTable(table);
        auto *view = new QTableView(m_tablesHost);
        model->setParent(view);
        view->setModel(model);
        view->setAccessibleName(table.title);
        view->verticalHeader()->hide();
        view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
        view->horizontalHeader()->setStretchLastSection(true);
        view->setAlternatingRowColors(true);
        view->setWordWrap(false);
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->resizeColumnsToContents();
        const int rows = int(qMin<qsizetype>(table.rows.size(), maxVisibleRows));
        view->setFixedHeight(view->horizontalHeader()->sizeHint().height()
                             + rows * view->verticalHeader()->defaultSectionSize()
                             + 2 * view->frameWidth() + 2);
        tablesLayout->addWidget(view);
        m_tableViews << view;
    }
}

} // namespace hookbench
