#include "capture/delivery_signed_request.h"
#include "cli_support.h"
#include "commands.h"
#include "signing/scheme_finder.h"
#include "signing/scheme_registry.h"
#include "store/database.h"
#include "store/delivery_store.h"
#include "store/endpoint_store.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace hookbench::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("signing", text);
}

std::optional<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (path == u"-" ? !file.open(stdin, QIODevice::ReadOnly) : !file.open(QIODevice::ReadOnly)) {
        printError(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    return file.readAll();
}

// "--config key=value" pairs for the configurable schemes (compass, hmac).
std::optional<SchemeConfig> parseConfig(const QStringList &pairs)
{
    SchemeConfig config;
    for (const QString &pair : pairs) {
        const qsizetype equals = pair.indexOf(u'=');
        if (equals <= 0) {
            printError(tr("--config wants key=value, not '%1'.").arg(pair));
            return std::nullopt;
        }
        config.insert(pair.first(equals), pair.sliced(equals + 1));
    }
    return config;
}

const SignatureScheme *schemeNamed(const QString &id)
{
    const SignatureScheme *scheme = SchemeRegistry::instance().scheme(id);
    if (!scheme) {
        printError(tr("Unknown scheme '%1'. Known schemes: %2.")
                           .arg(id, SchemeRegistry::instance().ids().join(u", "_s)));
    }
    return scheme;
}

struct Options
{
    QCommandLineOption scheme{
            u"scheme"_s,
            tr("Signature scheme: %1.").arg(SchemeRegistry::instance().ids().join(u", "_s)),
            u"scheme"_s};
    QCommandLineOption secret{
            u"secret"_s, tr("The shared secret (user:password for basic, the token for bearer)."),
            u"secret"_s};
    QCommandLineOption secretFile{
            u"secret-file"_s,
            tr("Read the secret from a file instead (keeps it out of the shell history)."),
            u"file"_s};
    QCommandLineOption id{u"id"_s, tr("A stored delivery to check."), u"id"_s};
    QCommandLineOption headers{u"headers"_s, tr("A file of 'Name: value' header lines."),
                               u"file"_s};
    QCommandLineOption body{
            u"body"_s, tr("A file with the exact body bytes ('-' for standard input)."), u"file"_s};
    QCommandLineOption url{u"url"_s,
                           tr("The full URL the sender used (Twilio and {url} templates sign it)."),
                           u"url"_s};
    QCommandLineOption now{u"now"_s,
                           tr("Judge timestamps at this Unix time (default: the time of receipt "
                              "for --id, else now)."),
                           u"unix"_s};
    QCommandLineOption tolerance{
            u"tolerance"_s,
            tr("Accepted timestamp skew in seconds (default 300; 0 switches the check off)."),
            u"seconds"_s, u"300"_s};
    QCommandLineOption config{u"config"_s,
                              tr("Scheme setting key=value for compass and hmac (header, prefix, "
                                 "algorithm, encoding, template...); repeatable."),
                              u"key=value"_s};
    QCommandLineOption json{u"json"_s, tr("Print the result as JSON on standard output.")};
};

// The secret from --secret or --secret-file; a trailing newline of a file is not part of it.
std::optional<QByteArray> secretFrom(const CommandLine &line, const Options &options)
{
    if (line.isSet(options.secretFile)) {
        auto secret = readFile(line.value(options.secretFile));
        if (secret && secret->endsWith('\n'))
            secret->chop(secret->endsWith("\r\n") ? 2 : 1);
        return secret;
    }
    return line.value(options.secret).toUtf8();
}

// The request to verify: a stored delivery, or headers and body files.
struct Subject
{
    SignedRequest request;
    qint64 receivedAt = 0;
    std::optional<Endpoint> endpoint;
};

std::optional<Subject> loadSubject(const CommandLine &line, const Options &options, int *exit)
{
    Subject subject;
    *exit = ExitUsage;
    if (line.isSet(options.id) == (line.isSet(options.headers) || line.isSet(options.body))) {
        printError(tr("Give either --id, or --headers with --body."));
        return std::nullopt;
    }
    if (line.isSet(options.id)) {
        bool ok = false;
        const qint64 id = line.value(options.id).toLongLong(&ok);
        if (!ok || id <= 0) {
            printError(tr("'%1' is not a delivery id.").arg(line.value(options.id)));
            return std::nullopt;
        }
        *exit = ExitFailed;
        Database database;
        if (!openDatabase(database, line.databaseLocation()))
            return std::nullopt;
        DeliveryStore store(database);
        const auto delivery = store.delivery(id);
        if (!delivery) {
            printError(store.errorString());
            return std::nullopt;
        }
        subject.request = signedRequestOf(*delivery);
        subject.receivedAt = delivery->receivedAtMs / 1000;
        if (delivery->endpointId)
            subject.endpoint = EndpointStore(database).endpoint(*delivery->endpointId);
    } else {
        if (!line.isSet(options.headers) || !line.isSet(options.body)) {
            printError(tr("--headers and --body go together."));
            return std::nullopt;
        }
        *exit = ExitFailed;
        const auto headers = readFile(line.value(options.headers));
        const auto body = readFile(line.value(options.body));
        if (!headers || !body)
            return std::nullopt;
        subject.request.headers = HeaderList::fromWireFormat(*headers);
        subject.request.body = *body;
        subject.receivedAt = QDateTime::currentSecsSinceEpoch();
    }
    if (line.isSet(options.url))
        subject.request.url = QUrl(line.value(options.url));
    return subject;
}

} // namespace

