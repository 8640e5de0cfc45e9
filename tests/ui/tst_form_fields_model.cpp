#include "models/form_fields_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_FormFieldsModel : public QObject
{
    Q_OBJECT

private slots:
    void showsFieldsInOrder_data();
    void showsFieldsInOrder();
};

void tst_FormFieldsModel::showsFieldsInOrder_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("values");
    QTest::newRow("empty") << QByteArray() << QStringList() << QStringList();
    QTest::newRow("order kept") << QByteArrayLiteral("b=2&a=1") << QStringList{u"b"_s, u"a"_s}
                                << QStringList{u"2"_s, u"1"_s};
    QTest::newRow("duplicates kept") << QByteArrayLiteral("To=x&Body=hi+there&To=y")
                                     << QStringList{u"To"_s, u"Body"_s, u"To"_s}
                                     << QStringList{u"x"_s, u"hi there"_s, u"y"_s};
    QTest::newRow("percent-decoded utf-8") << QByteArrayLiteral("name=J%C3%BCrgen")
                                           << QStringList{u"name"_s} << QStringList{u"Jürgen"_s};
}

void tst_FormFieldsModel::showsFieldsInOrder()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, names);
    QFETCH(QStringList, values);
    FormFieldsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &FormFieldsModel::modelReset);
    model.setFields(FormDecoder::decode(body));
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.rowCount(), names.size());
    QCOMPARE(model.columnCount(), 2);
    for (int row = 0; row < names.size(); ++row) {
        QCOMPARE(model.index(row, FormFieldsModel::NameColumn).data().toString(), names.at(row));
        QCOMPARE(model.index(row, FormFieldsModel::ValueColumn).data().toString(), values.at(row));
    }
    QCOMPARE(model.headerData(FormFieldsModel::ValueColumn, Qt::Horizontal).toString(), u"Value"_s);
}

QTEST_MAIN(tst_FormFieldsModel)
#include "tst_form_fields_model.moc"
