#include "inspector/hex_view.h"
#include "inspector/multipart_pane.h"
#include "models/multipart_parts_model.h"

#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(hookbench::MultipartPane::PartView)

namespace {
MultipartPart makePart(const QByteArray &contentType, const QByteArray &body)
{
    MultipartPart part;
    part.name = QByteArrayLiteral("attach-Field");
    part.filename = u"file.bin"_s;
    part.hasFilename = true;
    part.contentType = contentType;
    part.contentTypeDeclared = !contentType.isEmpty();
    part.body = body;
    return part;
}
} // namespace

class tst_MultipartPane : public QObject
{
    Q_OBJECT

private slots:
    void choosesAViewPerPart_data();
    void choosesAViewPerPart();
    void savesALargePartOffTheGuiThread();
    void emptyPaneHasNothingToSave();
};

void tst_MultipartPane::choosesAViewPerPart_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<MultipartPane::PartView>("view");
    QTest::newRow("json") << QByteArrayLiteral("application/json") << QByteArrayLiteral("{\"a\":1}")
                          << MultipartPane::PartView::Json;
    QTest::newRow("json without a type")
            << QByteArray() << QByteArrayLiteral("[1,2]") << MultipartPane::PartView::Json;
    QTest::newRow("text") << QByteArrayLiteral("text/plain")
                          << QByteArrayLiteral("router-7 went down")
                          << MultipartPane::PartView::Text;
    QTest::newRow("xml") << QByteArrayLiteral("application/xml") << QByteArrayLiteral("<a>1</a>")
                         << MultipartPane::PartView::Text;
    QTest::newRow("png as octet-stream")
            << QByteArrayLiteral("application/octet-stream")
            << QByteArray("\x89PNG\r\n\x1a\n\0\0\0", 11) << MultipartPane::PartView::Hex;
    QTest::newRow("binary declared as text")
            << QByteArrayLiteral("text/plain") << QByteArray("\0\1\2\3", 4)
            << MultipartPane::PartView::Hex;
}

void tst_MultipartPane::choosesAViewPerPart()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(MultipartPane::PartView, view);
    MultipartPane pane;
    pane.setParts({makePart(contentType, body)});
    QCOMPARE(pane.currentRow(), 0);
    QCOMPARE(pane.partView(), view);
    if (view == MultipartPane::PartView::Hex)
        QCOMPARE(pane.partHexView()->data(), body);
    if (view == MultipartPane::PartView::Text)
        QCOMPARE(pane.partTextView()->toPlainText().toUtf8(), body);
}

void tst_MultipartPane::savesALargePartOffTheGuiThread()
{
    QByteArray big(MultipartPane::asyncSaveBytes + 1024, '\0');
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char(i * 7);
    MultipartPane pane;
    pane.setParts({makePart(QByteArrayLiteral("application/octet-stream"), big)});
    QTemporaryDir dir;
    const QString path = dir.filePath(u"big.bin"_s);
    QSignalSpy saved(&pane, &MultipartPane::saved);
    pane.savePart(0, path);
    QCOMPARE(saved.count(), 0); // written on the pool; the answer comes back later
    QTRY_COMPARE(saved.count(), 1);
    QCOMPARE(saved.at(0).at(0).toString(), path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), big);

    QSignalSpy failed(&pane, &MultipartPane::saveFailed);
    pane.savePart(0, dir.filePath(u"no/such/dir/big.bin"_s));
    QTRY_COMPARE(failed.count(), 1);
}

void tst_MultipartPane::emptyPaneHasNothingToSave()
{
    MultipartPane pane;
    pane.setParts({makePart(QByteArrayLiteral("text/plain"), QByteArrayLiteral("x"))});
    QVERIFY(pane.saveButton()->isEnabled());
    pane.clear();
    QCOMPARE(pane.partsModel()->rowCount(), 0);
    QVERIFY(!pane.saveButton()->isEnabled());
    QCOMPARE(pane.partView(), MultipartPane::PartView::None);
    QSignalSpy failed(&pane, &MultipartPane::saveFailed);
    pane.savePart(0, u"/tmp/unused"_s);
    QCOMPARE(failed.count(), 1);
}

QTEST_MAIN(tst_MultipartPane)
#include "tst_multipart_pane.moc"
