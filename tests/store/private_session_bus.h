#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <optional>

namespace hookbench::test {

// Runs one test function of the running test executable again, inside a D-Bus session of its
// own. A child process is the only clean way: Qt D-Bus and GDBus bind to the first session bus a
// process uses, and GDBus ends the process when that bus goes away.
class PrivateSessionBus
{
public:
    enum class Keychain {
        None,         // a bare bus: nothing answers for the Secret Service
        GnomeKeyring, // gnome-keyring-daemon with a fresh, unlocked login keyring
        Stalled,      // gnome-keyring-daemon stopped (SIGSTOP): it owns the name, never answers
    };

    struct Run
    {
        int exitCode = -1;
        QByteArray output;
    };

    static constexpr const char *childVariable = "HOOKBENCH_TEST_PRIVATE_BUS";

    // True inside the child: the test function then does the real work.
    static bool isChild() { return qEnvironmentVariableIsSet(childVariable); }

    // Why it cannot run here (the programs it needs are missing), or nullopt.
    static std::optional<QString> missingTools(Keychain keychain)
    {
        QStringList needed{QStringLiteral("dbus-run-session"), QStringLiteral("dbus-daemon")};
        if (keychain != Keychain::None)
            needed << QStringLiteral("gnome-keyring-daemon") << QStringLiteral("dbus-send");
        for (const QString &program : needed) {
            if (QStandardPaths::findExecutable(program).isEmpty())
                return QStringLiteral("%1 is not installed").arg(program);
        }
        return std::nullopt;
    }

    static Run run(const QString &testFunction, Keychain keychain)
    {
        Run result;
        QTemporaryDir folder;
        if (!folder.isValid())
            return result;
        // No <servicedir>: nothing is activated on demand, so only what we start answers.
        QFile config(folder.filePath(QStringLiteral("bus.conf")));
        if (!config.open(QIODevice::WriteOnly))
            return result;
        config.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration "
                     "1.0//EN\" \"http://www.freedesktop.org/standards/dbus/1.0/"
                     "busconfig.dtd\">\n"
                     "<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen>"
                     "<auth>EXTERNAL</auth><policy context=\"default\">"
                     "<allow send_destination=\"*\" eavesdrop=\"true\"/>"
                     "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n");
        config.close();

        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QString::fromLatin1(childVariable), QStringLiteral("1"));
        // gnome-keyring keeps its keyrings and its control socket here, not in $HOME.
        const QString data = folder.filePath(QStringLiteral("data"));
        const QString runtime = folder.filePath(QStringLiteral("run"));
        QDir().mkpath(data);
        QDir().mkpath(runtime);
        QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        environment.insert(QStringLiteral("XDG_DATA_HOME"), data);
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);

        // The daemon forks and claims its bus name a moment later: wait for the name.
        const QString startKeyring = QStringLiteral(
                "printf hookbench-test | gnome-keyring-daemon --unlock --components=secrets "
                ">/dev/null || exit 90\n"
                "for attempt in $(seq 100); do\n"
                "  dbus-send --session --print-reply --dest=org.freedesktop.DBus "
                "/org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner "
                "string:org.freedesktop.secrets | grep -q true && break\n"
                "  sleep 0.05\n"
                "done\n");
        QString script;
        switch (keychain) {
        case Keychain::None:
            script = QStringLiteral("exec \"$@\"");
            break;
        case Keychain::GnomeKeyring:
            script = startKeyring + QStringLiteral("exec \"$@\"");
            break;
        case Keychain::Stalled:
            script = startKeyring
                     + QStringLiteral(
                             "pid=$(dbus-send --session --print-reply "
                             "--dest=org.freedesktop.DBus /org/freedesktop/DBus "
                             "org.freedesktop.DBus.GetConnectionUnixProcessID "
                             "string:org.freedesktop.secrets | awk '/uint32/ {print $2}')\n"
                             "kill -STOP \"$pid\" || exit 91\n"
                             "\"$@\"; status=$?\n"
                             "kill -CONT \"$pid\"; kill \"$pid\"\n"
                             "exit $status");
            break;
        }
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral("dbus-run-session"),
                      {QStringLiteral("--config-file=") + config.fileName(), QStringLiteral("--"),
                       QStringLiteral("sh"), QStringLiteral("-c"), script, QStringLiteral("sh"),
                       QCoreApplication::applicationFilePath(), testFunction});
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            result.output = process.readAll() + "\n(timed out)";
            return result;
        }
        result.output = process.readAll();
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        return result;
    }
};

} // namespace hookbench::test
