#include "compression.h"
#include "payload/content_decoder.h"

#include <QTest>

using namespace hookbench;
using namespace hookbench::test;

class tst_ContentDecoder : public QObject
{
    Q_OBJECT

private slots:
    void decode_data();
    void decode();
};

void tst_ContentDecoder::decode_data()
{
    QTest::addColumn<QList<QByteArray>>("encodingHeaders");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("decoded");
    QTest::addColumn<QList<QByteArray>>("encodings");

    const QByteArray json = "{\"a\":1}";
    const int ok = int(ContentDecoder::Status::Ok);
    QTest::newRow("none") << QList<QByteArray>{} << json << ok << json << QList<QByteArray>{};
    QTest::newRow("identity") << QList<QByteArray>{"identity"} << json << ok << json
                              << QList<QByteArray>{};
    QTest::newRow("gzip") << QList<QByteArray>{"gzip"} << gzipped(json) << ok << json
                          << QList<QByteArray>{"gzip"};
    QTest::newRow("x-gzip upper case") << QList<QByteArray>{"X-GZIP"} << gzipped(json) << ok << json
                                       << QList<QByteArray>{"x-gzip"};
    QTest::newRow("twice, one header") << QList<QByteArray>{"gzip, gzip"} << gzipped(gzipped(json))
                                       << ok << json << QList<QByteArray>{"gzip", "gzip"};
    QTest::newRow("twice, two headers")
            << QList<QByteArray>{"gzip", "identity, gzip"} << gzipped(gzipped(json)) << ok << json
            << QList<QByteArray>{"gzip", "gzip"};
    QTest::newRow("brotli") << QList<QByteArray>{"br"} << QByteArray("\x0b\x02\x80")
                            << int(ContentDecoder::Status::UnsupportedCoding)
                            << QByteArray("\x0b\x02\x80") << QList<QByteArray>{"br"};
    QTest::newRow("says gzip, is not")
            << QList<QByteArray>{"gzip"} << json << int(ContentDecoder::Status::Corrupt) << json
            << QList<QByteArray>{"gzip"};
}

void tst_ContentDecoder::decode()
{
    QFETCH(QList<QByteArray>, encodingHeaders);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, decoded);
    QFETCH(QList<QByteArray>, encodings);

    HeaderList headers{{"Content-Type", "application/json"}};
    for (const QByteArray &value : encodingHeaders)
        headers.append("Content-Encoding", value);
    const ContentDecoder::Result result = ContentDecoder::decode(headers, body);
    QCOMPARE(int(result.status), status);
    QCOMPARE(result.body, decoded);
    QCOMPARE(result.encodings, encodings);
    QCOMPARE(result.error.isEmpty(), status == int(ContentDecoder::Status::Ok));
}

QTEST_GUILESS_MAIN(tst_ContentDecoder)
#include "tst_content_decoder.moc"
