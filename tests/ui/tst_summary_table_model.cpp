#include "models/summary_table_model.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_SummaryTableModel : public QObject
{
    Q_OBJECT

private slots:
    void showsTheTable_data();
    void showsTheTable();
    void replacingTheTableResets();
};

void tst_SummaryTableModel::showsTheTable_data()
{
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<QList<QStringList>>("rows");
    QTest::addColumn<QStringList>("expectedLastRow");
    QTest::newRow("empty") << QStringList() << QList<QStringList>() << QStringList();
    QTest::newRow("rally changes")
            << QStringList{u"Field"_s, u"Old"_s, u"New"_s}
            << QList<QStringList>{{u"State"_s, u"Submitted"_s, u"Open"_s},
                                  {u"Plan Estimate"_s, u"3 points"_s, u"5 points"_s}}
            << QStringList{u"Plan Estimate"_s, u"3 points"_s, u"5 points"_s};
    QTest::newRow("short row shows empty cells")
            << QStringList{u"Name"_s, u"Status"_s, u"Host"_s}
            << QList<QStringList>{{u"build-amd64"_s, u"PASSED"_s, u"amd64"_s}, {u"flash"_s}}
            << QStringList{u"flash"_s, QString(), QString()};
}

void tst_SummaryTableModel::showsTheTable()
{
    QFETCH(QStringList, columns);
    QFETCH(QList<QStringList>, rows);
    QFETCH(QStringList, expectedLastRow);

    SummaryTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable({u"t"_s, u"Table"_s, columns, rows});

    QCOMPARE(model.rowCount(), rows.size());
    QCOMPARE(model.columnCount(), columns.size());
    for (int column = 0; column < columns.size(); ++column)
        QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), columns.at(column));
    QVERIFY(!model.headerData(int(columns.size()), Qt::Horizontal).isValid());
    if (rows.isEmpty())
        return;
    const int last = int(rows.size()) - 1;
    for (int column = 0; column < columns.size(); ++column)
        QCOMPARE(model.index(last, column).data().toString(), expectedLastRow.at(column));
}

void tst_SummaryTableModel::replacingTheTableResets()
{
    SummaryTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable({u"a"_s, u"A"_s, {u"x"_s, u"y"_s}, {{u"1"_s, u"2"_s}, {u"3"_s, u"4"_s}}});
    model.setTable({u"b"_s, u"B"_s, {u"z"_s}, {{u"5"_s}}});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), u"5"_s);
    QCOMPARE(model.table().key, u"b"_s);
}

QTEST_GUILESS_MAIN(tst_SummaryTableModel)
#include "tst_summary_table_model.moc"
