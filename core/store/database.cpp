#include "database.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {

// 'HBNC': lets us tell our own files from any other SQLite database a user points us at.
constexpr int applicationId = 0x48424E43;

// Each step moves the schema from version N-1 to N; a step is never edited once released.
const QList<QList<QString>> migrations = {
        // 1: the first tables.
        {
                uR"(CREATE TABLE endpoints (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            path TEXT NOT NULL,
            response_status INTEGER NOT NULL DEFAULT 200,
            response_headers BLOB NOT NULL DEFAULT x'',
            response_body BLOB NOT NULL DEFAULT x'',
            response_delay_ms INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            removed_at INTEGER))"_s,
                u"CREATE UNIQUE INDEX endpoints_active_name ON endpoints(name) WHERE removed_at IS NULL"_s,
                u"CREATE UNIQUE INDEX endpoints_active_path ON endpoints(path) WHERE removed_at IS NULL"_s,
                uR"(CREATE TABLE deliveries (
            id INTEGER PRIMARY KEY,
            received_at INTEGER NOT NULL,
            endpoint_id INTEGER REFERENCES endpoints(id),
            state INTEGER NOT NULL,
            reject_reason TEXT NOT NULL DEFAULT '',
            method TEXT NOT NULL DEFAULT '',
            target BLOB NOT NULL DEFAULT x'',
            http_version TEXT NOT NULL DEFAULT '',
            remote_address TEXT NOT NULL DEFAULT '',
            headers BLOB NOT NULL,
            body BLOB NOT NULL,
            body_size INTEGER NOT NULL,
            content_type TEXT NOT NULL DEFAULT '',
            response_status INTEGER NOT NULL DEFAULT 0,
            response_headers BLOB NOT NULL DEFAULT x'',
            response_body BLOB NOT NULL DEFAULT x'',
            processing_us INTEGER NOT NULL DEFAULT 0))"_s,
                u"CREATE INDEX deliveries_endpoint ON deliveries(endpoint_id, id)"_s,
                u"CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
        },
        // 2: signature verification per endpoint, its result per delivery, the secrets.
        {
                u"ALTER TABLE endpoints ADD COLUMN verify_scheme TEXT NOT NULL DEFAULT ''"_s,
                u"ALTER TABLE endpoints ADD COLUMN verify_config TEXT NOT NULL DEFAULT ''"_s,
                u"ALTER TABLE endpoints ADD COLUMN verify_tolerance INTEGER NOT NULL DEFAULT 300"_s,
                u"ALTER TABLE endpoints ADD COLUMN verify_reject INTEGER NOT NULL DEFAULT 0"_s,
                u"ALTER TABLE deliveries ADD COLUMN verification TEXT NOT NULL DEFAULT ''"_s,
                u"ALTER TABLE deliveries ADD COLUMN verification_reason TEXT NOT NULL DEFAULT ''"_s,
                u"ALTER TABLE deliveries ADD COLUMN verification_scheme TEXT NOT NULL DEFAULT ''"_s,
                u"ALTER TABLE deliveries ADD COLUMN verification_explanation TEXT NOT NULL "
                "DEFAULT ''"_s,
                u"ALTER TABLE deliveries ADD COLUMN sender_delivery_id TEXT NOT NULL DEFAULT ''"_s,
                u"CREATE INDEX deliveries_sender_delivery_id ON deliveries(sender_delivery_id) "
                "WHERE sender_delivery_id != ''"_s,
                // Where no OS keychain answers, secrets live here; the file is owner-only.
                u"CREATE TABLE secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL)"_s,
        },
        // 3: which backend holds each secret ('database', or 'keychain' with an empty value),
        // so a secret is read back from where it was written (SecretVault).
        {
                u"ALTER TABLE secrets ADD COLUMN backend TEXT NOT NULL DEFAULT 'database'"_s,
        },
        // 4: outgoing subscriptions, their outbox, and outgoing attempts in the same history
        // as incoming requests. Secrets of subscriptions live in the secrets table
        // ("subscription/<id>"), never here.
        {
                uR"(CREATE TABLE subscriptions (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL,
            enabled INTEGER NOT NULL DEFAULT 1,
            event_types TEXT NOT NULL DEFAULT '*',
            condition TEXT NOT NULL DEFAULT '',
            payload_fields TEXT NOT NULL DEFAULT '',
            sign_scheme TEXT NOT NULL DEFAULT '',
            sign_config TEXT NOT NULL DEFAULT '',
            auth_kind TEXT NOT NULL DEFAULT 'none',
            auth_user TEXT NOT NULL DEFAULT '',
            headers BLOB NOT NULL DEFAULT x'',
            body_format TEXT NOT NULL DEFAULT 'json',
            timeout_ms INTEGER NOT NULL DEFAULT 30000,
            tls_verify INTEGER NOT NULL DEFAULT 1,
            retry_schedule TEXT NOT NULL DEFAULT '',
            preset TEXT NOT NULL DEFAULT '',
            disable_after INTEGER NOT NULL DEFAULT 0,
            failure_streak INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            removed_at INTEGER))"_s,
                u"CREATE UNIQUE INDEX subscriptions_active_name ON subscriptions(name) "
                "WHERE removed_at IS NULL"_s,
                // The outbox (Compass's WebhookData): a message is written before it is sent,
                // so a restart or a crash resumes it.
                uR"(CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            subscription_id INTEGER NOT NULL REFERENCES subscriptions(id),
            event_type TEXT NOT NULL,
            payload BLOB NOT NULL,
            content_type TEXT NOT NULL DEFAULT '',
            state INTEGER NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            last_error TEXT NOT NULL DEFAULT '',
            created_at INTEGER NOT NULL))"_s,
                u"CREATE INDEX messages_pending ON messages(next_attempt_at) WHERE state = 0"_s,
                u"CREATE INDEX messages_subscription ON messages(subscription_id, state)"_s,
                // What each subscription has due, soonest first: the engine's query per pump.
                u"CREATE INDEX messages_due ON messages(subscription_id, next_attempt_at) "
                "WHERE state = 0"_s,
                u"ALTER TABLE deliveries ADD COLUMN direction TEXT NOT NULL DEFAULT 'in'"_s,
                u"ALTER TABLE deliveries ADD COLUMN message_id INTEGER"_s,
                u"ALTER TABLE deliveries ADD COLUMN attempt INTEGER NOT NULL DEFAULT 0"_s,
                u"ALTER TABLE deliveries ADD COLUMN subscription_id INTEGER"_s,
                u"ALTER TABLE deliveries ADD COLUMN url TEXT NOT NULL DEFAULT ''"_s,
                u"ALTER TABLE deliveries ADD COLUMN duration_us INTEGER NOT NULL DEFAULT 0"_s,
                u"ALTER TABLE deliveries ADD COLUMN error TEXT NOT NULL DEFAULT ''"_s,
                u"ALTER TABLE deliveries ADD COLUMN replay_of INTEGER"_s,
                u"CREATE INDEX deliveries_message ON deliveries(message_id) "
                "WHERE message_id IS NOT NULL"_s,
        },
};

} // namespace

