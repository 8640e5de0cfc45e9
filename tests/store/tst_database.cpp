#include "store/database.h"
#include "store/delivery_store.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_Database : public QObject
{
    Q_OBJECT

private slots:
    void createsAndMigratesANewFile();
    void opensInMemory();
    void reopensItsOwnFile();
    void refusesAFileFromANewerVersion();
    void refusesAnotherApplicationsDatabase();
    void refusesSomethingThatIsNotADatabase();
    void reportsAnUnwritableLocation();
    void twoConnectionsShareOneFile();
    void upgradesAnOlderFileKeepingItsData();
    void keepsTheFileOwnerOnly();
};

void tst_Database::createsAndMigratesANewFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"nested/folder/hookbench.sqlite"_s);
    Database database;
    QVERIFY2(database.open(path), qPrintable(database.errorString()));
    QCOMPARE(database.schemaVersion(), Database::currentSchemaVersion);
    QVERIFY(QFile::exists(path));
    QSqlQuery query(database.connection());
    QVERIFY(query.exec(u"PRAGMA journal_mode"_s) && query.next());
    QCOMPARE(query.value(0).toString(), u"wal"_s);
    for (const QString &table : {u"deliveries"_s, u"endpoints"_s, u"settings"_s}) {
        QVERIFY(query.exec(u"SELECT count(*) FROM sqlite_master WHERE name = '%1'"_s.arg(table)));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 1);
    }
}

void tst_Database::opensInMemory()
{
    Database database;
    QVERIFY(database.open(QString::fromLatin1(Database::memoryLocation)));
    QCOMPARE(database.schemaVersion(), Database::currentSchemaVersion);
}

void tst_Database::reopensItsOwnFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"db.sqlite"_s);
    {
        Database database;
        QVERIFY(database.open(path));
        QList<Delivery> batch(1);
        batch[0].receivedAtMs = 1;
        batch[0].method = "POST";
        QVERIFY(DeliveryStore(database).insert(batch));
    }
    Database again;
    QVERIFY2(again.open(path), qPrintable(again.errorString()));
    QCOMPARE(DeliveryStore(again).latestId(), 1);
}

void tst_Database::refusesAFileFromANewerVersion()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"future.sqlite"_s);
    {
        Database database;
        QVERIFY(database.open(path));
        QSqlQuery query(database.connection());
        QVERIFY(query.exec(u"PRAGMA user_version = %1"_s.arg(Database::currentSchemaVersion + 5)));
    }
    const QByteArray before = [&] {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    Database database;
    QVERIFY(!database.open(path));
    QVERIFY2(database.errorString().contains(u"newer Hookbench"_s),
             qPrintable(database.errorString()));
    QVERIFY(database.errorString().contains(QString::number(Database::currentSchemaVersion + 5)));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before); // untouched, never downgraded
}

void tst_Database::refusesAnotherApplicationsDatabase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"other.sqlite"_s);
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other"_s);
        other.setDatabaseName(path);
        QVERIFY(other.open());
        QSqlQuery query(other);
        QVERIFY(query.exec(u"CREATE TABLE contacts (name TEXT)"_s));
        other.close();
    }
    QSqlDatabase::removeDatabase(u"other"_s);
    Database database;
    QVERIFY(!database.open(path));
    QVERIFY2(database.errorString().contains(u"another application"_s),
             qPrintable(database.errorString()));
}

void tst_Database::refusesSomethingThatIsNotADatabase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"notes.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    Database database;
    QVERIFY(!database.open(path));
    QVERIFY(database.errorString().contains(u"not a Hookbench database"_s));
}

void tst_Database::reportsAnUnwritableLocation()
{
    QTemporaryDir dir;
    Database database;
    QVERIFY(!database.open(dir.path())); // a folder, not a file
    QVERIFY(!database.errorString().isEmpty());
}

void tst_Database::twoConnectionsShareOneFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"shared.sqlite"_s);
    Database writer;
    Database reader;
    QVERIFY(writer.open(path));
    QVERIFY(reader.open(path));
    QList<Delivery> batch(3);
    QVERIFY(DeliveryStore(writer).insert(batch));
    QCOMPARE(DeliveryStore(reader).latestId(), 3);
}

void tst_Database::upgradesAnOlderFileKeepingItsData()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"v1.sqlite"_s);
    {
        // A file as the first release wrote it.
        Database old;
        QVERIFY(old.open(path, 1));
        QCOMPARE(old.schemaVersion(), 1);
        QSqlQuery query(old.connection());
        QVERIFY(query.exec(u"INSERT INTO deliveries (received_at, state, headers, body, body_size) "
                           "VALUES (42, 0, x'486f73743a20780d0a', x'7b7d', 2)"_s));
    }
    Database database;
    QVERIFY2(database.open(path), qPrintable(database.errorString()));
    QCOMPARE(database.schemaVersion(), Database::currentSchemaVersion);
    const auto delivery = DeliveryStore(database).delivery(1);
    QVERIFY(delivery);
    QCOMPARE(delivery->receivedAtMs, 42);
    QCOMPARE(delivery->body, QByteArray("{}"));
    QCOMPARE(delivery->headers.value("host").value_or(""), QByteArray("x"));
    QVERIFY(!delivery->verification.isChecked());
}

void tst_Database::keepsTheFileOwnerOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"private.sqlite"_s);
    Database database;
    QVERIFY(database.open(path));
    QCOMPARE(
            QFile::permissions(path)
                    & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
            QFile::Permissions());
}

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
