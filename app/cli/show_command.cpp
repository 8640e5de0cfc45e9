#include "cli_support.h"
#include "commands.h"
#include "delivery_json.h"
#include "http/curl_command.h"
#include "payload/payload_analyzer.h"
#include "store/database.h"
#include "store/delivery_store.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace hookbench::cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("show", text);
}

bool looksLikeText(const QByteArray &bytes)
{
    for (const char byte : bytes) {
        const auto value = static_cast<unsigned char>(byte);
        if (value < 0x20 && byte != '\n' && byte != '\r' && byte != '\t')
            return false;
    }
    return true;
}
} // namespace

int runShow(const QStringList &arguments)
{
    CommandLine line(u"show"_s, tr("Shows one delivery."));
    line.addPositional(u"id"_s, tr("The delivery's id (see 'list')."), u"ID"_s);
    const QCommandLineOption json(u"json"_s, tr("Print everything as JSON."));
    const QCommandLineOption part(
            u"part"_s, tr("Write the bytes of one multipart part (by name), nothing else."),
            u"name"_s);
    const QCommandLineOption curl(u"curl"_s,
                                  tr("Print a curl command that sends the same request again."));
    const QCommandLineOption base(u"base-url"_s,
                                  tr("With --curl: send to this server instead of the Host the "
                                     "request named, e.g. http://127.0.0.1:8090."),
                                  u"url"_s);
    line.addOption(part);
    line.addOption(curl);
    line.addOption(base);
    const QCommandLineOption raw(u"raw"_s,
                                 tr("Write the body bytes exactly as received, nothing else."));
    line.addOption(json);
    line.addOption(raw);
    if (const auto exit = line.parse(arguments))
        return *exit;
    if (line.positional().size() != 1) {
        printError(tr("show takes one delivery id."));
        return ExitUsage;
    }
    if (int(line.isSet(json)) + int(line.isSet(raw)) + int(line.isSet(part)) + int(line.isSet(curl))
        > 1) {
        printError(tr("Use one of --json, --raw, --part and --curl."));
        return ExitUsage;
    }
    bool ok = false;
    const qint64 id = line.positional().constFirst().toLongLong(&ok);
    if (!ok || id <= 0) {
        printError(tr("'%1' is not a delivery id.").arg(line.positional().constFirst()));
        return ExitUsage;
    }

    Database database;
    if (!openDatabase(database, line.databaseLocation()))
        return ExitFailed;
    DeliveryStore store(database);
    const auto delivery = store.delivery(id);
    if (!delivery) {
        printError(store.errorString());
        return ExitFailed;
    }
    if (line.isSet(raw)) {
        printRaw(delivery->body);
        return ExitOk;
    }
    if (line.isSet(curl)) {
        QByteArray origin = line.value(base).toUtf8();
        if (origin.isEmpty())
            origin = "http://" + delivery->headers.value("host").value_or("127.0.0.1:8090");
        while (origin.endsWith('/'))
            origin.chop(1);
        printLine(curlCommand(
                {delivery->method, origin + delivery->target, delivery->headers, delivery->body}));
        return ExitOk;
    }
    const PayloadAnalysis analysis
            = analyzePayload(delivery->headers, delivery->body, delivery->target);
    if (line.isSet(part)) {
        const MultipartPart *found = analysis.part(line.value(part).toUtf8());
        if (!found) {
            QStringList names;
            for (const MultipartPart &each : analysis.parts)
                names.append(QString::fromUtf8(each.name));
            printError(names.isEmpty() ? tr("Delivery %1 has no multipart parts.").arg(id)
                                       : tr("Delivery %1 has no part named '%2'; its parts: %3.")
                                                 .arg(QString::number(id), line.value(part),
                                                      names.join(u", "_s)));
            return ExitFailed;
        }
        printRaw(found->body);
        return ExitOk;
    }
    const QList<qint64> earlier = store.earlierWithSenderId(delivery->senderDeliveryId, id);
    if (line.isSet(json)) {
        QJsonObject object = deliveryToJson(*delivery);
        addAnalysisToJson(object, analysis);
        QJsonArray earlierIds;
        for (const qint64 earlierId : earlier)
            earlierIds.append(earlierId);
        object.insert(u"same_sender_id_as"_s, earlierIds);
        printRaw(QJsonDocument(object).toJson(QJsonDocument::Indented));
        return ExitOk;
    }

    QByteArray out;
    out += "# "
           + tr("Delivery %1, received %2 from %3")
                     .arg(delivery->id)
                     .arg(isoTimestamp(delivery->receivedAtMs), delivery->remoteAddress)
                     .toUtf8()
           + '\n';
    if (delivery->state == DeliveryState::Rejected)
        out += "# " + tr("Rejected: %1").arg(delivery->rejectReason).toUtf8() + '\n';
    if (!analysis.vendor.isEmpty()) {
        out += "# " + tr("Vendor: %1, event: %2").arg(analysis.vendor, analysis.event).toUtf8()
               + '\n';
    }
    if (!analysis.valid)
        out += "# " + tr("Content: %1").arg(analysis.error).toUtf8() + '\n';
    if (delivery->verification.isChecked())
        out += "# " + tr("Signature: %1").arg(delivery->verification.explanation).toUtf8() + '\n';
    if (!earlier.isEmpty()) {
        QStringList ids;
        for (const qint64 earlierId : earlier)
            ids.append(QString::number(earlierId));
        out += "# "
               + tr("Warning: deliveries %1 carried the same sender id %2: a retry, or a "
                    "replayed request.")
                         .arg(ids.join(u", "_s), QString::fromUtf8(delivery->senderDeliveryId))
                         .toUtf8()
               + '\n';
    }
    out += delivery->method + ' ' + delivery->target + ' ' + delivery->httpVersion + '\n';
    out += delivery->headers.toWireFormat().replace("\r\n", "\n");
    out += '\n';
    if (looksLikeText(delivery->body))
        out += delivery->body;
    else
        out += tr("[%1 bytes of binary data: use --raw]").arg(delivery->bodySize).toUtf8();
    if (!out.endsWith('\n'))
        out += '\n';
    out += "\n# " + tr("Response: %1").arg(delivery->response.status).toUtf8() + '\n';
    printRaw(out);
    return ExitOk;
}

} // namespace hookbench::cli