Database::Database()
    : m_connectionName(u"hookbench-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

Database::~Database()
{
    close();
}

bool Database::open(const QString &location)
{
    return open(location, currentSchemaVersion);
}

bool Database::open(const QString &location, int schemaVersion)
{
    close();
    m_location = location;
    m_error.clear();

    if (location != QLatin1StringView(memoryLocation)) {
        const QFileInfo info(location);
        if (info.exists() && !info.isFile()) {
            m_error = tr("%1 is not a file.").arg(location);
            return false;
        }
        if (!QDir().mkpath(info.absolutePath())) {
            m_error = tr("Cannot create the folder %1.").arg(info.absolutePath());
            return false;
        }
    }

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
        db.setDatabaseName(location);
        // Readers and the writer of another process wait for each other instead of failing.
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
        if (!db.open()) {
            m_error = tr("Cannot open the database %1: %2").arg(location, db.lastError().text());
            return false;
        }
    }
    if (!configure() || !migrate(schemaVersion)) {
        const QString error = m_error;
        close();
        m_error = error;
        return false;
    }
    restrictPermissions();
    return true;
}

void Database::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && connection().isOpen();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::schemaVersion() const
{
    QSqlQuery query(connection());
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return -1;
    return query.value(0).toInt();
}

QString Database::defaultLocation()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder.isEmpty() ? QDir::homePath() + u"/.local/share/hookbench"_s : folder)
            .filePath(u"hookbench.sqlite"_s);
}

