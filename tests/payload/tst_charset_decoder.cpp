#include "payload/charset_decoder.h"

#include <QTest>

using namespace hookbench;

class tst_CharsetDecoder : public QObject
{
    Q_OBJECT

private slots:
    void decode_data();
    void decode();
};

void tst_CharsetDecoder::decode_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("charset");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("status");

    const int ok = int(CharsetDecoder::Status::Ok);
    QTest::newRow("default utf-8")
            << QByteArray("J\xc3\xbcrgen") << QByteArray() << QStringLiteral("J\u00fcrgen") << ok;
    QTest::newRow("latin-1") << QByteArray("J\xfcrgen") << QByteArray("ISO-8859-1")
                             << QStringLiteral("J\u00fcrgen") << ok;
    QTest::newRow("utf-16 bom") << QByteArray("\xff\xfeh\0i\0", 6) << QByteArray()
                                << QStringLiteral("hi") << ok;
    QTest::newRow("utf-16le declared")
            << QByteArray("h\0i\0", 4) << QByteArray("utf-16le") << QStringLiteral("hi") << ok;
    QTest::newRow("us-ascii") << QByteArray("plain") << QByteArray("US-ASCII")
                              << QStringLiteral("plain") << ok;
    QTest::newRow("invalid utf-8")
            << QByteArray("a\xffz") << QByteArray("utf-8") << QStringLiteral("a\ufffdz")
            << int(CharsetDecoder::Status::InvalidSequences);
    QTest::newRow("unknown charset")
            << QByteArray("abc") << QByteArray("x-klingon") << QStringLiteral("abc")
            << int(CharsetDecoder::Status::UnsupportedCharset);
}

void tst_CharsetDecoder::decode()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, charset);
    QFETCH(QString, text);
    QFETCH(int, status);
    const CharsetDecoder::Result result = CharsetDecoder::decode(bytes, charset);
    QCOMPARE(result.text, text);
    QCOMPARE(int(result.status), status);
}

QTEST_GUILESS_MAIN(tst_CharsetDecoder)
#include "tst_charset_decoder.moc"
