#include "capture/receiver.h"
#include "delivery/delivery_engine.h"
#include "store/database.h"
#include "store/delivery_store.h"
#include "store/endpoint_store.h"
#include "store/outbox_store.h"
#include "store/subscription_store.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

using namespace hookbench;

// End to end: the delivery engine sends to our own receiving server, in process, over loopback.
class tst_DeliveryEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void signaturesVerifyOnTheReceivingSide_data();
    void signaturesVerifyOnTheReceivingSide();
    void retriesUntilTheTargetRecovers();
    void retryAfterIsHonoured();
    void targetDownWhileTheSenderRestarts();
    void pendingMessagesSurviveACrash();
    void conditionsAndFieldsSelectAndShape();
    void failingSubscriptionIsDisabled();
    void startsBesideTheReceiverOnANewFile();
    void slowTargetTimesOut();

private:
    // The receiving side: a Receiver on its own database, with one endpoint at /hook.
    quint16 startTarget(const EndpointVerification &verification, int status, quint16 port = 0);
    void setTargetStatus(int status);
    QList<Delivery> received();
    qint64 addSubscription(Subscription subscription);
    DeliveryEngineConfig engineConfig() const;
    static quint16 freePort();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Receiver> m_receiver;
    std::unique_ptr<Database> m_senderDatabase;
    QString m_senderLocation;
    QString m_targetLocation;
    QUrl m_targetUrl;
};

void tst_DeliveryEngine::initTestCase()
{
    qRegisterMetaType<MessageState>();
}

void tst_DeliveryEngine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_senderLocation = m_dir->filePath(u"sender.sqlite"_s);
    m_targetLocation = m_dir->filePath(u"target.sqlite"_s);
    m_senderDatabase = std::make_unique<Database>();
    QVERIFY(m_senderDatabase->open(m_senderLocation));
}

void tst_DeliveryEngine::cleanup()
{
    if (m_receiver) {
        m_receiver->stop();
        m_receiver.reset();
    }
    m_senderDatabase.reset();
    m_dir.reset();
}

quint16 tst_DeliveryEngine::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 0;
    return probe.serverPort();
}

quint16 tst_DeliveryEngine::startTarget(const EndpointVerification &verification, int status,
                                        quint16 port)
{
    {
        Database database;
        if (!database.open(m_targetLocation))
            return 0;
        EndpointStore endpoints(database, SecretVault::Choice::Database);
        if (!endpoints.find(u"target"_s)) {
            Endpoint endpoint;
            endpoint.name = u"target"_s;
            endpoint.path = u"/hook"_s;
            endpoint.response.status = status;
            endpoint.verification = verification;
            if (!endpoints.add(endpoint))
                qWarning() << endpoints.errorString();
        }
    }
    m_receiver = std::make_unique<Receiver>();
    ReceiverConfig config;
    config.port = port;
    config.databaseLocation = m_targetLocation;
    QSignalSpy listening(m_receiver.get(), &Receiver::stateChanged);
    m_receiver->start(config);
    if (!QTest::qWaitFor([&] { return m_receiver->state() != Receiver::State::Starting; }, 10000)
        || m_receiver->state() != Receiver::State::Listening)
        return 0;
    m_targetUrl = m_receiver->baseUrl();
    m_targetUrl.setPath(u"/hook"_s);
    return quint16(m_receiver->baseUrl().port());
}

void tst_DeliveryEngine::setTargetStatus(int status)
{
    Database database;
    QVERIFY(database.open(m_targetLocation));
    EndpointStore endpoints(database, SecretVault::Choice::Database);
    auto endpoint = endpoints.find(u"target"_s);
    QVERIFY(endpoint);
    endpoint->response.status = status;
    QVERIFY(endpoints.update(*endpoint));
}

QList<Delivery> tst_DeliveryEngine::received()
{
    Database database;
    QList<Delivery> rows;
    if (!database.open(m_targetLocation))
        return rows;
    DeliveryStore store(database);
    const QList<DeliverySummary> page = store.page(DeliveryFilter::all(), 0, 1000);
    for (auto it = page.crbegin(); it != page.crend(); ++it)
        rows.append(*store.delivery(it->id));
    return rows;
}

