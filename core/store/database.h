#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

namespace hookbench {

// One named connection to the Hookbench database, opened and migrated. A QSqlDatabase
// connection belongs to the thread that opened it, so every thread that touches the store
// (server writer, GUI reader, CLI) owns a Database of its own.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    // Schema history: 1 = endpoints, deliveries, settings; 2 = verification and secrets;
    // 3 = where each secret is kept; 4 = subscriptions, the outbox, outgoing attempts.
    static constexpr int currentSchemaVersion = 4;
    static constexpr const char *memoryLocation = ":memory:";

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens a file (created when missing) or ":memory:", and brings its schema up to date.
    // A file written by a newer Hookbench is refused, never downgraded.
    bool open(const QString &location);
    // Stops at an older schema version: how the tests make the files of earlier releases.
    bool open(const QString &location, int schemaVersion);
    void close();
    bool isOpen() const;

    QString location() const { return m_location; }
    QString errorString() const { return m_error; }
    int schemaVersion() const;

    QSqlDatabase connection() const;

    // The platform's application data folder: where the GUI and CLI look by default.
    static QString defaultLocation();

private:
    bool configure();
    bool migrate(int targetVersion);
    void restrictPermissions();

    QString m_connectionName;
    QString m_location;
    QString m_error;
};

} // namespace hookbench
