#include "inspector/json_tree_view.h"
#include "models/json_tree_model.h"

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_JsonTreeView : public QObject
{
    Q_OBJECT

private slots:
    void findSelectsMatches_data();
    void findSelectsMatches();
    void nextAndPreviousWrap();
    void copy_data();
    void copy();
    void copyShortcuts_data();
    void copyShortcuts();
    void invalidJsonShowsWhereAndWhy();
    void parsesWithoutBlocking();
    void showsAResultParsedElsewhere();
    void longNestedArrayFetchesWhenScrolledToItsEnd();
    void expandAndCollapseAll();
    void expandAllOnHugeDocumentOpensOnlyWhatFits();

private:
    static void load(JsonTreeView &view, const QByteArray &json);
};

// Not in QByteArrayLiteral: moc's preprocessor reads the "//" of a URL in a raw string inside a
// macro argument as a comment.
static const QByteArray
        document(R"({"event":"build.finished","build":{"id":98765432109876543210,"runs":[)"
                 R"({"name":"compile","status":"PASSED"},{"name":"unit-tests","status":"FAILED",)"
                 R"("log":{"url":"https://ci.example/log/2"}}]},"status":"failed"})");

void tst_JsonTreeView::load(JsonTreeView &view, const QByteArray &json)
{
    QSignalSpy loaded(&view, &JsonTreeView::loaded);
    view.setJson(json);
    QVERIFY(loaded.wait(10000));
}

void tst_JsonTreeView::findSelectsMatches_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("matches");
    QTest::addColumn<QString>("firstPointer");
    QTest::newRow("deep value") << u"example/log"_s << 1 << u"/build/runs/1/log/url"_s;
    QTest::newRow("key and value, any case") << u"FAIL"_s << 2 << u"/build/runs/1/status"_s;
    QTest::newRow("key") << u"runs"_s << 1 << u"/build/runs"_s;
    QTest::newRow("big number as written") << u"21098765"_s << 1 << u"/build/id"_s;
    QTest::newRow("none") << u"nothing here"_s << 0 << QString();
}

void tst_JsonTreeView::findSelectsMatches()
{
    QFETCH(QString, text);
    QFETCH(int, matches);
    QFETCH(QString, firstPointer);
    JsonTreeView view;
    view.resize(800, 500);
    view.show();
    load(view, document);
    QCOMPARE(view.page(), JsonTreeView::Page::Tree);
    QSignalSpy finished(&view, &JsonTreeView::searchFinished);
    view.find(text);
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().first().toInt(), matches);
    QCOMPARE(view.matchCount(), matches);
    if (matches == 0) {
        QCOMPARE(view.currentMatch(), -1);
        return;
    }
    QCOMPARE(view.currentMatch(), 0);
    const JsonTree::NodeId selected = view.selectedNode();
    QCOMPARE(view.model()->tree().jsonPointer(selected), firstPointer);
    const QModelIndex index = view.treeView()->currentIndex();
    QVERIFY(view.treeView()->selectionModel()->isSelected(index));
    for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
        QVERIFY(view.treeView()->isExpanded(parent));
}

void tst_JsonTreeView::nextAndPreviousWrap()
{
    JsonTreeView view;
    load(view, document);
    QSignalSpy finished(&view, &JsonTreeView::searchFinished);
    view.find(u"status"_s);
    QVERIFY(finished.wait(5000));
    const JsonTree &tree = view.model()->tree();
    QCOMPARE(view.matchCount(), 3);
    QCOMPARE(tree.jsonPointer(view.selectedNode()), u"/build/runs/0/status"_s);
    view.findNext();
    QCOMPARE(view.currentMatch(), 1);
    QCOMPARE(tree.jsonPointer(view.selectedNode()), u"/build/runs/1/status"_s);
    view.findNext();
    QCOMPARE(tree.jsonPointer(view.selectedNode()), u"/status"_s);
    view.findNext();
    QCOMPARE(view.currentMatch(), 0);
    view.findPrevious();
    QCOMPARE(view.currentMatch(), 2);
    QCOMPARE(tree.jsonPointer(view.selectedNode()), u"/status"_s);

    // A new search continues from the selected node, as an editor's find does.
    view.find(u"name"_s);
    QVERIFY(finished.wait(5000));
    QCOMPARE(view.matchCount(), 2);
    QCOMPARE(view.currentMatch(), 0); // past the last one, so it wraps to the first
    view.selectNode(tree.resolvePointer(u"/build/runs/1"_s));
    view.find(u"name"_s);
    QVERIFY(finished.wait(5000));
    QCOMPARE(tree.jsonPointer(view.selectedNode()), u"/build/runs/1/name"_s);
}

