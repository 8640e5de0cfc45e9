#include "environment_override.h"
#include "private_session_bus.h"
#include "store/database.h"
#include "store/endpoint_store.h"
#include "store/keychain_client.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace hookbench;
using namespace hookbench::test;
using namespace Qt::StringLiterals;

class tst_EndpointStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void addsListsAndFinds();
    void normalisesPaths_data();
    void normalisesPaths();
    void matchesPathPrefixesOnSegmentBoundaries_data();
    void matchesPathPrefixesOnSegmentBoundaries();
    void rejectsInvalidEndpoints_data();
    void rejectsInvalidEndpoints();
    void updatesAndRemoves();
    void bumpsTheRevisionOnEveryChange();
    void storesTheUnknownPathPolicy();
    void storesVerificationSettingsAndTheSecretApart();
    void rejectsIncompleteVerification();
    void recordsWhereEachSecretIsKept();
    void listsAnEndpointWhoseKeychainSecretCannotBeRead();
    void keepsSecretsInTheKeychainWhenOneAnswers();

private:
    std::unique_ptr<Database> m_database;
};

void tst_EndpointStore::initTestCase()
{
    // Tests never write to the keychain of whoever runs them; the one that wants a keychain
    // asks for it and gets a private one.
    qputenv("HOOKBENCH_SECRETS", "database");
}

void tst_EndpointStore::init()
{
    m_database = std::make_unique<Database>();
    QVERIFY(m_database->open(QString::fromLatin1(Database::memoryLocation)));
}

void tst_EndpointStore::addsListsAndFinds()
{
    EndpointStore store(*m_database);
    Endpoint endpoint;
    endpoint.name = u"compass"_s;
    endpoint.path = u"hooks/compass/"_s;
    endpoint.response = {500, {{"X-Why", "testing"}}, "boom", 250};
    QVERIFY2(store.add(endpoint), qPrintable(store.errorString()));
    QVERIFY(endpoint.id > 0);
    QCOMPARE(endpoint.path, u"/hooks/compass"_s);
    QVERIFY(endpoint.createdAtMs > 0);

    const QList<Endpoint> all = store.endpoints();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all[0], endpoint);
    QCOMPARE(store.find(u"compass"_s)->id, endpoint.id);
    QCOMPARE(store.find(u"/hooks/compass/"_s)->id, endpoint.id);
    QVERIFY(!store.find(u"nope"_s));
}

void tst_EndpointStore::normalisesPaths_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"/a/b"_s << u"/a/b"_s;
    QTest::newRow("no slash") << u"a/b"_s << u"/a/b"_s;
    QTest::newRow("trailing") << u"/a/b//"_s << u"/a/b"_s;
    QTest::newRow("root") << u"/"_s << u"/"_s;
    QTest::newRow("spaces") << u"  /x  "_s << u"/x"_s;
}

void tst_EndpointStore::normalisesPaths()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(Endpoint::normalizedPath(input), expected);
}

void tst_EndpointStore::matchesPathPrefixesOnSegmentBoundaries_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("matches");
    QTest::newRow("exact") << u"/hooks/git"_s << QByteArray("/hooks/git") << true;
    QTest::newRow("below") << u"/hooks/git"_s << QByteArray("/hooks/git/push") << true;
    QTest::newRow("sibling") << u"/hooks/git"_s << QByteArray("/hooks/github") << false;
    QTest::newRow("parent") << u"/hooks/git"_s << QByteArray("/hooks") << false;
    QTest::newRow("root catches all") << u"/"_s << QByteArray("/anything") << true;
}

void tst_EndpointStore::matchesPathPrefixesOnSegmentBoundaries()
{
    QFETCH(QString, prefix);
    QFETCH(QByteArray, path);
    Endpoint endpoint;
    endpoint.path = prefix;
    QTEST(endpoint.matches(path), "matches");
}

