// hookbench-cli as users script it: real processes, real exit codes, real loopback traffic.
#include "payload/payload_fixture.h"
#include "support/http_test_client.h"
#include "support/serve_process.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void printsVersionAndUsage();
    void rejectsBadUsageWithExitCode2_data();
    void rejectsBadUsageWithExitCode2();
    void managesEndpoints();
    void failsClearlyOnAnUnknownIdOrABadDatabase();
    void servesListsAndShows();
    void signsAndVerifies_data();
    void signsAndVerifies();
    void explainsAFailedSignature();
    void verifiesAStoredDeliveryWithItsEndpointSettings();
    void findsTheScheme();
    void showsWhatThePayloadIs();

private:
    Run cli(const QStringList &arguments);
    QJsonDocument json(const QStringList &arguments);
    QString writeFile(const QString &name, const QByteArray &contents);

    QTemporaryDir m_dir;
    QString m_db;
};

void tst_Cli::init()
{
    static int counter = 0;
    m_db = m_dir.filePath(u"cli-%1.sqlite"_s.arg(++counter));
}

Run tst_Cli::cli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(HOOKBENCH_CLI_PATH), arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000))
        process.kill();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

QJsonDocument tst_Cli::json(const QStringList &arguments)
{
    const Run run = cli(arguments);
    if (run.exitCode != 0)
        qWarning() << arguments << run.err;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "not JSON:" << run.out.left(200);
    return document;
}

void tst_Cli::printsVersionAndUsage()
{
    const Run version = cli({u"--version"_s});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("hookbench-cli "));
    QVERIFY(QRegularExpression(u"\\d+\\.\\d+\\.\\d+"_s)
                    .match(QString::fromUtf8(version.out))
                    .hasMatch());
    const Run help = cli({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("serve"));
    QCOMPARE(cli({}).exitCode, 2);
    const Run serveHelp = cli({u"serve"_s, u"--help"_s});
    QCOMPARE(serveHelp.exitCode, 0);
    QVERIFY(serveHelp.out.contains("--max-body"));
}

void tst_Cli::rejectsBadUsageWithExitCode2_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s};
    QTest::newRow("unknown option") << QStringList{u"list"_s, u"--bogus"_s};
    QTest::newRow("bad limit") << QStringList{u"list"_s, u"--limit"_s, u"many"_s};
    QTest::newRow("bad state") << QStringList{u"list"_s, u"--state"_s, u"sideways"_s};
    QTest::newRow("show without id") << QStringList{u"show"_s};
    QTest::newRow("show bad id") << QStringList{u"show"_s, u"abc"_s};
    QTest::newRow("json and raw") << QStringList{u"show"_s, u"1"_s, u"--json"_s, u"--raw"_s};
    QTest::newRow("endpoint without path") << QStringList{u"endpoint"_s, u"add"_s};
    QTest::newRow("endpoint bad status")
            << QStringList{u"endpoint"_s, u"add"_s, u"--path"_s, u"/x"_s, u"--status"_s, u"700"_s};
    QTest::newRow("endpoint bad header") << QStringList{u"endpoint"_s, u"add"_s,      u"--path"_s,
                                                        u"/x"_s,       u"--header"_s, u"nocolon"_s};
    QTest::newRow("endpoint no action") << QStringList{u"endpoint"_s};
    QTest::newRow("serve bad listen") << QStringList{u"serve"_s, u"--listen"_s, u"nowhere:port"_s};
    QTest::newRow("serve half tls") << QStringList{u"serve"_s, u"--tls-cert"_s, u"a.pem"_s};
    QTest::newRow("serve bad max-body") << QStringList{u"serve"_s, u"--max-body"_s, u"-5"_s};
}

void tst_Cli::rejectsBadUsageWithExitCode2()
{
    QFETCH(QStringList, arguments);
    arguments << u"--db"_s << m_db;
    const Run run = cli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith("hookbench-cli: "), run.err.constData());
    QVERIFY(run.out.isEmpty());
}

