#include "payload/json_tree.h"

#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_JsonTree : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void syntaxErrors_data();
    void syntaxErrors();
    void orderAndDuplicates();
    void numbersKeepTheirText();
    void stringsAreUnescaped();
    void navigation();
    void pointersAndJqPaths_data();
    void pointersAndJqPaths();
    void prettyPrinting();
    void parsesInPlaceWithPadding();
    void depthLimit();
};

void tst_JsonTree::roundTrip_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("compact");
    QTest::addColumn<int>("nodes");

    QTest::newRow("object") << QByteArray(R"( { "a" : 1 , "b" : [ true , null ] } )")
                            << QByteArray(R"({"a":1,"b":[true,null]})") << 5;
    QTest::newRow("scalar root number") << QByteArray(" 12345678901234567890123 ")
                                        << QByteArray("12345678901234567890123") << 1;
    QTest::newRow("scalar root string") << QByteArray(R"("a\"b")") << QByteArray(R"("a\"b")") << 1;
    QTest::newRow("empty containers")
            << QByteArray("[{},[],\"\"]") << QByteArray("[{},[],\"\"]") << 4;
    QTest::newRow("exponent kept")
            << QByteArray("[1E+2,-0.0,1.10]") << QByteArray("[1E+2,-0.0,1.10]") << 4;
    QTest::newRow("unicode kept") << QByteArray("{\"k\\u00e9y\":\"\xe2\x82\xac\"}")
                                  << QByteArray("{\"k\xc3\xa9y\":\"\xe2\x82\xac\"}") << 2;
    QTest::newRow("control escaped")
            << QByteArray(R"(["\u0001\t"])") << QByteArray(R"(["\u0001\t"])") << 2;
}

void tst_JsonTree::roundTrip()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, compact);
    QFETCH(int, nodes);
    const JsonParseResult result = JsonTree::parse(json);
    QVERIFY2(result.isValid(), qPrintable(result.error ? result.error->reason : QString()));
    QCOMPARE(result.tree.nodeCount(), nodes);
    QCOMPARE(result.tree.toJson(JsonTree::Format::Compact), compact);
    // Printing is a fixed point: its output parses to the same tree.
    const JsonParseResult again = JsonTree::parse(result.tree.toJson());
    QVERIFY(again.isValid());
    QCOMPARE(again.tree.toJson(JsonTree::Format::Compact), compact);
}

void tst_JsonTree::syntaxErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("reason");

    QTest::newRow("missing comma") << QByteArray("[1 2]") << 1 << 4 << u"unexpected character"_s;
    QTest::newRow("trailing comma")
            << QByteArray("{\"a\":1,}") << 1 << 8 << u"unexpected character"_s;
    QTest::newRow("missing colon")
            << QByteArray("{\"a\" 1}") << 1 << 6 << u"unexpected character"_s;
    QTest::newRow("missing value") << QByteArray("{\"a\":}") << 1 << 6 << u"unexpected character"_s;
    QTest::newRow("second line") << QByteArray("{\n  \"a\": [1,\n   2,, 3]}") << 3 << 6
                                 << u"unexpected character"_s;
    QTest::newRow("bad literal") << QByteArray("{\"c\":tru}") << 1 << 6
                                 << u"invalid literal, expected true"_s;
    QTest::newRow("bad null") << QByteArray("nul") << 1 << 1 << u"invalid literal, expected null"_s;
    QTest::newRow("leading zero") << QByteArray("[-01]") << 1 << 2 << u"invalid number"_s;
    QTest::newRow("dangling dot") << QByteArray("[1.]") << 1 << 2 << u"invalid number"_s;
    QTest::newRow("unterminated string")
            << QByteArray("{\"a\":\"x") << 1 << 6 << u"unterminated string"_s;
    QTest::newRow("bad escape") << QByteArray("[\"\\x\"]") << 1 << 2
                                << u"invalid escape sequence in a string"_s;
    QTest::newRow("lone surrogate")
            << QByteArray("[\"\\ud83d\"]") << 1 << 2 << u"invalid escape sequence in a string"_s;
    QTest::newRow("control char") << QByteArray("[\"a\x01\"]") << 1 << 4
                                  << u"control character in a string must be escaped"_s;
    QTest::newRow("bad utf-8 column counts characters")
            << QByteArray("[\"\xc3\xa9\xc3\xa9\xff\"]") << 1 << 5 << u"invalid UTF-8"_s;
    QTest::newRow("unclosed array")
            << QByteArray("[1,2") << 1 << 5 << u"the document ends inside an object or array"_s;
    QTest::newRow("unclosed nested") << QByteArray("{\"a\":{\"b\":1}") << 1 << 13
                                     << u"the document ends inside an object or array"_s;
    QTest::newRow("trailing value")
            << QByteArray("123 456") << 1 << 5 << u"unexpected content after the document"_s;
    QTest::newRow("trailing object")
            << QByteArray("{} x") << 1 << 4 << u"unexpected content after the document"_s;
    QTest::newRow("extra bracket")
            << QByteArray("[1,2]]") << 1 << 6 << u"unexpected content after the document"_s;
    QTest::newRow("empty") << QByteArray("") << 1 << 1 << u"empty document"_s;
    QTest::newRow("whitespace") << QByteArray(" \n ") << 2 << 2 << u"empty document"_s;
}

