#include "delivery_json.h"

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace hookbench::cli {

namespace {
QJsonValue endpointValue(const std::optional<qint64> &endpointId, const QString &name)
{
    if (!endpointId)
        return QJsonValue::Null; // the default inbox
    return name;
}

QJsonArray headersToJson(const HeaderList &headers)
{
    QJsonArray array;
    for (const HeaderField &field : headers)
        array.append(QJsonArray{QString::fromUtf8(field.name), QString::fromUtf8(field.value)});
    return array;
}
} // namespace

QJsonValue verificationToJson(const DeliveryVerification &verification)
{
    if (!verification.isChecked())
        return QJsonValue::Null; // the endpoint checks nothing
    return QJsonObject{{u"outcome"_s, verification.outcome},
                       {u"reason"_s, verification.reason},
                       {u"scheme"_s, verification.schemeId},
                       {u"explanation"_s, verification.explanation}};
}

void addAnalysisToJson(QJsonObject &object, const PayloadAnalysis &analysis)
{
    const auto orNull = [](const QString &text) {
        return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
    };
    object.insert(u"vendor"_s, orNull(analysis.vendor));
    object.insert(u"event"_s, orNull(analysis.event));
    QStringList encodings;
    for (const QByteArray &encoding : analysis.encodings)
        encodings.append(QString::fromLatin1(encoding));
    object.insert(u"content"_s, QJsonObject{{u"type"_s, analysis.kindName()},
                                            {u"encoding"_s, orNull(encodings.join(u", "_s))},
                                            {u"valid"_s, analysis.valid},
                                            {u"error"_s, orNull(analysis.error)}});
    if (!analysis.parts.isEmpty()) {
        QJsonArray parts;
        for (const MultipartPart &part : analysis.parts) {
            parts.append(
                    QJsonObject{{u"name"_s, QString::fromUtf8(part.name)},
                                {u"filename"_s, part.hasFilename ? QJsonValue(part.filename)
                                                                 : QJsonValue(QJsonValue::Null)},
                                {u"content_type"_s, QString::fromLatin1(part.contentType)},
                                {u"size"_s, part.size()}});
        }
        object.insert(u"parts"_s, parts);
    }
    if (!analysis.summary.isEmpty()) {
        QJsonObject facts;
        for (const SummaryFact &fact : analysis.summary.facts)
            facts.insert(fact.key, fact.value);
        QJsonObject tables;
        for (const SummaryTable &table : analysis.summary.tables) {
            QJsonArray rows;
            for (const QStringList &row : table.rows)
                rows.append(QJsonArray::fromStringList(row));
            tables.insert(table.key,
                          QJsonObject{{u"columns"_s, QJsonArray::fromStringList(table.columns)},
                                      {u"rows"_s, rows}});
        }
        object.insert(u"summary"_s,
                      QJsonObject{{u"facts"_s, facts},
                                  {u"tables"_s, tables},
                                  {u"problems"_s,
                                   QJsonArray::fromStringList(analysis.summary.problems)}});
    }
}

QString isoTimestamp(qint64 msecsSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject summaryToJson(const DeliverySummary &summary)
{
    QJsonObject object{
            {u"id"_s, summary.id},
            {u"received_at"_s, isoTimestamp(summary.receivedAtMs)},
            {u"method"_s, QString::fromLatin1(summary.method)},
            {u"path"_s, QString::fromUtf8(summary.path())},
            {u"query"_s, QString::fromUtf8(summary.query())},
            {u"endpoint"_s, endpointValue(summary.endpointId, summary.endpointName)},
            {u"status"_s, summary.responseStatus},
            {u"size"_s, summary.bodySize},
            {u"content_type"_s, QString::fromLatin1(summary.contentType)},
            {u"state"_s, deliveryStateName(summary.state)},
            {u"verification"_s, summary.verificationOutcome.isEmpty()
                                        ? QJsonValue(QJsonValue::Null)
                                        : QJsonValue(summary.verificationOutcome)},
    };
    if (summary.state == DeliveryState::Rejected)
        object.insert(u"reject_reason"_s, summary.rejectReason);
    object.insert(u"direction"_s, deliveryDirectionName(summary.direction));
    if (summary.direction == DeliveryDirection::Outgoing) {
        // An attempt's state is its message's: pending, delivered or failed.
        object.insert(u"state"_s,
                      summary.messageState ? messageStateName(*summary.messageState) : QString());
        object.insert(u"message_id"_s, summary.outgoing.messageId);
        object.insert(u"attempt"_s, summary.outgoing.attempt);
        object.insert(u"subscription"_s, summary.subscriptionName);
        object.insert(u"url"_s, summary.outgoing.url);
        object.insert(u"duration_us"_s, summary.outgoing.durationUs);
        object.insert(u"error"_s, summary.outgoing.error.isEmpty()
                                          ? QJsonValue(QJsonValue::Null)
                                          : QJsonValue(summary.outgoing.error));
    }
    return object;
}

QJsonObject deliveryToJson(const Delivery &delivery)
{
    QJsonObject object{
            {u"id"_s, delivery.id},
            {u"received_at"_s, isoTimestamp(delivery.receivedAtMs)},
            {u"method"_s, QString::fromLatin1(delivery.method)},
            {u"path"_s, QString::fromUtf8(delivery.path())},
            {u"query"_s, QString::fromUtf8(delivery.query())},
            {u"target"_s, QString::fromUtf8(delivery.target)},
            {u"http_version"_s, QString::fromLatin1(delivery.httpVersion)},
            {u"remote_address"_s, delivery.remoteAddress},
            {u"endpoint"_s, endpointValue(delivery.endpointId, delivery.endpointName)},
            {u"status"_s, delivery.response.status},
            {u"size"_s, delivery.bodySize},
            {u"content_type"_s, QString::fromLatin1(delivery.contentType)},
            {u"state"_s, deliveryStateName(delivery.state)},
            {u"headers"_s, headersToJson(delivery.headers)},
            {u"body_base64"_s, QString::fromLatin1(delivery.body.toBase64())},
            {u"processing_us"_s, delivery.processingUs},
            {u"verification"_s, verificationToJson(delivery.verification)},
            {u"sender_delivery_id"_s,
             delivery.senderDeliveryId.isEmpty()
                     ? QJsonValue(QJsonValue::Null)
                     : QJsonValue(QString::fromUtf8(delivery.senderDeliveryId))},
            {u"response"_s,
             QJsonObject{
                     {u"status"_s, delivery.response.status},
                     {u"headers"_s, headersToJson(delivery.response.headers)},
                     {u"body_base64"_s, QString::fromLatin1(delivery.response.body.toBase64())},
             }},
    };
    if (delivery.state == DeliveryState::Rejected)
        object.insert(u"reject_reason"_s, delivery.rejectReason);
    return object;
}

QJsonObject endpointToJson(const Endpoint &endpoint)
{
    QJsonValue verification = QJsonValue::Null;
    if (endpoint.verification.isConfigured()) {
        QJsonObject config;
        for (auto it = endpoint.verification.config.cbegin();
             it != endpoint.verification.config.cend(); ++it)
            config.insert(it.key(), it.value());
        // Never the secret itself: only whether one is set.
        verification = QJsonObject{{u"scheme"_s, endpoint.verification.schemeId},
                                   {u"config"_s, config},
                                   {u"tolerance_s"_s, endpoint.verification.toleranceSeconds},
                                   {u"reject_invalid"_s, endpoint.verification.rejectInvalid},
                                   {u"secret_set"_s, !endpoint.verification.secret.isEmpty()}};
    }
    return QJsonObject{
            {u"verification"_s, verification},
            {u"id"_s, endpoint.id},
            {u"name"_s, endpoint.name},
            {u"path"_s, endpoint.path},
            {u"created_at"_s, isoTimestamp(endpoint.createdAtMs)},
            {u"response"_s,
             QJsonObject{
                     {u"status"_s, endpoint.response.status},
                     {u"headers"_s, headersToJson(endpoint.response.headers)},
                     {u"body"_s, QString::fromUtf8(endpoint.response.body)},
                     {u"delay_ms"_s, endpoint.response.delayMs},
             }},
    };
}

} // namespace hookbench::cli
