#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>

namespace hookbench {
class Database;
}

namespace hookbench::cli {

// The exit codes are a contract (DESIGN.md): scripts and tests rely on them.
enum ExitCode {
    ExitOk = 0,
    ExitFailed = 1, // a check failed, or something named does not exist
    ExitUsage = 2,  // the command line itself is wrong
};

// One sub-command's parser: `hookbench-cli NAME [options]`, with --db and --help built in.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    CommandLine(const QString &command, const QString &description);

    QCommandLineParser &parser() { return m_parser; }
    void addOption(const QCommandLineOption &option) { m_parser.addOption(option); }
    void addPositional(const QString &name, const QString &description, const QString &syntax);

    // Parses; on --help prints help and returns ExitOk, on a bad line prints the error and
    // returns ExitUsage; returns nullopt when the command should run.
    std::optional<int> parse(const QStringList &arguments);

    QString value(const QCommandLineOption &option) const { return m_parser.value(option); }
    bool isSet(const QCommandLineOption &option) const { return m_parser.isSet(option); }
    QStringList positional() const { return m_parser.positionalArguments(); }
    QString databaseLocation() const;

    // An integer option within bounds, or a usage error printed.
    std::optional<qint64> integer(const QCommandLineOption &option, qint64 minimum,
                                  qint64 maximum) const;

    QCommandLineOption databaseOption;

private:
    QString m_command;
    QCommandLineParser m_parser;
};

// Opens the database or prints why not; the caller exits with ExitFailed.
bool openDatabase(Database &database, const QString &location);

void printError(const QString &message);
// Lines that follow an error on stderr, without the "hookbench-cli:" prefix.
void printDetail(const QString &text);
void printLine(const QString &text);
void printRaw(const QByteArray &bytes);

} // namespace hookbench::cli
