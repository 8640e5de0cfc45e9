#include "compare_dialog.h"

#include "http/header_diff.h"
#include "models/delivery_text.h"
#include "payload/json_diff.h"
#include "payload/payload_analyzer.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QTabWidget>
#include <QTableWidget>
#include <QThreadPool>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
enum class Change { Added, Removed, Changed };

// Lines beyond which the text comparison would cost more than it tells (it is quadratic).
constexpr qsizetype maxCompareLines = 2000;

QColor changeColour(Change change)
{
    // Translucent so the text keeps the palette's colour and reads on light and dark themes.
    switch (change) {
    case Change::Added:
        return QColor(46, 160, 67, 70);
    case Change::Removed:
        return QColor(224, 79, 63, 70);
    case Change::Changed:
        break;
    }
    return QColor(210, 153, 34, 70);
}

QString changeName(Change change)
{
    switch (change) {
    case Change::Added:
        return QCoreApplication::translate("hookbench::CompareDialog", "added");
    case Change::Removed:
        return QCoreApplication::translate("hookbench::CompareDialog", "removed");
    case Change::Changed:
        break;
    }
    return QCoreApplication::translate("hookbench::CompareDialog", "changed");
}

struct DiffRow
{
    Change change = Change::Changed;
    QString where;
    QString oldValue;
    QString newValue;
};

QTableWidget *makeTable(const QStringList &columns, const QString &name, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(columns.size()), parent);
    table->setHorizontalHeaderLabels(columns);
    table->setAccessibleName(name);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(false);
    return table;
}

void fillTable(QTableWidget *table, const QList<DiffRow> &rows)
{
    table->setRowCount(int(rows.size()));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (int row = 0; row < rows.size(); ++row) {
        const DiffRow &diff = rows.at(row);
        const QStringList cells{changeName(diff.change), diff.where, diff.oldValue, diff.newValue};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setBackground(changeColour(diff.change));
            item->setToolTip(cells.at(column));
            if (column > 0)
                item->setFont(fixed);
            table->setItem(row, column, item);
        }
    }
    table->resizeColumnsToContents();
    // Long values would push the New column out of sight; the tooltip has the whole value.
    for (int column = 0; column < table->columnCount() - 1; ++column)
        table->setColumnWidth(column, qMin(table->columnWidth(column), 360));
}

// Line diff by longest common subsequence: removed and added lines with their line numbers.
QList<DiffRow> compareLines(const QStringList &left, const QStringList &right)
{
    const qsizetype n = left.size();
    const qsizetype m = right.size();
    QList<QList<int>> lcs(n + 1, QList<int>(m + 1, 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[i][j] = left.at(i) == right.at(j) ? lcs[i + 1][j + 1] + 1
                                                  : qMax(lcs[i + 1][j], lcs[i][j + 1]);
    QList<DiffRow> rows;
    qsizetype i = 0;
    qsizetype j = 0;
    const auto lineLabel = [](qsizetype line) {
        return QCoreApplication::translate("hookbench::CompareDialog", "line %1").arg(line + 1);
    };
    while (i < n || j < m) {
        if (i < n && j < m && left.at(i) == right.at(j)) {
            ++i;
            ++j;
        } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
            rows.append({Change::Added, lineLabel(j), {}, right.at(j)});
            ++j;
        } else {
            rows.append({Change::Removed, lineLabel(i), left.at(i), {}});
            ++i;
        }
    }
    return rows;
}

Change fromKind(JsonDifference::Kind kind)
{
    switch (kind) {
    case JsonDifference::Kind::Added:
        return Change::Added;
    case JsonDifference::Kind::Removed:
        return Change::Removed;
    case JsonDifference::Kind::Changed:
        break;
    }
    return Change::Changed;
}

Change fromKind(HeaderDifference::Kind kind)
{
    switch (kind) {
    case HeaderDifference::Kind::Added:
        return Change::Added;
    case HeaderDifference::Kind::Removed:
        return Change::Removed;
    case HeaderDifference::Kind::Changed:
        break;
    }
    return Change::Changed;
}

QString joinValues(const QList<QByteArray> &values)
{
    QStringList texts;
    for (const QByteArray &value : values)
        texts << displayText(value);
    return texts.join(u"  |  "_s);
}

QString requestLine(const Delivery &delivery)
{
    return u"#%1  %2 %3 · %4"_s.arg(QString::number(delivery.id), displayText(delivery.method),
                                    displayText(delivery.target), displaySize(delivery.bodySize));
}
QString describeKind(const PayloadAnalysis &payload)
{
    if (payload.valid)
        return payload.kindName();
    return QCoreApplication::translate("hookbench::CompareDialog", "invalid %1: %2")
            .arg(payload.kindName(), payload.error);
}
} // namespace

struct CompareDialog::BodyComparison
{
    BodyMode mode = BodyMode::Pending;
    QList<DiffRow> rows;
    QString note;
};

