#include "http/header_diff.h"
#include "payload/json_diff.h"

#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

using Kind = JsonDifference::Kind;

class tst_JsonDiff : public QObject
{
    Q_OBJECT

private slots:
    void comparesStructurally_data();
    void comparesStructurally();
    void comparesHeaders();
};

void tst_JsonDiff::comparesStructurally_data()
{
    QTest::addColumn<QByteArray>("left");
    QTest::addColumn<QByteArray>("right");
    QTest::addColumn<QList<JsonDifference>>("expected");

    QTest::newRow("same") << QByteArray(R"({"a": 1, "b": [true, null]})")
                          << QByteArray(R"({"b":[true,null],"a":1})") << QList<JsonDifference>{};
    QTest::newRow("changed scalar")
            << QByteArray(R"({"status": "FAILED"})") << QByteArray(R"({"status": "PASSED"})")
            << QList<JsonDifference>{
                       {Kind::Changed, u"/status"_s, u"\"FAILED\""_s, u"\"PASSED\""_s}};
    QTest::newRow("added and removed keys")
            << QByteArray(R"({"a": 1, "gone": {"x": 1}})") << QByteArray(R"({"a": 1, "new": [1]})")
            << QList<JsonDifference>{{Kind::Removed, u"/gone"_s, u"{\"x\":1}"_s, {}},
                                     {Kind::Added, u"/new"_s, {}, u"[1]"_s}};
    QTest::newRow("array grows") << QByteArray(R"({"runs": [1]})")
                                 << QByteArray(R"({"runs": [1, 2]})")
                                 << QList<JsonDifference>{{Kind::Added, u"/runs/1"_s, {}, u"2"_s}};
    QTest::newRow("array shrinks") << QByteArray("[1, 2, 3]") << QByteArray("[1]")
                                   << QList<JsonDifference>{{Kind::Removed, u"/1"_s, u"2"_s, {}},
                                                            {Kind::Removed, u"/2"_s, u"3"_s, {}}};
    QTest::newRow("type change") << QByteArray(R"({"id": "1"})") << QByteArray(R"({"id": 1})")
                                 << QList<JsonDifference>{
                                            {Kind::Changed, u"/id"_s, u"\"1\""_s, u"1"_s}};
    QTest::newRow("big integers exact")
            << QByteArray(R"({"id": 12345678901234567890})")
            << QByteArray(R"({"id": 12345678901234567891})")
            << QList<JsonDifference>{{Kind::Changed, u"/id"_s, u"12345678901234567890"_s,
                                      u"12345678901234567891"_s}};
    QTest::newRow("numbers by text")
            << QByteArray("[1.0]") << QByteArray("[1]")
            << QList<JsonDifference>{{Kind::Changed, u"/0"_s, u"1.0"_s, u"1"_s}};
    QTest::newRow("nested pointer escaping")
            << QByteArray(R"({"a/b": {"c~d": 1}})") << QByteArray(R"({"a/b": {"c~d": 2}})")
            << QList<JsonDifference>{{Kind::Changed, u"/a~1b/c~0d"_s, u"1"_s, u"2"_s}};
    QTest::newRow("duplicate keys: the last wins")
            << QByteArray(R"({"k": 1, "k": 2})") << QByteArray(R"({"k": 2})")
            << QList<JsonDifference>{};
}

void tst_JsonDiff::comparesStructurally()
{
    QFETCH(QByteArray, left);
    QFETCH(QByteArray, right);
    QFETCH(QList<JsonDifference>, expected);
    const JsonParseResult a = JsonTree::parse(left);
    const JsonParseResult b = JsonTree::parse(right);
    QVERIFY(a.isValid() && b.isValid());
    const QList<JsonDifference> differences = JsonDiff::compare(a.tree, b.tree);
    if (differences != expected) {
        for (const JsonDifference &difference : differences) {
            qWarning() << int(difference.kind) << difference.pointer << difference.oldValue
                       << difference.newValue;
        }
    }
    QCOMPARE(differences, expected);
}

void tst_JsonDiff::comparesHeaders()
{
    const HeaderList left{{"Content-Type", "application/json"},
                          {"X-Sig", "a"},
                          {"X-Dup", "1"},
                          {"x-dup", "2"},
                          {"X-Gone", "g"}};
    const HeaderList right{
            {"content-type", "application/json"}, {"X-Sig", "b"}, {"X-Dup", "1"}, {"X-New", "n"}};
    const QList<HeaderDifference> differences = compareHeaders(left, right);
    const QList<HeaderDifference> expected{
            {HeaderDifference::Kind::Changed, "X-Sig", {"a"}, {"b"}},
            {HeaderDifference::Kind::Changed, "X-Dup", {"1", "2"}, {"1"}},
            {HeaderDifference::Kind::Removed, "X-Gone", {"g"}, {}},
            {HeaderDifference::Kind::Added, "X-New", {}, {"n"}},
    };
    QCOMPARE(differences, expected);
}

QTEST_GUILESS_MAIN(tst_JsonDiff)
#include "tst_json_diff.moc"
