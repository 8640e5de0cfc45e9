#include "cli_support.h"
#include "commands.h"
#include "delivery_json.h"
#include "store/database.h"
#include "store/delivery_store.h"
#include "store/endpoint_store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace hookbench::cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("list", text);
}
} // namespace

int runList(const QStringList &arguments)
{
    CommandLine line(u"list"_s, tr("Lists captured deliveries, newest first."));
    const QCommandLineOption endpoint(
            u"endpoint"_s, tr("Only this endpoint (name or path), or 'inbox'."), u"name"_s);
    const QCommandLineOption state(
            u"state"_s, tr("Only deliveries in this state (stored, rejected)."), u"state"_s);
    const QCommandLineOption verification(
            u"verification"_s,
            tr("Only deliveries whose signature check was valid, invalid, not-configured, or "
               "unchecked."),
            u"result"_s);
    const QCommandLineOption limit(u"limit"_s, tr("At most this many rows (default 50)."), u"n"_s,
                                   u"50"_s);
    const QCommandLineOption json(u"json"_s, tr("Print a JSON array."));
    const QCommandLineOption direction(
            u"direction"_s, tr("Only requests received (in) or attempts sent (out)."), u"in|out"_s);
    for (const QCommandLineOption &option : {endpoint, state, verification, limit, json, direction})
        line.addOption(option);
    if (const auto exit = line.parse(arguments))
        return *exit;
    const auto rowLimit = line.integer(limit, 1, 10'000'000);
    if (!rowLimit)
        return ExitUsage;
    DeliveryFilter filter;
    if (line.isSet(state)) {
        filter.state = deliveryStateFromName(line.value(state));
        if (!filter.state) {
            printError(tr("--state takes stored or rejected, not '%1'.").arg(line.value(state)));
            return ExitUsage;
        }
    }

    if (line.isSet(verification)) {
        const QString result = line.value(verification);
        if (result != u"valid" && result != u"invalid" && result != u"not-configured"
            && result != u"unchecked") {
            printError(tr("--verification takes valid, invalid, not-configured or unchecked."));
            return ExitUsage;
        }
        filter.verification = result;
    }

    if (line.isSet(direction)) {
        filter.direction = deliveryDirectionFromName(line.value(direction));
        if (!filter.direction) {
            printError(tr("--direction takes in or out."));
            return ExitUsage;
        }
    }

    Database database;
    if (!openDatabase(database, line.databaseLocation()))
        return ExitFailed;
    if (line.isSet(endpoint)) {
        if (line.value(endpoint) == u"inbox") {
            filter.scope = DeliveryFilter::Scope::Inbox;
        } else {
            EndpointStore endpoints(database);
            const auto found = endpoints.find(line.value(endpoint));
            if (!found) {
                printError(endpoints.errorString());
                return ExitFailed;
            }
            filter.scope = DeliveryFilter::Scope::Endpoint;
            filter.endpointId = found->id;
        }
    }

    DeliveryStore store(database);
    // Keyset pages keep memory flat however large --limit is.
    constexpr int pageSize = 1000;
    qint64 remaining = *rowLimit;
    qint64 beforeId = 0;
    QJsonArray array;
    const bool asJson = line.isSet(json);
    bool any = false;
    while (remaining > 0) {
        const QList<DeliverySummary> rows
                = store.page(filter, beforeId, static_cast<int>(qMin<qint64>(remaining, pageSize)));
        if (rows.isEmpty()) {
            if (!store.errorString().isEmpty()) {
                printError(store.errorString());
                return ExitFailed;
            }
            break;
        }
        for (const DeliverySummary &row : rows) {
            any = true;
            if (asJson) {
                array.append(summaryToJson(row));
                continue;
            }
            const QString endpointName = row.endpointId ? row.endpointName : tr("inbox");
            QString text = u"%1  %2  %3 %4  %5  %6  %7"_s.arg(row.id, 6)
                                   .arg(isoTimestamp(row.receivedAtMs))
                                   .arg(QString::fromLatin1(row.method), -7)
                                   .arg(QString::fromUtf8(row.target), -40)
                                   .arg(row.responseStatus, 3)
                                   .arg(QLocale::c().formattedDataSize(row.bodySize), 9)
                                   .arg(endpointName);
            if (!row.verificationOutcome.isEmpty())
                text += u"  "_s + tr("signature: %1").arg(row.verificationOutcome);
            if (row.state == DeliveryState::Rejected)
                text += u"  "_s + tr("REJECTED: %1").arg(row.rejectReason);
            if (row.direction == DeliveryDirection::Outgoing) {
                text = u"%1  %2  OUT  %3  attempt %4  %5  %6"_s.arg(row.id, 6)
                               .arg(isoTimestamp(row.receivedAtMs))
                               .arg(row.outgoing.url)
                               .arg(row.outgoing.attempt)
                               .arg(row.subscriptionName)
                               .arg(row.messageState ? messageStateName(*row.messageState)
                                                     : QString());
                if (!row.outgoing.error.isEmpty())
                    text += u"  "_s + row.outgoing.error;
            }
            printLine(text);
        }
        beforeId = rows.constLast().id;
        remaining -= rows.size();
    }
    if (asJson)
        printRaw(QJsonDocument(array).toJson(QJsonDocument::Indented));
    else if (!any)
        printLine(tr("No deliveries yet."));
    return ExitOk;
}

} // namespace hookbench::cli
