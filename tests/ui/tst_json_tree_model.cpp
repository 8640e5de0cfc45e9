#include "models/json_tree_loader.h"
#include "models/json_tree_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_JsonTreeModel : public QObject
{
    Q_OBJECT

private slots:
    void rows_data();
    void rows();
    void roles_data();
    void roles();
    void duplicateKeysAreFlagged();
    void longStringIsCutForDisplayOnly();
    void indexForNodeRoundTrips();
    void largeContainersAreFetchedInBatches();
    void loaderParsesOffTheGuiThread();
    void loaderReportsSyntaxError();
    void laterLoadWins();

private:
    static JsonTree treeOf(const QByteArray &json);
};

JsonTree tst_JsonTreeModel::treeOf(const QByteArray &json)
{
    JsonParseResult result = JsonTree::parse(json);
    if (!result.isValid())
        qFatal("fixture is not valid JSON");
    return result.tree;
}

// Every row in view order as "depth key | value | type", walked through the model's own
// index()/rowCount(), so the tester checks each index the walk creates.
static void dump(const QAbstractItemModel &model, const QModelIndex &parent, int depth,
                 QStringList &out)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex key = model.index(row, JsonTreeModel::KeyColumn, parent);
        out.append(u"%1%2 | %3 | %4"_s.arg(
                QString(depth * 2, u' '), key.data().toString(),
                model.index(row, JsonTreeModel::ValueColumn, parent).data().toString(),
                model.index(row, JsonTreeModel::TypeColumn, parent).data().toString()));
        dump(model, key, depth + 1, out);
    }
}

void tst_JsonTreeModel::rows_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("nested") << QByteArrayLiteral(R"({"a":{"b":{"c":true}},"d":null})")
                            << QStringList{u"a | {1} | object"_s, u"  b | {1} | object"_s,
                                           u"    c | true | boolean"_s, u"d | null | null"_s};
    QTest::newRow("arrays") << QByteArrayLiteral(R"({"runs":[1,[2,3],{"x":"y"}]})")
                            << QStringList{u"runs | [3] | array"_s,   u"  [0] | 1 | number"_s,
                                           u"  [1] | [2] | array"_s,  u"    [0] | 2 | number"_s,
                                           u"    [1] | 3 | number"_s, u"  [2] | {1} | object"_s,
                                           u"    x | y | string"_s};
    QTest::newRow("top-level array")
            << QByteArrayLiteral(R"([true,false])")
            << QStringList{u"[0] | true | boolean"_s, u"[1] | false | boolean"_s};
    QTest::newRow("duplicate keys kept in order")
            << QByteArrayLiteral(R"({"id":1,"x":0,"id":2})")
            << QStringList{u"id | 1 | number"_s, u"x | 0 | number"_s, u"id | 2 | number"_s};
    QTest::newRow("big integer as written")
            << QByteArrayLiteral(R"({"id":12345678901234567890123,"f":1.10,"e":-2E+03})")
            << QStringList{u"id | 12345678901234567890123 | number"_s, u"f | 1.10 | number"_s,
                           u"e | -2E+03 | number"_s};
    QTest::newRow("strings unescaped")
            << QByteArrayLiteral(R"({"k\u00e9y":"a\"b\\c \u263a","nl":"x\ny"})")
            << QStringList{u"kéy | a\"b\\c ☺ | string"_s, u"nl | x\u21b5y | string"_s};
    QTest::newRow("empty object") << QByteArrayLiteral("{}") << QStringList();
    QTest::newRow("empty array") << QByteArrayLiteral("[]") << QStringList();
    QTest::newRow("empty containers inside")
            << QByteArrayLiteral(R"({"o":{},"a":[]})")
            << QStringList{u"o | {0} | object"_s, u"a | [0] | array"_s};
    QTest::newRow("scalar document") << QByteArrayLiteral(R"("just text")")
                                     << QStringList{u"(document) | just text | string"_s};
}

void tst_JsonTreeModel::rows()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &JsonTreeModel::modelReset);
    model.setTree(treeOf(json));
    QCOMPARE(resets.count(), 1);
    QStringList rows;
    dump(model, {}, 0, rows);
    QCOMPARE(rows, expected);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(JsonTreeModel::TypeColumn, Qt::Horizontal).toString(), u"Type"_s);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_JsonTreeModel::roles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("jqPath");
    QTest::addColumn<QString>("fullValue");
    const QByteArray rally = QByteArrayLiteral(
            R"({"message":{"changes":{"7f25-a":{"value":{"value":3,"units":"h"}}},)"
            R"("runs":[{"name":"build"},{"name":"test/unit"}]},"a/b~c":"slash","":"empty"})");
    QTest::newRow("nested key") << rally << u"/message/runs/1/name"_s << u".message.runs[1].name"_s
                                << u"test/unit"_s;
    QTest::newRow("key needing quotes") << rally << u"/message/changes/7f25-a/value/units"_s
                                        << u".message.changes.\"7f25-a\".value.units"_s << u"h"_s;
    QTest::newRow("pointer escapes") << rally << u"/a~1b~0c"_s << u".\"a/b~c\""_s << u"slash"_s;
    QTest::newRow("empty key") << rally << u"/"_s << u".\"\""_s << u"empty"_s;
    QTest::newRow("container value is its JSON")
            << rally << u"/message/runs/0"_s << u".message.runs[0]"_s
            << u"{\n  \"name\": \"build\"\n}"_s;
    QTest::newRow("top-level array element")
            << QByteArrayLiteral(R"([10,{"id":98765432109876543210}])") << u"/1/id"_s
            << u".[1].id"_s << u"98765432109876543210"_s;
}

