#include "store/async_store.h"
#include "ui/store_fixture.h"

#include <QTest>

using namespace hookbench;
using namespace hookbench::test;
using namespace Qt::StringLiterals;

// The GUI's view of the store: every answer computed on the worker thread and delivered back.
class tst_AsyncStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void countsByVerification_data();
    void countsByVerification();
    void earlierWithSenderId();
    void secretBackends();
};

void tst_AsyncStore::initTestCase()
{
    // The keychain is not asked in a test; the worker's vault reads this when it is created.
    qputenv("HOOKBENCH_SECRETS", "database");
}

void tst_AsyncStore::countsByVerification_data()
{
    QTest::addColumn<QString>("verification");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("all") << QString() << qint64(4);
    QTest::newRow("valid") << u"valid"_s << qint64(2);
    QTest::newRow("invalid") << u"invalid"_s << qint64(1);
    QTest::newRow("unchecked") << u"unchecked"_s << qint64(1);
    QTest::newRow("not configured") << u"not-configured"_s << qint64(0);
}

void tst_AsyncStore::countsByVerification()
{
    QFETCH(QString, verification);
    QFETCH(qint64, expected);
    TestDatabase database;
    QList<Delivery> deliveries;
    for (const QString &outcome : {u"valid"_s, u"valid"_s, u"invalid"_s, QString()}) {
        Delivery delivery = makeDelivery("POST", "/hooks/x");
        if (!outcome.isEmpty())
            delivery.verification = {outcome, QString(), u"github"_s, QString()};
        deliveries.append(delivery);
    }
    database.insert(deliveries);
    AsyncStore store;
    openAndWait(store, database.path());
    DeliveryFilter filter;
    filter.verification = verification;
    std::optional<qint64> count;
    store.fetchCount(filter, this, [&count](qint64 answer) { count = answer; });
    QTRY_VERIFY(count.has_value());
    QCOMPARE(*count, expected);
}

void tst_AsyncStore::earlierWithSenderId()
{
    TestDatabase database;
    QList<Delivery> deliveries;
    for (const QByteArray &id : {QByteArray("a"), QByteArray("b"), QByteArray("a")}) {
        Delivery delivery = makeDelivery("POST", "/hooks/x");
        delivery.senderDeliveryId = id;
        deliveries.append(delivery);
    }
    const QList<qint64> ids = database.insert(deliveries);
    AsyncStore store;
    openAndWait(store, database.path());
    std::optional<QList<qint64>> earlier;
    store.fetchEarlierWithSenderId("a", ids.at(2), this,
                                   [&earlier](const QList<qint64> &answer) { earlier = answer; });
    QTRY_VERIFY(earlier.has_value());
    QCOMPARE(*earlier, QList<qint64>{ids.at(0)});
    // Only earlier ones: the first delivery of an id has no warning.
    earlier.reset();
    store.fetchEarlierWithSenderId("a", ids.at(0), this,
                                   [&earlier](const QList<qint64> &answer) { earlier = answer; });
    QTRY_VERIFY(earlier.has_value());
    QVERIFY(earlier->isEmpty());
}

void tst_AsyncStore::secretBackends()
{
    TestDatabase database;
    Endpoint withSecret;
    withSecret.name = u"github"_s;
    withSecret.path = u"/hooks/github"_s;
    withSecret.verification.schemeId = u"github"_s;
    withSecret.verification.secret = "s3cret";
    Endpoint without;
    without.name = u"plain"_s;
    without.path = u"/hooks/plain"_s;
    {
        EndpointStore endpoints(database.database(), SecretVault::Choice::Database);
        QVERIFY(endpoints.add(withSecret));
        QVERIFY(endpoints.add(without));
    }
    AsyncStore store;
    openAndWait(store, database.path());

    std::optional<QString> description;
    store.fetchSecretBackendDescription(
            this, [&description](const QString &answer) { description = answer; });
    QTRY_VERIFY(description.has_value());
    QVERIFY2(description->contains(u"0600"_s), qPrintable(*description));

    bool answered = false;
    std::optional<SecretBackend> backend;
    QString where;
    store.fetchEndpointSecretBackend(
            withSecret.id, this,
            [&](const std::optional<SecretBackend> &answer, const QString &text) {
                answered = true;
                backend = answer;
                where = text;
            });
    QTRY_VERIFY(answered);
    QCOMPARE(backend, std::optional<SecretBackend>(SecretBackend::Database));
    QCOMPARE(where, *description);
    QVERIFY(!where.contains(u"s3cret"_s));

    answered = false;
    store.fetchEndpointSecretBackend(
            without.id, this, [&](const std::optional<SecretBackend> &answer, const QString &text) {
                answered = true;
                backend = answer;
                where = text;
            });
    QTRY_VERIFY(answered);
    QVERIFY(!backend.has_value());
    QVERIFY(where.isEmpty());
}

QTEST_MAIN(tst_AsyncStore)
#include "tst_async_store.moc"
