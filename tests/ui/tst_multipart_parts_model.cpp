#include "models/multipart_parts_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_MultipartPartsModel : public QObject
{
    Q_OBJECT

private slots:
    void showsParts_data();
    void showsParts();
};

void tst_MultipartPartsModel::showsParts_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("filenames");
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<QList<qint64>>("sizes");
    QTest::newRow("no parts") << QByteArray() << QStringList() << QStringList() << QStringList()
                              << QList<qint64>();
    QTest::newRow("remedy entry and attachment")
            << QByteArrayLiteral("--b\r\n"
                                 "Content-Disposition: form-data; name=\"entry\"\r\n"
                                 "Content-Type: application/json\r\n\r\n"
                                 "{\"a\":1}\r\n"
                                 "--b\r\n"
                                 "Content-Disposition: form-data; name=\"attach-Z2AF\"; "
                                 "filename=\"log.txt\"\r\n"
                                 "Content-Type: text/plain\r\n\r\n"
                                 "hello\r\n"
                                 "--b--\r\n")
            << QStringList{u"entry"_s, u"attach-Z2AF"_s} << QStringList{QString(), u"log.txt"_s}
            << QStringList{u"application/json"_s, u"text/plain"_s} << QList<qint64>{7, 5};
    QTest::newRow("default content type")
            << QByteArrayLiteral("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n"
                                 "1\r\n--b--\r\n")
            << QStringList{u"x"_s} << QStringList{QString()} << QStringList{u"text/plain"_s}
            << QList<qint64>{1};
}

void tst_MultipartPartsModel::showsParts()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, names);
    QFETCH(QStringList, filenames);
    QFETCH(QStringList, types);
    QFETCH(QList<qint64>, sizes);
    MultipartPartsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &MultipartPartsModel::modelReset);
    model.setParts(MultipartParser::parse(body, "b").parts);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.rowCount(), names.size());
    QCOMPARE(model.columnCount(), 4);
    for (int row = 0; row < names.size(); ++row) {
        QCOMPARE(model.index(row, MultipartPartsModel::NameColumn).data().toString(),
                 names.at(row));
        QCOMPARE(model.index(row, MultipartPartsModel::FilenameColumn).data().toString(),
                 filenames.at(row));
        QCOMPARE(model.index(row, MultipartPartsModel::ContentTypeColumn).data().toString(),
                 types.at(row));
        QCOMPARE(model.index(row, MultipartPartsModel::SizeColumn)
                         .data(MultipartPartsModel::BytesRole)
                         .toLongLong(),
                 sizes.at(row));
        QVERIFY(!model.index(row, MultipartPartsModel::SizeColumn).data().toString().isEmpty());
        QVERIFY(model.part(row));
    }
    QVERIFY(!model.part(int(names.size())));
    QCOMPARE(model.headerData(MultipartPartsModel::FilenameColumn, Qt::Horizontal).toString(),
             u"File name"_s);
}

QTEST_MAIN(tst_MultipartPartsModel)
#include "tst_multipart_parts_model.moc"
