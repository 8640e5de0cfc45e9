#include "capture/receiver.h"
#include "cli_support.h"
#include "commands.h"
#include "delivery/delivery_engine.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace hookbench::cli {

namespace {

int signalPipe[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here: wake the event loop through the socket pair.
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
}

// SIGINT/SIGTERM stop the receiver cleanly: queued requests are written before exit.
void quitOnTerminationSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
        char byte = 0;
        [[maybe_unused]] const ssize_t got = ::read(signalPipe[0], &byte, 1);
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

} // namespace

int runServe(const QStringList &arguments)
{
    CommandLine line(u"serve"_s, QCoreApplication::translate(
                                         "serve", "Runs the receiving server without a window."));
    const QCommandLineOption listen(
            u"listen"_s,
            QCoreApplication::translate("serve",
                                        "Address and port to listen on (default 127.0.0.1:8090)."),
            u"address:port"_s, u"127.0.0.1:8090"_s);
    const QCommandLineOption selfSigned(
            u"tls-self-signed"_s,
            QCoreApplication::translate("serve", "Serve HTTPS with a self-signed certificate made "
                                                 "on first use and kept beside the database."));
    const QCommandLineOption certificate(
            u"tls-cert"_s,
            QCoreApplication::translate("serve", "Serve HTTPS with this PEM certificate (chain)."),
            u"file"_s);
    const QCommandLineOption key(
            u"tls-key"_s,
            QCoreApplication::translate("serve", "The PEM private key for --tls-cert."), u"file"_s);
    const QCommandLineOption maxBody(
            u"max-body"_s,
            QCoreApplication::translate(
                    "serve",
                    "Largest request body in bytes; larger ones get 413 (default 16777216)."),
            u"bytes"_s, u"16777216"_s);
    const QCommandLineOption maxHeader(
            u"max-header"_s,
            QCoreApplication::translate(
                    "serve",
                    "Largest request header block in bytes; larger ones get 431 (default 65536)."),
            u"bytes"_s, u"65536"_s);
    const QCommandLineOption readTimeout(
            u"read-timeout"_s,
            QCoreApplication::translate("serve", "Seconds a client may stay silent mid-request "
                                                 "before it gets 408 (default 30)."),
            u"seconds"_s, u"30"_s);
    const QCommandLineOption maxConnections(
            u"max-connections"_s,
            QCoreApplication::translate("serve",
                                        "Open connections at most; more get 503 (default 512)."),
            u"count"_s, u"512"_s);
    for (const QCommandLineOption &option :
         {listen, selfSigned, certificate, key, maxBody, maxHeader, readTimeout, maxConnections})
        line.addOption(option);
    if (const auto exit = line.parse(arguments))
        return *exit;

    ReceiverConfig config;
    config.databaseLocation = line.databaseLocation();
    QString error;
    if (!config.setListenAddress(line.value(listen), &error)) {
        printError(error);
        return ExitUsage;
    }
    if (line.isSet(selfSigned) && (line.isSet(certificate) || line.isSet(key))) {
        printError(QCoreApplication::translate(
                "serve", "Use either --tls-self-signed or --tls-cert with --tls-key, not both."));
        return ExitUsage;
    }
    if (line.isSet(certificate) != line.isSet(key)) {
        printError(QCoreApplication::translate("serve", "--tls-cert and --tls-key go together."));
        return ExitUsage;
    }
    if (line.isSet(selfSigned)) {
        config.tls = TlsMode::SelfSigned;
    } else if (line.isSet(certificate)) {
        config.tls = TlsMode::UserCertificate;
        config.certificatePath = line.value(certificate);
        config.keyPath = line.value(key);
    }
    const auto body = line.integer(maxBody, 0, qint64(4) * 1024 * 1024 * 1024);
    const auto header = line.integer(maxHeader, 1024, 16 * 1024 * 1024);
    const auto timeout = line.integer(readTimeout, 1, 24 * 60 * 60);
    const auto connections = line.integer(maxConnections, 1, 100000);
    if (!body || !header || !timeout || !connections)
        return ExitUsage;
    config.maxBodyBytes = *body;
    config.maxHeaderBytes = *header;
    config.readTimeoutMs = static_cast<int>(*timeout * 1000);
    config.maxConnections = static_cast<int>(*connections);

    // Qt's GLib event dispatcher wakes its own poll() (an eventfd write and read) whenever a
    // socket notifier is switched on or off, and a QTcpSocket does both for every response it
    // writes: two extra syscalls per request on the network thread. The server's threads need
    // no GLib integration, so they get Qt's plain poll dispatcher. Set before any thread starts.
    if (qEnvironmentVariableIsEmpty("QT_NO_THREADED_GLIB"))
        qputenv("QT_NO_THREADED_GLIB", "1");

    QCoreApplication *app = QCoreApplication::instance();
    quitOnTerminationSignals(*app);
    Receiver receiver;
    int exitCode = ExitOk;
    QObject::connect(&receiver, &Receiver::stateChanged, app, [&](Receiver::State state) {
        if (state == Receiver::State::Listening) {
            printLine(QCoreApplication::translate(
                              "serve", "Listening on %1 (database %2). Press Ctrl+C to stop.")
                              .arg(receiver.baseUrl().toString(), config.databaseLocation));
        } else if (state == Receiver::State::Failed) {
            printError(receiver.errorString());
            exitCode = ExitFailed;
            app->quit();
        }
    });
    // The outbox is sent while serving: messages fired by `fire` or pending from a previous run.
    // Started once the receiver listens, so the database is created and migrated by one thread.
    DeliveryEngineConfig deliveryConfig;
    deliveryConfig.databaseLocation = config.databaseLocation;
    DeliveryEngine delivery(deliveryConfig);
    QObject::connect(&delivery, &DeliveryEngine::warning, app,
                     [](const QString &message) { printError(message); });
    QObject::connect(&delivery, &DeliveryEngine::subscriptionDisabled, app,
                     [](qint64, const QString &name, int streak) {
                         printError(QCoreApplication::translate(
                                            "serve", "Subscription %1 disabled after %2 failed "
                                                     "messages in a row.")
                                            .arg(name)
                                            .arg(streak));
                     });
    QObject::connect(&receiver, &Receiver::stateChanged, app, [&](Receiver::State state) {
        if (state == Receiver::State::Listening && !delivery.isRunning() && !delivery.start())
            printError(delivery.errorString());
    });
    QObject::connect(&receiver, &Receiver::warning, app,
                     [](const QString &message) { printError(message); });
    receiver.start(config);
    const int loopResult = app->exec();
    delivery.stop();
    receiver.stop();
    return exitCode != ExitOk ? exitCode : loopResult;
}

} // namespace hookbench::cli
