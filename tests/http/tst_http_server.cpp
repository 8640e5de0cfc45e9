// The receiving server end to end: real loopback sockets, a real database file.
#include "capture/receiver.h"
#include "store/database.h"
#include "store/delivery_store.h"
#include "store/endpoint_store.h"
#include "support/http_test_client.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;
using namespace hookbench::test;
using namespace Qt::StringLiterals;

class tst_HttpServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void storesExactlyWhatWasSentBeforeAnswering();
    void keepsConnectionsAliveAndPipelines();
    void honoursConnectionClose();
    void answersExpectContinue();
    void rejectsAndRecords_data();
    void rejectsAndRecords();
    void cutsOffSlowClients();
    void answersWithTheCannedResponse();
    void routesUnknownPathsByPolicy();
    void capsOpenConnections();
    void neverAnswers2xxWhenStorageFails();
    void servesHttpsWithASelfSignedCertificate();
    void reportsAPortInUse();
    void verifiesSignaturesOnArrival();

private:
    quint16 startReceiver(ReceiverConfig config = {});
    std::optional<Delivery> storedDelivery(qint64 id);
    qint64 latestId();

    QTemporaryDir m_dir;
    QString m_databasePath;
    std::unique_ptr<Receiver> m_receiver;
};

void tst_HttpServer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void tst_HttpServer::init()
{
    static int counter = 0;
    m_databasePath = m_dir.filePath(u"server-%1.sqlite"_s.arg(++counter));
}

void tst_HttpServer::cleanup()
{
    m_receiver.reset();
}

quint16 tst_HttpServer::startReceiver(ReceiverConfig config)
{
    config.databaseLocation = m_databasePath;
    config.port = 0;
    m_receiver = std::make_unique<Receiver>();
    m_receiver->start(config);
    QElapsedTimer timer;
    timer.start();
    while (m_receiver->state() == Receiver::State::Starting && timer.elapsed() < 10000)
        QTest::qWait(10);
    if (m_receiver->state() != Receiver::State::Listening)
        qWarning() << m_receiver->errorString();
    return m_receiver->state() == Receiver::State::Listening ? m_receiver->config().port : 0;
}

std::optional<Delivery> tst_HttpServer::storedDelivery(qint64 id)
{
    // Never an empty optional: a missing row compares unequal field by field instead of crashing.
    Database database;
    if (!database.open(m_databasePath))
        return Delivery();
    return DeliveryStore(database).delivery(id).value_or(Delivery());
}

qint64 tst_HttpServer::latestId()
{
    Database database;
    if (!database.open(m_databasePath))
        return -1;
    return DeliveryStore(database).latestId();
}

void tst_HttpServer::storesExactlyWhatWasSentBeforeAnswering()
{
    const quint16 port = startReceiver();
    QVERIFY(port != 0);
    HttpTestClient client;
    QVERIFY(client.connectTo(port));
    const QByteArray body = "{\"id\": 12345678901234567890, \"text\": \"caf\xc3\xa9\"}\n";
    client.send("POST /hooks/github?delivery=1&x=%20y HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                "X-GitHub-Event: push\r\ncontent-type: application/json\r\nX-Dup: 1\r\n"
                "x-dup: 2\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);

    // The answer came after the commit: the row is there the moment we look.
    const qint64 id = latestId();
    QVERIFY(id > 0);
    const auto delivery = storedDelivery(id);
    QVERIFY(delivery);
    QCOMPARE(delivery->state, DeliveryState::Stored);
    QCOMPARE(delivery->method, QByteArray("POST"));
    QCOMPARE(delivery->target, QByteArray("/hooks/github?delivery=1&x=%20y"));
    QCOMPARE(delivery->path(), QByteArray("/hooks/github"));
    QCOMPARE(delivery->query(), QByteArray("delivery=1&x=%20y"));
    QCOMPARE(delivery->httpVersion, QByteArray("HTTP/1.1"));
    QCOMPARE(delivery->body, body);
    QCOMPARE(delivery->bodySize, body.size());
    QCOMPARE(delivery->contentType, QByteArray("application/json"));
    QVERIFY(delivery->remoteAddress.startsWith(u"127.0.0.1:"_s));
    QVERIFY(!delivery->endpointId); // no endpoints: the inbox
    const HeaderList expected{{"Host", "127.0.0.1"},
                              {"X-GitHub-Event", "push"},
                              {"content-type", "application/json"},
                              {"X-Dup", "1"},
                              {"x-dup", "2"},
                              {"Content-Length", QByteArray::number(body.size())}};
    QCOMPARE(delivery->headers, expected);
    QCOMPARE(delivery->response.status, 200);
    QVERIFY(qAbs(delivery->receivedAtMs - QDateTime::currentMSecsSinceEpoch()) < 60000);
}

void tst_HttpServer::keepsConnectionsAliveAndPipelines()
{
    const quint16 port = startReceiver();
    QVERIFY(port != 0);
    HttpTestClient client;
    QVERIFY(client.connectTo(port));
    QByteArray pipelined;
    for (int i = 1; i <= 5; ++i) {
        const QByteArray body = "body-" + QByteArray::number(i);
        pipelined += "POST /p/" + QByteArray::number(i) + " HTTP/1.1\r\nContent-Length: "
                     + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }
    client.send(pipelined);
    for (int i = 1; i <= 5; ++i) {
        const auto response = client.readResponse();
        QVERIFY2(response, qPrintable(u"response %1 missing"_s.arg(i)));
        QCOMPARE(response->status, 200);
    }
    // Still open: a sixth request on the same connection.
    client.send("GET /after HTTP/1.1\r\n\r\n");
    QVERIFY(client.readResponse());
    const qint64 last = latestId();
    QCOMPARE(storedDelivery(last)->target, QByteArray("/after"));
    for (int i = 1; i <= 5; ++i)
        QCOMPARE(storedDelivery(last - 6 + i)->body, "body-" + QByteArray::number(i));
}

void tst_HttpServer::honoursConnectionClose()
{
    const quint16 port = startReceiver();
    HttpTestClient client;
    QVERIFY(client.connectTo(port));
    client.send("POST /bye HTTP/1.1\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"
                "GET /ignored HTTP/1.1\r\n\r\n");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->headers.value("connection").value_or(""), QByteArray("close"));
    QVERIFY(client.waitForClose());
    QCOMPARE(storedDelivery(latestId())->target, QByteArray("/bye"));
}

