#include "delivery/subscription.h"
#include "store/database.h"
#include "store/subscription_store.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

using namespace hookbench;

class tst_SubscriptionStore : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void secretsStayOutOfTheTable();
    void duplicateNameRefused();
    void removeAndStates();
    void failureStreak();
    void presets_data();
    void presets();
    void retrySchedule_data();
    void retrySchedule();
    void eventTypes_data();
    void eventTypes();
    void validation_data();
    void validation();
};

namespace {

Subscription sample()
{
    Subscription subscription;
    subscription.name = u"ops"_s;
    subscription.description = u"Defects to the ops channel"_s;
    subscription.url = QUrl(u"https://hooks.example.com/in?x=1"_s);
    subscription.eventTypes = {u"defect.*"_s, u"record.submitted"_s};
    subscription.condition = u"'Status' != \"Closed\""_s;
    subscription.payloadFields = u"Status, 'Short Description'"_s;
    subscription.schemeId = u"github"_s;
    subscription.secret = "s3cret";
    subscription.auth = {AuthKind::Basic, u"remedy"_s, "pass:word"};
    subscription.headers.append("X-Team", "Ops");
    subscription.headers.append("x-team", "Second");
    subscription.bodyFormat = BodyFormat::Form;
    subscription.timeout = 2500ms;
    subscription.tls = TlsVerification::Skip;
    subscription.retrySchedule = {100ms, 5s, 5min};
    subscription.disableAfterFailures = 4;
    return subscription;
}

} // namespace

void tst_SubscriptionStore::roundTrip()
{
    Database database;
    QVERIFY2(database.open(QString::fromLatin1(Database::memoryLocation)),
             qPrintable(database.errorString()));
    SubscriptionStore store(database, SecretVault::Choice::Database);
    Subscription subscription = sample();
    QVERIFY2(store.add(subscription), qPrintable(store.errorString()));
    QVERIFY(subscription.id > 0);
    QVERIFY(subscription.createdAtMs > 0);

    const auto read = store.subscription(subscription.id);
    QVERIFY(read);
    QCOMPARE(*read, subscription);
    QCOMPARE(store.find(u"ops"_s)->id, subscription.id);
    QCOMPARE(store.subscriptions().size(), 1);

    subscription.url = QUrl(u"http://127.0.0.1:9/x"_s);
    subscription.secret = "other";
    subscription.auth = {AuthKind::Bearer, QString(), "token"};
    QVERIFY2(store.update(subscription), qPrintable(store.errorString()));
    QCOMPARE(*store.subscription(subscription.id), subscription);
}

void tst_SubscriptionStore::secretsStayOutOfTheTable()
{
    Database database;
    QVERIFY(database.open(QString::fromLatin1(Database::memoryLocation)));
    SubscriptionStore store(database, SecretVault::Choice::Database);
    Subscription subscription = sample();
    QVERIFY(store.add(subscription));
    SecretVault vault(database, SecretVault::Choice::Database);
    QCOMPARE(vault.load(u"subscription/%1"_s.arg(subscription.id))->value, "s3cret");
    QCOMPARE(vault.load(u"subscription/%1/auth"_s.arg(subscription.id))->value, "pass:word");
    QSqlQuery query(database.connection());
    QVERIFY(query.exec(u"SELECT * FROM subscriptions"_s));
    QVERIFY(query.next());
    for (int column = 0; column < query.record().count(); ++column) {
        QVERIFY(!query.value(column).toString().contains(u"s3cret"_s));
        QVERIFY(!query.value(column).toString().contains(u"pass:word"_s));
    }
}

void tst_SubscriptionStore::duplicateNameRefused()
{
    Database database;
    QVERIFY(database.open(QString::fromLatin1(Database::memoryLocation)));
    SubscriptionStore store(database, SecretVault::Choice::Database);
    Subscription first = sample();
    QVERIFY(store.add(first));
    Subscription second = sample();
    QVERIFY(!store.add(second));
    QVERIFY(store.errorString().contains(u"ops"_s));
    // A removed name is free again.
    QVERIFY(store.remove(first.id));
    QVERIFY2(store.add(second), qPrintable(store.errorString()));
}

void tst_SubscriptionStore::removeAndStates()
{
    Database database;
    QVERIFY(database.open(QString::fromLatin1(Database::memoryLocation)));
    SubscriptionStore store(database, SecretVault::Choice::Database);
    Subscription subscription = sample();
    QVERIFY(store.add(subscription));
    QVERIFY(store.setState(subscription.id, SubscriptionState::Disabled));
    QCOMPARE(store.find(u"ops"_s)->state, SubscriptionState::Disabled);
    QVERIFY(store.setState(subscription.id, SubscriptionState::Enabled));
    QCOMPARE(store.find(u"ops"_s)->state, SubscriptionState::Enabled);
    QVERIFY(store.remove(subscription.id));
    QVERIFY(!store.find(u"ops"_s));
    QVERIFY(store.subscriptions().isEmpty());
    // Still readable by id for the messages that were on their way to it.
    QCOMPARE(store.subscription(subscription.id)->name, u"ops"_s);
    QVERIFY(!store.remove(subscription.id));
    QVERIFY(!store.setState(subscription.id, SubscriptionState::Enabled));
}