int runVerify(const QStringList &arguments)
{
    CommandLine line(u"verify"_s,
                     tr("Checks a webhook's signature and, when it fails, says why. Exit code 0: "
                        "valid, 1: invalid (the diagnosis is on standard error), 2: bad usage."));
    const Options options;
    for (const QCommandLineOption &option :
         {options.scheme, options.secret, options.secretFile, options.id, options.headers,
          options.body, options.url, options.now, options.tolerance, options.config, options.json})
        line.addOption(option);
    if (const auto exit = line.parse(arguments))
        return *exit;
    const auto tolerance = line.integer(options.tolerance, 0, 10LL * 365 * 24 * 3600);
    const auto config = parseConfig(line.parser().values(options.config));
    if (!tolerance || !config)
        return ExitUsage;
    int exit = ExitUsage;
    const auto subject = loadSubject(line, options, &exit);
    if (!subject)
        return exit;

    // With --id and nothing else, the endpoint's own settings are used.
    QString schemeId = line.value(options.scheme);
    QByteArray secret;
    SchemeOptions schemeOptions;
    schemeOptions.toleranceSeconds = *tolerance;
    schemeOptions.config = *config;
    if (!line.isSet(options.scheme) && subject->endpoint
        && subject->endpoint->verification.isConfigured()) {
        schemeId = subject->endpoint->verification.schemeId;
        secret = subject->endpoint->verification.secret;
        schemeOptions.config = subject->endpoint->verification.config;
        if (!line.isSet(options.tolerance))
            schemeOptions.toleranceSeconds = subject->endpoint->verification.toleranceSeconds;
    }
    if (schemeId.isEmpty()) {
        printError(tr("verify needs --scheme (and --secret)."));
        return ExitUsage;
    }
    if (line.isSet(options.secret) || line.isSet(options.secretFile)) {
        const auto given = secretFrom(line, options);
        if (!given)
            return ExitFailed;
        secret = *given;
    }
    if (secret.isEmpty()) {
        printError(tr("verify needs --secret or --secret-file."));
        return ExitUsage;
    }
    const SignatureScheme *scheme = schemeNamed(schemeId);
    if (!scheme)
        return ExitUsage;
    if (line.isSet(options.now)) {
        const auto now = line.integer(options.now, 0, 1LL << 40);
        if (!now)
            return ExitUsage;
        schemeOptions.now = *now;
    } else {
        schemeOptions.now = subject->receivedAt;
    }

    const VerificationResult result = scheme->verify(subject->request, secret, schemeOptions);
    if (line.isSet(options.json))
        printRaw(QJsonDocument(result.toJson()).toJson(QJsonDocument::Indented));
    if (result.isValid()) {
        if (!line.isSet(options.json))
            printLine(result.summary());
        return ExitOk;
    }
    printError(result.summary());
    const QString details = result.details();
    if (!details.isEmpty())
        printDetail(details);
    return ExitFailed;
}

