#include "inspector/hex_view.h"

#include <QElapsedTimer>
#include <QScrollBar>
#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_HexView : public QObject
{
    Q_OBJECT

private slots:
    void lines_data();
    void lines();
    void largeDataScrollsWithoutFormattingEverything();
};

void tst_HexView::lines_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<qint64>("lineCount");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray() << qint64(0) << qint64(0) << QString();
    QTest::newRow("short line padded")
            << QByteArray("{\"a\":1}") << qint64(1) << qint64(0)
            << u"00000000  7b 22 61 22 3a 31 7d                              {\"a\":1}"_s;
    QTest::newRow("full line with control bytes")
            << QByteArray("0123456789abcde\n", 16) << qint64(1) << qint64(0)
            << u"00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 0a  0123456789abcde."_s;
    QTest::newRow("second line offset")
            << QByteArray(17, '\xff') << qint64(2) << qint64(1)
            << u"00000010  ff                                                ."_s;
    QTest::newRow("past the end") << QByteArray(4, 'x') << qint64(1) << qint64(1) << QString();
}

void tst_HexView::lines()
{
    QFETCH(QByteArray, data);
    QFETCH(qint64, lineCount);
    QFETCH(qint64, line);
    QFETCH(QString, expected);
    HexView view;
    view.setData(data);
    QCOMPARE(view.lineCount(), lineCount);
    QCOMPARE(view.lineText(line), expected);
}

void tst_HexView::largeDataScrollsWithoutFormattingEverything()
{
    HexView view;
    view.resize(700, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QElapsedTimer timer;
    timer.start();
    view.setData(QByteArray(16 * 1024 * 1024, 'a'));
    QCOMPARE(view.lineCount(), 1024 * 1024);
    QVERIFY(view.verticalScrollBar()->maximum() > 1000000);
    view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
    view.repaint();
    QVERIFY(view.lineText(view.lineCount() - 1).startsWith(u"00fffff0"_s));
    // Formatting 16 MiB as text would take seconds; painting a screenful takes milliseconds.
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_MAIN(tst_HexView)
#include "tst_hex_view.moc"
