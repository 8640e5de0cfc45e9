#include "inspector/body_formatter.h"

#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_BodyFormatter : public QObject
{
    Q_OBJECT

private slots:
    void indentJson_data();
    void indentJson();
    void format_data();
    void format();
};

void tst_BodyFormatter::indentJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("member order kept") << QByteArray(R"({"z":1,"a":[true,null]})")
                                       << QByteArray("{\n  \"z\": 1,\n  \"a\": [\n    true,\n"
                                                     "    null\n  ]\n}");
    QTest::newRow("empty containers")
            << QByteArray(R"({"a":{},"b":[ ]})") << QByteArray("{\n  \"a\": {},\n  \"b\": []\n}");
    QTest::newRow("structure inside strings")
            << QByteArray(R"(["{,:}", "q\"[", "\\"])")
            << QByteArray("[\n  \"{,:}\",\n  \"q\\\"[\",\n  \"\\\\\"\n]");
    QTest::newRow("numbers as written")
            << QByteArray(R"([1.50,1e3,-0])") << QByteArray("[\n  1.50,\n  1e3,\n  -0\n]");
    QTest::newRow("existing indentation replaced")
            << QByteArray("{\r\n\t\"a\" :\t1\r\n}") << QByteArray("{\n  \"a\": 1\n}");
}

void tst_BodyFormatter::indentJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, expected);
    QCOMPARE(BodyFormatter::indentJson(json), expected);
}

void tst_BodyFormatter::format_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qsizetype>("maxBytes");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("truncated");
    using Kind = FormattedBody::Kind;
    QTest::newRow("empty") << QByteArray() << qsizetype(100) << int(Kind::Empty) << QString()
                           << false;
    QTest::newRow("json") << QByteArray(R"( {"a":"ü"})") << qsizetype(100) << int(Kind::Json)
                          << u"{\n  \"a\": \"ü\"\n}"_s << false;
    QTest::newRow("broken json stays text")
            << QByteArray(R"({"a":)") << qsizetype(100) << int(Kind::Text) << u"{\"a\":"_s << false;
    QTest::newRow("form") << QByteArray("a=1&b=2") << qsizetype(100) << int(Kind::Text)
                          << u"a=1&b=2"_s << false;
    QTest::newRow("truncated text")
            << QByteArray("abcdefgh") << qsizetype(3) << int(Kind::Text) << u"abc"_s << true;
    QTest::newRow("nul byte") << QByteArray("ab\0cd", 5) << qsizetype(100) << int(Kind::Binary)
                              << QString() << false;
    QTest::newRow("gzip magic") << QByteArray("\x1f\x8b\x08\x00", 4) << qsizetype(100)
                                << int(Kind::Binary) << QString() << false;
    QTest::newRow("invalid utf-8") << QByteArray("caf\xe9 au lait") << qsizetype(100)
                                   << int(Kind::Binary) << QString() << false;
}

void tst_BodyFormatter::format()
{
    QFETCH(QByteArray, body);
    QFETCH(qsizetype, maxBytes);
    QFETCH(int, kind);
    QFETCH(QString, text);
    QFETCH(bool, truncated);
    const FormattedBody formatted = BodyFormatter::format(body, maxBytes);
    QCOMPARE(int(formatted.kind), kind);
    QCOMPARE(formatted.truncated, truncated);
    if (formatted.kind == FormattedBody::Kind::Binary)
        QVERIFY(formatted.text.contains(u"Hex"_s));
    else
        QCOMPARE(formatted.text, text);
}

QTEST_MAIN(tst_BodyFormatter)
#include "tst_body_formatter.moc"
