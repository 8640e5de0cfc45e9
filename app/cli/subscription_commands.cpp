#include "cli_support.h"
#include "commands.h"
#include "delivery/delivery_engine.h"
#include "payload/form_decoder.h"
#include "signing/scheme_registry.h"
#include "store/database.h"
#include "store/outbox_store.h"
#include "store/subscription_store.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace hookbench::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("subscription", text);
}

QJsonObject subscriptionToJson(const Subscription &subscription, qint64 pending)
{
    QJsonArray headers;
    for (const HeaderField &field : subscription.headers)
        headers.append(QString::fromUtf8(field.name + ": " + field.value));
    // Secrets are never printed: only whether there is one.
    return QJsonObject{
            {u"id"_s, subscription.id},
            {u"name"_s, subscription.name},
            {u"description"_s, subscription.description},
            {u"url"_s, subscription.url.toString()},
            {u"enabled"_s, subscription.isEnabled()},
            {u"events"_s, QJsonArray::fromStringList(subscription.eventTypes)},
            {u"condition"_s, subscription.condition},
            {u"fields"_s, subscription.payloadFields},
            {u"scheme"_s, subscription.schemeId},
            {u"has_secret"_s, !subscription.secret.isEmpty()},
            {u"auth"_s, authKindName(subscription.auth.kind)},
            {u"headers"_s, headers},
            {u"body_format"_s, bodyFormatName(subscription.bodyFormat)},
            {u"timeout_ms"_s, qint64(subscription.timeout.count())},
            {u"tls_verify"_s, subscription.tls == TlsVerification::Verify},
            {u"retry_schedule"_s, formatRetrySchedule(subscription.retrySchedule)},
            {u"preset"_s, vendorPresetName(subscription.preset)},
            {u"disable_after"_s, subscription.disableAfterFailures},
            {u"failure_streak"_s, subscription.failureStreak},
            {u"flagged"_s, subscription.isFlagged()},
            {u"pending"_s, pending},
    };
}