void tst_HttpServer::answersExpectContinue()
{
    const quint16 port = startReceiver();
    HttpTestClient client;
    QVERIFY(client.connectTo(port));
    client.send("POST /big HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
    const auto interim = client.readResponse(3000);
    QVERIFY(interim);
    QCOMPARE(interim->status, 100);
    client.send("12345");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(storedDelivery(latestId())->body, QByteArray("12345"));
}

void tst_HttpServer::rejectsAndRecords_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("firstBytes");

    QTest::newRow("malformed") << QByteArray("POST /x HTTP/1.1\r\nContent-Length: nope\r\n\r\n")
                               << 400 << QByteArray("POST /x HTTP/1.1\r\nContent-Length: nope");
    QTest::newRow("tls to plain port") << QByteArray("\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03"
                                                     "\r\n\r\n",
                                                     15)
                                       << 400 << QByteArray("\x16\x03\x01", 3);
    QTest::newRow("too large body")
            << QByteArray("POST /big HTTP/1.1\r\nContent-Length: 2048\r\n\r\n") << 413
            << QByteArray("POST /big HTTP/1.1");
    QTest::newRow("too large header")
            << QByteArray("GET /h HTTP/1.1\r\nX-Huge: " + QByteArray(4096, 'h') + "\r\n\r\n") << 431
            << QByteArray("GET /h HTTP/1.1");
    QTest::newRow("http/2.0") << QByteArray("GET /v2 HTTP/2.0\r\n\r\n") << 505
                              << QByteArray("GET /v2 HTTP/2.0");
}

void tst_HttpServer::rejectsAndRecords()
{
    QFETCH(QByteArray, wire);
    QFETCH(int, status);
    QFETCH(QByteArray, firstBytes);
    ReceiverConfig config;
    config.maxBodyBytes = 1024;
    config.maxHeaderBytes = 2048;
    const quint16 port = startReceiver(config);
    HttpTestClient client;
    QVERIFY(client.connectTo(port));
    client.send(wire);
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, status);
    QVERIFY(client.waitForClose());

    const auto delivery = storedDelivery(latestId());
    QVERIFY(delivery);
    QCOMPARE(delivery->state, DeliveryState::Rejected);
    QVERIFY(!delivery->rejectReason.isEmpty());
    QCOMPARE(delivery->response.status, status);
    QVERIFY2(delivery->body.startsWith(firstBytes), delivery->body.left(64).constData());
}

void tst_HttpServer::cutsOffSlowClients()
{
    ReceiverConfig config;
    config.readTimeoutMs = 300;
    const quint16 port = startReceiver(config);
    HttpTestClient client;
    QVERIFY(client.connectTo(port));
    client.send("POST /slow HTTP/1.1\r\nContent-Length: 100\r\n\r\nonly-a-little");
    const auto response = client.readResponse(5000);
    QVERIFY(response);
    QCOMPARE(response->status, 408);
    QVERIFY(client.waitForClose());
    const auto delivery = storedDelivery(latestId());
    QCOMPARE(delivery->state, DeliveryState::Rejected);
    QCOMPARE(delivery->target, QByteArray("/slow"));
    QVERIFY(delivery->body.endsWith("only-a-little"));

    // An idle keep-alive connection is simply closed, and nothing is recorded.
    const qint64 before = latestId();
    HttpTestClient idle;
    QVERIFY(idle.connectTo(port));
    QVERIFY(idle.waitForClose(5000));
    QCOMPARE(latestId(), before);
}

