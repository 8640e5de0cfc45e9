#include "models/json_tree_search.h"

#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_JsonTreeSearch : public QObject
{
    Q_OBJECT

private slots:
    void find_data();
    void find();
    void cancelledSearchStops();
};

void tst_JsonTreeSearch::find_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("pointers");
    const QByteArray doc = QByteArrayLiteral(
            R"({"Status":"open","runs":[{"status":"PASSED","host":"ci-1"},)"
            R"({"status":"failed","note":"Jürgen builds"}],"count":12345678901234567890})");
    QTest::newRow("keys and values, any case, document order")
            << doc << u"status"_s
            << QStringList{u"/Status"_s, u"/runs/0/status"_s, u"/runs/1/status"_s};
    QTest::newRow("value only") << doc << u"pass"_s << QStringList{u"/runs/0/status"_s};
    QTest::newRow("number as written") << doc << u"789012345678"_s << QStringList{u"/count"_s};
    QTest::newRow("non-ascii folds case") << doc << u"JÜRGEN"_s << QStringList{u"/runs/1/note"_s};
    QTest::newRow("escaped string matched unescaped") << QByteArrayLiteral(R"({"k":"a\"quoted\""})")
                                                      << u"\"quoted\""_s << QStringList{u"/k"_s};
    QTest::newRow("container text is not searched") << doc << u"{"_s << QStringList();
    QTest::newRow("no match") << doc << u"absent"_s << QStringList();
    QTest::newRow("empty needle") << doc << QString() << QStringList();
}

void tst_JsonTreeSearch::find()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, text);
    QFETCH(QStringList, pointers);
    const JsonParseResult parsed = JsonTree::parse(json);
    QVERIFY(parsed.isValid());
    QStringList found;
    for (JsonTree::NodeId node : JsonTreeSearch::find(parsed.tree, text))
        found.append(parsed.tree.jsonPointer(node));
    QCOMPARE(found, pointers);
}

void tst_JsonTreeSearch::cancelledSearchStops()
{
    QByteArray json = "[";
    for (int i = 0; i < 100000; ++i)
        json += "\"match\",";
    json += "\"match\"]";
    const JsonParseResult parsed = JsonTree::parse(json);
    QVERIFY(parsed.isValid());
    std::atomic<bool> cancelled{false};
    QCOMPARE(JsonTreeSearch::find(parsed.tree, u"MATCH"_s, &cancelled).size(), 100001u);
    cancelled = true;
    QVERIFY(JsonTreeSearch::find(parsed.tree, u"MATCH"_s, &cancelled).empty());
}

QTEST_MAIN(tst_JsonTreeSearch)
#include "tst_json_tree_search.moc"
