#include "models/header_list_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_HeaderListModel : public QObject
{
    Q_OBJECT

private slots:
    void showsFieldsAsTheyArrived_data();
    void showsFieldsAsTheyArrived();
};

void tst_HeaderListModel::showsFieldsAsTheyArrived_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("values");
    QTest::newRow("empty") << QByteArray() << QStringList() << QStringList();
    QTest::newRow("original case and order")
            << QByteArrayLiteral("X-GitHub-Event: push\r\ncontent-type: application/json\r\n")
            << QStringList{u"X-GitHub-Event"_s, u"content-type"_s}
            << QStringList{u"push"_s, u"application/json"_s};
    QTest::newRow("duplicates kept")
            << QByteArrayLiteral("Via: a\r\nHost: x\r\nVia: b\r\n")
            << QStringList{u"Via"_s, u"Host"_s, u"Via"_s} << QStringList{u"a"_s, u"x"_s, u"b"_s};
    QTest::newRow("utf-8 value") << QByteArray("X-Name: J\xc3\xbcrgen\r\n")
                                 << QStringList{u"X-Name"_s} << QStringList{u"Jürgen"_s};
    QTest::newRow("latin-1 value") << QByteArray("X-Name: J\xfcrgen\r\n")
                                   << QStringList{u"X-Name"_s} << QStringList{u"Jürgen"_s};
}

void tst_HeaderListModel::showsFieldsAsTheyArrived()
{
    QFETCH(QByteArray, wire);
    QFETCH(QStringList, names);
    QFETCH(QStringList, values);
    HeaderListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &HeaderListModel::modelReset);
    model.setHeaders(HeaderList::fromWireFormat(wire));
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.rowCount(), names.size());
    QCOMPARE(model.columnCount(), 2);
    for (int row = 0; row < names.size(); ++row) {
        QCOMPARE(model.index(row, HeaderListModel::NameColumn).data().toString(), names.at(row));
        QCOMPARE(model.index(row, HeaderListModel::ValueColumn).data().toString(), values.at(row));
    }
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Name"_s);
}

QTEST_MAIN(tst_HeaderListModel)
#include "tst_header_list_model.moc"
