#include "app_theme.h"
#include "capture/receiver.h"
#include "history/history_view.h"
#include "inspector/delivery_inspector.h"
#include "main_window.h"
#include "settings/app_settings.h"
#include "store/async_store.h"
#include "store/database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QTabWidget>
#include <QTimer>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

int usageError(const QString &message)
{
    std::fprintf(stderr, "hookbench: %s\n", qPrintable(message));
    return 2;
}

void describeApplication()
{
    QCoreApplication::setOrganizationName(u"Hookbench"_s);
    QCoreApplication::setApplicationName(u"hookbench"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(HOOKBENCH_VERSION));
}

// The command line of `hookbench`; hidden options are development aids for the README pictures
// and for checking layouts on headless machines.
struct GuiOptions
{
    QCommandLineOption db{u"db"_s,
                          QCoreApplication::translate("main", "The database file to open."),
                          QCoreApplication::translate("main", "PATH")};
    QCommandLineOption listen{
            u"listen"_s,
            QCoreApplication::translate(
                    "main", "Listen on this address for this run, e.g. 127.0.0.1:8090."),
            QCoreApplication::translate("main", "ADDR:PORT")};
    QCommandLineOption screenshot{u"screenshot"_s, QString(), u"FILE"_s};
    QCommandLineOption screenshotDelay{u"screenshot-delay"_s, QString(), u"MS"_s, u"1500"_s};
    QCommandLineOption select{u"select"_s, QString(), u"ID"_s};
    QCommandLineOption theme{u"theme"_s, QString(), u"system|light|dark"_s};
    QCommandLineOption inspectorTab{u"inspector-tab"_s, QString(), u"INDEX"_s};

    explicit GuiOptions(QCommandLineParser &parser)
    {
        parser.setApplicationDescription(QCoreApplication::translate(
                "main", "Hookbench: a desktop workbench for webhooks."));
        parser.addHelpOption();
        parser.addVersionOption();
        for (QCommandLineOption *hidden :
             {&screenshot, &screenshotDelay, &select, &theme, &inspectorTab})
            hidden->setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOptions({db, listen, screenshot, screenshotDelay, select, theme, inspectorTab});
    }
};

} // namespace

int main(int argc, char *argv[])
{
    // Threads other than the GUI thread (the receiver's, the store's) then run Qt's own poll
    // dispatcher instead of a GLib main context each: measurably faster for bursts, as for
    // `hookbench-cli serve`. The GUI thread keeps GLib's, which desktop integrations expect.
    if (qEnvironmentVariableIsEmpty("QT_NO_THREADED_GLIB"))
        qputenv("QT_NO_THREADED_GLIB", "1");
    // --help and --version must answer without a display (a server's terminal, a CI log), where
    // QApplication cannot even start: a QCoreApplication parses and prints them instead.
    for (int index = 1; index < argc; ++index) {
        const QByteArrayView argument(argv[index]);
        if (argument == "--help" || argument == "-h" || argument == "-?" || argument == "--help-all"
            || argument == "--version" || argument == "-v") {
            QCoreApplication console(argc, argv);
            describeApplication();
            QCommandLineParser parser;
            const GuiOptions options(parser);
            parser.process(console); // prints, then exits
            return 0;
        }
    }

    QApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QCoreApplication::translate("main", "Hookbench"));

    QCommandLineParser parser;
    const GuiOptions options(parser);
    const QCommandLineOption &dbOption = options.db;
    const QCommandLineOption &listenOption = options.listen;
    const QCommandLineOption &screenshotOption = options.screenshot;
    const QCommandLineOption &delayOption = options.screenshotDelay;
    const QCommandLineOption &selectOption = options.select;
    const QCommandLineOption &themeOption = options.theme;
    const QCommandLineOption &tabOption = options.inspectorTab;
    // Bad usage exits 2, as hookbench-cli does (QCommandLineParser::process would exit 1).
    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser.errorText());
    if (!parser.positionalArguments().isEmpty()) {
        return usageError(QCoreApplication::translate("main", "unexpected argument: %1")
                                  .arg(parser.positionalArguments().constFirst()));
    }

    hookbench::ReceiverConfig listen;
    if (parser.isSet(listenOption)) {
        QString error;
        if (!listen.setListenAddress(parser.value(listenOption), &error))
            return usageError(error);
    }

    QString location = parser.isSet(dbOption) ? parser.value(dbOption)
                                              : hookbench::Database::defaultLocation();
    if (location != QLatin1StringView(hookbench::Database::memoryLocation)) {
        location = QFileInfo(location).absoluteFilePath();
        QDir().mkpath(QFileInfo(location).absolutePath());
    }

    hookbench::applyAppTheme(parser.isSet(themeOption)
                                     ? hookbench::appThemeFromName(parser.value(themeOption))
                                     : hookbench::AppSettings::load(QSettings()).theme);

    hookbench::AsyncStore store;
    store.open(location);
    hookbench::Receiver receiver;
    // The receiver says when it committed; the history then updates at once instead of at the
    // store's next poll.
    QObject::connect(&receiver, &hookbench::Receiver::deliveriesStored, &store,
                     [&store] { store.checkForChanges(); });

    hookbench::MainWindow window(&store, &receiver);
    if (parser.isSet(listenOption))
        window.setListenOverride(listen.address, listen.port);
    window.show();
    window.startReceiver();

    if (parser.isSet(screenshotOption)) {
        const int delay = parser.value(delayOption).toInt();
        const QString file = parser.value(screenshotOption);
        if (parser.isSet(selectOption)) {
            const qint64 id = parser.value(selectOption).toLongLong();
            QTimer::singleShot(delay / 2, &window,
                               [&window, id] { window.historyView()->selectDelivery(id); });
        }
        if (parser.isSet(tabOption)) {
            // After the selection's analysis: the Form and Parts tabs are hidden until then.
            const int tab = parser.value(tabOption).toInt();
            QTimer::singleShot(delay * 3 / 4, &window,
                               [&window, tab] { window.inspector()->selectTab(tab); });
        }
        QTimer::singleShot(delay, &window, [&window, file] {
            if (!window.grab().save(file))
                std::fprintf(stderr, "hookbench: cannot write %s\n", qPrintable(file));
            window.close();
        });
    }

    const int status = QApplication::exec();
    receiver.stop();
    return status;
}