qint64 tst_DeliveryEngine::addSubscription(Subscription subscription)
{
    if (subscription.url.isEmpty())
        subscription.url = m_targetUrl;
    if (subscription.name.isEmpty())
        subscription.name = u"target"_s;
    SubscriptionStore store(*m_senderDatabase, SecretVault::Choice::Database);
    if (!store.add(subscription)) {
        qWarning() << store.errorString();
        return 0;
    }
    return subscription.id;
}

DeliveryEngineConfig tst_DeliveryEngine::engineConfig() const
{
    DeliveryEngineConfig config;
    config.databaseLocation = m_senderLocation;
    config.pollInterval = 100ms;
    config.secrets = SecretVault::Choice::Database;
    return config;
}

void tst_DeliveryEngine::signaturesVerifyOnTheReceivingSide_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QString>("auth");
    const QByteArray whsec = "whsec_" + QByteArray("0123456789abcdef0123456789abcdef").toBase64();
    QTest::newRow("compass") << u"compass"_s << QByteArray("compass-secret") << QString();
    QTest::newRow("jobserv") << u"jobserv"_s << QByteArray("foundries-secret") << QString();
    QTest::newRow("github") << u"github"_s << QByteArray("topsecret") << QString();
    QTest::newRow("stripe") << u"stripe"_s << QByteArray("whsec_stripe") << QString();
    QTest::newRow("standard-webhooks") << u"standard-webhooks"_s << whsec << QString();
    QTest::newRow("slack") << u"slack"_s << QByteArray("slack-secret") << QString();
    QTest::newRow("basic auth") << u"basic"_s << QByteArray("remedy:pa:ss") << u"basic"_s;
    QTest::newRow("bearer") << u"bearer"_s << QByteArray("tok3n") << u"bearer"_s;
}

void tst_DeliveryEngine::signaturesVerifyOnTheReceivingSide()
{
    QFETCH(QString, scheme);
    QFETCH(QByteArray, secret);
    QFETCH(QString, auth);
    EndpointVerification verification;
    verification.schemeId = scheme;
    verification.secret = secret;
    verification.rejectInvalid = true;
    QVERIFY(startTarget(verification, 200));

    Subscription subscription;
    if (auth == u"basic") {
        const qsizetype colon = secret.indexOf(':');
        subscription.auth = {AuthKind::Basic, QString::fromUtf8(secret.first(colon)),
                             secret.sliced(colon + 1)};
    } else if (auth == u"bearer") {
        subscription.auth = {AuthKind::Bearer, QString(), secret};
    } else {
        subscription.schemeId = scheme;
        subscription.secret = secret;
    }
    subscription.headers.append("X-Extra", "one");
    QVERIFY(addSubscription(subscription));

    DeliveryEngine engine(engineConfig());
    QVERIFY2(engine.start(), qPrintable(engine.errorString()));
    QSignalSpy settled(&engine, &DeliveryEngine::messageSettled);
    const QByteArray payload = R"({"id":42,"status":"PASSED","note":"ünïcode"})";
    const RouteResult fired = engine.fire(u"build.passed"_s, payload, "application/json");
    QCOMPARE(fired.messages.size(), 1);
    QVERIFY(settled.wait(10000));
    QCOMPARE(settled.constFirst().at(1).value<MessageState>(), MessageState::Delivered);
    engine.stop();

    const QList<Delivery> arrived = received();
    QCOMPARE(arrived.size(), 1);
    QCOMPARE(arrived.constFirst().verification.outcome, u"valid"_s);
    QCOMPARE(arrived.constFirst().body, payload);
    QCOMPARE(arrived.constFirst().headers.value("X-Extra"), QByteArray("one"));

    // The history shows exactly what went out: same body, same signature headers.
    DeliveryStore history(*m_senderDatabase);
    const QList<Delivery> attempts = history.attemptsOf(fired.messages.constFirst().id);
    QCOMPARE(attempts.size(), 1);
    const Delivery &sent = attempts.constFirst();
    QCOMPARE(sent.direction, DeliveryDirection::Outgoing);
    QCOMPARE(sent.body, payload);
    QCOMPARE(sent.response.status, 200);
    QCOMPARE(sent.outgoing.attempt, 1);
    for (const HeaderField &field : sent.headers)
        QCOMPARE(arrived.constFirst().headers.value(field.name), field.value);
}

