#include "environment_override.h"
#include "private_session_bus.h"
#include "store/database.h"
#include "store/keychain_client.h"
#include "store/secret_vault.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;
using namespace hookbench::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(SecretVault::Choice)
Q_DECLARE_METATYPE(std::optional<QByteArray>)

namespace {

// The bound for deciding there is no keychain: users must never wait on one.
constexpr qint64 fallbackBudgetMs = 2000;

int rowCount(const Database &database)
{
    QSqlQuery query(database.connection());
    return query.exec(u"SELECT count(*) FROM secrets"_s) && query.next() ? query.value(0).toInt()
                                                                         : -1;
}

QByteArray storedValue(const Database &database, const QString &name)
{
    QSqlQuery query(database.connection());
    query.prepare(u"SELECT value FROM secrets WHERE name = ?"_s);
    query.addBindValue(name);
    return query.exec() && query.next() ? query.value(0).toByteArray() : QByteArray("(no row)");
}

} // namespace

class tst_SecretVault : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void choosesFromTheEnvironment_data();
    void choosesFromTheEnvironment();
    void roundTripsThroughTheDatabase_data();
    void roundTripsThroughTheDatabase();
    void replacesAndRemoves();
    void keepsTheFileOwnerOnlyAndSaysSo();
    void readsTheSecretsOfAnEarlierSchema();
    void fallsBackAtOnceWithoutASessionBus();
    void fallsBackQuicklyWhenNoKeychainServiceAnswers();
    void fallsBackWithinTheTimeoutWhenTheKeychainStalls();
    void refusesAForcedKeychainThatDoesNotAnswer();
    void roundTripsThroughTheKeychain();

private:
    std::unique_ptr<Database> m_database;
};

void tst_SecretVault::init()
{
    m_database = std::make_unique<Database>();
    QVERIFY(m_database->open(QString::fromLatin1(Database::memoryLocation)));
}

void tst_SecretVault::choosesFromTheEnvironment_data()
{
    QTest::addColumn<std::optional<QByteArray>>("value");
    QTest::addColumn<SecretVault::Choice>("choice");
    QTest::newRow("unset") << std::optional<QByteArray>() << SecretVault::Choice::Auto;
    QTest::newRow("auto") << std::optional<QByteArray>("auto") << SecretVault::Choice::Auto;
    QTest::newRow("database") << std::optional<QByteArray>("database")
                              << SecretVault::Choice::Database;
    QTest::newRow("Keychain") << std::optional<QByteArray>("Keychain")
                              << SecretVault::Choice::Keychain;
    QTest::newRow("unknown") << std::optional<QByteArray>("vault") << SecretVault::Choice::Auto;
}

void tst_SecretVault::choosesFromTheEnvironment()
{
    QFETCH(std::optional<QByteArray>, value);
    QFETCH(SecretVault::Choice, choice);
    const EnvironmentOverride secrets("HOOKBENCH_SECRETS", value);
    QCOMPARE(SecretVault::choiceFromEnvironment(), choice);
    QCOMPARE(SecretVault(*m_database).choice(), choice);
}

void tst_SecretVault::roundTripsThroughTheDatabase_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::newRow("text") << QByteArray("It's a Secret to Everybody");
    QTest::newRow("standard webhooks") << QByteArray("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    QTest::newRow("basic") << QByteArray("remedy:p@ss:word");
    QTest::newRow("binary") << QByteArray("\x00\xff\x01\n\r\x00", 6);
    QTest::newRow("long") << QByteArray(64 * 1024, 'k');
}

void tst_SecretVault::roundTripsThroughTheDatabase()
{
    QFETCH(QByteArray, secret);
    SecretVault vault(*m_database, SecretVault::Choice::Database);
    QCOMPARE(vault.backend(), SecretBackend::Database);
    QVERIFY(!vault.load(u"endpoint/1"_s));
    QVERIFY(vault.errorString().isEmpty()); // nothing stored is not an error

    QVERIFY2(vault.store(u"endpoint/1"_s, secret), qPrintable(vault.errorString()));
    const std::optional<StoredSecret> loaded = vault.load(u"endpoint/1"_s);
    QVERIFY2(loaded, qPrintable(vault.errorString()));
    QCOMPARE(loaded->value, secret);
    QCOMPARE(loaded->backend, SecretBackend::Database);
    QCOMPARE(vault.location(u"endpoint/1"_s), SecretBackend::Database);
    QVERIFY(!vault.load(u"endpoint/2"_s));
}