int add(const QStringList &arguments)
{
    CommandLine line(u"subscription add"_s,
                     tr("Adds an outgoing subscription: matching fired events are delivered "
                        "to --url."));
    const QCommandLineOption name(u"name"_s, tr("A unique name."), u"name"_s);
    const QCommandLineOption url(u"url"_s, tr("The target URL (http or https)."), u"url"_s);
    const QCommandLineOption description(u"description"_s, tr("What it is for."), u"text"_s);
    const QCommandLineOption events(u"events"_s,
                                    tr("Event types, comma-separated; '*' for all, 'build.*' "
                                       "for a prefix (default *)."),
                                    u"a,b"_s);
    const QCommandLineOption condition(u"condition"_s,
                                       tr("Only events whose payload satisfies this, e.g. "
                                          "'Status' != \"Closed\"."),
                                       u"expr"_s);
    const QCommandLineOption fields(u"fields"_s, tr("Send only these payload fields."), u"a,b"_s);
    const QCommandLineOption scheme(
            u"scheme"_s,
            tr("Sign with this scheme (%1).").arg(SchemeRegistry::instance().ids().join(u", "_s)),
            u"scheme"_s);
    const QCommandLineOption secret(u"secret"_s, tr("The signing secret for --scheme."),
                                    u"secret"_s);
    const QCommandLineOption auth(u"auth"_s, tr("basic:USER:PASS or bearer:TOKEN."), u"auth"_s);
    const QCommandLineOption header(u"header"_s, tr("An extra header 'Name: value'; repeatable."),
                                    u"header"_s);
    const QCommandLineOption schedule(u"retry-schedule"_s,
                                      tr("Delays before each retry, e.g. 1s,5s,5m (default: "
                                         "the preset's, else no retry)."),
                                      u"delays"_s);
    const QCommandLineOption preset(u"preset"_s,
                                    tr("Fill scheme, auth and schedule as a vendor does: "
                                       "compass, foundries, remedy, standard-webhooks."),
                                    u"vendor"_s);
    const QCommandLineOption format(u"format"_s, tr("Body format: json (default) or form."),
                                    u"format"_s);
    const QCommandLineOption timeout(u"timeout"_s, tr("Per-attempt timeout (default 30s)."),
                                     u"duration"_s);
    const QCommandLineOption insecure(u"insecure"_s, tr("Do not verify the target's TLS "
                                                        "certificate."));
    const QCommandLineOption disableAfter(u"disable-after"_s,
                                          tr("Disable after this many failed messages in a row "
                                             "(default 0: never)."),
                                          u"n"_s, u"0"_s);
    const QCommandLineOption json(u"json"_s, tr("Print the new subscription as JSON."));
    for (const QCommandLineOption &option :
         {name, url, description, events, condition, fields, scheme, secret, auth, header, schedule,
          preset, format, timeout, insecure, disableAfter, json})
        line.addOption(option);
    if (const auto exit = line.parse(arguments))
        return *exit;
    if (!line.isSet(name) || !line.isSet(url)) {
        printError(tr("subscription add needs --name and --url."));
        return ExitUsage;
    }

    Subscription subscription;
    if (line.isSet(preset)) {
        const auto vendor = vendorPresetFromName(line.value(preset));
        if (!vendor || *vendor == VendorPreset::None) {
            printError(tr("--preset takes compass, foundries, remedy or standard-webhooks."));
            return ExitUsage;
        }
        subscription.applyPreset(*vendor);
    }
    subscription.name = line.value(name);
    subscription.url = QUrl(line.value(url), QUrl::StrictMode);
    subscription.description = line.value(description);
    if (line.isSet(events))
        subscription.eventTypes = line.value(events).split(u',', Qt::SkipEmptyParts);
    for (QString &type : subscription.eventTypes)
        type = type.trimmed();
    subscription.condition = line.value(condition);
    subscription.payloadFields = line.value(fields);
    if (line.isSet(scheme))
        subscription.schemeId = line.value(scheme);
    subscription.secret = line.value(secret).toUtf8();
    if (line.isSet(auth)) {
        const QString value = line.value(auth);
        if (value.startsWith(u"basic:") && value.count(u':') >= 2) {
            const QStringList parts = value.split(u':');
            subscription.auth = {AuthKind::Basic, parts.at(1), value.section(u':', 2).toUtf8()};
        } else if (value.startsWith(u"bearer:") && value.size() > 7) {
            subscription.auth = {AuthKind::Bearer, QString(), value.sliced(7).toUtf8()};
        } else {
            printError(tr("--auth takes basic:USER:PASS or bearer:TOKEN."));
            return ExitUsage;
        }
    }
    for (const QString &text : line.parser().values(header)) {
        const HeaderList parsed = HeaderList::fromWireFormat(text.toUtf8());
        if (parsed.fields().size() != 1 || parsed.fields().constFirst().name.contains(' ')) {
            printError(tr("--header takes 'Name: value', not '%1'.").arg(text));
            return ExitUsage;
        }
        subscription.headers.append(parsed.fields().constFirst());
    }
    if (line.isSet(schedule)) {
        const auto parsed = parseRetrySchedule(line.value(schedule));
        if (!parsed) {
            printError(tr("--retry-schedule takes delays like 100ms,1s,5m,2h."));
            return ExitUsage;
        }
        subscription.retrySchedule = *parsed;
    }
    if (line.isSet(format)) {
        const auto parsed = bodyFormatFromName(line.value(format));
        if (!parsed) {
            printError(tr("--format takes json or form."));
            return ExitUsage;
        }
        subscription.bodyFormat = *parsed;
    }
    if (line.isSet(timeout)) {
        const auto parsed = parseDuration(line.value(timeout));
        if (!parsed || *parsed <= 0ms) {
            printError(tr("--timeout takes a duration like 500ms or 10s."));
            return ExitUsage;
        }
        subscription.timeout = *parsed;
    }
    if (line.isSet(insecure))
        subscription.tls = TlsVerification::Skip;
    const auto threshold = line.integer(disableAfter, 0, 1'000'000);
    if (!threshold)
        return ExitUsage;
    subscription.disableAfterFailures = static_cast<int>(*threshold);
    if (const QStringList problems = subscription.validate(); !problems.isEmpty()) {
        printError(problems.constFirst());
        for (const QString &problem : problems.mid(1))
            printDetail(problem);
        return ExitUsage;
    }

    Database database;
    if (!openDatabase(database, line.databaseLocation()))
        return ExitFailed;
    SubscriptionStore store(database);
    if (!store.add(subscription)) {
        printError(store.errorString());
        return ExitFailed;
    }
    if (line.isSet(json))
        printRaw(QJsonDocument(subscriptionToJson(subscription, 0)).toJson());
    else
        printLine(tr("Added subscription %1 (id %2) to %3.")
                          .arg(subscription.name)
                          .arg(subscription.id)
                          .arg(subscription.url.toString()));
    return ExitOk;
}