void tst_EndpointStore::rejectsInvalidEndpoints_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("delay");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("no name") << u" "_s << u"/x"_s << 200 << 0 << u"name"_s;
    QTest::newRow("query in path") << u"q"_s << u"/x?y"_s << 200 << 0 << u"'?'"_s;
    QTest::newRow("status") << u"s"_s << u"/s"_s << 99 << 0 << u"99"_s;
    QTest::newRow("delay") << u"d"_s << u"/d"_s << 200 << -1 << u"delay"_s;
    QTest::newRow("taken name") << u"taken"_s << u"/other"_s << 200 << 0 << u"already"_s;
    QTest::newRow("taken path") << u"fresh"_s << u"/taken/"_s << 200 << 0 << u"/taken"_s;
}

void tst_EndpointStore::rejectsInvalidEndpoints()
{
    QFETCH(QString, name);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(int, delay);
    QFETCH(QString, messagePart);
    EndpointStore store(*m_database);
    Endpoint taken;
    taken.name = u"taken"_s;
    taken.path = u"/taken"_s;
    QVERIFY(store.add(taken));
    Endpoint endpoint;
    endpoint.name = name;
    endpoint.path = path;
    endpoint.response.status = status;
    endpoint.response.delayMs = delay;
    QVERIFY(!store.add(endpoint));
    QVERIFY2(store.errorString().contains(messagePart), qPrintable(store.errorString()));
    QCOMPARE(store.endpoints().size(), 1);
}

void tst_EndpointStore::updatesAndRemoves()
{
    EndpointStore store(*m_database);
    Endpoint endpoint;
    endpoint.name = u"old"_s;
    endpoint.path = u"/old"_s;
    QVERIFY(store.add(endpoint));
    endpoint.name = u"new"_s;
    endpoint.response.status = 418;
    QVERIFY(store.update(endpoint));
    QCOMPARE(store.endpoint(endpoint.id)->name, u"new"_s);
    QCOMPARE(store.endpoint(endpoint.id)->response.status, 418);
    QVERIFY(store.remove(endpoint.id));
    QVERIFY(!store.remove(endpoint.id));
    QVERIFY(!store.endpoint(endpoint.id));
    // The path is free again once its endpoint is gone.
    Endpoint again;
    again.name = u"new"_s;
    again.path = u"/old"_s;
    QVERIFY2(store.add(again), qPrintable(store.errorString()));
}

void tst_EndpointStore::bumpsTheRevisionOnEveryChange()
{
    EndpointStore store(*m_database);
    const qint64 start = store.revision();
    Endpoint endpoint;
    endpoint.name = u"r"_s;
    endpoint.path = u"/r"_s;
    QVERIFY(store.add(endpoint));
    QCOMPARE(store.revision(), start + 1);
    QVERIFY(store.update(endpoint));
    QCOMPARE(store.revision(), start + 2);
    QVERIFY(store.setUnknownPathPolicy(UnknownPathPolicy::Reject404));
    QCOMPARE(store.revision(), start + 3);
    QVERIFY(store.remove(endpoint.id));
    QCOMPARE(store.revision(), start + 4);
}

void tst_EndpointStore::storesTheUnknownPathPolicy()
{
    EndpointStore store(*m_database);
    QCOMPARE(store.unknownPathPolicy(), UnknownPathPolicy::CaptureToInbox);
    QVERIFY(store.setUnknownPathPolicy(UnknownPathPolicy::Reject404));
    QCOMPARE(store.unknownPathPolicy(), UnknownPathPolicy::Reject404);
    QVERIFY(store.setUnknownPathPolicy(UnknownPathPolicy::CaptureToInbox));
    QCOMPARE(store.unknownPathPolicy(), UnknownPathPolicy::CaptureToInbox);
}

