#include "cli_support.h"
#include "commands.h"
#include "delivery_json.h"
#include "signing/scheme_registry.h"
#include "store/database.h"
#include "store/endpoint_store.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace hookbench::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("endpoint", text);
}

// "--header 'K: V'" as curl writes it.
std::optional<HeaderField> parseHeaderOption(const QString &text)
{
    const qsizetype colon = text.indexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    const QByteArray name = text.first(colon).trimmed().toUtf8();
    if (name.contains(' ') || name.contains('\t'))
        return std::nullopt;
    return HeaderField{name, text.sliced(colon + 1).trimmed().toUtf8()};
}

QString defaultNameForPath(const QString &path)
{
    const QString normalized = Endpoint::normalizedPath(path);
    const QString last = normalized.section(u'/', -1);
    return last.isEmpty() ? u"root"_s : last;
}

int add(const QStringList &arguments)
{
    CommandLine line(u"endpoint add"_s, tr("Adds an incoming endpoint: every request whose path "
                                           "starts with --path is captured under it."));
    const QCommandLineOption path(u"path"_s, tr("The path prefix, e.g. /hooks/github."), u"path"_s);
    const QCommandLineOption name(u"name"_s, tr("A name (default: the last path segment)."),
                                  u"name"_s);
    const QCommandLineOption status(u"status"_s, tr("Status of the canned response (default 200)."),
                                    u"code"_s, u"200"_s);
    const QCommandLineOption header(u"header"_s,
                                    tr("A header of the canned response, 'Name: value'; "
                                       "repeatable."),
                                    u"header"_s);
    const QCommandLineOption body(u"body"_s, tr("Body of the canned response."), u"text"_s);
    const QCommandLineOption delay(u"delay"_s,
                                   tr("Milliseconds to wait before answering (to make a sender "
                                      "see a slow or timing-out receiver)."),
                                   u"ms"_s, u"0"_s);
    const QCommandLineOption json(u"json"_s, tr("Print the new endpoint as JSON."));
    const QCommandLineOption scheme(u"scheme"_s,
                                    tr("Verify every request with this signature scheme (%1).")
                                            .arg(SchemeRegistry::instance().ids().join(u", "_s)),
                                    u"scheme"_s);
    const QCommandLineOption secret(u"secret"_s, tr("The secret for --scheme."), u"secret"_s);
    const QCommandLineOption tolerance(u"tolerance"_s,
                                       tr("Accepted timestamp skew in seconds (default 300)."),
                                       u"seconds"_s, u"300"_s);
    const QCommandLineOption config(u"config"_s,
                                    tr("Scheme setting key=value (compass, hmac); repeatable."),
                                    u"key=value"_s);
    const QCommandLineOption rejectInvalid(
            u"reject-invalid"_s,
            tr("Answer 401 to requests whose signature fails (they are still recorded)."));
    for (const QCommandLineOption &option : {path, name, status, header, body, delay, json, scheme,
                                             secret, tolerance, config, rejectInvalid})
        line.addOption(option);
    if (const auto exit = line.parse(arguments))
        return *exit;
    if (!line.isSet(path)) {
        printError(tr("endpoint add needs --path."));
        return ExitUsage;
    }
    const auto statusCode = line.integer(status, 100, 599);
    const auto delayMs = line.integer(delay, 0, 600000);
    const auto toleranceSeconds = line.integer(tolerance, 0, 10LL * 365 * 24 * 3600);
    if (!statusCode || !delayMs || !toleranceSeconds)
        return ExitUsage;
    if (line.isSet(scheme) != line.isSet(secret)) {
        printError(tr("--scheme and --secret go together."));
        return ExitUsage;
    }
    if (line.isSet(scheme) && !SchemeRegistry::instance().scheme(line.value(scheme))) {
        printError(
                tr("Unknown scheme '%1'. Known schemes: %2.")
                        .arg(line.value(scheme), SchemeRegistry::instance().ids().join(u", "_s)));
        return ExitUsage;
    }

    Endpoint endpoint;
    endpoint.path = line.value(path);
    endpoint.name = line.isSet(name) ? line.value(name) : defaultNameForPath(endpoint.path);
    endpoint.response.status = static_cast<int>(*statusCode);
    endpoint.response.delayMs = static_cast<int>(*delayMs);
    endpoint.response.body = line.value(body).toUtf8();
    endpoint.verification.schemeId = line.value(scheme);
    endpoint.verification.secret = line.value(secret).toUtf8();
    endpoint.verification.toleranceSeconds = *toleranceSeconds;
    endpoint.verification.rejectInvalid = line.isSet(rejectInvalid);
    for (const QString &pair : line.parser().values(config)) {
        const qsizetype equals = pair.indexOf(u'=');
        if (equals <= 0) {
            printError(tr("--config wants key=value, not '%1'.").arg(pair));
            return ExitUsage;
        }
        endpoint.verification.config.insert(pair.first(equals), pair.sliced(equals + 1));
    }
    for (const QString &text : line.parser().values(header)) {
        const auto field = parseHeaderOption(text);
        if (!field) {
            printError(tr("--header wants 'Name: value', not '%1'.").arg(text));
            return ExitUsage;
        }
        endpoint.response.headers.append(*field);
    }

    Database database;
    if (!openDatabase(database, line.databaseLocation()))
        return ExitFailed;
    EndpointStore store(database);
    if (!store.add(endpoint)) {
        printError(store.errorString());
        return ExitFailed;
    }
    if (line.isSet(json))
        printRaw(QJsonDocument(endpointToJson(endpoint)).toJson(QJsonDocument::Indented));
    else
        printLine(tr("Added endpoint %1 at %2.").arg(endpoint.name, endpoint.path));
    return ExitOk;
}

