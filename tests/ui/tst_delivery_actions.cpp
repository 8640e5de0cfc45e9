#include "http/curl_command.h"
#include "inspector/delivery_actions.h"

#include <QAction>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_DeliveryActions : public QObject
{
    Q_OBJECT

private slots:
    void curlSendsToTheReceiver_data();
    void curlSendsToTheReceiver();
    void suffixFollowsTheContent_data();
    void suffixFollowsTheContent();
    void savesTheExactBytes();
    void enabledOnlyWithABody_data();
    void enabledOnlyWithABody();
};

namespace {
Delivery makeDelivery(const QByteArray &target, const QByteArray &body)
{
    Delivery delivery;
    delivery.id = 42;
    delivery.method = QByteArrayLiteral("POST");
    delivery.target = target;
    delivery.headers.append(QByteArrayLiteral("Content-Type"),
                            QByteArrayLiteral("application/json"));
    delivery.body = body;
    delivery.bodySize = body.size();
    return delivery;
}
} // namespace

void tst_DeliveryActions::curlSendsToTheReceiver_data()
{
    QTest::addColumn<QUrl>("base");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("expectedUrl");
    QTest::newRow("listening") << QUrl(u"http://127.0.0.1:9000"_s) << QByteArray("/hooks/a?x=1")
                               << QByteArray("http://127.0.0.1:9000/hooks/a?x=1");
    QTest::newRow("trailing slash") << QUrl(u"https://[::1]:8443/"_s) << QByteArray("/h")
                                    << QByteArray("https://[::1]:8443/h");
    QTest::newRow("no receiver address")
            << QUrl() << QByteArray("/h") << QByteArray("http://127.0.0.1:8090/h");
}

void tst_DeliveryActions::curlSendsToTheReceiver()
{
    QFETCH(QUrl, base);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, expectedUrl);
    const Delivery delivery = makeDelivery(target, QByteArrayLiteral("{\"a\":1}"));
    const QString command = DeliveryActions::curlFor(delivery, base);
    QCOMPARE(command, curlCommand({delivery.method, expectedUrl, delivery.headers, delivery.body}));
    QVERIFY(command.contains(QString::fromLatin1(expectedUrl)));
}

void tst_DeliveryActions::suffixFollowsTheContent_data()
{
    QTest::addColumn<ContentKind>("kind");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("json") << ContentKind::Json << u"json"_s;
    QTest::newRow("xml") << ContentKind::Xml << u"xml"_s;
    QTest::newRow("text") << ContentKind::Text << u"txt"_s;
    QTest::newRow("form") << ContentKind::Form << u"txt"_s;
    QTest::newRow("multipart") << ContentKind::Multipart << u"bin"_s;
    QTest::newRow("binary") << ContentKind::Binary << u"bin"_s;
}

void tst_DeliveryActions::suffixFollowsTheContent()
{
    QFETCH(ContentKind, kind);
    QFETCH(QString, suffix);
    QCOMPARE(DeliveryActions::suffixFor(kind), suffix);
    QTemporaryDir dir;
    const Delivery delivery = makeDelivery("/", QByteArrayLiteral("body"));
    const std::optional<QString> path = DeliveryActions::writeBodyFile(delivery, kind, dir.path());
    QVERIFY(path);
    QVERIFY(path->endsWith(u"delivery-42."_s + suffix));
}

void tst_DeliveryActions::savesTheExactBytes()
{
    QWidget window;
    DeliveryActions actions(&window);
    const QByteArray body("\x1f\x8b\x00\r\n\xff{\"a\":1}\n", 13);
    actions.setDelivery(makeDelivery("/", body));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"saved.bin"_s);
    QVERIFY(actions.saveBody(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), body);

    // A directory that does not exist is a problem the user hears about, not a silent failure.
    QSignalSpy problems(&actions, &DeliveryActions::problem);
    QVERIFY(!actions.saveBody(dir.filePath(u"missing/saved.bin"_s)));
    QCOMPARE(problems.size(), 1);
}

void tst_DeliveryActions::enabledOnlyWithABody_data()
{
    QTest::addColumn<bool>("hasDelivery");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("curlEnabled");
    QTest::addColumn<bool>("bodyEnabled");
    QTest::newRow("nothing selected") << false << QByteArray() << false << false;
    QTest::newRow("empty body") << true << QByteArray() << true << false;
    QTest::newRow("body") << true << QByteArray("x") << true << true;
}

void tst_DeliveryActions::enabledOnlyWithABody()
{
    QFETCH(bool, hasDelivery);
    QFETCH(QByteArray, body);
    QFETCH(bool, curlEnabled);
    QFETCH(bool, bodyEnabled);
    QWidget window;
    DeliveryActions actions(&window);
    actions.setDelivery(makeDelivery("/", QByteArrayLiteral("earlier")));
    actions.setDelivery(hasDelivery ? std::optional(makeDelivery("/", body)) : std::nullopt);
    QCOMPARE(actions.copyAsCurlAction()->isEnabled(), curlEnabled);
    QCOMPARE(actions.saveBodyAction()->isEnabled(), bodyEnabled);
    QCOMPARE(actions.openInEditorAction()->isEnabled(), bodyEnabled);
    QCOMPARE(window.actions().size(), 3);
}

QTEST_MAIN(tst_DeliveryActions)
#include "tst_delivery_actions.moc"