int list(const QStringList &arguments)
{
    CommandLine line(u"subscription list"_s, tr("Lists outgoing subscriptions."));
    const QCommandLineOption json(u"json"_s, tr("Print a JSON array."));
    line.addOption(json);
    if (const auto exit = line.parse(arguments))
        return *exit;
    Database database;
    if (!openDatabase(database, line.databaseLocation()))
        return ExitFailed;
    SubscriptionStore store(database);
    OutboxStore outbox(database);
    const QList<Subscription> subscriptions = store.subscriptions();
    if (!store.errorString().isEmpty()) {
        printError(store.errorString());
        return ExitFailed;
    }
    QJsonArray array;
    for (const Subscription &subscription : subscriptions) {
        const qint64 pending = outbox.count(MessageState::Pending, subscription.id);
        if (line.isSet(json)) {
            array.append(subscriptionToJson(subscription, pending));
            continue;
        }
        QString text = u"%1  %2  %3  %4"_s.arg(subscription.id, 4)
                               .arg(subscription.name, -20)
                               .arg(subscription.isEnabled() ? tr("enabled ") : tr("disabled"))
                               .arg(subscription.url.toString());
        text += u"  "_s + tr("events: %1").arg(subscription.eventTypes.join(u',')) + u"  "_s
                + tr("pending: %1").arg(pending);
        if (subscription.isFlagged())
            text += u"  "_s + tr("FAILING: %1 in a row").arg(subscription.failureStreak);
        printLine(text);
    }
    if (line.isSet(json))
        printRaw(QJsonDocument(array).toJson(QJsonDocument::Indented));
    else if (subscriptions.isEmpty())
        printLine(tr("No subscriptions yet."));
    return ExitOk;
}

// remove, enable and disable: one subscription named on the command line.
int change(const QString &action, const QStringList &arguments)
{
    CommandLine line(u"subscription "_s + action, tr("Removes, enables or disables a "
                                                     "subscription."));
    line.addPositional(u"name"_s, tr("The subscription's name."), u"NAME"_s);
    if (const auto exit = line.parse(arguments))
        return *exit;
    if (line.positional().size() != 1) {
        printError(tr("subscription %1 takes one name.").arg(action));
        return ExitUsage;
    }
    Database database;
    if (!openDatabase(database, line.databaseLocation()))
        return ExitFailed;
    SubscriptionStore store(database);
    const auto found = store.find(line.positional().constFirst());
    if (!found) {
        printError(store.errorString());
        return ExitFailed;
    }
    const bool ok = action == u"remove"
                            ? store.remove(found->id)
                            : store.setState(found->id, action == u"enable"
                                                                ? SubscriptionState::Enabled
                                                                : SubscriptionState::Disabled);
    if (!ok) {
        printError(store.errorString());
        return ExitFailed;
    }
    return ExitOk;
}

QByteArray sniffContentType(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith('['))
        return "application/json";
    if (FormDecoder::looksLikeForm(body))
        return "application/x-www-form-urlencoded";
    return "application/octet-stream";
}

} // namespace

int runSubscription(const QStringList &arguments)
{
    const QString action = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (action == u"add")
        return add(rest);
    if (action == u"list")
        return list(rest);
    if (action == u"remove" || action == u"enable" || action == u"disable")
        return change(action, rest);
    printError(tr("subscription wants one of: add, list, remove, enable, disable."));
    return ExitUsage;
}

