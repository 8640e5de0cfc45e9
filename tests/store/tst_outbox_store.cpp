#include "delivery/subscription.h"
#include "store/database.h"
#include "store/delivery_store.h"
#include "store/outbox_store.h"
#include "store/subscription_store.h"

#include <QTest>

using namespace Qt::StringLiterals;

using namespace hookbench;

// The outbox and the outgoing attempts it leaves in the delivery history.
class tst_OutboxStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void enqueueAndDue();
    void leaseHidesInFlight();
    void outgoingAttemptRoundTrip();
    void directionFilter_data();
    void directionFilter();

private:
    OutboxMessage enqueueOne(qint64 subscriptionId);

    std::unique_ptr<Database> m_database;
    qint64 m_first = 0;
    qint64 m_second = 0;
};

void tst_OutboxStore::init()
{
    m_database = std::make_unique<Database>();
    QVERIFY(m_database->open(QString::fromLatin1(Database::memoryLocation)));
    SubscriptionStore subscriptions(*m_database, SecretVault::Choice::Database);
    for (qint64 *id : {&m_first, &m_second}) {
        Subscription subscription;
        subscription.name = id == &m_first ? u"first"_s : u"second"_s;
        subscription.url = QUrl(u"http://127.0.0.1:9/hook"_s);
        QVERIFY2(subscriptions.add(subscription), qPrintable(subscriptions.errorString()));
        *id = subscription.id;
    }
}

void tst_OutboxStore::cleanup()
{
    m_database.reset();
}

OutboxMessage tst_OutboxStore::enqueueOne(qint64 subscriptionId)
{
    QList<OutboxMessage> messages(1);
    messages[0].subscriptionId = subscriptionId;
    messages[0].eventType = u"build.passed"_s;
    messages[0].payload = R"({"status":"PASSED"})";
    messages[0].contentType = "application/json";
    OutboxStore outbox(*m_database);
    if (!outbox.enqueue(messages))
        qWarning() << outbox.errorString();
    return messages.constFirst();
}

void tst_OutboxStore::enqueueAndDue()
{
    OutboxStore outbox(*m_database);
    const OutboxMessage first = enqueueOne(m_first);
    const OutboxMessage second = enqueueOne(m_second);
    QVERIFY(first.id > 0 && second.id > first.id);
    QCOMPARE(outbox.message(first.id), first);
    QCOMPARE(outbox.count(MessageState::Pending), 2);
    QCOMPARE(outbox.due(m_first, first.nextAttemptAtMs, 10).size(), 1);
    QCOMPARE(outbox.due(m_first, first.nextAttemptAtMs - 1, 10).size(), 0);
    const QList<OutboxMessage> others = outbox.due(m_second, second.nextAttemptAtMs, 10);
    QCOMPARE(others.size(), 1);
    QCOMPARE(others.constFirst().id, second.id);
    QVERIFY(others.constFirst().payload.isEmpty()); // message() has it
    QCOMPARE(outbox.message(second.id)->payload, second.payload);

    OutboxMessage delivered = first;
    delivered.state = MessageState::Delivered;
    delivered.attempts = 1;
    QVERIFY(outbox.update(delivered));
    QCOMPARE(outbox.message(first.id)->state, MessageState::Delivered);
    QCOMPARE(outbox.count(MessageState::Pending), 1);
    QCOMPARE(outbox.count(MessageState::Delivered, m_first), 1);
    QCOMPARE(outbox.count(MessageState::Delivered, m_second), 0);
    QCOMPARE(outbox.nextDueAt(), second.nextAttemptAtMs);
}

void tst_OutboxStore::leaseHidesInFlight()
{
    OutboxStore outbox(*m_database);
    const OutboxMessage message = enqueueOne(m_first);
    const qint64 now = message.nextAttemptAtMs;
    QVERIFY(outbox.lease({message.id}, now + 30000));
    QVERIFY(outbox.due(m_first, now, 10).isEmpty());
    QCOMPARE(outbox.due(m_first, now + 30000, 10).size(), 1);
}

void tst_OutboxStore::outgoingAttemptRoundTrip()
{
    const OutboxMessage message = enqueueOne(m_first);
    Delivery attempt;
    attempt.direction = DeliveryDirection::Outgoing;
    attempt.receivedAtMs = 1700000000000;
    attempt.method = "POST";
    attempt.target = "/hook?x=1";
    attempt.httpVersion = "HTTP/1.1";
    attempt.headers.append("Content-Type", "application/json");
    attempt.headers.append("X-JobServ-Sig", "sha256:abc");
    attempt.body = message.payload;
    attempt.bodySize = attempt.body.size();
    attempt.contentType = "application/json";
    attempt.response.status = 500;
    attempt.response.headers.append("Retry-After", "1");
    attempt.response.body = "try later";
    attempt.outgoing = {message.id,  2,
                        m_first,     u"http://127.0.0.1:9/hook?x=1"_s,
                        1234,        u"Server replied 500"_s,
                        std::nullopt};
    QList<Delivery> rows = {attempt};
    DeliveryStore store(*m_database);
    QVERIFY2(store.insert(rows), qPrintable(store.errorString()));
    const auto read = store.delivery(rows.constFirst().id);
    QVERIFY(read);
    QCOMPARE(read->direction, DeliveryDirection::Outgoing);
    QCOMPARE(read->outgoing, attempt.outgoing);
    QCOMPARE(read->headers, attempt.headers);
    QCOMPARE(read->body, attempt.body);
    QCOMPARE(read->response, attempt.response);
    QCOMPARE(store.attemptsOf(message.id).size(), 1);

    const QList<DeliverySummary> page = store.page(DeliveryFilter::all(), 0, 10);
    QCOMPARE(page.size(), 1);
    QCOMPARE(page.constFirst().subscriptionName, u"first"_s);
    QCOMPARE(page.constFirst().messageState, MessageState::Pending);
    QCOMPARE(page.constFirst().outgoing.attempt, 2);
}

void tst_OutboxStore::directionFilter_data()
{
    QTest::addColumn<QString>("direction");
    QTest::addColumn<int>("rows");
    QTest::newRow("in") << u"in"_s << 2;
    QTest::newRow("out") << u"out"_s << 1;
    QTest::newRow("all") << QString() << 3;
}

void tst_OutboxStore::directionFilter()
{
    QFETCH(QString, direction);
    QFETCH(int, rows);
    QList<Delivery> deliveries(3);
    for (Delivery &delivery : deliveries) {
        delivery.method = "POST";
        delivery.target = "/";
    }
    deliveries[1].direction = DeliveryDirection::Outgoing;
    deliveries[1].outgoing.messageId = enqueueOne(m_second).id;
    deliveries[1].outgoing.subscriptionId = m_second;
    DeliveryStore store(*m_database);
    QVERIFY(store.insert(deliveries));
    DeliveryFilter filter;
    if (!direction.isEmpty())
        filter.direction = deliveryDirectionFromName(direction);
    QCOMPARE(store.count(filter), rows);
    QCOMPARE(store.page(filter, 0, 10).size(), rows);
}

QTEST_GUILESS_MAIN(tst_OutboxStore)
#include "tst_outbox_store.moc"