void tst_DeliveryEngine::retriesUntilTheTargetRecovers()
{
    QVERIFY(startTarget({}, 500));
    Subscription subscription;
    subscription.retrySchedule = {100ms, 200ms, 300ms, 500ms, 500ms, 500ms, 500ms, 500ms};
    QVERIFY(addSubscription(subscription));
    DeliveryEngine engine(engineConfig());
    QVERIFY(engine.start());
    QSignalSpy attempts(&engine, &DeliveryEngine::attemptFinished);
    QSignalSpy settled(&engine, &DeliveryEngine::messageSettled);
    const qint64 id = engine.fire(u"ping"_s, "{}", "application/json").messages.value(0).id;
    QVERIFY(id > 0);
    QVERIFY(attempts.wait(10000));
    QCOMPARE(attempts.constFirst().at(2).toInt(), 500);
    OutboxStore outbox(*m_senderDatabase);
    QCOMPARE(outbox.message(id)->state, MessageState::Pending);
    setTargetStatus(200);
    QVERIFY(QTest::qWaitFor([&] { return !settled.isEmpty(); }, 15000));
    QCOMPARE(settled.constFirst().at(1).value<MessageState>(), MessageState::Delivered);
    engine.stop();

    const QList<Delivery> history = DeliveryStore(*m_senderDatabase).attemptsOf(id);
    QVERIFY(history.size() >= 2);
    for (qsizetype index = 0; index < history.size(); ++index)
        QCOMPARE(history.at(index).outgoing.attempt, index + 1);
    QCOMPARE(history.constFirst().response.status, 500);
    QVERIFY(!history.constFirst().outgoing.error.isEmpty());
    QCOMPARE(history.constLast().response.status, 200);
    QCOMPARE(outbox.message(id)->attempts, history.size());
    QCOMPARE(received().size(), history.size());
}

