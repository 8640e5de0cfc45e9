#include "payload/form_decoder.h"

#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_FormDecoder : public QObject
{
    Q_OBJECT

private slots:
    void decode_data();
    void decode();
    void looksLikeForm_data();
    void looksLikeForm();
};

void tst_FormDecoder::decode_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("charset");
    QTest::addColumn<QStringList>("pairs"); // name=value, in order

    QTest::newRow("simple") << QByteArray("a=1&b=2") << QByteArray()
                            << QStringList{u"a=1"_s, u"b=2"_s};
    QTest::newRow("duplicates kept in order") << QByteArray("tag=x&other=y&tag=z") << QByteArray()
                                              << QStringList{u"tag=x"_s, u"other=y"_s, u"tag=z"_s};
    QTest::newRow("plus and percent") << QByteArray("q=a+b%2Bc&%26k=%3D") << QByteArray()
                                      << QStringList{u"q=a b+c"_s, u"&k=="_s};
    QTest::newRow("utf-8") << QByteArray("name=J%C3%BCrgen") << QByteArray()
                           << QStringList{u"name=Jürgen"_s};
    QTest::newRow("latin-1") << QByteArray("name=J%FCrgen") << QByteArray("iso-8859-1")
                             << QStringList{u"name=Jürgen"_s};
    QTest::newRow("empty pairs skipped")
            << QByteArray("&&a=&b&") << QByteArray() << QStringList{u"a="_s, u"b="_s};
    QTest::newRow("value with equals")
            << QByteArray("k=a=b") << QByteArray() << QStringList{u"k=a=b"_s};
    QTest::newRow("empty") << QByteArray() << QByteArray() << QStringList{};
}

void tst_FormDecoder::decode()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, charset);
    QFETCH(QStringList, pairs);
    QStringList actual;
    for (const FormField &field : FormDecoder::decode(body, charset))
        actual.append(field.name + u'=' + field.value);
    QCOMPARE(actual, pairs);
}

void tst_FormDecoder::looksLikeForm_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("form");
    QTest::newRow("form") << QByteArray("a=1&b=%20") << true;
    QTest::newRow("json") << QByteArray("{\"a\":1}") << false;
    QTest::newRow("text") << QByteArray("hello world") << false;
    QTest::newRow("no equals") << QByteArray("abc") << false;
}

void tst_FormDecoder::looksLikeForm()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, form);
    QCOMPARE(FormDecoder::looksLikeForm(body), form);
}

QTEST_GUILESS_MAIN(tst_FormDecoder)
#include "tst_form_decoder.moc"