void tst_SecretVault::replacesAndRemoves()
{
    SecretVault vault(*m_database, SecretVault::Choice::Database);
    QVERIFY(vault.store(u"endpoint/1"_s, "first"));
    QVERIFY(vault.store(u"endpoint/2"_s, "other"));
    QVERIFY(vault.store(u"endpoint/1"_s, "rotated"));
    QCOMPARE(vault.load(u"endpoint/1"_s)->value, QByteArray("rotated"));
    QCOMPARE(rowCount(*m_database), 2);

    QVERIFY(vault.remove(u"endpoint/1"_s));
    QVERIFY(!vault.load(u"endpoint/1"_s));
    QVERIFY(!vault.location(u"endpoint/1"_s));
    QCOMPARE(vault.load(u"endpoint/2"_s)->value, QByteArray("other"));
    QVERIFY(vault.remove(u"endpoint/1"_s)); // removing what is gone is not an error

    QVERIFY(vault.store(u"endpoint/2"_s, QByteArray())); // an empty secret removes it
    QCOMPARE(rowCount(*m_database), 0);
}

void tst_SecretVault::keepsTheFileOwnerOnlyAndSaysSo()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(u"hookbench.sqlite"_s);
    Database database;
    QVERIFY2(database.open(path), qPrintable(database.errorString()));
    SecretVault vault(database, SecretVault::Choice::Database);
    QVERIFY(vault.store(u"endpoint/7"_s, "owner-only"));

    const QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
    QCOMPARE(QFile::permissions(path) & ~(QFile::ReadUser | QFile::WriteUser), ownerOnly);
    QCOMPARE(vault.backendDescription(), vault.describe(SecretBackend::Database));
    QVERIFY(vault.backendDescription().contains(path));
    QVERIFY(vault.backendDescription().contains(u"0600"_s));
    QVERIFY(!vault.backendDescription().contains(u"owner-only"_s)); // never the secret

    // A copy or restore that widened the file is reported as it is.
    QVERIFY(QFile::setPermissions(path, ownerOnly | QFile::ReadGroup | QFile::ReadOther));
    QVERIFY(vault.backendDescription().contains(u"other users can read"_s));
    QVERIFY(!vault.backendDescription().contains(u"0600)"_s));

    QVERIFY(SecretVault(*m_database, SecretVault::Choice::Database)
                    .backendDescription()
                    .contains(u"in-memory"_s));
}

void tst_SecretVault::readsTheSecretsOfAnEarlierSchema()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(u"old.sqlite"_s);
    {
        Database old;
        QVERIFY(old.open(path, 2));
        QSqlQuery query(old.connection());
        QVERIFY(query.exec(u"INSERT INTO secrets (name, value) VALUES ('endpoint/3', 'legacy')"_s));
    }
    Database database;
    QVERIFY2(database.open(path), qPrintable(database.errorString()));
    QCOMPARE(database.schemaVersion(), Database::currentSchemaVersion);
    const auto loaded = SecretVault(database, SecretVault::Choice::Auto).load(u"endpoint/3"_s);
    QVERIFY(loaded);
    QCOMPARE(loaded->value, QByteArray("legacy"));
    QCOMPARE(loaded->backend, SecretBackend::Database);
}

void tst_SecretVault::fallsBackAtOnceWithoutASessionBus()
{
    const EnvironmentOverride bus("DBUS_SESSION_BUS_ADDRESS", std::nullopt);
    const EnvironmentOverride runtime("XDG_RUNTIME_DIR", std::nullopt);
    QElapsedTimer timer;
    timer.start();
    SecretVault vault(*m_database, SecretVault::Choice::Auto);
    QCOMPARE(vault.backend(), SecretBackend::Database);
    QVERIFY(vault.store(u"endpoint/1"_s, "headless"));
    QCOMPARE(vault.load(u"endpoint/1"_s)->value, QByteArray("headless"));
    QCOMPARE(vault.location(u"endpoint/1"_s), SecretBackend::Database);
    QVERIFY(vault.remove(u"endpoint/1"_s));
    const qint64 elapsed = timer.elapsed();
    qInfo("Without a session bus, choosing the database, storing, reading and removing took "
          "%lld ms.",
          elapsed);
    QVERIFY2(elapsed < fallbackBudgetMs, qPrintable(QString::number(elapsed)));
}

