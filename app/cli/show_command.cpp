#include "cli_support.h"
#include "commands.h"
#include "delivery_json.h"
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
    if (line.isSet(json) && line.isSet(raw)) {
        printError(tr("Use --json or --raw, not both."));
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
    const QList<qint64> earlier = store.earlierWithSenderId(delivery->senderDeliveryId, id);
    if (line.isSet(json)) {
        QJsonObject object = deliveryToJson(*delivery);
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