void tst_JsonTreeView::copy_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("expected");
    QTest::newRow("pointer") << u"/build/runs/1/log/url"_s << u"pointer"_s
                             << u"/build/runs/1/log/url"_s;
    QTest::newRow("jq path") << u"/build/runs/1/log/url"_s << u"jq"_s
                             << u".build.runs[1].log.url"_s;
    QTest::newRow("scalar value") << u"/build/runs/1/log/url"_s << u"value"_s
                                  << u"https://ci.example/log/2"_s;
    QTest::newRow("big number value") << u"/build/id"_s << u"value"_s << u"98765432109876543210"_s;
    QTest::newRow("container value") << u"/build/runs/1/log"_s << u"value"_s
                                     << u"{\n  \"url\": \"https://ci.example/log/2\"\n}"_s;
}

void tst_JsonTreeView::copy()
{
    QFETCH(QString, pointer);
    QFETCH(QString, what);
    QFETCH(QString, expected);
    JsonTreeView view;
    load(view, document);
    view.selectNode(view.model()->tree().resolvePointer(pointer));
    QApplication::clipboard()->setText(u"before"_s);
    if (what == u"pointer"_s)
        view.copyJsonPointer();
    else if (what == u"jq"_s)
        view.copyJqPath();
    else
        view.copyValue();
    QCOMPARE(QApplication::clipboard()->text(), expected);
}

void tst_JsonTreeView::copyShortcuts_data()
{
    QTest::addColumn<QKeyCombination>("keys");
    QTest::addColumn<QString>("expected");
    // Ctrl+C must give the whole value, not the tree view's own copy of the (cut) display text.
    QTest::newRow("value") << QKeyCombination(Qt::ControlModifier, Qt::Key_C)
                           << u"{\n  \"url\": \"https://ci.example/log/2\"\n}"_s;
    QTest::newRow("pointer") << QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_C)
                             << u"/build/runs/1/log"_s;
    QTest::newRow("jq path") << QKeyCombination(Qt::ControlModifier | Qt::AltModifier, Qt::Key_C)
                             << u".build.runs[1].log"_s;
}

void tst_JsonTreeView::copyShortcuts()
{
    QFETCH(QKeyCombination, keys);
    QFETCH(QString, expected);
    JsonTreeView view;
    view.show();
    QApplication::setActiveWindow(&view);
    QVERIFY(QTest::qWaitForWindowActive(&view));
    load(view, document);
    view.selectNode(view.model()->tree().resolvePointer(u"/build/runs/1/log"_s));
    view.treeView()->setFocus();
    QApplication::clipboard()->setText(u"before"_s);
    QTest::keyClick(view.treeView(), keys.key(), keys.keyboardModifiers());
    QCOMPARE(QApplication::clipboard()->text(), expected);
}

void tst_JsonTreeView::invalidJsonShowsWhereAndWhy()
{
    const QByteArray broken = QByteArrayLiteral("{\n  \"a\": 1,\n  \"b\": [1, 2,, 3]\n}");
    JsonTreeView view;
    load(view, broken);
    QCOMPARE(view.page(), JsonTreeView::Page::Invalid);
    QVERIFY(view.syntaxError().has_value());
    QCOMPARE(view.syntaxError()->line, 3);
    QVERIFY(view.errorText().contains(u"line 3, column %1"_s.arg(view.syntaxError()->column)));
    QVERIFY(view.errorText().contains(view.syntaxError()->reason));
    QCOMPARE(view.rawText(), QString::fromUtf8(broken));
    QCOMPARE(view.model()->rowCount(), 0);
    QVERIFY(!view.findField()->isEnabled());

    // The next body replaces the error.
    load(view, document);
    QCOMPARE(view.page(), JsonTreeView::Page::Tree);
    QVERIFY(!view.syntaxError().has_value());
}

void tst_JsonTreeView::parsesWithoutBlocking()
{
    QByteArray big = "[";
    for (int i = 0; i < 100000; ++i)
        big += R"({"id":)" + QByteArray::number(i) + R"(,"tags":["a","b"]},)";
    big += "null]";
    JsonTreeView view;
    view.resize(800, 500);
    view.show();
    QSignalSpy loaded(&view, &JsonTreeView::loaded);
    view.setJson(big);
    // setJson only hands the bytes to the thread pool; the tree arrives through the event loop.
    QCOMPARE(view.page(), JsonTreeView::Page::Loading);
    QCOMPARE(view.model()->rowCount(), 0);
    QVERIFY(loaded.wait(20000));
    QCOMPARE(view.page(), JsonTreeView::Page::Tree);
    // The view fetches a batch of the 100001 rows (one more per layout pass), not all of them.
    const int fetched = view.model()->rowCount();
    QVERIFY(fetched >= JsonTreeModel::fetchBatch);
    QVERIFY(fetched <= 3 * JsonTreeModel::fetchBatch);

    // Scrolling to the end brings the next batch.
    view.treeView()->scrollToBottom();
    QTRY_VERIFY(view.model()->rowCount() > fetched);

    // A match far past the fetched rows is fetched, expanded to and selected.
    QSignalSpy finished(&view, &JsonTreeView::searchFinished);
    view.find(u"98765"_s);
    QVERIFY(finished.wait(10000));
    QCOMPARE(view.matchCount(), 1);
    QCOMPARE(view.model()->tree().jsonPointer(view.selectedNode()), u"/98765/id"_s);
    QCOMPARE(view.treeView()->currentIndex().parent().row(), 98765);
    QVERIFY(view.treeView()->isExpanded(view.treeView()->currentIndex().parent()));
}