int runSign(const QStringList &arguments)
{
    CommandLine line(u"sign"_s, tr("Prints the headers that sign a body, one 'Name: value' per "
                                   "line, ready for curl -H or 'send'."));
    const Options options;
    for (const QCommandLineOption &option :
         {options.scheme, options.secret, options.secretFile, options.body, options.url,
          options.now, options.config, options.headers})
        line.addOption(option);
    if (const auto exit = line.parse(arguments))
        return *exit;
    if (!line.isSet(options.scheme) || !line.isSet(options.body)
        || !(line.isSet(options.secret) || line.isSet(options.secretFile))) {
        printError(tr("sign needs --scheme, --secret (or --secret-file) and --body."));
        return ExitUsage;
    }
    const SignatureScheme *scheme = schemeNamed(line.value(options.scheme));
    const auto config = parseConfig(line.parser().values(options.config));
    if (!scheme || !config)
        return ExitUsage;
    SignedRequest request;
    const auto body = readFile(line.value(options.body));
    const auto secret = secretFrom(line, options);
    if (!body || !secret)
        return ExitFailed;
    request.body = *body;
    if (line.isSet(options.headers)) {
        const auto headers = readFile(line.value(options.headers));
        if (!headers)
            return ExitFailed;
        request.headers = HeaderList::fromWireFormat(*headers);
    }
    if (line.isSet(options.url))
        request.url = QUrl(line.value(options.url));
    SchemeOptions schemeOptions;
    schemeOptions.config = *config;
    schemeOptions.now = QDateTime::currentSecsSinceEpoch();
    if (line.isSet(options.now)) {
        const auto now = line.integer(options.now, 0, 1LL << 40);
        if (!now)
            return ExitUsage;
        schemeOptions.now = *now;
    }
    const SignResult result = scheme->sign(request, *secret, schemeOptions);
    if (!result.isOk()) {
        printError(result.error);
        return ExitFailed;
    }
    printRaw(result.headers.toWireFormat().replace("\r\n", "\n"));
    return ExitOk;
}

int runFindScheme(const QStringList &arguments)
{
    CommandLine line(u"find-scheme"_s,
                     tr("With a known secret, tries every scheme and every header of a request and "
                        "reports which signing recipe matches. Exit code 0: found, 1: none."));
    const Options options;
    for (const QCommandLineOption &option :
         {options.secret, options.secretFile, options.id, options.headers, options.body,
          options.url, options.now, options.json})
        line.addOption(option);
    if (const auto exit = line.parse(arguments))
        return *exit;
    if (!line.isSet(options.secret) && !line.isSet(options.secretFile)) {
        printError(tr("find-scheme needs --secret or --secret-file."));
        return ExitUsage;
    }
    int exit = ExitUsage;
    const auto subject = loadSubject(line, options, &exit);
    if (!subject)
        return exit;
    const auto secret = secretFrom(line, options);
    if (!secret)
        return ExitFailed;
    qint64 now = subject->receivedAt;
    if (line.isSet(options.now)) {
        const auto given = line.integer(options.now, 0, 1LL << 40);
        if (!given)
            return ExitUsage;
        now = *given;
    }
    const SchemeFinder::Report report = SchemeFinder::find(subject->request, *secret, now);
    if (line.isSet(options.json))
        printRaw(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented));
    else
        printLine(report.toText());
    return report.found() ? ExitOk : ExitFailed;
}

} // namespace hookbench::cli
