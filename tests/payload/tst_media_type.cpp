#include "payload/content_kind.h"
#include "payload/media_type.h"

#include <QTest>

using namespace hookbench;

class tst_MediaType : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void classify_data();
    void classify();
};

void tst_MediaType::parse_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("essence");
    QTest::addColumn<QByteArray>("charset");
    QTest::addColumn<QByteArray>("boundary");

    QTest::newRow("plain") << QByteArray("application/json") << true
                           << QByteArray("application/json") << QByteArray() << QByteArray();
    QTest::newRow("case and spaces")
            << QByteArray("  Application/JSON ;  Charset = UTF-8 ") << true
            << QByteArray("application/json") << QByteArray("UTF-8") << QByteArray();
    QTest::newRow("quoted boundary")
            << QByteArray("multipart/form-data; boundary=\"a b;c\"") << true
            << QByteArray("multipart/form-data") << QByteArray() << QByteArray("a b;c");
    QTest::newRow("escaped quote")
            << QByteArray(R"(text/plain; charset="x\"y")") << true << QByteArray("text/plain")
            << QByteArray("x\"y") << QByteArray();
    QTest::newRow("Remedy-style boundary")
            << QByteArray("multipart/form-data;boundary=W3NByNRZZYy4ALu6xeZzvWXU3NVmYUxoRB") << true
            << QByteArray("multipart/form-data") << QByteArray()
            << QByteArray("W3NByNRZZYy4ALu6xeZzvWXU3NVmYUxoRB");
    QTest::newRow("valueless parameter skipped")
            << QByteArray("text/plain; flag; charset=latin1") << true << QByteArray("text/plain")
            << QByteArray("latin1") << QByteArray();
    QTest::newRow("no slash") << QByteArray("json") << false << QByteArray() << QByteArray()
                              << QByteArray();
    QTest::newRow("empty subtype")
            << QByteArray("text/") << false << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("empty") << QByteArray() << false << QByteArray() << QByteArray() << QByteArray();
}

void tst_MediaType::parse()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, valid);
    QFETCH(QByteArray, essence);
    QFETCH(QByteArray, charset);
    QFETCH(QByteArray, boundary);

    const std::optional<MediaType> type = MediaType::parse(value);
    QCOMPARE(type.has_value(), valid);
    if (!type)
        return;
    QCOMPARE(type->essence(), essence);
    QCOMPARE(type->charset().value_or(QByteArray()), charset);
    QCOMPARE(type->boundary().value_or(QByteArray()), boundary);
}

void tst_MediaType::classify_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("kind");

    QTest::newRow("json") << QByteArray("application/json") << QStringLiteral("json");
    QTest::newRow("+json") << QByteArray("application/vnd.github+json") << QStringLiteral("json");
    QTest::newRow("text/json") << QByteArray("text/json") << QStringLiteral("json");
    QTest::newRow("form") << QByteArray("application/x-www-form-urlencoded")
                          << QStringLiteral("form");
    QTest::newRow("multipart") << QByteArray("multipart/form-data; boundary=x")
                               << QStringLiteral("multipart");
    QTest::newRow("xml") << QByteArray("application/xml") << QStringLiteral("xml");
    QTest::newRow("text xml") << QByteArray("text/xml") << QStringLiteral("xml");
    QTest::newRow("+xml") << QByteArray("application/atom+xml") << QStringLiteral("xml");
    QTest::newRow("text") << QByteArray("text/plain") << QStringLiteral("text");
    QTest::newRow("csv") << QByteArray("text/csv") << QStringLiteral("text");
    QTest::newRow("octets") << QByteArray("application/octet-stream") << QStringLiteral("binary");
    QTest::newRow("image") << QByteArray("image/png") << QStringLiteral("binary");
}

void tst_MediaType::classify()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, kind);
    QCOMPARE(ContentClassifier::name(ContentClassifier::fromMediaType(*MediaType::parse(value))),
             kind);
}

QTEST_GUILESS_MAIN(tst_MediaType)
#include "tst_media_type.moc"