void tst_SubscriptionStore::failureStreak()
{
    Database database;
    QVERIFY(database.open(QString::fromLatin1(Database::memoryLocation)));
    SubscriptionStore store(database, SecretVault::Choice::Database);
    Subscription subscription = sample();
    QVERIFY(store.add(subscription));
    QCOMPARE(store.recordFailure(subscription.id), 1);
    QCOMPARE(store.recordFailure(subscription.id), 2);
    QCOMPARE(store.recordFailure(subscription.id), 3);
    QVERIFY(store.find(u"ops"_s)->isFlagged());
    QVERIFY(store.resetFailures(subscription.id));
    QCOMPARE(store.find(u"ops"_s)->failureStreak, 0);
    QCOMPARE(store.recordFailure(subscription.id + 100), std::nullopt);
}

void tst_SubscriptionStore::presets_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("schedule");
    QTest::addColumn<AuthKind>("auth");
    QTest::newRow("compass") << u"compass"_s << u"compass"_s << u"1m,1m,1m,1m,1m,1m,1m,1m,1m,1m"_s
                             << AuthKind::None;
    QTest::newRow("foundries") << u"foundries"_s << u"jobserv"_s << u"1s,2s,4s"_s << AuthKind::None;
    QTest::newRow("remedy") << u"remedy"_s << QString() << QString() << AuthKind::Basic;
    QTest::newRow("standard-webhooks") << u"standard-webhooks"_s << u"standard-webhooks"_s
                                       << u"5s,5m,30m,2h,5h,10h"_s << AuthKind::None;
}

void tst_SubscriptionStore::presets()
{
    QFETCH(QString, preset);
    QFETCH(QString, scheme);
    QFETCH(QString, schedule);
    QFETCH(AuthKind, auth);
    const auto vendor = vendorPresetFromName(preset);
    QVERIFY(vendor);
    QCOMPARE(vendorPresetName(*vendor), preset);
    Subscription subscription;
    subscription.applyPreset(*vendor);
    QCOMPARE(subscription.schemeId, scheme);
    QCOMPARE(formatRetrySchedule(subscription.retrySchedule), schedule);
    QCOMPARE(subscription.auth.kind, auth);
    QCOMPARE(subscription.preset, *vendor);
}

void tst_SubscriptionStore::retrySchedule_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("mixed") << u"100ms, 1s,5m,2h"_s << true << u"100ms,1s,5m,2h"_s;
    QTest::newRow("bare seconds") << u"3"_s << true << u"3s"_s;
    QTest::newRow("minutes from seconds") << u"120s"_s << true << u"2m"_s;
    QTest::newRow("empty") << QString() << true << QString();
    QTest::newRow("unit only") << u"s"_s << false << QString();
    QTest::newRow("negative") << u"-1s"_s << false << QString();
    QTest::newRow("unknown unit") << u"5d"_s << false << QString();
    QTest::newRow("empty item") << u"1s,,2s"_s << false << QString();
}

void tst_SubscriptionStore::retrySchedule()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, canonical);
    const auto schedule = parseRetrySchedule(text);
    QCOMPARE(schedule.has_value(), valid);
    if (schedule)
        QCOMPARE(formatRetrySchedule(*schedule), canonical);
}

void tst_SubscriptionStore::eventTypes_data()
{
    QTest::addColumn<QStringList>("patterns");
    QTest::addColumn<QString>("event");
    QTest::addColumn<bool>("matches");
    QTest::newRow("wildcard") << QStringList{u"*"_s} << u"anything"_s << true;
    QTest::newRow("exact") << QStringList{u"build.passed"_s} << u"build.passed"_s << true;
    QTest::newRow("other") << QStringList{u"build.passed"_s} << u"build.failed"_s << false;
    QTest::newRow("prefix") << QStringList{u"build.*"_s} << u"build.failed"_s << true;
    QTest::newRow("prefix miss") << QStringList{u"build.*"_s} << u"defect.new"_s << false;
    QTest::newRow("second") << QStringList{u"a"_s, u"b"_s} << u"b"_s << true;
}

void tst_SubscriptionStore::eventTypes()
{
    QFETCH(QStringList, patterns);
    QFETCH(QString, event);
    QFETCH(bool, matches);
    Subscription subscription;
    subscription.eventTypes = patterns;
    QCOMPARE(subscription.matchesEventType(event), matches);
}

void tst_SubscriptionStore::validation_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("no name") << u"name"_s << QString();
    QTest::newRow("ftp url") << u"url"_s << u"ftp://example.com/"_s;
    QTest::newRow("bad condition") << u"condition"_s << u"status = "_s;
    QTest::newRow("unknown scheme") << u"scheme"_s << u"nope"_s;
    QTest::newRow("bad fields") << u"fields"_s << u"a,,"_s;
}

void tst_SubscriptionStore::validation()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    Subscription subscription = sample();
    QVERIFY(subscription.validate().isEmpty());
    if (field == u"name")
        subscription.name = value;
    else if (field == u"url")
        subscription.url = QUrl(value);
    else if (field == u"condition")
        subscription.condition = value;
    else if (field == u"scheme")
        subscription.schemeId = value;
    else
        subscription.payloadFields = value;
    QCOMPARE(subscription.validate().size(), 1);
    Database database;
    QVERIFY(database.open(QString::fromLatin1(Database::memoryLocation)));
    SubscriptionStore store(database, SecretVault::Choice::Database);
    QVERIFY(!store.add(subscription));
    QVERIFY(!store.errorString().isEmpty());
}

QTEST_GUILESS_MAIN(tst_SubscriptionStore)
#include "tst_subscription_store.moc"