void tst_DeliveryEngine::retryAfterIsHonoured()
{
    EndpointVerification none;
    QVERIFY(startTarget(none, 503));
    {
        Database database;
        QVERIFY(database.open(m_targetLocation));
        EndpointStore endpoints(database, SecretVault::Choice::Database);
        auto endpoint = endpoints.find(u"target"_s);
        endpoint->response.headers.append("Retry-After", "1");
        QVERIFY(endpoints.update(*endpoint));
    }
    m_receiver->stop();
    QVERIFY(startTarget(none, 503));
    Subscription subscription;
    subscription.retrySchedule = {10ms, 10ms};
    QVERIFY(addSubscription(subscription));
    DeliveryEngine engine(engineConfig());
    QVERIFY(engine.start());
    QSignalSpy attempts(&engine, &DeliveryEngine::attemptFinished);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(engine.fire(u"ping"_s, "{}", "application/json").messages.size() == 1);
    QVERIFY(QTest::qWaitFor([&] { return attempts.size() >= 2; }, 10000));
    // Without Retry-After the second attempt would follow 10 ms after the first.
    QVERIFY2(clock.elapsed() >= 1000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(attempts.at(1).at(2).toInt(), 503);
}

void tst_DeliveryEngine::targetDownWhileTheSenderRestarts()
{
    const quint16 port = freePort();
    QVERIFY(port);
    Subscription subscription;
    subscription.url = QUrl(u"http://127.0.0.1:%1/hook"_s.arg(port));
    subscription.retrySchedule = {200ms, 200ms, 200ms, 200ms, 200ms, 200ms, 200ms, 200ms,
                                  200ms, 200ms, 200ms, 200ms, 200ms, 200ms, 200ms, 200ms};
    QVERIFY(addSubscription(subscription));
    qint64 id = 0;
    {
        DeliveryEngine engine(engineConfig());
        QVERIFY(engine.start());
        QSignalSpy attempts(&engine, &DeliveryEngine::attemptFinished);
        id = engine.fire(u"ping"_s, R"({"n":1})", "application/json").messages.value(0).id;
        QVERIFY(id > 0);
        QVERIFY(attempts.wait(10000));
        QCOMPARE(attempts.constFirst().at(2).toInt(), 0); // no response: connection refused
        engine.stop();
    }
    OutboxStore outbox(*m_senderDatabase);
    QCOMPARE(outbox.message(id)->state, MessageState::Pending);

    QVERIFY(startTarget({}, 200, port));
    DeliveryEngine restarted(engineConfig());
    QSignalSpy settled(&restarted, &DeliveryEngine::messageSettled);
    QVERIFY(restarted.start());
    QVERIFY(QTest::qWaitFor([&] { return !settled.isEmpty(); }, 15000));
    QCOMPARE(settled.constFirst().at(0).toLongLong(), id);
    QCOMPARE(settled.constFirst().at(1).value<MessageState>(), MessageState::Delivered);
    restarted.stop();
    QCOMPARE(received().size(), 1);
    QCOMPARE(received().constFirst().body, QByteArray(R"({"n":1})"));
}

void tst_DeliveryEngine::pendingMessagesSurviveACrash()
{
    QVERIFY(startTarget({}, 200));
    Subscription subscription;
    const qint64 subscriptionId = addSubscription(subscription);
    QVERIFY(subscriptionId);
    // What a process that died right after the outbox write leaves behind.
    QList<OutboxMessage> messages(3);
    for (qsizetype index = 0; index < messages.size(); ++index) {
        messages[index].subscriptionId = subscriptionId;
        messages[index].eventType = u"ping"_s;
        messages[index].payload = QByteArray::number(index);
        messages[index].contentType = "application/json";
    }
    OutboxStore outbox(*m_senderDatabase);
    QVERIFY(outbox.enqueue(messages));

    DeliveryEngine engine(engineConfig());
    QSignalSpy settled(&engine, &DeliveryEngine::messageSettled);
    QVERIFY(engine.start());
    QVERIFY(QTest::qWaitFor([&] { return settled.size() == 3; }, 10000));
    engine.stop();
    QCOMPARE(outbox.count(MessageState::Delivered), 3);
    QCOMPARE(received().size(), 3);
}

void tst_DeliveryEngine::conditionsAndFieldsSelectAndShape()
{
    QVERIFY(startTarget({}, 200));
    Subscription open;
    open.name = u"open-incidents"_s;
    open.eventTypes = {u"entry.*"_s};
    open.condition = u"'Status' != \"Closed\""_s;
    open.payloadFields = u"Status, 'Short Description'"_s;
    QVERIFY(addSubscription(open));
    Subscription builds;
    builds.name = u"builds"_s;
    builds.eventTypes = {u"build.*"_s};
    QVERIFY(addSubscription(builds));
    Subscription form;
    form.name = u"form"_s;
    form.eventTypes = {u"entry.create"_s};
    form.payloadFields = u"Status"_s;
    form.bodyFormat = BodyFormat::Form;
    form.url = QUrl(m_targetUrl.toString() + u"?as=form"_s);
    QVERIFY(addSubscription(form));

    DeliveryEngine engine(engineConfig());
    QVERIFY(engine.start());
    QSignalSpy settled(&engine, &DeliveryEngine::messageSettled);
    const QByteArray closed = R"({"webhook_id":"W1","entry_event":"update","form_name":"Incident",)"
                              R"("entry_id":"INC1","entry_details":{"Status":"Closed",)"
                              R"("Short Description":"Printer","Impact":"1"}})";
    RouteResult result = engine.fire(u"entry.update"_s, closed, "application/json");
    QVERIFY(result.messages.isEmpty());
    QCOMPARE(result.decisions.size(), 3);
    for (const RouteDecision &decision : std::as_const(result.decisions)) {
        if (decision.subscriptionName == u"open-incidents")
            QVERIFY2(decision.outcome == RouteDecision::Outcome::ConditionFalse,
                     qPrintable(decision.reasons.join(u'\n')));
        else
            QCOMPARE(decision.outcome, RouteDecision::Outcome::OtherEventType);
    }

    QByteArray opened = closed;
    opened.replace(R"("Status":"Closed")", R"("Status":"Assigned")");
    result = engine.fire(u"entry.create"_s, opened, "application/json");
    QCOMPARE(result.messages.size(), 2);
    QVERIFY(QTest::qWaitFor([&] { return settled.size() == 2; }, 10000));
    engine.stop();

    const QList<Delivery> arrived = received();
    QCOMPARE(arrived.size(), 2);
    for (const Delivery &delivery : arrived) {
        if (delivery.query() == "as=form") {
            QCOMPARE(delivery.contentType, QByteArray("application/x-www-form-urlencoded"));
            QCOMPARE(delivery.body,
                     QByteArray("webhook_id=W1&entry_event=update&form_name=Incident&"
                                "entry_id=INC1&entry_details=%7B%22Status%22:%22Assigned%22%7D"));
        } else {
            QCOMPARE(delivery.body, QByteArray(R"({"webhook_id":"W1","entry_event":"update",)"
                                               R"("form_name":"Incident","entry_id":"INC1",)"
                                               R"("entry_details":{"Status":"Assigned",)"
                                               R"("Short Description":"Printer"}})"));
        }
    }
}

void tst_DeliveryEngine::failingSubscriptionIsDisabled()
{
    Subscription subscription;
    subscription.url = QUrl(u"http://127.0.0.1:%1/hook"_s.arg(freePort()));
    subscription.disableAfterFailures = 2;
    const qint64 id = addSubscription(subscription);
    QVERIFY(id);
    DeliveryEngine engine(engineConfig());
    QVERIFY(engine.start());
    QSignalSpy settled(&engine, &DeliveryEngine::messageSettled);
    QSignalSpy disabled(&engine, &DeliveryEngine::subscriptionDisabled);
    engine.fire(u"ping"_s, "{}", "application/json");
    QVERIFY(QTest::qWaitFor([&] { return settled.size() == 1; }, 10000));
    QCOMPARE(settled.constFirst().at(1).value<MessageState>(), MessageState::Failed);
    QVERIFY(disabled.isEmpty());
    engine.fire(u"ping"_s, "{}", "application/json");
    QVERIFY(QTest::qWaitFor([&] { return !disabled.isEmpty(); }, 10000));
    QCOMPARE(disabled.constFirst().at(2).toInt(), 2);
    engine.stop();
    SubscriptionStore store(*m_senderDatabase, SecretVault::Choice::Database);
    QCOMPARE(store.subscription(id)->state, SubscriptionState::Disabled);
    QCOMPARE(store.subscription(id)->failureStreak, 2);
    // A disabled subscription takes no new events.
    QVERIFY(RouteResult(MessageRouter::route(store.subscriptions(), u"ping"_s, "{}",
                                             "application/json"))
                    .messages.isEmpty());
}

void tst_DeliveryEngine::startsBesideTheReceiverOnANewFile()
{
    // What `serve` and the GUI do: both threads open (and so create and migrate) one new file.
    for (int round = 0; round < 20; ++round) {
        const QString location = m_dir->filePath(u"shared-%1.sqlite"_s.arg(round));
        Receiver receiver;
        ReceiverConfig config;
        config.port = 0;
        config.databaseLocation = location;
        receiver.start(config);
        DeliveryEngineConfig engineSettings = engineConfig();
        engineSettings.databaseLocation = location;
        DeliveryEngine engine(engineSettings);
        QVERIFY2(engine.start(), qPrintable(engine.errorString()));
        QVERIFY(QTest::qWaitFor([&] { return receiver.state() != Receiver::State::Starting; },
                                10000));
        QVERIFY2(receiver.state() == Receiver::State::Listening,
                 qPrintable(receiver.errorString()));
        engine.stop();
        receiver.stop();
    }
}

void tst_DeliveryEngine::slowTargetTimesOut()
{
    {
        Database database;
        QVERIFY(database.open(m_targetLocation));
        EndpointStore endpoints(database, SecretVault::Choice::Database);
        Endpoint endpoint;
        endpoint.name = u"target"_s;
        endpoint.path = u"/hook"_s;
        endpoint.response.delayMs = 3000;
        QVERIFY(endpoints.add(endpoint));
    }
    QVERIFY(startTarget({}, 200));
    Subscription subscription;
    subscription.timeout = 300ms;
    QVERIFY(addSubscription(subscription));
    DeliveryEngine engine(engineConfig());
    QVERIFY(engine.start());
    QSignalSpy settled(&engine, &DeliveryEngine::messageSettled);
    QElapsedTimer clock;
    clock.start();
    const qint64 id = engine.fire(u"ping"_s, "{}", "application/json").messages.value(0).id;
    QVERIFY(QTest::qWaitFor([&] { return !settled.isEmpty(); }, 10000));
    QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(settled.constFirst().at(1).value<MessageState>(), MessageState::Failed);
    engine.stop();
    const QList<Delivery> attempts = DeliveryStore(*m_senderDatabase).attemptsOf(id);
    QCOMPARE(attempts.size(), 1);
    QCOMPARE(attempts.constFirst().response.status, 0);
    QVERIFY(!attempts.constFirst().outgoing.error.isEmpty());
}

QTEST_GUILESS_MAIN(tst_DeliveryEngine)
#include "tst_delivery_engine.moc"
