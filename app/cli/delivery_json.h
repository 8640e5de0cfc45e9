#pragma once

#include "payload/payload_analysis.h"
#include "store/delivery.h"
#include "store/endpoint.h"

#include <QJsonObject>

// The documented --json shapes of hookbench-cli (see README "CLI reference"). Field names are
// a contract: add fields, never rename or remove them.
namespace hookbench::cli {

QString isoTimestamp(qint64 msecsSinceEpoch);
QJsonObject summaryToJson(const DeliverySummary &summary);
QJsonObject deliveryToJson(const Delivery &delivery);
QJsonObject endpointToJson(const Endpoint &endpoint);
QJsonValue verificationToJson(const DeliveryVerification &verification);
// vendor, event, content {type, encoding, valid, error}, parts and summary.
void addAnalysisToJson(QJsonObject &object, const PayloadAnalysis &analysis);

} // namespace hookbench::cli