void tst_HttpServer::answersWithTheCannedResponse()
{
    {
        Database database;
        QVERIFY(database.open(m_databasePath));
        Endpoint endpoint;
        endpoint.name = u"flaky"_s;
        endpoint.path = u"/hooks/flaky"_s;
        endpoint.response.status = 503;
        endpoint.response.headers.append("Retry-After", "30");
        endpoint.response.body = "try later";
        endpoint.response.delayMs = 300;
        EndpointStore store(database);
        QVERIFY2(store.add(endpoint), qPrintable(store.errorString()));
    }
    const quint16 port = startReceiver();
    HttpTestClient client;
    QVERIFY(client.connectTo(port));
    QElapsedTimer timer;
    timer.start();
    client.send("POST /hooks/flaky/sub?x=1 HTTP/1.1\r\nContent-Length: 1\r\n\r\nz");
    const auto response = client.readResponse();
    QVERIFY(response);
    QVERIFY(timer.elapsed() >= 290);
    QCOMPARE(response->status, 503);
    QCOMPARE(response->headers.value("retry-after").value_or(""), QByteArray("30"));
    QCOMPARE(response->body, QByteArray("try later"));
    const auto delivery = storedDelivery(latestId());
    QCOMPARE(delivery->endpointName, u"flaky"_s);
    QCOMPARE(delivery->state, DeliveryState::Stored);
    QCOMPARE(delivery->response.status, 503);
    QCOMPARE(delivery->response.body, QByteArray("try later"));
}

void tst_HttpServer::routesUnknownPathsByPolicy()
{
    {
        Database database;
        QVERIFY(database.open(m_databasePath));
        Endpoint endpoint;
        endpoint.name = u"github"_s;
        endpoint.path = u"/hooks/github"_s;
        QVERIFY(EndpointStore(database).add(endpoint));
    }
    const quint16 port = startReceiver();
    HttpTestClient client;
    QVERIFY(client.connectTo(port));
    client.send("POST /hooks/githubber HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
    QCOMPARE(client.readResponse()->status, 200);
    auto delivery = storedDelivery(latestId());
    QVERIFY(!delivery->endpointId); // "/hooks/github" does not swallow "/hooks/githubber"

    // Another process switches the policy; the server picks it up within a second or two.
    {
        Database database;
        QVERIFY(database.open(m_databasePath));
        QVERIFY(EndpointStore(database).setUnknownPathPolicy(UnknownPathPolicy::Reject404));
    }
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                HttpTestClient probe;
                if (!probe.connectTo(port))
                    return false;
                probe.send("POST /elsewhere HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
                const auto answer = probe.readResponse();
                return answer && answer->status == 404;
            }(),
            5000);
    delivery = storedDelivery(latestId());
    QCOMPARE(delivery->state, DeliveryState::Rejected);
    QCOMPARE(delivery->response.status, 404);

    client.send("POST /hooks/github/push HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
    QCOMPARE(client.readResponse()->status, 200);
    QCOMPARE(storedDelivery(latestId())->endpointName, u"github"_s);
}

void tst_HttpServer::capsOpenConnections()
{
    ReceiverConfig config;
    config.maxConnections = 2;
    const quint16 port = startReceiver(config);
    HttpTestClient first;
    HttpTestClient second;
    QVERIFY(first.connectTo(port));
    QVERIFY(second.connectTo(port));
    first.send("GET /1 HTTP/1.1\r\n\r\n");
    second.send("GET /2 HTTP/1.1\r\n\r\n");
    QVERIFY(first.readResponse());
    QVERIFY(second.readResponse());
    HttpTestClient third;
    QVERIFY(third.connectTo(port));
    const auto refused = third.readResponse();
    QVERIFY(refused);
    QCOMPARE(refused->status, 503);
}

void tst_HttpServer::neverAnswers2xxWhenStorageFails()
{
    const quint16 port = startReceiver();
    HttpTestClient client;
    QVERIFY(client.connectTo(port));
    client.send("POST /ok HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
    QCOMPARE(client.readResponse()->status, 200);
    {
        // Pull the table out from under the writer: every insert now fails.
        Database database;
        QVERIFY(database.open(m_databasePath));
        QSqlQuery query(database.connection());
        QVERIFY(query.exec(u"DROP TABLE deliveries"_s));
    }
    QSignalSpy warnings(m_receiver.get(), &Receiver::warning);
    client.send("POST /lost HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 503);
    QTRY_VERIFY(!warnings.isEmpty());
}

void tst_HttpServer::servesHttpsWithASelfSignedCertificate()
{
    if (!QSslSocket::supportsSsl())
        QFAIL("Qt has no TLS backend here; install libssl3 (the openssl backend plugin needs it)");
    ReceiverConfig config;
    config.tls = TlsMode::SelfSigned;
    const quint16 port = startReceiver(config);
    QVERIFY(port != 0);
    QCOMPARE(m_receiver->baseUrl().scheme(), u"https"_s);
    QVERIFY(QFile::exists(m_receiver->config().certificatePath));
    QCOMPARE(QFile::permissions(m_receiver->config().keyPath)
                     & (QFile::ReadGroup | QFile::ReadOther),
             QFile::Permissions());
    HttpTestClient client(true);
    QVERIFY(client.connectTo(port));
    client.send("POST /tls HTTP/1.1\r\nContent-Length: 6\r\n\r\nsecret");
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(storedDelivery(latestId())->body, QByteArray("secret"));

    // The certificate is kept: a restart reuses it.
    const QString certificate = m_receiver->config().certificatePath;
    const QByteArray before = [&] {
        QFile file(certificate);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    QVERIFY(startReceiver(config) != 0);
    QFile after(certificate);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), before);
}

void tst_HttpServer::reportsAPortInUse()
{
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost));
    ReceiverConfig config;
    config.databaseLocation = m_databasePath;
    config.port = blocker.serverPort();
    Receiver receiver;
    receiver.start(config);
    QTRY_COMPARE(receiver.state(), Receiver::State::Failed);
    QVERIFY(receiver.errorString().contains(QString::number(blocker.serverPort())));
}