void tst_Cli::managesEndpoints()
{
    const QStringList db{u"--db"_s, m_db};
    Run run = cli(QStringList{u"endpoint"_s, u"add"_s, u"--path"_s, u"/hooks/foundries"_s,
                              u"--status"_s, u"202"_s, u"--header"_s, u"X-Reply: yes"_s,
                              u"--body"_s, u"thanks"_s, u"--delay"_s, u"10"_s}
                  + db);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("foundries"));
    QCOMPARE(cli(QStringList{u"endpoint"_s, u"add"_s, u"--path"_s, u"/hooks/foundries"_s} + db)
                     .exitCode,
             1); // the path is taken
    QCOMPARE(
            cli(QStringList{u"endpoint"_s, u"add"_s, u"--path"_s, u"/r"_s, u"--name"_s, u"remedy"_s}
                + db)
                    .exitCode,
            0);

    const QJsonArray endpoints
            = json(QStringList{u"endpoint"_s, u"list"_s, u"--json"_s} + db).array();
    QCOMPARE(endpoints.size(), 2);
    const QJsonObject foundries = endpoints.at(0).toObject();
    QCOMPARE(foundries[u"name"_s].toString(), u"foundries"_s);
    QCOMPARE(foundries[u"path"_s].toString(), u"/hooks/foundries"_s);
    const QJsonObject response = foundries[u"response"_s].toObject();
    QCOMPARE(response[u"status"_s].toInt(), 202);
    QCOMPARE(response[u"body"_s].toString(), u"thanks"_s);
    QCOMPARE(response[u"delay_ms"_s].toInt(), 10);
    QCOMPARE(response[u"headers"_s].toArray().at(0).toArray().at(0).toString(), u"X-Reply"_s);

    QCOMPARE(cli(QStringList{u"endpoint"_s, u"remove"_s, u"/r"_s} + db).exitCode, 0);
    QCOMPARE(cli(QStringList{u"endpoint"_s, u"remove"_s, u"remedy"_s} + db).exitCode, 1);
    QCOMPARE(json(QStringList{u"endpoint"_s, u"list"_s, u"--json"_s} + db).array().size(), 1);

    QCOMPARE(cli(QStringList{u"endpoint"_s, u"unknown-paths"_s, u"404"_s} + db).exitCode, 0);
    QCOMPARE(cli(QStringList{u"endpoint"_s, u"unknown-paths"_s} + db).out.trimmed(),
             QByteArray("404"));
}

void tst_Cli::failsClearlyOnAnUnknownIdOrABadDatabase()
{
    const Run unknown = cli({u"show"_s, u"42"_s, u"--db"_s, m_db});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(unknown.err.contains("42"));
    QCOMPARE(unknown.err.count('\n'), 1); // one clear line

    const QString folder = m_dir.filePath(u"a-folder"_s);
    QVERIFY(QDir().mkpath(folder));
    const Run unreadable = cli({u"list"_s, u"--db"_s, folder});
    QCOMPARE(unreadable.exitCode, 1);
    QVERIFY(unreadable.err.startsWith("hookbench-cli: "));
}