int list(const QStringList &arguments)
{
    CommandLine line(u"endpoint list"_s, tr("Lists the incoming endpoints."));
    const QCommandLineOption json(u"json"_s, tr("Print a JSON array."));
    line.addOption(json);
    if (const auto exit = line.parse(arguments))
        return *exit;
    Database database;
    if (!openDatabase(database, line.databaseLocation()))
        return ExitFailed;
    EndpointStore store(database);
    const QList<Endpoint> endpoints = store.endpoints();
    if (line.isSet(json)) {
        QJsonArray array;
        for (const Endpoint &endpoint : endpoints)
            array.append(endpointToJson(endpoint));
        printRaw(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    if (endpoints.isEmpty()) {
        printLine(tr("No endpoints: every path is captured into the inbox."));
        return ExitOk;
    }
    QList<SecretBackend> secretBackends;
    for (const Endpoint &endpoint : endpoints) {
        QString response = QString::number(endpoint.response.status);
        if (endpoint.response.delayMs > 0)
            response += tr(" after %1 ms").arg(endpoint.response.delayMs);
        if (endpoint.verification.isConfigured())
            response += tr(", verified with %1").arg(endpoint.verification.schemeId);
        printLine(u"%1  %2  -> %3"_s.arg(endpoint.name, -20).arg(endpoint.path, -30).arg(response));
        const auto backend = store.secretBackend(endpoint.id);
        if (backend && !secretBackends.contains(*backend))
            secretBackends.append(*backend);
    }
    // Where the secrets are, never what they are.
    for (const SecretBackend backend : secretBackends)
        printLine(store.secretVault().describe(backend));
    return ExitOk;
}

int remove(const QStringList &arguments)
{
    CommandLine line(u"endpoint remove"_s,
                     tr("Removes an endpoint. The deliveries it captured stay in the history."));
    line.addPositional(u"endpoint"_s, tr("The endpoint's name or path."), u"NAME|PATH"_s);
    if (const auto exit = line.parse(arguments))
        return *exit;
    if (line.positional().size() != 1) {
        printError(tr("endpoint remove takes one name or path."));
        return ExitUsage;
    }
    Database database;
    if (!openDatabase(database, line.databaseLocation()))
        return ExitFailed;
    EndpointStore store(database);
    const auto endpoint = store.find(line.positional().constFirst());
    if (!endpoint) {
        printError(store.errorString());
        return ExitFailed;
    }
    if (!store.remove(endpoint->id)) {
        printError(store.errorString());
        return ExitFailed;
    }
    printLine(tr("Removed endpoint %1 (%2).").arg(endpoint->name, endpoint->path));
    return ExitOk;
}

int unknownPaths(const QStringList &arguments)
{
    CommandLine line(u"endpoint unknown-paths"_s,
                     tr("Shows or sets what happens to a request whose path matches no "
                        "endpoint: 'inbox' captures it into the inbox, '404' rejects it."));
    line.addPositional(u"policy"_s, tr("inbox or 404; without it, prints the current one."),
                       u"[inbox|404]"_s);
    if (const auto exit = line.parse(arguments))
        return *exit;
    const QStringList words = line.positional();
    if (words.size() > 1 || (words.size() == 1 && words[0] != u"inbox" && words[0] != u"404")) {
        printError(tr("endpoint unknown-paths takes 'inbox' or '404'."));
        return ExitUsage;
    }
    Database database;
    if (!openDatabase(database, line.databaseLocation()))
        return ExitFailed;
    EndpointStore store(database);
    if (words.isEmpty()) {
        printLine(store.unknownPathPolicy() == UnknownPathPolicy::Reject404 ? u"404"_s
                                                                            : u"inbox"_s);
        return ExitOk;
    }
    const auto policy
            = words[0] == u"404" ? UnknownPathPolicy::Reject404 : UnknownPathPolicy::CaptureToInbox;
    if (!store.setUnknownPathPolicy(policy)) {
        printError(store.errorString());
        return ExitFailed;
    }
    return ExitOk;
}

} // namespace

int runEndpoint(const QStringList &arguments)
{
    const QString action = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (action == u"add")
        return add(rest);
    if (action == u"list")
        return list(rest);
    if (action == u"remove")
        return remove(rest);
    if (action == u"unknown-paths")
        return unknownPaths(rest);
    printError(tr("endpoint wants one of: add, list, remove, unknown-paths."));
    return ExitUsage;
}

} // namespace hookbench::cli
