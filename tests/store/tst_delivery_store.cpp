#include "store/database.h"
#include "store/delivery_store.h"
#include "store/endpoint_store.h"

#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_DeliveryStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void roundTripsEveryField();
    void keepsBinaryBodiesAndTargets();
    void assignsIdsInOrderInOneTransaction();
    void pagesNewestFirstByKeyset();
    void filtersByEndpointInboxAndState();
    void listsWhatIsNewer();
    void reportsAMissingDelivery();
    void keepsTheEndpointNameAfterRemoval();

private:
    Delivery sample(const QByteArray &target) const;
    std::unique_ptr<Database> m_database;
};

void tst_DeliveryStore::init()
{
    m_database = std::make_unique<Database>();
    QVERIFY(m_database->open(QString::fromLatin1(Database::memoryLocation)));
}

Delivery tst_DeliveryStore::sample(const QByteArray &target) const
{
    Delivery delivery;
    delivery.receivedAtMs = 1'700'000'000'123;
    delivery.method = "POST";
    delivery.target = target;
    delivery.httpVersion = "HTTP/1.1";
    delivery.remoteAddress = u"127.0.0.1:5000"_s;
    delivery.headers
            = {{"Host", "x"}, {"content-type", "application/json"}, {"X-A", "1"}, {"x-a", "2"}};
    delivery.body = "{\"n\": 12345678901234567890}";
    delivery.bodySize = delivery.body.size();
    delivery.contentType = "application/json";
    delivery.response = {202, {{"X-Reply", "yes"}}, "accepted"};
    delivery.processingUs = 321;
    return delivery;
}

void tst_DeliveryStore::roundTripsEveryField()
{
    DeliveryStore store(*m_database);
    QList<Delivery> batch{sample("/hooks/a?x=1")};
    QVERIFY2(store.insert(batch), qPrintable(store.errorString()));
    QVERIFY(batch[0].id > 0);
    const auto read = store.delivery(batch[0].id);
    QVERIFY(read);
    const Delivery &expected = batch[0];
    QCOMPARE(read->receivedAtMs, expected.receivedAtMs);
    QCOMPARE(read->method, expected.method);
    QCOMPARE(read->target, expected.target);
    QCOMPARE(read->path(), QByteArray("/hooks/a"));
    QCOMPARE(read->query(), QByteArray("x=1"));
    QCOMPARE(read->httpVersion, expected.httpVersion);
    QCOMPARE(read->remoteAddress, expected.remoteAddress);
    QCOMPARE(read->headers, expected.headers);
    QCOMPARE(read->body, expected.body);
    QCOMPARE(read->bodySize, expected.bodySize);
    QCOMPARE(read->contentType, expected.contentType);
    QCOMPARE(read->response, expected.response);
    QCOMPARE(read->processingUs, 321);
    QCOMPARE(read->state, DeliveryState::Stored);
    QVERIFY(!read->endpointId);
}

void tst_DeliveryStore::keepsBinaryBodiesAndTargets()
{
    DeliveryStore store(*m_database);
    Delivery delivery = sample("/bin?\xff=%00");
    delivery.body = QByteArray("\x00\x01\xff\xfe\r\n\x00", 7);
    delivery.bodySize = 7;
    QList<Delivery> batch{delivery};
    QVERIFY(store.insert(batch));
    const auto read = store.delivery(batch[0].id);
    QCOMPARE(read->body, delivery.body);
    QCOMPARE(read->target, delivery.target);
}

void tst_DeliveryStore::assignsIdsInOrderInOneTransaction()
{
    DeliveryStore store(*m_database);
    QList<Delivery> batch;
    for (int i = 0; i < 100; ++i)
        batch.append(sample("/n/" + QByteArray::number(i)));
    QVERIFY(store.insert(batch));
    for (int i = 1; i < batch.size(); ++i)
        QCOMPARE(batch[i].id, batch[i - 1].id + 1);
    QCOMPARE(store.delivery(batch[42].id)->target, QByteArray("/n/42"));
    QCOMPARE(store.count(DeliveryFilter::all()), 100);
}

