#include "compression.h"
#include "payload/zlib_inflater.h"

#include <QTest>

using namespace hookbench;
using namespace hookbench::test;

class tst_ZlibInflater : public QObject
{
    Q_OBJECT

private slots:
    void inflate_data();
    void inflate();
    void capStopsBombs();
    void paddingIsReserved();
};

void tst_ZlibInflater::inflate_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("output");

    const QByteArray text = QByteArray("{\"hello\":\"world\"}").repeated(100);
    const int gzip = int(ZlibInflater::Format::Gzip);
    const int deflate = int(ZlibInflater::Format::Deflate);
    const int ok = int(ZlibInflater::Status::Ok);
    QTest::newRow("gzip") << compressed(text, 31) << gzip << ok << text;
    QTest::newRow("gzip members") << compressed("abc", 31) + compressed("def", 31) << gzip << ok
                                  << QByteArray("abcdef");
    QTest::newRow("gzip zero padding")
            << compressed("abc", 31) + QByteArray(4, '\0') << gzip << ok << QByteArray("abc");
    QTest::newRow("deflate zlib") << compressed(text, 15) << deflate << ok << text;
    QTest::newRow("deflate raw") << compressed(text, -15) << deflate << ok << text;
    QTest::newRow("empty gzip stream")
            << compressed(QByteArray(), 31) << gzip << ok << QByteArray();
    QTest::newRow("truncated") << compressed(text, 31).chopped(10) << gzip
                               << int(ZlibInflater::Status::Truncated) << QByteArray();
    QTest::newRow("empty input") << QByteArray() << gzip << int(ZlibInflater::Status::Truncated)
                                 << QByteArray();
    QTest::newRow("not gzip") << QByteArray("plain text") << gzip
                              << int(ZlibInflater::Status::Corrupt) << QByteArray();
    QTest::newRow("trailing garbage") << compressed("abc", 31) + "junk" << gzip
                                      << int(ZlibInflater::Status::Corrupt) << QByteArray();
}

void tst_ZlibInflater::inflate()
{
    QFETCH(QByteArray, input);
    QFETCH(int, format);
    QFETCH(int, status);
    QFETCH(QByteArray, output);
    const ZlibInflater::Result result = ZlibInflater::inflate(input, ZlibInflater::Format(format));
    QCOMPARE(int(result.status), status);
    QCOMPARE(result.error.isEmpty(), status == int(ZlibInflater::Status::Ok));
    if (result.status == ZlibInflater::Status::Ok)
        QCOMPARE(result.data, output);
}

void tst_ZlibInflater::capStopsBombs()
{
    const QByteArray bomb = compressed(QByteArray(4 * 1024 * 1024, 'a'), 31);
    QVERIFY(bomb.size() < 16 * 1024);
    const ZlibInflater::Result capped
            = ZlibInflater::inflate(bomb, ZlibInflater::Format::Gzip, 1024 * 1024);
    QCOMPARE(capped.status, ZlibInflater::Status::TooLarge);
    QVERIFY(capped.data.size() <= 1024 * 1024);
    const ZlibInflater::Result exact
            = ZlibInflater::inflate(bomb, ZlibInflater::Format::Gzip, 4 * 1024 * 1024);
    QCOMPARE(exact.status, ZlibInflater::Status::Ok);
    QCOMPARE(exact.data.size(), 4 * 1024 * 1024);
}

void tst_ZlibInflater::paddingIsReserved()
{
    const ZlibInflater::Result result
            = ZlibInflater::inflate(compressed("abc", 31), ZlibInflater::Format::Gzip, 1024, 64);
    QCOMPARE(result.data, QByteArray("abc"));
    QVERIFY(result.data.capacity() >= 3 + 64);
}

QTEST_GUILESS_MAIN(tst_ZlibInflater)
#include "tst_zlib_inflater.moc"
