#include "support/serve_process.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The subscription and fire commands as a user scripts them, with `serve` sending the outbox to
// itself.
class tst_SubscriptionCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void rejectsBadUsage_data();
    void rejectsBadUsage();
    void managesSubscriptions();
    void firesAndServeDelivers();

private:
    int cli(const QStringList &arguments, QByteArray *out = nullptr);

    QTemporaryDir m_dir;
    QString m_db;
};

void tst_SubscriptionCli::init()
{
    static int counter = 0;
    m_db = m_dir.filePath(u"subscriptions-%1.sqlite"_s.arg(++counter));
    qputenv("HOOKBENCH_SECRETS", "database");
}

int tst_SubscriptionCli::cli(const QStringList &arguments, QByteArray *out)
{
    QProcess process;
    process.start(QStringLiteral(HOOKBENCH_CLI_PATH), arguments + QStringList{u"--db"_s, m_db});
    if (!process.waitForFinished(30000))
        return -1;
    if (out)
        *out = process.readAllStandardOutput();
    return process.exitCode();
}

void tst_SubscriptionCli::rejectsBadUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no url") << QStringList{u"subscription"_s, u"add"_s, u"--name"_s, u"a"_s};
    QTest::newRow("bad preset") << QStringList{
            u"subscription"_s, u"add"_s,       u"--name"_s,   u"a"_s,
            u"--url"_s,        u"http://h/"_s, u"--preset"_s, u"nope"_s};
    QTest::newRow("bad auth") << QStringList{
            u"subscription"_s, u"add"_s,       u"--name"_s, u"a"_s,
            u"--url"_s,        u"http://h/"_s, u"--auth"_s, u"x"_s};
    QTest::newRow("bad schedule") << QStringList{
            u"subscription"_s, u"add"_s,       u"--name"_s,           u"a"_s,
            u"--url"_s,        u"http://h/"_s, u"--retry-schedule"_s, u"1s,soon"_s};
    QTest::newRow("bad condition")
            << QStringList{u"subscription"_s, u"add"_s,       u"--name"_s,      u"a"_s,
                           u"--url"_s,        u"http://h/"_s, u"--condition"_s, u"status ="_s};
    QTest::newRow("scheme without secret")
            << QStringList{u"subscription"_s, u"add"_s,       u"--name"_s,   u"a"_s,
                           u"--url"_s,        u"http://h/"_s, u"--scheme"_s, u"github"_s};
    QTest::newRow("unknown action") << QStringList{u"subscription"_s, u"frob"_s};
    QTest::newRow("fire without body") << QStringList{u"fire"_s, u"build.passed"_s};
    QTest::newRow("list bad direction") << QStringList{u"list"_s, u"--direction"_s, u"up"_s};
}

void tst_SubscriptionCli::rejectsBadUsage()
{
    QFETCH(QStringList, arguments);
    QCOMPARE(cli(arguments), 2);
}