int runFire(const QStringList &arguments)
{
    CommandLine line(u"fire"_s, tr("Fires an event: one message per matching subscription goes "
                                   "into the outbox, printed by id. A running 'serve' sends "
                                   "them; --deliver sends them from here."));
    line.addPositional(u"event"_s, tr("The event type, e.g. build.passed."), u"EVENT"_s);
    const QCommandLineOption body(u"body"_s, tr("The payload file."), u"file"_s);
    const QCommandLineOption contentType(
            u"content-type"_s, tr("The payload's media type (default: sniffed)."), u"type"_s);
    const QCommandLineOption deliver(u"deliver"_s,
                                     tr("Send the messages now and wait until each is delivered "
                                        "or failed."));
    const QCommandLineOption wait(u"wait"_s,
                                  tr("With --deliver, give up waiting after this long (default "
                                     "60s); the rest stays pending."),
                                  u"duration"_s, u"60s"_s);
    const QCommandLineOption json(u"json"_s, tr("Print the routing decisions as JSON."));
    for (const QCommandLineOption &option : {body, contentType, deliver, wait, json})
        line.addOption(option);
    if (const auto exit = line.parse(arguments))
        return *exit;
    if (line.positional().size() != 1 || !line.isSet(body)) {
        printError(tr("fire takes an event type and --body FILE."));
        return ExitUsage;
    }
    const auto waitFor = parseDuration(line.value(wait));
    if (!waitFor) {
        printError(tr("--wait takes a duration like 30s."));
        return ExitUsage;
    }
    QFile file(line.value(body));
    if (!file.open(QIODevice::ReadOnly)) {
        printError(tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
        return ExitFailed;
    }
    const QByteArray payload = file.readAll();
    const QByteArray type = line.isSet(contentType) ? line.value(contentType).toUtf8()
                                                    : sniffContentType(payload);

    DeliveryEngineConfig config;
    config.databaseLocation = line.databaseLocation();
    DeliveryEngine engine(config);
    QSet<qint64> open;
    int exitCode = ExitOk;
    QEventLoop loop;
    QObject::connect(&engine, &DeliveryEngine::messageSettled, &loop,
                     [&](qint64 id, MessageState state) {
                         if (!open.remove(id))
                             return;
                         if (state != MessageState::Delivered)
                             exitCode = ExitFailed;
                         if (open.isEmpty())
                             loop.quit();
                     });
    RouteResult result;
    const QString event = line.positional().constFirst();
    if (line.isSet(deliver)) {
        if (!engine.start()) {
            printError(engine.errorString());
            return ExitFailed;
        }
        result = engine.fire(event, payload, type);
    } else {
        // Only into the outbox: sending from a process about to exit could cut a request off
        // mid-way and send it twice.
        Database database;
        if (!openDatabase(database, line.databaseLocation()))
            return ExitFailed;
        SubscriptionStore subscriptions(database);
        result = MessageRouter::route(subscriptions.subscriptions(), event, payload, type);
        OutboxStore outbox(database);
        if (!outbox.enqueue(result.messages)) {
            printError(outbox.errorString());
            return ExitFailed;
        }
    }
    QJsonArray decisions;
    for (const RouteDecision &decision : result.decisions) {
        qint64 messageId = 0;
        for (const OutboxMessage &message : result.messages) {
            if (message.subscriptionId == decision.subscriptionId)
                messageId = message.id;
        }
        if (messageId)
            open.insert(messageId);
        if (line.isSet(json)) {
            QJsonObject object{{u"subscription"_s, decision.subscriptionName},
                               {u"matched"_s, messageId != 0},
                               {u"reasons"_s, QJsonArray::fromStringList(decision.reasons)}};
            if (messageId)
                object.insert(u"message_id"_s, messageId);
            decisions.append(object);
        } else if (messageId) {
            printLine(u"%1  %2"_s.arg(messageId).arg(decision.subscriptionName));
        }
    }
    if (line.isSet(json))
        printRaw(QJsonDocument(decisions).toJson(QJsonDocument::Indented));
    if (line.isSet(deliver) && !open.isEmpty()) {
        QTimer::singleShot(*waitFor, &loop, [&] {
            exitCode = ExitFailed;
            printError(QCoreApplication::translate(
                    "subscription", "%n message(s) still pending; 'serve' will send them.", nullptr,
                    int(open.size())));
            loop.quit();
        });
        loop.exec();
        engine.stop();
    }
    return exitCode;
}

} // namespace hookbench::cli