void tst_JsonTreeModel::roles()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, pointer);
    QFETCH(QString, jqPath);
    QFETCH(QString, fullValue);
    JsonTreeModel model;
    model.setTree(treeOf(json));
    const JsonTree::NodeId node = model.tree().resolvePointer(pointer);
    QVERIFY(node != JsonTree::NoNode);
    for (int column = 0; column < JsonTreeModel::ColumnCount; ++column) {
        const QModelIndex index = model.indexForNode(node, column);
        QVERIFY(index.isValid());
        QCOMPARE(index.data(JsonTreeModel::JsonPointerRole).toString(), pointer);
        QCOMPARE(index.data(JsonTreeModel::JqPathRole).toString(), jqPath);
        QCOMPARE(index.data(JsonTreeModel::FullValueRole).toString(), fullValue);
        QCOMPARE(index.data(JsonTreeModel::NodeIdRole).value<JsonTree::NodeId>(), node);
    }
}

void tst_JsonTreeModel::duplicateKeysAreFlagged()
{
    JsonTreeModel model;
    model.setTree(treeOf(QByteArrayLiteral(R"({"id":1,"x":0,"id":2})")));
    const QModelIndex first = model.index(0, JsonTreeModel::KeyColumn);
    const QModelIndex other = model.index(1, JsonTreeModel::KeyColumn);
    const QModelIndex last = model.index(2, JsonTreeModel::KeyColumn);
    QVERIFY(first.data(JsonTreeModel::DuplicateKeyRole).toBool());
    QVERIFY(!other.data(JsonTreeModel::DuplicateKeyRole).toBool());
    QVERIFY(last.data(JsonTreeModel::DuplicateKeyRole).toBool());
    QVERIFY(first.data(Qt::ToolTipRole).toString().contains(u"jq keeps the last"_s));
    QVERIFY(last.data(Qt::ToolTipRole).toString().contains(u"keep this one"_s));
    QVERIFY(other.data(Qt::ToolTipRole).isNull());
    QVERIFY(first.data(Qt::ForegroundRole).isValid());
    QVERIFY(!other.data(Qt::ForegroundRole).isValid());
    QVERIFY(first.data(Qt::DecorationRole).isValid());
    QVERIFY(!model.index(0, JsonTreeModel::ValueColumn).data(Qt::DecorationRole).isValid());
}

void tst_JsonTreeModel::longStringIsCutForDisplayOnly()
{
    const QByteArray text(JsonTreeModel::maxDisplayLength * 10, 'z');
    JsonTreeModel model;
    model.setTree(treeOf("[\"" + text + "\"]"));
    const QModelIndex value = model.index(0, JsonTreeModel::ValueColumn);
    const QString shown = value.data().toString();
    QCOMPARE(shown.size(), JsonTreeModel::maxDisplayLength + 1);
    QVERIFY(shown.endsWith(u'\u2026'));
    QCOMPARE(value.data(JsonTreeModel::FullValueRole).toString(), QString::fromLatin1(text));
}

void tst_JsonTreeModel::indexForNodeRoundTrips()
{
    JsonTreeModel model;
    model.setTree(treeOf(QByteArrayLiteral(R"({"a":[1,{"b":[[],2,3]}],"c":{"d":4}})")));
    const JsonTree &tree = model.tree();
    QVERIFY(!model.indexForNode(tree.root()).isValid()); // the container document has no row
    QVERIFY(!model.indexForNode(JsonTree::NoNode).isValid());
    for (JsonTree::NodeId node = 1; node < JsonTree::NodeId(tree.nodeCount()); ++node) {
        const QModelIndex index = model.indexForNode(node);
        QVERIFY(index.isValid());
        QCOMPARE(model.nodeForIndex(index), node);
        QCOMPARE(model.index(index.row(), 0, index.parent()), index);
        QCOMPARE(model.nodeForIndex(index.parent()),
                 tree.parent(node) == tree.root() ? JsonTree::NoNode : tree.parent(node));
    }
}

