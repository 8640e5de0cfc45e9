// Copy as cURL must send the same bytes: checked by running the command through a real shell
// and a real curl against a socket that records what arrives.
#include "http/curl_command.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_CurlCommand : public QObject
{
    Q_OBJECT

private slots:
    void quotesWords_data();
    void quotesWords();
    void buildsTheCommand();
    void replaysTheExactBytesThroughARealShell_data();
    void replaysTheExactBytesThroughARealShell();
};

void tst_CurlCommand::quotesWords_data()
{
    QTest::addColumn<QByteArray>("word");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << QByteArray("a b $HOME") << u"'a b $HOME'"_s;
    QTest::newRow("single quote") << QByteArray("it's") << u"$'it\\'s'"_s;
    QTest::newRow("newline") << QByteArray("a\nb") << u"$'a\\x0ab'"_s;
    QTest::newRow("utf-8") << QByteArray("caf\xc3\xa9") << u"$'caf\\xc3\\xa9'"_s;
    QTest::newRow("backslash with control") << QByteArray("\\\t") << u"$'\\\\\\x09'"_s;
}

void tst_CurlCommand::quotesWords()
{
    QFETCH(QByteArray, word);
    QTEST(shellQuote(word), "quoted");
}

void tst_CurlCommand::buildsTheCommand()
{
    CurlRequest request{"POST",
                        "http://127.0.0.1:8090/hooks/x?y=1",
                        {{"Host", "example"},
                         {"Content-Type", "application/json"},
                         {"Content-Length", "2"},
                         {"X-Empty", ""}},
                        "{}"};
    QCOMPARE(curlCommand(request),
             u"curl 'http://127.0.0.1:8090/hooks/x?y=1' -H 'Content-Type: application/json' "
             "-H 'X-Empty;' -H 'Accept:' -H 'User-Agent:' --data-binary '{}'"_s);
    request.method = "PUT";
    QVERIFY(curlCommand(request).startsWith(u"curl -X 'PUT' "_s));
    request = {"GET", "http://h/", {}, {}};
    QCOMPARE(curlCommand(request), u"curl 'http://h/' -H 'Accept:' -H 'User-Agent:'"_s);
}

void tst_CurlCommand::replaysTheExactBytesThroughARealShell_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("json") << QByteArray("{\"a\": \"it's\", \"b\": [1, 2]}\n");
    QTest::newRow("binary with nul") << QByteArray("\x00\x01\xff\r\n\x7f'\\$`%s%%", 14);
    QTest::newRow("binary") << QByteArray("\x01\xff\r\n\x7f'\\$`%s");
    QTest::newRow("form") << QByteArray("a=1&b=%20x&c=$(rm -rf /)");
    QTest::newRow("multipart with nul") << QByteArray("--b\r\nContent-Disposition: form-data; "
                                                      "name=\"f\"\r\n\r\n\x89PNG\x00\r\n--b--\r\n",
                                                      63);
}

void tst_CurlCommand::replaysTheExactBytesThroughARealShell()
{
    QFETCH(QByteArray, body);
    const QString bash = QStandardPaths::findExecutable(u"bash"_s);
    const QString curl = QStandardPaths::findExecutable(u"curl"_s);
    if (bash.isEmpty() || curl.isEmpty())
        QFAIL("bash and curl are needed (packaging/install-deps.sh --test installs them)");

    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const QByteArray url = "http://127.0.0.1:" + QByteArray::number(server.serverPort()) + "/r";
    const CurlRequest request{"POST", url, {{"X-Quote", "it's \"fine\""}}, body};
    QProcess shell;
    const QString command = curlCommand(request);
    if (body.contains('\0'))
        QVERIFY2(command.startsWith(u"printf -- '"_s), qPrintable(command));
    shell.start(bash, {u"-c"_s, command + u" --max-time 5 -s -o /dev/null"_s});
    QVERIFY(server.waitForNewConnection(10000));
    QTcpSocket *socket = server.nextPendingConnection();
    QByteArray received;
    const auto complete = [&] {
        const qsizetype end = received.indexOf("\r\n\r\n");
        return end >= 0 && received.size() >= end + 4 + body.size();
    };
    while (!complete() && socket->waitForReadyRead(5000))
        received += socket->readAll();
    socket->write("HTTP/1.1 204 No Content\r\n\r\n");
    socket->waitForBytesWritten(1000);
    QVERIFY(shell.waitForFinished(10000));

    const qsizetype end = received.indexOf("\r\n\r\n");
    QVERIFY(end > 0);
    const QByteArray head = received.first(end);
    QCOMPARE(received.sliced(end + 4), body);
    QVERIFY(head.contains("\r\nX-Quote: it's \"fine\""));
    QVERIFY(!head.contains("User-Agent"));
    QVERIFY(!head.contains("Accept"));
    QVERIFY(!head.contains("Content-Type"));
}

QTEST_GUILESS_MAIN(tst_CurlCommand)
#include "tst_curl_command.moc"
