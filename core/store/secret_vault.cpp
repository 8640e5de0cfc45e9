#include "secret_vault.h"

#include "database.h"
#include "keychain_client.h"
#include "sql_values.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace hookbench {

namespace {

Q_LOGGING_CATEGORY(secretsLog, "hookbench.secrets")

// Long enough for a keychain that asks its user to unlock it, short enough that a stalled one
// is noticed; after a stall the keychain is left alone for a while (KeychainClient).
constexpr auto keychainTimeout = 10000ms;

// Entries of several databases share one keychain, so each database files its secrets under
// an id of its own, made the first time it writes to the keychain.
const QString vaultIdKey = u"secrets.vault_id"_s;

QString backendName(SecretBackend backend)
{
    return backend == SecretBackend::Keychain ? u"keychain"_s : u"database"_s;
}

SecretBackend backendFromName(const QString &name)
{
    return name == u"keychain" ? SecretBackend::Keychain : SecretBackend::Database;
}

} // namespace

SecretVault::SecretVault(Database &database, Choice choice)
    : m_database(database)
    , m_choice(choice)
{}

SecretVault::Choice SecretVault::choiceFromEnvironment()
{
    return choiceFromName(qEnvironmentVariable("HOOKBENCH_SECRETS")).value_or(Choice::Auto);
}

std::optional<SecretVault::Choice> SecretVault::choiceFromName(QStringView name)
{
    if (name.compare(u"auto", Qt::CaseInsensitive) == 0)
        return Choice::Auto;
    if (name.compare(u"database", Qt::CaseInsensitive) == 0)
        return Choice::Database;
    if (name.compare(u"keychain", Qt::CaseInsensitive) == 0)
        return Choice::Keychain;
    return std::nullopt;
}

SecretBackend SecretVault::backend() const
{
    switch (m_choice) {
    case Choice::Database:
        return SecretBackend::Database;
    case Choice::Keychain:
        return SecretBackend::Keychain;
    case Choice::Auto:
        break;
    }
    return KeychainClient::instance().answers() ? SecretBackend::Keychain : SecretBackend::Database;
}

QString SecretVault::describe(SecretBackend backend) const
{
    if (backend == SecretBackend::Keychain)
        return tr("Secrets are kept in the OS keychain, under the service name %1.")
                .arg(KeychainClient::serviceName());
    const QString location = m_database.location();
    if (location == QLatin1StringView(Database::memoryLocation))
        return tr("Secrets are kept in the in-memory database and vanish with it.");
    // Say what the file is, not what it should be: a copy or a restore can widen it.
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::ReadOther;
    if (QFileInfo(location).permissions() & others)
        return tr("Secrets are kept in the database file %1, which other users can read; "
                  "restrict it with chmod 600.")
                .arg(location);
    return tr("Secrets are kept in the database file %1, readable only by its owner (0600).")
            .arg(location);
}

bool SecretVault::store(const QString &name, const QByteArray &secret)
{
    if (secret.isEmpty())
        return remove(name);
    m_error.clear();
    const std::optional<SecretBackend> previous = location(name);
    if (!m_error.isEmpty())
        return false;

    SecretBackend target = backend();
    if (target == SecretBackend::Keychain) {
        const QString key = keychainKey(name);
        const KeychainReply reply
                = key.isEmpty() ? KeychainReply{KeychainReply::Status::Failed, {}, m_error}
                                : KeychainClient::instance().write(key, secret, keychainTimeout);
        if (reply.status != KeychainReply::Status::Done) {
            KeychainClient::instance().reportSilent();
            if (m_choice != Choice::Auto) {
                m_error = tr("The OS keychain did not take the secret: %1").arg(reply.error);
                return false;
            }
            qCInfo(secretsLog, "The OS keychain did not take %s (%s); it goes to the database.",
                   qUtf8Printable(name), qUtf8Printable(reply.error));
            m_error.clear();
            target = SecretBackend::Database;
        }
    }
    // A keychain-held secret leaves only its marker row in the file.
    if (!writeRow(name, target == SecretBackend::Keychain ? QByteArray() : secret, target))
        return false;
    if (previous == SecretBackend::Keychain && target == SecretBackend::Database) {
        const KeychainReply removed
                = KeychainClient::instance().remove(keychainKey(name), keychainTimeout);
        if (removed.status != KeychainReply::Status::Done
            && removed.status != KeychainReply::Status::NotFound)
            qCWarning(secretsLog, "The old copy of %s stays in the OS keychain: %s",
                      qUtf8Printable(name), qUtf8Printable(removed.error));
    }
    return true;
}