void tst_JsonTree::syntaxErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, reason);
    const JsonParseResult result = JsonTree::parse(json);
    QVERIFY(!result.isValid());
    QVERIFY(result.tree.isEmpty());
    QCOMPARE(result.error->reason, reason);
    QCOMPARE(result.error->line, line);
    QCOMPARE(result.error->column, column);
}

void tst_JsonTree::orderAndDuplicates()
{
    const JsonParseResult result
            = JsonTree::parse(R"({"z":1,"a":2,"z":3,"m":{"x":1,"x":2,"x":3}})");
    QVERIFY(result.isValid());
    const JsonTree &tree = result.tree;
    const JsonTree::NodeId root = tree.root();
    QCOMPARE(tree.childCount(root), 4);
    QCOMPARE(tree.keyString(tree.child(root, 0)), u"z"_s);
    QCOMPARE(tree.keyString(tree.child(root, 1)), u"a"_s);
    QCOMPARE(tree.keyString(tree.child(root, 2)), u"z"_s);
    QVERIFY(tree.isDuplicateKey(tree.child(root, 0)));
    QVERIFY(!tree.isDuplicateKey(tree.child(root, 1)));
    QVERIFY(tree.isDuplicateKey(tree.child(root, 2)));
    QCOMPARE(tree.duplicateKeyCount(), 5);
    // Lookups see the last duplicate, as JavaScript and jq do.
    QCOMPARE(tree.scalarAt(root, {"z"}), u"3"_s);

    // Large objects take the sorting path of duplicate detection.
    QByteArray big = "{";
    for (int i = 0; i < 40; ++i)
        big += "\"k" + QByteArray::number(i) + "\":" + QByteArray::number(i) + ',';
    big += "\"k7\":\"again\"}";
    const JsonParseResult bigResult = JsonTree::parse(big);
    QCOMPARE(bigResult.tree.duplicateKeyCount(), 2);
    QVERIFY(bigResult.tree.isDuplicateKey(bigResult.tree.child(bigResult.tree.root(), 7)));
    QVERIFY(bigResult.tree.isDuplicateKey(bigResult.tree.child(bigResult.tree.root(), 40)));
}

void tst_JsonTree::numbersKeepTheirText()
{
    const JsonParseResult result = JsonTree::parse(
            R"({"id":12345678901234567890,"neg":-98765432109876543210,"price":1.10,"e":6.02e23})");
    const JsonTree &tree = result.tree;
    QCOMPARE(tree.type(tree.lookup(tree.root(), {"id"})), JsonNodeType::Number);
    QCOMPARE(tree.scalarAt(tree.root(), {"id"}), u"12345678901234567890"_s);
    QCOMPARE(tree.scalarAt(tree.root(), {"neg"}), u"-98765432109876543210"_s);
    QCOMPARE(tree.scalarAt(tree.root(), {"price"}), u"1.10"_s);
    QCOMPARE(tree.scalarAt(tree.root(), {"e"}), u"6.02e23"_s);
}

void tst_JsonTree::stringsAreUnescaped()
{
    const JsonParseResult result = JsonTree::parse(
            R"({"plain":"abc","esc":"a\"b\\c\/d\n","uni":"\u00e9\ud83d\ude00","k\u0065y":1})");
    const JsonTree &tree = result.tree;
    QCOMPARE(tree.text(tree.member(tree.root(), "plain")), QByteArrayView("abc"));
    QCOMPARE(tree.text(tree.member(tree.root(), "esc")), QByteArrayView("a\"b\\c/d\n"));
    QCOMPARE(tree.textString(tree.member(tree.root(), "uni")), QStringLiteral("\u00e9\U0001F600"));
    QVERIFY(tree.member(tree.root(), "key") != JsonTree::NoNode);
}