void tst_JsonTreeModel::largeContainersAreFetchedInBatches()
{
    const int size = 2 * JsonTreeModel::fetchBatch + 500;
    QByteArray json = R"({"items":[)";
    for (int i = 0; i < size; ++i)
        json += (i ? "," : "") + QByteArray::number(i);
    json += "]}";
    JsonTreeModel model;
    model.setTree(treeOf(json));
    const QModelIndex items = model.index(0, JsonTreeModel::KeyColumn);
    QCOMPARE(items.data(JsonTreeModel::JsonPointerRole).toString(), u"/items"_s);
    QCOMPARE(model.rowCount(items), 0);
    QVERIFY(model.hasChildren(items));
    QVERIFY(!model.index(0, 0, items).isValid());
    QVERIFY(model.canFetchMore(items));
    QVERIFY(!model.canFetchMore(model.index(0, JsonTreeModel::ValueColumn)));
    QVERIFY(!model.canFetchMore({})); // one top-level row: nothing to fetch

    QSignalSpy inserted(&model, &JsonTreeModel::rowsInserted);
    model.fetchMore(items);
    QCOMPARE(model.rowCount(items), JsonTreeModel::fetchBatch);
    model.fetchMore(items);
    QCOMPARE(model.rowCount(items), 2 * JsonTreeModel::fetchBatch);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.last().at(1).toInt(), JsonTreeModel::fetchBatch);
    QCOMPARE(inserted.last().at(2).toInt(), 2 * JsonTreeModel::fetchBatch - 1);

    // A row past what is fetched (a find result, say) has no index until fetchNode brings it in.
    const JsonTree::NodeId last = model.tree().resolvePointer(u"/items/%1"_s.arg(size - 1));
    QVERIFY(!model.indexForNode(last).isValid());
    const QModelIndex lastIndex = model.fetchNode(last);
    QVERIFY(lastIndex.isValid());
    QCOMPARE(lastIndex.row(), size - 1);
    QCOMPARE(lastIndex.data().toString(), u"[%1]"_s.arg(size - 1));
    QCOMPARE(model.rowCount(items), size);
    QVERIFY(!model.canFetchMore(items));
    model.fetchMore(items); // nothing left: no signal
    QCOMPARE(inserted.count(), 3);
    // The tester, attached only now: on a reset it would call fetchMore from inside the reset
    // signal, which it then reports as an insert during a reset.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    JsonTreeModel partial;
    partial.setTree(treeOf(json));
    partial.fetchMore(partial.index(0, 0));
    QAbstractItemModelTester partialTester(&partial,
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(partial.rowCount(partial.index(0, 0)) < size);
}

void tst_JsonTreeModel::loaderParsesOffTheGuiThread()
{
    JsonTreeLoader loader;
    QSignalSpy started(&loader, &JsonTreeLoader::started);
    QSignalSpy finished(&loader, &JsonTreeLoader::finished);
    loader.load(QByteArrayLiteral(R"({"a":[1,2,3]})"));
    QCOMPARE(loader.state(), JsonTreeLoader::State::Loading);
    QCOMPARE(started.count(), 1);
    QCOMPARE(finished.count(), 0); // nothing is delivered before the event loop runs
    QVERIFY(finished.wait(5000));
    QCOMPARE(loader.state(), JsonTreeLoader::State::Loaded);
    QVERIFY(loader.result().isValid());
    QCOMPARE(loader.result().tree.nodeCount(), 5);
}

void tst_JsonTreeModel::loaderReportsSyntaxError()
{
    JsonTreeLoader loader;
    QSignalSpy finished(&loader, &JsonTreeLoader::finished);
    loader.load(QByteArrayLiteral("{\n  \"a\": 1,\n  \"b\": tru\n}"));
    QVERIFY(finished.wait(5000));
    QCOMPARE(loader.state(), JsonTreeLoader::State::Failed);
    QVERIFY(loader.result().error.has_value());
    QCOMPARE(loader.result().error->line, 3);
    QVERIFY(!loader.result().error->reason.isEmpty());
    QCOMPARE(loader.source(), QByteArrayLiteral("{\n  \"a\": 1,\n  \"b\": tru\n}"));
}

void tst_JsonTreeModel::laterLoadWins()
{
    JsonTreeLoader loader;
    QSignalSpy finished(&loader, &JsonTreeLoader::finished);
    QByteArray big = "[";
    for (int i = 0; i < 200000; ++i)
        big += "{\"n\":" + QByteArray::number(i) + "},";
    big += "0]";
    loader.load(big);
    loader.load(QByteArrayLiteral("[\"second\"]"));
    QVERIFY(finished.wait(10000));
    // Let the first parse finish and try to deliver too.
    QVERIFY(QThreadPool::globalInstance()->waitForDone(10000));
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(loader.result().tree.textString(1), u"second"_s);
}

QTEST_MAIN(tst_JsonTreeModel)
#include "tst_json_tree_model.moc"
