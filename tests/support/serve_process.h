#pragma once

// Starts the real `hookbench-cli serve` for tests that talk to it over loopback.
#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <QTcpServer>
#include <QTest>

namespace hookbench::test {

// Serves `database` on a free loopback port; returns the port once the server says it is
// listening, or 0 when it did not start within ten seconds.
inline quint16 startServe(QProcess &server, const QString &database)
{
    using namespace Qt::StringLiterals;
    quint16 port = 0;
    {
        // Bind a free port and let it go, then let serve bind it.
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost))
            return 0;
        port = probe.serverPort();
    }
    server.setProcessChannelMode(QProcess::SeparateChannels);
    server.start(QStringLiteral(HOOKBENCH_CLI_PATH),
                 {u"serve"_s, u"--listen"_s, u"127.0.0.1:%1"_s.arg(port), u"--db"_s, database});
    if (!server.waitForStarted())
        return 0;
    QByteArray banner;
    const bool listening = QTest::qWaitFor(
            [&] { return (banner += server.readAllStandardOutput()).contains("Listening on"); },
            10000);
    return listening ? port : 0;
}

} // namespace hookbench::test