void tst_DeliveryStore::pagesNewestFirstByKeyset()
{
    DeliveryStore store(*m_database);
    QList<Delivery> batch;
    for (int i = 0; i < 25; ++i)
        batch.append(sample("/p/" + QByteArray::number(i)));
    QVERIFY(store.insert(batch));

    QList<qint64> seen;
    qint64 before = 0;
    forever
    {
        const QList<DeliverySummary> page = store.page(DeliveryFilter::all(), before, 10);
        if (page.isEmpty())
            break;
        QVERIFY(page.size() <= 10);
        for (const DeliverySummary &row : page)
            seen.append(row.id);
        before = page.constLast().id;
    }
    QCOMPARE(seen.size(), 25);
    QCOMPARE(seen.first(), batch.last().id);
    QCOMPARE(seen.last(), batch.first().id);
    QVERIFY(std::is_sorted(seen.rbegin(), seen.rend()));

    const DeliverySummary top = store.page(DeliveryFilter::all(), 0, 1).constFirst();
    QCOMPARE(top.target, QByteArray("/p/24"));
    QCOMPARE(top.responseStatus, 202);
    QCOMPARE(top.bodySize, batch.last().bodySize);
    QCOMPARE(top.contentType, QByteArray("application/json"));
}

void tst_DeliveryStore::filtersByEndpointInboxAndState()
{
    Endpoint github;
    github.name = u"github"_s;
    github.path = u"/hooks/github"_s;
    EndpointStore endpoints(*m_database);
    QVERIFY(endpoints.add(github));

    DeliveryStore store(*m_database);
    QList<Delivery> batch{sample("/inbox/1"), sample("/hooks/github"), sample("/bad")};
    batch[1].endpointId = github.id;
    batch[2].state = DeliveryState::Rejected;
    batch[2].rejectReason = u"Malformed request"_s;
    QVERIFY(store.insert(batch));

    const auto ofGithub = store.page(DeliveryFilter::endpoint(github.id), 0, 10);
    QCOMPARE(ofGithub.size(), 1);
    QCOMPARE(ofGithub[0].endpointName, u"github"_s);
    QCOMPARE(store.page(DeliveryFilter::inbox(), 0, 10).size(), 2);
    DeliveryFilter rejected;
    rejected.state = DeliveryState::Rejected;
    const auto rejectedRows = store.page(rejected, 0, 10);
    QCOMPARE(rejectedRows.size(), 1);
    QCOMPARE(rejectedRows[0].rejectReason, u"Malformed request"_s);
    QCOMPARE(store.count(rejected), 1);
}

void tst_DeliveryStore::listsWhatIsNewer()
{
    DeliveryStore store(*m_database);
    QList<Delivery> first{sample("/1"), sample("/2")};
    QVERIFY(store.insert(first));
    QList<Delivery> second{sample("/3"), sample("/4")};
    QVERIFY(store.insert(second));
    const auto newer = store.newerThan(DeliveryFilter::all(), first.last().id, 100);
    QCOMPARE(newer.size(), 2);
    QCOMPARE(newer[0].target, QByteArray("/3"));
    QCOMPARE(newer[1].target, QByteArray("/4"));
    // A batch smaller than what is new takes the oldest, so the next one continues from it.
    const auto oldest = store.newerThan(DeliveryFilter::all(), first.first().id, 2);
    QCOMPARE(oldest.size(), 2);
    QCOMPARE(oldest[0].target, QByteArray("/2"));
    QCOMPARE(oldest[1].target, QByteArray("/3"));
    QCOMPARE(store.latestId(), second.last().id);
}

void tst_DeliveryStore::reportsAMissingDelivery()
{
    DeliveryStore store(*m_database);
    QVERIFY(!store.delivery(999));
    QVERIFY(store.errorString().contains(u"999"_s));
}

void tst_DeliveryStore::keepsTheEndpointNameAfterRemoval()
{
    Endpoint endpoint;
    endpoint.name = u"stripe"_s;
    endpoint.path = u"/stripe"_s;
    EndpointStore endpoints(*m_database);
    QVERIFY(endpoints.add(endpoint));
    DeliveryStore store(*m_database);
    QList<Delivery> batch{sample("/stripe")};
    batch[0].endpointId = endpoint.id;
    QVERIFY(store.insert(batch));
    QVERIFY(endpoints.remove(endpoint.id));
    QCOMPARE(store.delivery(batch[0].id)->endpointName, u"stripe"_s);
    QVERIFY(endpoints.endpoints().isEmpty());
}

QTEST_GUILESS_MAIN(tst_DeliveryStore)
#include "tst_delivery_store.moc"
