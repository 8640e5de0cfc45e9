#include "inspector/body_pane.h"
#include "inspector/hex_view.h"
#include "inspector/json_highlighter.h"
#include "inspector/json_tree_view.h"
#include "payload/compression.h"
#include "payload/payload_analyzer.h"

#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_BodyPane : public QObject
{
    Q_OBJECT

private slots:
    void showsTheDecodedBody_data();
    void showsTheDecodedBody();
    void ignoresAnAnalysisOfAnotherDelivery();
    void coloursJsonKeysStringsNumbersAndLiterals();
    void coloursOnlyJsonText();

private:
    static QList<QTextLayout::FormatRange> formatsOfLine(const QTextDocument *document, int line);
};

QList<QTextLayout::FormatRange> tst_BodyPane::formatsOfLine(const QTextDocument *document, int line)
{
    const QTextBlock block = document->findBlockByNumber(line);
    return block.isValid() ? block.layout()->formats() : QList<QTextLayout::FormatRange>();
}

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

void tst_BodyPane::coloursJsonKeysStringsNumbersAndLiterals()
{
    QTextDocument document;
    JsonHighlighter highlighter;
    highlighter.setDocument(&document);
    document.setPlainText(
            u"  \"key \\\" x\": \"value\", \"n\": -1.5e3, \"ok\": true, \"z\": null"_s);
    highlighter.rehighlight(); // QSyntaxHighlighter otherwise colours on the next event loop turn
    const QList<QTextLayout::FormatRange> ranges = formatsOfLine(&document, 0);
    // key, string, key, number, key, literal, key, literal
    QCOMPARE(ranges.size(), 8);
    QCOMPARE(ranges.at(0).start, 2);
    QCOMPARE(ranges.at(0).length, 10);                         // "key \" x" with its escaped quote
    QVERIFY(ranges.at(0).format.fontWeight() > QFont::Normal); // keys stand out
    QCOMPARE(ranges.at(1).length, 7);                          // "value"
    QVERIFY(ranges.at(0).format.foreground() != ranges.at(1).format.foreground());
    QCOMPARE(ranges.at(3).length, 6); // -1.5e3
    QCOMPARE(ranges.at(5).length, 4); // true
    QCOMPARE(ranges.at(7).length, 4); // null
    QCOMPARE(ranges.at(5).format.foreground(), ranges.at(7).format.foreground());
}

void tst_BodyPane::coloursOnlyJsonText()
{
    BodyPane pane;
    QSignalSpy shown(&pane, &BodyPane::textShown);
    const QByteArray json = QByteArrayLiteral("{\"a\":true}");
    pane.setRawBody(1, json);
    pane.setAnalysis(1, analyzePayload(HeaderList{{"Content-Type", "application/json"}}, json));
    QTRY_COMPARE(shown.count(), 1);
    QVERIFY(!formatsOfLine(pane.textView()->document(), 1).isEmpty());

    const QByteArray text = QByteArrayLiteral("\"quoted\" 123 true");
    pane.setRawBody(2, text);
    pane.setAnalysis(2, analyzePayload(HeaderList{{"Content-Type", "text/plain"}}, text));
    QTRY_COMPARE(shown.count(), 2);
    QVERIFY(formatsOfLine(pane.textView()->document(), 0).isEmpty());
}

QTEST_MAIN(tst_BodyPane)
#include "tst_body_pane.moc"
