#include "inspector/body_pane.h"
#include "inspector/hex_view.h"
#include "inspector/json_tree_view.h"
#include "payload/compression.h"
#include "payload/payload_analyzer.h"

#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_BodyPane : public QObject
{
    Q_OBJECT

private slots:
    void showsTheDecodedBody_data();
    void showsTheDecodedBody();
    void ignoresAnAnalysisOfAnotherDelivery();
};

void tst_BodyPane::showsTheDecodedBody_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("tree");
    QTest::addColumn<QString>("text");

    QTest::newRow("json indented") << QByteArrayLiteral("Content-Type: application/json\r\n")
                                   << QByteArrayLiteral("{\"a\":[1,2]}") << true
                                   << u"{\n  \"a\": [\n    1,\n    2\n  ]\n}"_s;
    QTest::newRow("gzip json decoded")
            << QByteArrayLiteral("Content-Type: application/json\r\nContent-Encoding: gzip\r\n")
            << test::gzipped(QByteArrayLiteral("{\"id\":12345678901234567890}")) << true
            << u"{\n  \"id\": 12345678901234567890\n}"_s;
    QTest::newRow("latin-1 text in its charset")
            << QByteArrayLiteral("Content-Type: text/plain; charset=iso-8859-1\r\n")
            << QByteArray("J\xfcrgen") << false << u"Jürgen"_s;
    QTest::newRow("utf-8 text") << QByteArrayLiteral("Content-Type: text/plain\r\n")
                                << QByteArray("J\xc3\xbcrgen") << false << u"Jürgen"_s;
    QTest::newRow("empty") << QByteArray() << QByteArray() << false << u"(no body)"_s;
}

void tst_BodyPane::showsTheDecodedBody()
{
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, body);
    QFETCH(bool, tree);
    QFETCH(QString, text);
    BodyPane pane;
    QSignalSpy shown(&pane, &BodyPane::textShown);
    pane.setRawBody(4, body);
    QCOMPARE(pane.hexView()->data(), body);
    const PayloadAnalysis analysis = analyzePayload(HeaderList::fromWireFormat(headers), body);
    pane.setAnalysis(4, analysis);
    QTRY_COMPARE(shown.count(), 1);
    QCOMPARE(shown.at(0).at(0).toLongLong(), 4);
    QCOMPARE(pane.text(), text);
    QCOMPARE(pane.subTabs()->isTabEnabled(BodyPane::TreeTab), tree);
    QCOMPARE(pane.subTabs()->currentIndex(), int(tree ? BodyPane::TreeTab : BodyPane::TextTab));
    if (tree)
        QCOMPARE(pane.treeView()->page(), JsonTreeView::Page::Tree);
}

void tst_BodyPane::ignoresAnAnalysisOfAnotherDelivery()
{
    BodyPane pane;
    QSignalSpy shown(&pane, &BodyPane::textShown);
    pane.setRawBody(1, QByteArrayLiteral("first"));
    const PayloadAnalysis stale = analyzePayload({}, QByteArrayLiteral("{\"stale\":true}"));
    pane.setRawBody(2, QByteArrayLiteral("second"));
    pane.setAnalysis(1, stale);
    QTest::qWait(50);
    QCOMPARE(shown.count(), 0);
    QVERIFY(!pane.subTabs()->isTabEnabled(BodyPane::TreeTab));
    QCOMPARE(pane.rawText(), u"second"_s);
}

QTEST_MAIN(tst_BodyPane)
#include "tst_body_pane.moc"