bool Database::configure()
{
    QSqlQuery query(connection());
    // Is it a SQLite file at all? Reading the schema fails on anything else.
    if (!query.exec(u"PRAGMA application_id"_s) || !query.next()) {
        m_error = tr("%1 is not a Hookbench database: %2")
                          .arg(m_location, query.lastError().text());
        return false;
    }
    query.finish();
    // Both in one statement, one snapshot: another thread may be creating this file right now,
    // and its first migration writes the tables and the application id together.
    if (!query.exec(u"SELECT (SELECT count(*) FROM sqlite_master), "
                    "(SELECT application_id FROM pragma_application_id())"_s)
        || !query.next()) {
        m_error = tr("%1 is not a Hookbench database: %2")
                          .arg(m_location, query.lastError().text());
        return false;
    }
    const bool empty = query.value(0).toInt() == 0;
    const int fileApplicationId = query.value(1).toInt();
    query.finish();
    if (!empty && fileApplicationId != applicationId) {
        m_error = tr("%1 is a SQLite database of another application; Hookbench leaves it "
                     "untouched.")
                          .arg(m_location);
        return false;
    }

    // WAL lets the GUI and the CLI read while `serve` writes. synchronous=NORMAL in WAL mode
    // loses nothing when the process dies (only on power loss), which is the durability a
    // 2xx promises here and what makes group commit fast.
    const QStringList pragmas = {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=NORMAL"_s,
                                 u"PRAGMA foreign_keys=ON"_s};
    for (const QString &pragma : pragmas) {
        // Switching a new file to WAL needs a moment alone with it, and SQLite answers "locked"
        // at once instead of calling the busy handler when another connection (the receiver's
        // writer or the delivery engine, opening the same new file) is busy: retry a while.
        const QDeadlineTimer deadline(10000);
        bool done = query.exec(pragma);
        while (!done && query.lastError().nativeErrorCode() == u"5" && !deadline.hasExpired()) {
            QThread::msleep(5);
            done = query.exec(pragma);
        }
        if (!done) {
            m_error = tr("Cannot configure the database %1: %2")
                              .arg(m_location, query.lastError().text());
            return false;
        }
        query.finish();
    }
    return true;
}

void Database::restrictPermissions()
{
    // Deliveries carry credentials and the secrets table holds keys: owner only. SQLite gives
    // the -wal and -shm files the permissions of the main file.
    if (m_location == QLatin1StringView(memoryLocation))
        return;
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
        if (QFile::exists(m_location + suffix))
            QFile::setPermissions(m_location + suffix, QFile::ReadOwner | QFile::WriteOwner);
    }
}

bool Database::migrate(int targetVersion)
{
    const int version = schemaVersion();
    if (version < 0) {
        m_error = tr("Cannot read the schema version of %1.").arg(m_location);
        return false;
    }
    if (version > currentSchemaVersion) {
        m_error = tr("%1 was written by a newer Hookbench (schema %2); this version "
                     "understands schema %3 at most. Update Hookbench or choose another "
                     "database with --db.")
                          .arg(m_location)
                          .arg(version)
                          .arg(currentSchemaVersion);
        return false;
    }

    QSqlDatabase db = connection();
    if (migrations.size() != currentSchemaVersion || targetVersion > currentSchemaVersion) {
        m_error = tr("This build of Hookbench has no migration to schema %1.").arg(targetVersion);
        return false;
    }
    for (int next = version + 1; next <= targetVersion; ++next) {
        // The write lock first, then the version again: the receiver's writer and the delivery
        // engine open a new file from two threads at once, and only one of them may migrate it.
        QSqlQuery query(db);
        if (!query.exec(u"BEGIN IMMEDIATE"_s)) {
            m_error = tr("Cannot upgrade %1: %2").arg(m_location, query.lastError().text());
            return false;
        }
        if (schemaVersion() >= next) {
            db.commit();
            continue;
        }
        for (const QString &statement : migrations.at(next - 1)) {
            if (!query.exec(statement)) {
                m_error = tr("Cannot upgrade %1 to schema %2: %3")
                                  .arg(m_location)
                                  .arg(next)
                                  .arg(query.lastError().text());
                db.rollback();
                return false;
            }
        }
        // PRAGMA does not take bound values; both numbers are our own constants.
        if (!query.exec(u"PRAGMA user_version = %1"_s.arg(next))
            || !query.exec(u"PRAGMA application_id = %1"_s.arg(applicationId)) || !db.commit()) {
            m_error = tr("Cannot upgrade %1 to schema %2: %3")
                              .arg(m_location)
                              .arg(next)
                              .arg(query.lastError().text());
            db.rollback();
            return false;
        }
    }
    return true;
}

} // namespace hookbench