void tst_SecretVault::fallsBackQuicklyWhenNoKeychainServiceAnswers()
{
    if (!PrivateSessionBus::isChild()) {
        if (const auto missing = PrivateSessionBus::missingTools(PrivateSessionBus::Keychain::None))
            QSKIP(qPrintable(*missing));
        const auto run = PrivateSessionBus::run(QString::fromLatin1(QTest::currentTestFunction()),
                                                PrivateSessionBus::Keychain::None);
        qInfo("%s", run.output.constData());
        QVERIFY2(run.exitCode == 0, run.output.constData());
        return;
    }
    // A session bus on which nothing owns the Secret Service or KWallet.
    QVERIFY(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
    QElapsedTimer timer;
    timer.start();
    SecretVault vault(*m_database, SecretVault::Choice::Auto);
    QCOMPARE(vault.backend(), SecretBackend::Database);
    QVERIFY(vault.store(u"endpoint/1"_s, "no-service"));
    QCOMPARE(vault.location(u"endpoint/1"_s), SecretBackend::Database);
    QCOMPARE(vault.load(u"endpoint/1"_s)->value, QByteArray("no-service"));
    const qint64 elapsed = timer.elapsed();
    qInfo("With a session bus but no keychain service, falling back to the database took %lld "
          "ms.",
          elapsed);
    QVERIFY2(elapsed < fallbackBudgetMs, qPrintable(QString::number(elapsed)));
}

void tst_SecretVault::fallsBackWithinTheTimeoutWhenTheKeychainStalls()
{
    if (!PrivateSessionBus::isChild()) {
        if (const auto missing
            = PrivateSessionBus::missingTools(PrivateSessionBus::Keychain::Stalled))
            QSKIP(qPrintable(*missing));
        const auto run = PrivateSessionBus::run(QString::fromLatin1(QTest::currentTestFunction()),
                                                PrivateSessionBus::Keychain::Stalled);
        qInfo("%s", run.output.constData());
        QVERIFY2(run.exitCode == 0, run.output.constData());
        return;
    }
    // The Secret Service's name is owned, but its owner never answers: only the timeout helps.
    QElapsedTimer timer;
    timer.start();
    SecretVault vault(*m_database, SecretVault::Choice::Auto);
    QCOMPARE(vault.backend(), SecretBackend::Database);
    const qint64 decided = timer.elapsed();
    QVERIFY(vault.store(u"endpoint/1"_s, "stalled"));
    QCOMPARE(vault.location(u"endpoint/1"_s), SecretBackend::Database);
    qInfo("With a keychain service that never answers, falling back took %lld ms.", decided);
    QVERIFY2(decided < fallbackBudgetMs, qPrintable(QString::number(decided)));

    // Once is enough: later callers (every store of the process) do not wait again.
    timer.restart();
    QCOMPARE(SecretVault(*m_database, SecretVault::Choice::Auto).backend(),
             SecretBackend::Database);
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(u"INSERT OR REPLACE INTO settings (key, value) "
                       "VALUES ('secrets.vault_id', 'v')"_s));
    QVERIFY(query.exec(u"INSERT INTO secrets (name, value, backend) "
                       "VALUES ('endpoint/2', x'', 'keychain')"_s));
    QVERIFY(!vault.load(u"endpoint/2"_s));
    QVERIFY(vault.errorString().contains(u"keychain"_s));
    QVERIFY2(timer.elapsed() < 500, qPrintable(QString::number(timer.elapsed())));
}

void tst_SecretVault::refusesAForcedKeychainThatDoesNotAnswer()
{
    const EnvironmentOverride bus("DBUS_SESSION_BUS_ADDRESS", std::nullopt);
    const EnvironmentOverride runtime("XDG_RUNTIME_DIR", std::nullopt);
    SecretVault vault(*m_database, SecretVault::Choice::Keychain);
    QCOMPARE(vault.backend(), SecretBackend::Keychain);
    QVERIFY(!vault.store(u"endpoint/1"_s, "nowhere"));
    QVERIFY(vault.errorString().contains(u"keychain"_s));
    QVERIFY(!vault.errorString().contains(u"nowhere"_s));
    QCOMPARE(rowCount(*m_database), 0); // not quietly put into the file instead

    // A secret a desktop put into its keychain, read on a server without one: a clear error,
    // no secret, and removing it still works.
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(u"INSERT OR REPLACE INTO settings (key, value) "
                       "VALUES ('secrets.vault_id', 'v')"_s));
    QVERIFY(query.exec(u"INSERT INTO secrets (name, value, backend) "
                       "VALUES ('endpoint/2', x'', 'keychain')"_s));
    SecretVault server(*m_database, SecretVault::Choice::Database);
    QCOMPARE(server.location(u"endpoint/2"_s), SecretBackend::Keychain);
    QVERIFY(!server.load(u"endpoint/2"_s));
    QVERIFY(server.errorString().contains(u"keychain"_s));
    QVERIFY(server.remove(u"endpoint/2"_s));
    QCOMPARE(rowCount(*m_database), 0);
}