void tst_JsonTreeView::showsAResultParsedElsewhere()
{
    JsonTreeView view;
    QSignalSpy loaded(&view, &JsonTreeView::loaded);
    view.setParseResult(JsonTree::parse(document), document);
    QCOMPARE(loaded.count(), 1); // no thread, no event loop
    QCOMPARE(view.page(), JsonTreeView::Page::Tree);
    QCOMPARE(view.model()->rowCount(), 3);

    const QByteArray broken = QByteArrayLiteral("[1, 2");
    view.setParseResult(JsonTree::parse(broken), broken);
    QCOMPARE(view.page(), JsonTreeView::Page::Invalid);
    QCOMPARE(view.rawText(), u"[1, 2"_s);
    QVERIFY(view.errorText().contains(u"line 1"_s));
    QCOMPARE(view.model()->rowCount(), 0);
}

void tst_JsonTreeView::longNestedArrayFetchesWhenScrolledToItsEnd()
{
    QByteArray json = R"({"items":[)";
    const int size = 10 * JsonTreeModel::fetchBatch;
    for (int i = 0; i < size; ++i)
        json += (i ? "," : "") + QByteArray::number(i);
    json += R"(],"after":true})";
    JsonTreeView view;
    view.resize(800, 500);
    view.show();
    load(view, json);
    const QModelIndex items = view.model()->index(0, JsonTreeModel::KeyColumn);
    QCOMPARE(view.model()->rowCount(items), 0);
    view.treeView()->expand(items);
    // QTreeView fetches once in expand() and once per layout pass it runs for it.
    const int fetched = view.model()->rowCount(items);
    QVERIFY(fetched >= JsonTreeModel::fetchBatch);
    QVERIFY(fetched <= 3 * JsonTreeModel::fetchBatch);
    QTest::qWait(50);
    QCOMPARE(view.model()->rowCount(items), fetched); // nothing more while the top is shown
    view.treeView()->scrollTo(view.model()->index(fetched - 1, 0, items),
                              QAbstractItemView::PositionAtBottom);
    QTRY_VERIFY(view.model()->rowCount(items) > fetched);
    QVERIFY(view.model()->rowCount(items) < size);
    QVERIFY(view.treeView()->isExpanded(items));
}

void tst_JsonTreeView::expandAndCollapseAll()
{
    JsonTreeView view;
    load(view, document);
    const QModelIndex log = view.model()->indexForNode(
            view.model()->tree().resolvePointer(u"/build/runs/1/log"_s));
    QVERIFY(!view.treeView()->isExpanded(log));
    view.expandAll();
    QVERIFY(view.treeView()->isExpanded(log));
    view.collapseAll();
    QVERIFY(!view.treeView()->isExpanded(log));
    QVERIFY(!view.treeView()->isExpanded(log.parent()));
}

void tst_JsonTreeView::expandAllOnHugeDocumentOpensOnlyWhatFits()
{
    // 1000 runs of 300 steps each: 300k+ nodes, over the limit; the first level (1000 rows
    // plus their members) fits, the steps do not.
    QByteArray big = R"({"runs":[)";
    for (int run = 0; run < 1000; ++run) {
        big += run ? ",{\"steps\":[" : "{\"steps\":[";
        for (int step = 0; step < 300; ++step)
            big += step ? ",1" : "1";
        big += "]}";
    }
    big += "]}";
    JsonTreeView view;
    load(view, big);
    QVERIFY(view.model()->tree().nodeCount() > JsonTreeView::maxExpandAllNodes);
    view.expandAll();
    const JsonTree &tree = view.model()->tree();
    const QModelIndex runs = view.model()->indexForNode(tree.resolvePointer(u"/runs"_s));
    const QModelIndex firstRun = view.model()->indexForNode(tree.resolvePointer(u"/runs/0"_s));
    const QModelIndex steps = view.model()->indexForNode(tree.resolvePointer(u"/runs/0/steps"_s));
    QVERIFY(view.treeView()->isExpanded(runs));
    QVERIFY(view.treeView()->isExpanded(firstRun));
    QVERIFY(!view.treeView()->isExpanded(steps));
}

QTEST_MAIN(tst_JsonTreeView)
#include "tst_json_tree_view.moc"