CompareDialog::CompareDialog(const Delivery &left, const Delivery &right, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Compare Deliveries #%1 and #%2").arg(left.id).arg(right.id));
    setAccessibleName(tr("Compare deliveries"));
    auto *layout = new QVBoxLayout(this);

    auto *sides = new QGridLayout;
    sides->addWidget(new QLabel(tr("Old:"), this), 0, 0);
    sides->addWidget(new QLabel(tr("New:"), this), 1, 0);
    const std::pair<int, const Delivery *> rows[] = {{0, &left}, {1, &right}};
    for (const auto &[row, delivery] : rows) {
        auto *line = new QLabel(requestLine(*delivery), this);
        line->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        line->setTextInteractionFlags(Qt::TextSelectableByMouse);
        line->setToolTip(displayTime(delivery->receivedAtMs));
        sides->addWidget(line, row, 1);
    }
    sides->setColumnStretch(1, 1);
    layout->addLayout(sides);

    m_tabs = new QTabWidget(this);
    const QStringList columns{tr("Change"), tr("Where"), tr("Old"), tr("New")};
    m_headerTable = makeTable(columns, tr("Header differences"), m_tabs);
    m_tabs->addTab(m_headerTable, tr("&Headers"));

    auto *bodyPage = new QWidget(m_tabs);
    auto *bodyLayout = new QVBoxLayout(bodyPage);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    m_bodyNote = new QLabel(tr("Comparing the bodies…"), bodyPage);
    m_bodyNote->setWordWrap(true);
    m_bodyNote->setContentsMargins(6, 4, 6, 4);
    bodyLayout->addWidget(m_bodyNote);
    m_bodyTable = makeTable(columns, tr("Body differences"), bodyPage);
    bodyLayout->addWidget(m_bodyTable, 1);
    m_tabs->addTab(bodyPage, tr("&Body"));
    layout->addWidget(m_tabs, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    fillHeaders(left, right);
    compareBodies(left, right);
    resize(900, 560);
}

QString CompareDialog::bodyNote() const
{
    return m_bodyNote->text();
}

void CompareDialog::fillHeaders(const Delivery &left, const Delivery &right)
{
    QList<DiffRow> rows;
    for (const HeaderDifference &difference : compareHeaders(left.headers, right.headers)) {
        rows.append({fromKind(difference.kind), displayText(difference.name),
                     joinValues(difference.oldValues), joinValues(difference.newValues)});
    }
    fillTable(m_headerTable, rows);
    m_tabs->setTabText(0, rows.isEmpty() ? tr("&Headers (same)")
                                         : tr("&Headers (%1)").arg(rows.size()));
}

void CompareDialog::compareBodies(const Delivery &left, const Delivery &right)
{
    QPointer<CompareDialog> self(this);
    const Delivery a = left;
    const Delivery b = right;
    QThreadPool::globalInstance()->start([self, a, b] {
        BodyComparison comparison;
        const PayloadAnalysis oldPayload = analyzePayload(a.headers, a.body, a.target);
        const PayloadAnalysis newPayload = analyzePayload(b.headers, b.body, b.target);
        const bool bothJson = oldPayload.kind == ContentKind::Json && oldPayload.valid
                              && newPayload.kind == ContentKind::Json && newPayload.valid;
        if (oldPayload.body == newPayload.body) {
            comparison.mode = BodyMode::Identical;
            comparison.note = QCoreApplication::translate("hookbench::CompareDialog",
                                                          "The bodies are identical.");
        } else if (bothJson) {
            comparison.mode = BodyMode::Json;
            for (const JsonDifference &difference :
                 JsonDiff::compare(oldPayload.json, newPayload.json)) {
                comparison.rows.append({fromKind(difference.kind),
                                        difference.pointer.isEmpty() ? QCoreApplication::translate(
                                                "hookbench::CompareDialog", "(root)")
                                                                     : difference.pointer,
                                        difference.oldValue, difference.newValue});
            }
            comparison.note = QCoreApplication::translate("hookbench::CompareDialog",
                                                          "Structural JSON comparison: %n "
                                                          "difference(s), by JSON Pointer.",
                                                          nullptr, int(comparison.rows.size()));
        } else {
            comparison.mode = BodyMode::Text;
            const QStringList oldLines = oldPayload.text().split(u'\n');
            const QStringList newLines = newPayload.text().split(u'\n');
            QString why = QCoreApplication::translate("hookbench::CompareDialog",
                                                      "Not JSON on both sides (%1 and %2), so the "
                                                      "bodies are compared line by "
                                                      "line.")
                                  .arg(describeKind(oldPayload), describeKind(newPayload));
            if (oldLines.size() > maxCompareLines || newLines.size() > maxCompareLines) {
                why += u' '
                       + QCoreApplication::translate("hookbench::CompareDialog",
                                                     "They are too long to compare here "
                                                     "(over %1 lines).")
                                 .arg(maxCompareLines);
            } else {
                comparison.rows = compareLines(oldLines, newLines);
            }
            comparison.note = why;
        }
        QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, comparison = std::move(comparison)] {
                    if (self)
                        self->showBodies(comparison);
                },
                Qt::QueuedConnection);
    });
}

void CompareDialog::showBodies(const BodyComparison &comparison)
{
    m_bodyMode = comparison.mode;
    m_bodyNote->setText(comparison.note);
    fillTable(m_bodyTable, comparison.rows);
    QString title = tr("&Body");
    if (!comparison.rows.isEmpty())
        title = tr("&Body (%1)").arg(comparison.rows.size());
    else if (comparison.mode != BodyMode::Text)
        title = tr("&Body (same)");
    m_tabs->setTabText(1, title);
    emit comparisonReady();
}

} // namespace hookbench