void tst_SubscriptionCli::managesSubscriptions()
{
    QCOMPARE(cli({u"subscription"_s, u"add"_s, u"--name"_s, u"compass"_s, u"--url"_s,
                  u"https://example.com/hook"_s, u"--preset"_s, u"compass"_s, u"--secret"_s, u"k"_s,
                  u"--events"_s, u"record.*"_s, u"--header"_s, u"X-Team: ops"_s}),
             0);
    QCOMPARE(cli({u"subscription"_s, u"add"_s, u"--name"_s, u"compass"_s, u"--url"_s,
                  u"https://example.com/other"_s}),
             1);
    QByteArray out;
    QCOMPARE(cli({u"subscription"_s, u"list"_s, u"--json"_s}, &out), 0);
    const QJsonArray list = QJsonDocument::fromJson(out).array();
    QCOMPARE(list.size(), 1);
    const QJsonObject compass = list.at(0).toObject();
    QCOMPARE(compass.value(u"scheme"_s).toString(), u"compass"_s);
    QCOMPARE(compass.value(u"retry_schedule"_s).toString(), u"1m,1m,1m,1m,1m,1m,1m,1m,1m,1m"_s);
    QCOMPARE(compass.value(u"events"_s).toArray().at(0).toString(), u"record.*"_s);
    QCOMPARE(compass.value(u"has_secret"_s).toBool(), true);
    QVERIFY(!out.contains("\"k\""));

    QCOMPARE(cli({u"subscription"_s, u"disable"_s, u"compass"_s}), 0);
    QCOMPARE(cli({u"subscription"_s, u"list"_s, u"--json"_s}, &out), 0);
    QCOMPARE(QJsonDocument::fromJson(out).array().at(0)[u"enabled"_s].toBool(), false);
    QCOMPARE(cli({u"subscription"_s, u"enable"_s, u"compass"_s}), 0);
    QCOMPARE(cli({u"subscription"_s, u"remove"_s, u"compass"_s}), 0);
    QCOMPARE(cli({u"subscription"_s, u"remove"_s, u"compass"_s}), 1);
    QCOMPARE(cli({u"subscription"_s, u"list"_s, u"--json"_s}, &out), 0);
    QVERIFY(QJsonDocument::fromJson(out).array().isEmpty());
}

void tst_SubscriptionCli::firesAndServeDelivers()
{
    QProcess server;
    const quint16 port = hookbench::test::startServe(server, m_db);
    QVERIFY(port);
    QCOMPARE(cli({u"endpoint"_s, u"add"_s, u"--path"_s, u"/in"_s, u"--scheme"_s, u"jobserv"_s,
                  u"--secret"_s, u"k"_s}),
             0);
    QCOMPARE(cli({u"subscription"_s, u"add"_s, u"--name"_s, u"self"_s, u"--url"_s,
                  u"http://127.0.0.1:%1/in"_s.arg(port), u"--preset"_s, u"foundries"_s,
                  u"--secret"_s, u"k"_s, u"--events"_s, u"build.*"_s}),
             0);
    const QString body = m_dir.filePath(u"body.json"_s);
    {
        QFile file(body);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"status":"PASSED"})");
    }
    QByteArray out;
    QCOMPARE(cli({u"fire"_s, u"deploy.done"_s, u"--body"_s, body}, &out), 0);
    QVERIFY(out.trimmed().isEmpty()); // no subscription takes that event
    QCOMPARE(cli({u"fire"_s, u"build.passed"_s, u"--body"_s, body}, &out), 0);
    const qint64 messageId = out.split(' ').value(0).trimmed().toLongLong();
    QVERIFY2(messageId > 0, out.constData());

    QJsonObject attempt;
    QVERIFY(QTest::qWaitFor(
            [&] {
                QByteArray rows;
                cli({u"list"_s, u"--json"_s, u"--direction"_s, u"out"_s}, &rows);
                const QJsonArray array = QJsonDocument::fromJson(rows).array();
                if (array.isEmpty())
                    return false;
                attempt = array.at(0).toObject();
                return attempt.value(u"state"_s).toString() == u"delivered";
            },
            15000));
    QCOMPARE(attempt.value(u"message_id"_s).toInteger(), messageId);
    QCOMPARE(attempt.value(u"attempt"_s).toInt(), 1);
    QCOMPARE(attempt.value(u"subscription"_s).toString(), u"self"_s);
    QCOMPARE(attempt.value(u"direction"_s).toString(), u"out"_s);

    QCOMPARE(cli({u"list"_s, u"--json"_s, u"--direction"_s, u"in"_s}, &out), 0);
    const QJsonArray incoming = QJsonDocument::fromJson(out).array();
    QCOMPARE(incoming.size(), 1);
    QCOMPARE(incoming.at(0)[u"verification"_s].toString(), u"valid"_s);
    server.terminate();
    QVERIFY(server.waitForFinished(10000));
}

QTEST_GUILESS_MAIN(tst_SubscriptionCli)
#include "tst_subscription_cli.moc"
