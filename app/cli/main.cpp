#include "cli_support.h"
#include "commands.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

QString usage()
{
    return QCoreApplication::translate(
            "main", "Usage: hookbench-cli COMMAND [options]\n"
                    "\n"
                    "Commands:\n"
                    "  serve       run the receiving server without a window\n"
                    "  endpoint    add, list or remove incoming endpoints\n"
                    "  subscription add, list, remove, enable or disable outgoing "
                    "subscriptions\n"
                    "  fire        deliver an event to the matching subscriptions\n"
                    "  list        list captured deliveries, newest first\n"
                    "  show        show one delivery (--json, --raw)\n"
                    "  verify      check a signature and explain a failure\n"
                    "  sign        print the headers that sign a body\n"
                    "  find-scheme find which signing recipe a request uses, given its secret\n"
                    "\n"
                    "Every command takes --db PATH and --help. Exit codes: 0 success, 1 failed, "
                    "2 bad usage.\n");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Hookbench"_s);
    QCoreApplication::setApplicationName(u"hookbench"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(HOOKBENCH_VERSION));

    using namespace hookbench::cli;
    const QStringList arguments = app.arguments().mid(1);
    const QString command = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (command == u"--version" || command == u"-v" || command == u"version") {
        printLine(u"hookbench-cli "_s + QCoreApplication::applicationVersion());
        return ExitOk;
    }
    if (command.isEmpty() || command == u"--help" || command == u"-h" || command == u"help") {
        printRaw(usage().toUtf8());
        return command.isEmpty() ? ExitUsage : ExitOk;
    }
    if (command == u"serve")
        return runServe(rest);
    if (command == u"endpoint")
        return runEndpoint(rest);
    if (command == u"subscription")
        return runSubscription(rest);
    if (command == u"fire")
        return runFire(rest);
    if (command == u"list")
        return runList(rest);
    if (command == u"show")
        return runShow(rest);
    if (command == u"verify")
        return runVerify(rest);
    if (command == u"sign")
        return runSign(rest);
    if (command == u"find-scheme")
        return runFindScheme(rest);
    printError(
            QCoreApplication::translate("main", "unknown command '%1'. Run 'hookbench-cli --help'.")
                    .arg(command));
    return ExitUsage;
}