void tst_EndpointStore::storesVerificationSettingsAndTheSecretApart()
{
    EndpointStore store(*m_database);
    Endpoint endpoint;
    endpoint.name = u"compass"_s;
    endpoint.path = u"/compass"_s;
    endpoint.verification.schemeId = u"compass"_s;
    endpoint.verification.config = {{u"header"_s, u"X-Compass-Signature"_s}};
    endpoint.verification.secret = "s3cr3t";
    endpoint.verification.toleranceSeconds = 60;
    endpoint.verification.rejectInvalid = true;
    QVERIFY2(store.add(endpoint), qPrintable(store.errorString()));
    QCOMPARE(store.endpoint(endpoint.id)->verification, endpoint.verification);

    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(u"SELECT * FROM endpoints"_s));
    while (query.next()) {
        for (int column = 0; column < query.record().count(); ++column)
            QVERIFY(!query.value(column).toString().contains(u"s3cr3t"_s));
    }

    endpoint.verification.secret = "rotated";
    QVERIFY(store.update(endpoint));
    QCOMPARE(store.endpoint(endpoint.id)->verification.secret, QByteArray("rotated"));
    QVERIFY(store.remove(endpoint.id));
    QVERIFY(query.exec(u"SELECT count(*) FROM secrets"_s) && query.next());
    QCOMPARE(query.value(0).toInt(), 0); // a removed endpoint leaves no secret behind
}

void tst_EndpointStore::rejectsIncompleteVerification()
{
    EndpointStore store(*m_database);
    Endpoint endpoint;
    endpoint.name = u"v"_s;
    endpoint.path = u"/v"_s;
    endpoint.verification.schemeId = u"made-up"_s;
    endpoint.verification.secret = "x";
    QVERIFY(!store.add(endpoint));
    QVERIFY(store.errorString().contains(u"made-up"_s));
    QVERIFY(store.errorString().contains(u"github"_s)); // lists the known ones
    endpoint.verification.schemeId = u"github"_s;
    endpoint.verification.secret.clear();
    QVERIFY(!store.add(endpoint));
    QVERIFY(store.errorString().contains(u"secret"_s));
}

namespace {

Endpoint verifiedEndpoint(const QString &name, const QByteArray &secret)
{
    Endpoint endpoint;
    endpoint.name = name;
    endpoint.path = u"/"_s + name;
    endpoint.verification.schemeId = u"github"_s;
    endpoint.verification.secret = secret;
    return endpoint;
}

bool fileContains(const Database &database, const QByteArray &text)
{
    for (const QString &table : {u"endpoints"_s, u"secrets"_s, u"settings"_s}) {
        QSqlQuery query(database.connection());
        if (!query.exec(u"SELECT * FROM "_s + table))
            return true; // cannot tell: count it against the test
        while (query.next()) {
            for (int column = 0; column < query.record().count(); ++column) {
                if (query.value(column).toByteArray().contains(text))
                    return true;
            }
        }
    }
    return false;
}

} // namespace

void tst_EndpointStore::recordsWhereEachSecretIsKept()
{
    EndpointStore store(*m_database);
    QCOMPARE(store.secretVault().choice(), SecretVault::Choice::Database);
    QCOMPARE(store.secretVault().backend(), SecretBackend::Database);
    Endpoint signedOne = verifiedEndpoint(u"github"_s, "hush");
    Endpoint open;
    open.name = u"open"_s;
    open.path = u"/open"_s;
    QVERIFY(store.add(signedOne));
    QVERIFY(store.add(open));
    QCOMPARE(store.secretBackend(signedOne.id), SecretBackend::Database);
    QVERIFY(!store.secretBackend(open.id));

    // Rewriting an endpoint with the secret it has changes nothing about the secret.
    signedOne.response.status = 202;
    QVERIFY(store.update(signedOne));
    QCOMPARE(store.find(u"github"_s)->verification.secret, QByteArray("hush"));
    QCOMPARE(store.secretBackend(signedOne.id), SecretBackend::Database);

    signedOne.verification = {};
    QVERIFY(store.update(signedOne)); // verification turned off: the secret goes
    QVERIFY(!store.secretBackend(signedOne.id));
    QVERIFY(!fileContains(*m_database, "hush"));
}