void tst_SecretVault::roundTripsThroughTheKeychain()
{
    if (!PrivateSessionBus::isChild()) {
        if (const auto missing
            = PrivateSessionBus::missingTools(PrivateSessionBus::Keychain::GnomeKeyring))
            QSKIP(qPrintable(*missing));
        const auto run = PrivateSessionBus::run(QString::fromLatin1(QTest::currentTestFunction()),
                                                PrivateSessionBus::Keychain::GnomeKeyring);
        qInfo("%s", run.output.constData());
        QVERIFY2(run.exitCode == 0, run.output.constData());
        return;
    }
    QElapsedTimer timer;
    timer.start();
    QVERIFY(KeychainClient::instance().answers());
    SecretVault vault(*m_database, SecretVault::Choice::Auto);
    QCOMPARE(vault.backend(), SecretBackend::Keychain);
    qInfo("gnome-keyring answered in %lld ms.", timer.elapsed());
    QVERIFY(vault.backendDescription().contains(u"keychain"_s));

    const QByteArray secret("\x00kept-in-the-keychain\xff", 22);
    QVERIFY2(vault.store(u"endpoint/1"_s, secret), qPrintable(vault.errorString()));
    QCOMPARE(vault.location(u"endpoint/1"_s), SecretBackend::Keychain);
    QCOMPARE(storedValue(*m_database, u"endpoint/1"_s), QByteArray("")); // only the marker
    const auto loaded = vault.load(u"endpoint/1"_s);
    QVERIFY2(loaded, qPrintable(vault.errorString()));
    QCOMPARE(loaded->value, secret);
    QCOMPARE(loaded->backend, SecretBackend::Keychain);

    // A vault told to use the database still reads the keychain's secret from the keychain,
    // and a secret rewritten there moves out of the keychain.
    SecretVault databaseOnly(*m_database, SecretVault::Choice::Database);
    QCOMPARE(databaseOnly.load(u"endpoint/1"_s)->value, secret);
    QVERIFY(databaseOnly.store(u"endpoint/1"_s, "moved"));
    QCOMPARE(storedValue(*m_database, u"endpoint/1"_s), QByteArray("moved"));
    QVERIFY(vault.store(u"endpoint/1"_s, "back-again"));
    QCOMPARE(vault.location(u"endpoint/1"_s), SecretBackend::Keychain);

    // Two databases share the keychain without seeing each other's entries.
    Database other;
    QVERIFY(other.open(QString::fromLatin1(Database::memoryLocation)));
    SecretVault otherVault(other, SecretVault::Choice::Keychain);
    QVERIFY(otherVault.store(u"endpoint/1"_s, "other-database"));
    QCOMPARE(vault.load(u"endpoint/1"_s)->value, QByteArray("back-again"));
    QCOMPARE(otherVault.load(u"endpoint/1"_s)->value, QByteArray("other-database"));

    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(u"SELECT value FROM settings WHERE key = 'secrets.vault_id'"_s));
    QVERIFY(query.next());
    const QString key = query.value(0).toString() + u"/endpoint/1"_s;
    QCOMPARE(KeychainClient::instance().read(key, std::chrono::seconds(5)).data,
             QByteArray("back-again"));
    QVERIFY(vault.remove(u"endpoint/1"_s));
    QCOMPARE(rowCount(*m_database), 0);
    QCOMPARE(KeychainClient::instance().read(key, std::chrono::seconds(5)).status,
             KeychainReply::Status::NotFound);
    QVERIFY(otherVault.remove(u"endpoint/1"_s));
    qInfo("The keychain round trips took %lld ms in all.", timer.elapsed());
}

QTEST_GUILESS_MAIN(tst_SecretVault)
#include "tst_secret_vault.moc"