void tst_HttpServer::verifiesSignaturesOnArrival()
{
    {
        Database database;
        QVERIFY(database.open(m_databasePath));
        EndpointStore store(database);
        Endpoint lenient;
        lenient.name = u"github"_s;
        lenient.path = u"/github"_s;
        lenient.verification.schemeId = u"github"_s;
        lenient.verification.secret = "It's a Secret to Everybody";
        QVERIFY(store.add(lenient));
        Endpoint strict = lenient;
        strict.name = u"strict"_s;
        strict.path = u"/strict"_s;
        strict.verification.rejectInvalid = true;
        QVERIFY(store.add(strict));
    }
    const quint16 port = startReceiver();
    HttpTestClient client;
    QVERIFY(client.connectTo(port));
    // The example of GitHub's documentation.
    const QByteArray good
            = "X-Hub-Signature-256: sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586"
              "c22c46f4379c8b043e17\r\nX-GitHub-Delivery: 72d3162e\r\n";
    const QByteArray body = "Hello, World!";
    const auto post
            = [&](const QByteArray &path, const QByteArray &headers, const QByteArray &payload) {
                  client.send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers
                              + "Content-Length: " + QByteArray::number(payload.size()) + "\r\n\r\n"
                              + payload);
                  return client.readResponse();
              };

    QCOMPARE(post("/github", good, body)->status, 200);
    auto delivery = storedDelivery(latestId());
    QCOMPARE(delivery->verification.outcome, u"valid"_s);
    QCOMPARE(delivery->verification.schemeId, u"github"_s);
    QCOMPARE(delivery->senderDeliveryId, QByteArray("72d3162e"));

    QCOMPARE(post("/github", good, body + "\n")->status, 200); // lenient: recorded, not refused
    delivery = storedDelivery(latestId());
    QCOMPARE(delivery->verification.outcome, u"invalid"_s);
    QCOMPARE(delivery->verification.reason, u"body-changed"_s);
    QVERIFY(delivery->verification.explanation.contains(u"newline"_s, Qt::CaseInsensitive));

    const auto refused = post("/strict", "X-Hub-Signature-256: sha256=00\r\n", body);
    QCOMPARE(refused->status, 401);
    QVERIFY(refused->body.contains("github"));
    delivery = storedDelivery(latestId());
    QCOMPARE(delivery->state, DeliveryState::Stored); // kept, so the user sees what was refused
    QCOMPARE(delivery->response.status, 401);
    QCOMPARE(delivery->verification.outcome, u"invalid"_s);

    QCOMPARE(post("/strict", QByteArray(), body)->status, 401);
    QCOMPARE(storedDelivery(latestId())->verification.reason, u"header-missing"_s);

    QCOMPARE(post("/elsewhere", QByteArray(), body)->status, 200);
    QVERIFY(!storedDelivery(latestId())->verification.isChecked());
}

QTEST_GUILESS_MAIN(tst_HttpServer)
#include "tst_http_server.moc"