void tst_EndpointStore::listsAnEndpointWhoseKeychainSecretCannotBeRead()
{
    // A database whose secret a desktop put into its keychain, opened where no keychain answers
    // (the same file served headless): the endpoint still loads, without its secret, and says
    // why; it can still be removed.
    const EnvironmentOverride bus("DBUS_SESSION_BUS_ADDRESS", std::nullopt);
    const EnvironmentOverride runtime("XDG_RUNTIME_DIR", std::nullopt);

    EndpointStore store(*m_database);
    Endpoint endpoint = verifiedEndpoint(u"desktop"_s, "in-the-keychain");
    QVERIFY(store.add(endpoint));
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(u"INSERT INTO settings (key, value) VALUES ('secrets.vault_id', 'v')"_s));
    QVERIFY(query.exec(u"UPDATE secrets SET value = x'', backend = 'keychain'"_s));

    QCOMPARE(store.secretBackend(endpoint.id), SecretBackend::Keychain);
    const std::optional<Endpoint> loaded = store.endpoint(endpoint.id);
    QVERIFY(loaded);
    QVERIFY(loaded->verification.secret.isEmpty());
    QCOMPARE(loaded->verification.schemeId, u"github"_s);
    QVERIFY(store.errorString().contains(u"keychain"_s));
    QCOMPARE(store.endpoints().size(), 1);
    QVERIFY(store.remove(endpoint.id));
    QVERIFY(!store.secretBackend(endpoint.id));
}

void tst_EndpointStore::keepsSecretsInTheKeychainWhenOneAnswers()
{
    if (!PrivateSessionBus::isChild()) {
        if (const auto missing
            = PrivateSessionBus::missingTools(PrivateSessionBus::Keychain::GnomeKeyring))
            QSKIP(qPrintable(*missing));
        const auto run = PrivateSessionBus::run(QString::fromLatin1(QTest::currentTestFunction()),
                                                PrivateSessionBus::Keychain::GnomeKeyring);
        QVERIFY2(run.exitCode == 0, run.output.constData());
        return;
    }
    EndpointStore store(*m_database, SecretVault::Choice::Auto);
    QCOMPARE(store.secretVault().backend(), SecretBackend::Keychain);
    Endpoint endpoint = verifiedEndpoint(u"github"_s, "kept-by-gnome-keyring");
    QVERIFY2(store.add(endpoint), qPrintable(store.errorString()));
    QCOMPARE(store.secretBackend(endpoint.id), SecretBackend::Keychain);
    QVERIFY(!fileContains(*m_database, "kept-by-gnome-keyring"));
    QCOMPARE(store.endpoint(endpoint.id)->verification, endpoint.verification);

    // The capture thread and the CLI open their own stores, whatever they would choose.
    const EndpointStore reader(*m_database, SecretVault::Choice::Database);
    QCOMPARE(reader.endpoints().value(0).verification.secret, endpoint.verification.secret);

    endpoint.verification.secret = "rotated";
    QVERIFY(store.update(endpoint));
    QCOMPARE(reader.find(u"github"_s)->verification.secret, QByteArray("rotated"));
    QVERIFY(!fileContains(*m_database, "rotated"));

    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(u"SELECT value FROM settings WHERE key = 'secrets.vault_id'"_s));
    QVERIFY(query.next());
    const QString key = query.value(0).toString() + u"/endpoint/"_s + QString::number(endpoint.id);
    QVERIFY(store.remove(endpoint.id));
    QCOMPARE(KeychainClient::instance().read(key, std::chrono::seconds(5)).status,
             KeychainReply::Status::NotFound);
}

QTEST_GUILESS_MAIN(tst_EndpointStore)
#include "tst_endpoint_store.moc"