std::optional<StoredSecret> SecretVault::load(const QString &name) const
{
    const std::optional<StoredSecret> row = readRow(name);
    if (!row || row->backend == SecretBackend::Database)
        return row;

    const std::optional<QString> id = vaultId(false);
    if (!id) {
        m_error = tr("The secret %1 is marked as kept in the OS keychain, but this database "
                     "never wrote to one.")
                          .arg(name);
        return std::nullopt;
    }
    const KeychainReply reply = KeychainClient::instance().read(*id + u'/' + name, keychainTimeout);
    switch (reply.status) {
    case KeychainReply::Status::Done:
        return StoredSecret{reply.data, SecretBackend::Keychain};
    case KeychainReply::Status::NotFound:
        m_error = tr("The secret %1 is missing from the OS keychain; set it again.").arg(name);
        break;
    case KeychainReply::Status::TimedOut:
    case KeychainReply::Status::Failed:
        KeychainClient::instance().reportSilent();
        [[fallthrough]];
    case KeychainReply::Status::Unavailable:
        m_error = tr("The secret %1 is kept in the OS keychain, which cannot be read here: %2")
                          .arg(name, reply.error);
        break;
    }
    return std::nullopt;
}

std::optional<SecretBackend> SecretVault::location(const QString &name) const
{
    const std::optional<StoredSecret> row = readRow(name);
    return row ? std::optional(row->backend) : std::nullopt;
}

std::optional<StoredSecret> SecretVault::readRow(const QString &name) const
{
    m_error.clear();
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT value, backend FROM secrets WHERE name = ?"_s);
    query.addBindValue(name);
    if (!query.exec()) {
        m_error = tr("Cannot read the secret %1: %2").arg(name, query.lastError().text());
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return StoredSecret{query.value(0).toByteArray(), backendFromName(query.value(1).toString())};
}

bool SecretVault::remove(const QString &name)
{
    m_error.clear();
    const std::optional<SecretBackend> where = location(name);
    if (!m_error.isEmpty())
        return false;
    // A write that went to the keychain inside a transaction that was then rolled back leaves
    // an entry the table does not know of: look there too unless told to stay off it.
    const bool askKeychain
            = where == SecretBackend::Keychain
              || (m_choice != Choice::Database && KeychainClient::instance().answers());
    if (const std::optional<QString> id = askKeychain ? vaultId(false) : std::nullopt) {
        const KeychainReply reply
                = KeychainClient::instance().remove(*id + u'/' + name, keychainTimeout);
        // The row goes anyway: a server without a keychain must still be able to remove an
        // endpoint whose secret was set on a desktop.
        if (reply.status != KeychainReply::Status::Done
            && reply.status != KeychainReply::Status::NotFound && where)
            qCWarning(secretsLog, "%s stays in the OS keychain: %s", qUtf8Printable(name),
                      qUtf8Printable(reply.error));
    }
    QSqlQuery query(m_database.connection());
    query.prepare(u"DELETE FROM secrets WHERE name = ?"_s);
    query.addBindValue(name);
    if (!query.exec()) {
        m_error = tr("Cannot remove the secret %1: %2").arg(name, query.lastError().text());
        return false;
    }
    return true;
}

bool SecretVault::writeRow(const QString &name, const QByteArray &value, SecretBackend backend)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"INSERT INTO secrets (name, value, backend) VALUES (?, ?, ?) "
                  "ON CONFLICT(name) DO UPDATE SET value = excluded.value, "
                  "backend = excluded.backend"_s);
    query.addBindValue(name);
    query.addBindValue(sql::blob(value));
    query.addBindValue(backendName(backend));
    if (!query.exec()) {
        m_error = tr("Cannot store the secret %1: %2").arg(name, query.lastError().text());
        return false;
    }
    return true;
}

QString SecretVault::keychainKey(const QString &name) const
{
    const std::optional<QString> id = vaultId(true);
    return id ? *id + u'/' + name : QString();
}

std::optional<QString> SecretVault::vaultId(bool create) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT value FROM settings WHERE key = ?"_s);
    query.addBindValue(vaultIdKey);
    if (query.exec() && query.next())
        return query.value(0).toString();
    if (!create)
        return std::nullopt;
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    query.prepare(u"INSERT INTO settings (key, value) VALUES (?, ?)"_s);
    query.addBindValue(vaultIdKey);
    query.addBindValue(id);
    if (!query.exec()) {
        m_error = tr("Cannot record where the secrets go: %1").arg(query.lastError().text());
        return std::nullopt;
    }
    return id;
}

} // namespace hookbench