void tst_Cli::servesListsAndShows()
{
    QVERIFY(cli({u"endpoint"_s, u"add"_s, u"--path"_s, u"/hooks/jobserv"_s, u"--name"_s,
                 u"foundries"_s, u"--db"_s, m_db})
                    .exitCode
            == 0);

    QProcess server;
    const quint16 port = hookbench::test::startServe(server, m_db);
    QVERIFY(port != 0);

    const QByteArray body = "{\"build_id\": 67, \"status\": \"PASSED\"}";
    hookbench::test::HttpTestClient client;
    QVERIFY(client.connectTo(port));
    client.send("POST /hooks/jobserv/build?project=lmp HTTP/1.1\r\nHost: localhost\r\n"
                "Content-Type: application/json\r\nX-JobServ-Sig: sha256:abc\r\n"
                "Content-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QCOMPARE(client.readResponse()->status, 200);
    client.send("GET /elsewhere HTTP/1.1\r\n\r\n");
    QCOMPARE(client.readResponse()->status, 200);
    client.send("BROKEN\r\n\r\n");
    QCOMPARE(client.readResponse()->status, 400);

    // list reads the file while serve still writes to it.
    const QJsonArray rows = json({u"list"_s, u"--json"_s, u"--db"_s, m_db}).array();
    QCOMPARE(rows.size(), 3);
    const QJsonObject rejected = rows.at(0).toObject();
    QCOMPARE(rejected[u"state"_s].toString(), u"rejected"_s);
    QCOMPARE(rejected[u"status"_s].toInt(), 400);
    const QJsonObject inbox = rows.at(1).toObject();
    QVERIFY(inbox[u"endpoint"_s].isNull());
    const QJsonObject row = rows.at(2).toObject();
    for (const QString &key :
         {u"id"_s, u"received_at"_s, u"method"_s, u"path"_s, u"query"_s, u"endpoint"_s, u"status"_s,
          u"size"_s, u"content_type"_s, u"state"_s})
        QVERIFY2(row.contains(key), qPrintable(key));
    QCOMPARE(row[u"method"_s].toString(), u"POST"_s);
    QCOMPARE(row[u"path"_s].toString(), u"/hooks/jobserv/build"_s);
    QCOMPARE(row[u"query"_s].toString(), u"project=lmp"_s);
    QCOMPARE(row[u"endpoint"_s].toString(), u"foundries"_s);
    QCOMPARE(row[u"status"_s].toInt(), 200);
    QCOMPARE(row[u"size"_s].toInt(), body.size());
    QCOMPARE(row[u"content_type"_s].toString(), u"application/json"_s);
    QCOMPARE(row[u"state"_s].toString(), u"stored"_s);
    QVERIFY(QDateTime::fromString(row[u"received_at"_s].toString(), Qt::ISODateWithMs).isValid());

    QCOMPARE(json({u"list"_s, u"--json"_s, u"--limit"_s, u"1"_s, u"--db"_s, m_db}).array().size(),
             1);
    QCOMPARE(json({u"list"_s, u"--json"_s, u"--endpoint"_s, u"foundries"_s, u"--db"_s, m_db})
                     .array()
                     .size(),
             1);
    QCOMPARE(json({u"list"_s, u"--json"_s, u"--state"_s, u"rejected"_s, u"--db"_s, m_db})
                     .array()
                     .size(),
             1);

    const QString id = QString::number(row[u"id"_s].toInteger());
    const QJsonObject shown = json({u"show"_s, id, u"--json"_s, u"--db"_s, m_db}).object();
    const QJsonArray headers = shown[u"headers"_s].toArray();
    QCOMPARE(headers.at(0).toArray(), (QJsonArray{u"Host"_s, u"localhost"_s}));
    QCOMPARE(headers.at(2).toArray(), (QJsonArray{u"X-JobServ-Sig"_s, u"sha256:abc"_s}));
    QCOMPARE(QByteArray::fromBase64(shown[u"body_base64"_s].toString().toLatin1()), body);
    QCOMPARE(shown[u"response"_s].toObject()[u"status"_s].toInt(), 200);
    QCOMPARE(shown[u"http_version"_s].toString(), u"HTTP/1.1"_s);

    const Run raw = cli({u"show"_s, id, u"--raw"_s, u"--db"_s, m_db});
    QCOMPARE(raw.exitCode, 0);
    QCOMPARE(raw.out, body);

    const Run text = cli({u"show"_s, id, u"--db"_s, m_db});
    QVERIFY(text.out.contains("POST /hooks/jobserv/build?project=lmp HTTP/1.1"));

    server.terminate(); // SIGTERM: a clean stop
    QVERIFY(server.waitForFinished(10000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
}

QString tst_Cli::writeFile(const QString &name, const QByteArray &contents)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(contents);
    return path;
}

void tst_Cli::signsAndVerifies_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QByteArray>("expectedHeader");
    QTest::newRow("github") << u"github"_s << u"s"_s << QByteArray("X-Hub-Signature-256: sha256=");
    QTest::newRow("jobserv") << u"jobserv"_s << u"s"_s << QByteArray("X-JobServ-Sig: sha256:");
    QTest::newRow("compass") << u"compass"_s << u"s"_s << QByteArray("Signature: ");
    QTest::newRow("stripe") << u"stripe"_s << u"whsec_x"_s
                            << QByteArray("Stripe-Signature: t=1700000000,v1=");
    QTest::newRow("slack") << u"slack"_s << u"s"_s << QByteArray("X-Slack-Signature: v0=");
    QTest::newRow("standard-webhooks")
            << u"standard-webhooks"_s << u"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"_s
            << QByteArray("webhook-signature: v1,");
    QTest::newRow("shopify") << u"shopify"_s << u"s"_s << QByteArray("X-Shopify-Hmac-Sha256: ");
    QTest::newRow("basic") << u"basic"_s << u"remedy:secret"_s
                           << QByteArray("Authorization: Basic ");
    QTest::newRow("bearer") << u"bearer"_s << u"token"_s
                            << QByteArray("Authorization: Bearer token");
}

void tst_Cli::signsAndVerifies()
{
    QFETCH(QString, scheme);
    QFETCH(QString, secret);
    QFETCH(QByteArray, expectedHeader);
    const QString body = writeFile(u"body.json"_s, "{\"status\": \"PASSED\"}\n");
    const Run sign = cli({u"sign"_s, u"--scheme"_s, scheme, u"--secret"_s, secret, u"--body"_s,
                          body, u"--now"_s, u"1700000000"_s});
    QCOMPARE(sign.exitCode, 0);
    QVERIFY2(sign.out.contains(expectedHeader), sign.out.constData());
    const QString headers = writeFile(u"headers.txt"_s, sign.out);
    const QStringList verify{u"verify"_s, u"--scheme"_s,  scheme,         u"--secret"_s,
                             secret,      u"--headers"_s, headers,        u"--body"_s,
                             body,        u"--now"_s,     u"1700000010"_s};
    const Run valid = cli(verify);
    QCOMPARE(valid.exitCode, 0);
    QVERIFY(valid.out.contains("valid"));
    QStringList withWrongSecret = verify;
    // Another valid secret of the same form: "whsec_" + base64 of other key bytes, "u:p"...
    withWrongSecret[4]
            = scheme == u"standard-webhooks"
                      ? u"whsec_"_s + QString::fromLatin1(QByteArray("another key").toBase64())
                      : u"other:"_s + secret;
    const Run wrongSecret = cli(withWrongSecret);
    QCOMPARE(wrongSecret.exitCode, 1);
    QVERIFY(wrongSecret.err.startsWith(
            QByteArray("hookbench-cli: " + scheme.toUtf8() + ": invalid")));
}

void tst_Cli::explainsAFailedSignature()
{
    const QString body
            = writeFile(u"hello.txt"_s, "Hello, World!\n"); // a trailing newline too many
    const QString headers = writeFile(
            u"github-headers.txt"_s,
            "X-Hub-Signature-256: "
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17\n");
    const Run run
            = cli({u"verify"_s, u"--scheme"_s, u"github"_s, u"--secret"_s,
                   u"It's a Secret to Everybody"_s, u"--headers"_s, headers, u"--body"_s, body});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("body changed"), run.err.constData());
    QVERIFY(run.err.contains("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"));
    QVERIFY(run.err.toLower().contains("newline"));

    const Run json = cli({u"verify"_s, u"--scheme"_s, u"github"_s, u"--secret"_s, u"wrong"_s,
                          u"--headers"_s, headers, u"--body"_s, body, u"--json"_s});
    QCOMPARE(json.exitCode, 1);
    QCOMPARE(QJsonDocument::fromJson(json.out).object()[u"outcome"_s].toString(), u"invalid"_s);

    QCOMPARE(cli({u"verify"_s, u"--scheme"_s, u"nope"_s, u"--secret"_s, u"x"_s, u"--headers"_s,
                  headers, u"--body"_s, body})
                     .exitCode,
             2);
    QCOMPARE(cli({u"verify"_s, u"--scheme"_s, u"github"_s, u"--headers"_s, headers, u"--body"_s,
                  body})
                     .exitCode,
             2);
}

void tst_Cli::verifiesAStoredDeliveryWithItsEndpointSettings()
{
    QCOMPARE(cli({u"endpoint"_s, u"add"_s, u"--path"_s, u"/ci"_s, u"--scheme"_s, u"jobserv"_s,
                  u"--secret"_s, u"factory-secret"_s, u"--reject-invalid"_s, u"--db"_s, m_db})
                     .exitCode,
             0);
    const QJsonObject endpoint = json({u"endpoint"_s, u"list"_s, u"--json"_s, u"--db"_s, m_db})
                                         .array()
                                         .at(0)
                                         .toObject();
    const QJsonObject verification = endpoint[u"verification"_s].toObject();
    QCOMPARE(verification[u"scheme"_s].toString(), u"jobserv"_s);
    QCOMPARE(verification[u"secret_set"_s].toBool(), true);
    QCOMPARE(verification[u"reject_invalid"_s].toBool(), true);
    QVERIFY(!QJsonDocument(endpoint).toJson().contains("factory-secret"));

    QProcess server;
    const quint16 port = hookbench::test::startServe(server, m_db);
    QVERIFY(port != 0);
    const QByteArray body = "{\"build_id\": 67, \"status\": \"PASSED\"}";
    const QString bodyFile = writeFile(u"build.json"_s, body);
    Run sign = cli({u"sign"_s, u"--scheme"_s, u"jobserv"_s, u"--secret"_s, u"factory-secret"_s,
                    u"--body"_s, bodyFile});
    hookbench::test::HttpTestClient client;
    QVERIFY(client.connectTo(port));
    client.send("POST /ci HTTP/1.1\r\nHost: localhost\r\n" + sign.out.replace("\n", "\r\n")
                + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QCOMPARE(client.readResponse()->status, 200);
    client.send("POST /ci HTTP/1.1\r\nHost: localhost\r\nX-JobServ-Sig: sha256:00\r\n"
                "Content-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QCOMPARE(client.readResponse()->status, 401);
    server.terminate();
    QVERIFY(server.waitForFinished(10000));

    const QJsonArray rows = json({u"list"_s, u"--json"_s, u"--db"_s, m_db}).array();
    QCOMPARE(rows.at(0).toObject()[u"verification"_s].toString(), u"invalid"_s);
    QCOMPARE(rows.at(1).toObject()[u"verification"_s].toString(), u"valid"_s);
    QCOMPARE(json({u"list"_s, u"--json"_s, u"--verification"_s, u"invalid"_s, u"--db"_s, m_db})
                     .array()
                     .size(),
             1);
    const QString validId = QString::number(rows.at(1).toObject()[u"id"_s].toInteger());
    const QString invalidId = QString::number(rows.at(0).toObject()[u"id"_s].toInteger());
    // No --scheme or --secret: the endpoint's own settings, judged at the time of receipt.
    QCOMPARE(cli({u"verify"_s, u"--id"_s, validId, u"--db"_s, m_db}).exitCode, 0);
    const Run invalid = cli({u"verify"_s, u"--id"_s, invalidId, u"--db"_s, m_db});
    QCOMPARE(invalid.exitCode, 1);
    QVERIFY(invalid.err.contains("jobserv"));
    const QJsonObject shown = json({u"show"_s, invalidId, u"--json"_s, u"--db"_s, m_db}).object();
    QCOMPARE(shown[u"verification"_s].toObject()[u"outcome"_s].toString(), u"invalid"_s);
    QCOMPARE(shown[u"response"_s].toObject()[u"status"_s].toInt(), 401);
}

void tst_Cli::findsTheScheme()
{
    const QString body = writeFile(u"shop.json"_s, "{\"id\": 820982911946154508}");
    const Run sign = cli(
            {u"sign"_s, u"--scheme"_s, u"shopify"_s, u"--secret"_s, u"hush"_s, u"--body"_s, body});
    const QString headers
            = writeFile(u"shop-headers.txt"_s, "Content-Type: application/json\n" + sign.out);
    const Run found = cli({u"find-scheme"_s, u"--secret"_s, u"hush"_s, u"--headers"_s, headers,
                           u"--body"_s, body});
    QCOMPARE(found.exitCode, 0);
    QVERIFY2(found.out.contains("shopify"), found.out.constData());
    QCOMPARE(cli({u"find-scheme"_s, u"--secret"_s, u"other"_s, u"--headers"_s, headers, u"--body"_s,
                  body})
                     .exitCode,
             1);
}

void tst_Cli::showsWhatThePayloadIs()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    QProcess server;
    server.start(QStringLiteral(HOOKBENCH_CLI_PATH),
                 {u"serve"_s, u"--listen"_s, u"127.0.0.1:%1"_s.arg(port), u"--db"_s, m_db});
    QByteArray banner;
    QTRY_VERIFY_WITH_TIMEOUT((banner += server.readAllStandardOutput()).contains("Listening on"),
                             10000);
    hookbench::test::HttpTestClient client;
    QVERIFY(client.connectTo(port));
    QList<hookbench::test::PayloadFixture> fixtures;
    for (const QString &name : {u"remedy_multipart_attachments"_s, u"foundries_build_gzip"_s}) {
        const auto fixture = hookbench::test::loadPayloadFixture(name);
        fixtures.append(fixture);
        client.send("POST " + fixture.target + " HTTP/1.1\r\nHost: 127.0.0.1:"
                    + QByteArray::number(port) + "\r\n" + fixture.headers.toWireFormat()
                    + "Content-Length: " + QByteArray::number(fixture.body.size()) + "\r\n\r\n"
                    + fixture.body);
        QCOMPARE(client.readResponse()->status, 200);
    }
    const QJsonArray rows = json({u"list"_s, u"--json"_s, u"--db"_s, m_db}).array();
    const QString remedyId = QString::number(rows.at(1).toObject()[u"id"_s].toInteger());
    const QString foundriesId = QString::number(rows.at(0).toObject()[u"id"_s].toInteger());

    const QJsonObject remedy = json({u"show"_s, remedyId, u"--json"_s, u"--db"_s, m_db}).object();
    QCOMPARE(remedy[u"vendor"_s].toString(), u"remedy"_s);
    QVERIFY(!remedy[u"event"_s].toString().isEmpty());
    const QJsonObject content = remedy[u"content"_s].toObject();
    QCOMPARE(content[u"type"_s].toString(), u"multipart"_s);
    QCOMPARE(content[u"valid"_s].toBool(), true);
    QVERIFY(content[u"error"_s].isNull());
    const QJsonArray parts = remedy[u"parts"_s].toArray();
    QCOMPARE(parts.size(), 3);
    QCOMPARE(parts.at(0).toObject()[u"name"_s].toString(), u"entry"_s);
    QVERIFY(parts.at(0).toObject()[u"filename"_s].isNull());
    QCOMPARE(parts.at(1).toObject()[u"name"_s].toString(), u"attach-Attachment1"_s);
    QCOMPARE(parts.at(1).toObject()[u"filename"_s].toString(), u"sample.png"_s);

    const Run attachment
            = cli({u"show"_s, remedyId, u"--part"_s, u"attach-Attachment1"_s, u"--db"_s, m_db});
    QCOMPARE(attachment.exitCode, 0);
    QCOMPARE(attachment.out.size(), parts.at(1).toObject()[u"size"_s].toInteger());
    QVERIFY(attachment.out.startsWith("\x89PNG"));
    const Run missing = cli({u"show"_s, remedyId, u"--part"_s, u"nope"_s, u"--db"_s, m_db});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains("attach-WorkLog"));

    const QJsonObject foundries
            = json({u"show"_s, foundriesId, u"--json"_s, u"--db"_s, m_db}).object();
    QCOMPARE(foundries[u"vendor"_s].toString(), u"foundries"_s);
    QCOMPARE(foundries[u"content"_s].toObject()[u"encoding"_s].toString(), u"gzip"_s);
    QCOMPARE(foundries[u"content"_s].toObject()[u"type"_s].toString(), u"json"_s);

    // --curl sends the same bytes again: replay it through a shell into the same server.
    const Run curl = cli({u"show"_s, remedyId, u"--curl"_s, u"--db"_s, m_db});
    QCOMPARE(curl.exitCode, 0);
    QProcess shell;
    shell.start(u"bash"_s,
                {u"-c"_s, QString::fromUtf8(curl.out.trimmed()) + u" -s -o /dev/null"_s});
    QVERIFY(shell.waitForFinished(10000));
    QCOMPARE(shell.exitCode(), 0);
    const QJsonArray after = json({u"list"_s, u"--json"_s, u"--db"_s, m_db}).array();
    QCOMPARE(after.size(), 3);
    const QString replayId = QString::number(after.at(0).toObject()[u"id"_s].toInteger());
    QCOMPARE(cli({u"show"_s, replayId, u"--raw"_s, u"--db"_s, m_db}).out, fixtures[0].body);
    server.terminate();
    QVERIFY(server.waitForFinished(10000));
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
