#include "cli_support.h"

#include "store/database.h"

#include <cstdio>

using namespace Qt::StringLiterals;

namespace hookbench::cli {

CommandLine::CommandLine(const QString &command, const QString &description)
    : databaseOption(u"db"_s,
                     tr("The database file (default: %1).").arg(Database::defaultLocation()),
                     tr("path"))
    , m_command(command)
{
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addHelpOption();
    m_parser.addOption(databaseOption);
}

void CommandLine::addPositional(const QString &name, const QString &description,
                                const QString &syntax)
{
    m_parser.addPositionalArgument(name, description, syntax);
}

std::optional<int> CommandLine::parse(const QStringList &arguments)
{
    // QCommandLineParser wants argv[0] first: "hookbench-cli serve" stands in for it.
    QStringList line = arguments;
    line.prepend(u"hookbench-cli "_s + m_command);
    if (!m_parser.parse(line)) {
        printError(m_parser.errorText());
        printError(tr("Run 'hookbench-cli %1 --help' for its options.").arg(m_command));
        return ExitUsage;
    }
    if (m_parser.isSet(u"help"_s)) {
        printRaw(m_parser.helpText().toUtf8());
        return ExitOk;
    }
    return std::nullopt;
}

QString CommandLine::databaseLocation() const
{
    const QString location = m_parser.value(databaseOption);
    return location.isEmpty() ? Database::defaultLocation() : location;
}

std::optional<qint64> CommandLine::integer(const QCommandLineOption &option, qint64 minimum,
                                           qint64 maximum) const
{
    bool ok = false;
    const qint64 number = m_parser.value(option).toLongLong(&ok);
    if (!ok || number < minimum || number > maximum) {
        printError(tr("--%1 must be a whole number between %2 and %3, not '%4'.")
                           .arg(option.names().constFirst())
                           .arg(minimum)
                           .arg(maximum)
                           .arg(m_parser.value(option)));
        return std::nullopt;
    }
    return number;
}

bool openDatabase(Database &database, const QString &location)
{
    if (database.open(location))
        return true;
    printError(database.errorString());
    return false;
}

void printError(const QString &message)
{
    const QByteArray line = "hookbench-cli: " + message.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stderr);
    std::fflush(stderr);
}

void printDetail(const QString &text)
{
    const QByteArray bytes = text.toUtf8() + (text.endsWith(u'\n') ? "" : "\n");
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    std::fflush(stderr);
}

void printLine(const QString &text)
{
    printRaw(text.toUtf8() + '\n');
}

void printRaw(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

} // namespace hookbench::cli