void tst_JsonTree::navigation()
{
    const JsonParseResult result = JsonTree::parse(R"({"a":[10,{"b":[]},30],"c":{}})");
    const JsonTree &tree = result.tree;
    const JsonTree::NodeId array = tree.member(tree.root(), "a");
    QCOMPARE(tree.type(array), JsonNodeType::Array);
    QCOMPARE(tree.childCount(array), 3);
    const JsonTree::NodeId third = tree.child(array, 2);
    QCOMPARE(tree.textString(third), u"30"_s);
    QCOMPARE(tree.row(third), 2);
    QCOMPARE(tree.parent(third), array);
    QVERIFY(!tree.hasKey(third));
    QCOMPARE(tree.child(array, 3), JsonTree::NoNode);
    QCOMPARE(tree.child(array, -1), JsonTree::NoNode);
    QCOMPARE(tree.row(tree.member(tree.root(), "c")), 1);
    QCOMPARE(tree.parent(tree.root()), JsonTree::NoNode);
    QCOMPARE(tree.text(array), QByteArrayView());
    QVERIFY(tree.memoryUsage() > 0);

    const JsonTree empty;
    QVERIFY(empty.isEmpty());
    QCOMPARE(empty.root(), JsonTree::NoNode);
    QCOMPARE(empty.childCount(0), 0);
    QCOMPARE(empty.toJson(), QByteArray());
}

void tst_JsonTree::pointersAndJqPaths_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("jq");

    QTest::newRow("root") << QString() << u"."_s;
    QTest::newRow("member") << u"/message/object_type"_s << u".message.object_type"_s;
    QTest::newRow("uuid key") << u"/message/changes/7f25a8ae-6948"_s
                              << u".message.changes.\"7f25a8ae-6948\""_s;
    QTest::newRow("escaped key") << u"/a~1b/m~0n"_s << u".\"a/b\".\"m~n\""_s;
    QTest::newRow("array") << u"/runs/1/name"_s << u".runs[1].name"_s;
    QTest::newRow("root array") << u"/list/0/1"_s << u".list[0][1]"_s;
    QTest::newRow("quote in key") << u"/q\"k"_s << u".\"q\\\"k\""_s;
    QTest::newRow("empty key") << u"/"_s << u".\"\""_s;
}

void tst_JsonTree::pointersAndJqPaths()
{
    QFETCH(QString, pointer);
    QFETCH(QString, jq);
    const JsonParseResult result = JsonTree::parse(R"({
        "message": {"object_type": "Defect", "changes": {"7f25a8ae-6948": {}}},
        "a/b": {"m~n": 1},
        "runs": [{"name": "x"}, {"name": "y"}],
        "list": [[1, 2]],
        "q\"k": true,
        "": 0
    })");
    const JsonTree &tree = result.tree;
    const JsonTree::NodeId node = tree.resolvePointer(pointer);
    QVERIFY(node != JsonTree::NoNode);
    QCOMPARE(tree.jsonPointer(node), pointer);
    QCOMPARE(tree.jqPath(node), jq);
}

void tst_JsonTree::prettyPrinting()
{
    const JsonParseResult result
            = JsonTree::parse(R"({"id":12345678901234567890,"a":[1,{}],"s":"x"})");
    QCOMPARE(result.tree.toJson(),
             QByteArray("{\n  \"id\": 12345678901234567890,\n  \"a\": [\n    1,\n    {}\n  ],\n"
                        "  \"s\": \"x\"\n}"));
    const JsonTree::NodeId array = result.tree.member(result.tree.root(), "a");
    QCOMPARE(result.tree.toJson(array, JsonTree::Format::Indented, 4),
             QByteArray("[\n    1,\n    {}\n]"));
    QCOMPARE(result.tree.resolvePointer(u"/a/01"), JsonTree::NoNode);
    QCOMPARE(result.tree.resolvePointer(u"a"), JsonTree::NoNode);
}

void tst_JsonTree::parsesInPlaceWithPadding()
{
    QByteArray json = R"({"key":"value","n":[1,2,3]})";
    json.reserve(json.size() + JsonTree::requiredPadding());
    const JsonParseResult result = JsonTree::parse(json);
    QVERIFY(result.isValid());
    // In place: the tree's views point into the caller's buffer, nothing was copied.
    QCOMPARE(result.tree.source().constData(), json.constData());
    QCOMPARE(result.tree.scalarAt(result.tree.root(), {"key"}), u"value"_s);

    const QByteArray unpadded = QByteArray::fromRawData("[\"copy\"]", 8);
    const JsonParseResult copied = JsonTree::parse(unpadded);
    QCOMPARE(copied.tree.textString(copied.tree.child(copied.tree.root(), 0)), u"copy"_s);
}

void tst_JsonTree::depthLimit()
{
    const QByteArray deep = QByteArray(2000, '[') + QByteArray(2000, ']');
    const JsonParseResult result = JsonTree::parse(deep);
    QVERIFY(!result.isValid());
    QCOMPARE(result.error->reason, u"nesting too deep"_s);
    const JsonParseResult allowed = JsonTree::parse(deep, JsonTree::ParseOptions{4000});
    QVERIFY(allowed.isValid());
    QCOMPARE(allowed.tree.nodeCount(), 2000);
}

QTEST_GUILESS_MAIN(tst_JsonTree)
#include "tst_json_tree.moc"
