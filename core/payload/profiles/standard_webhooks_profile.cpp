#include "standard_webhooks_profile.h"

#include "payload/payload_analysis.h"

#include <QDateTime>

namespace hookbench {

QString StandardWebhooksProfile::id() const
{
    return QStringLiteral("standard-webhooks");
}

QString StandardWebhooksProfile::displayName() const
{
    return tr("Standard Webhooks");
}

int StandardWebhooksProfile::detect(const PayloadAnalysis &payload) const
{
    // Vendors that adopted the spec keep their own headers too; those profiles outrank this one.
    const bool headers = payload.headers.contains("webhook-id")
                         && payload.headers.contains("webhook-timestamp")
                         && payload.headers.contains("webhook-signature");
    return headers ? GenericHeaderMatch : NotDetected;
}

VendorSummary StandardWebhooksProfile::summarize(const PayloadAnalysis &payload) const
{
    VendorSummary summary = startSummary();
    const JsonTree &tree = payload.json;
    const JsonTree::NodeId root = tree.root();
    summary.event = tree.scalarAt(root, {"type"}).value_or(QString());
    summary.addFact(QStringLiteral("webhook_id"), tr("Message id"), header(payload, "webhook-id"));
    const std::optional<QString> timestamp = header(payload, "webhook-timestamp");
    summary.addFact(QStringLiteral("webhook_timestamp"), tr("Timestamp"), timestamp);
    bool ok = false;
    const qint64 seconds = timestamp.value_or(QString()).toLongLong(&ok);
    if (ok) {
        summary.addFact(QStringLiteral("webhook_time"), tr("Time"),
                        QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate));
    }
    // "v1,<base64> v1a,<base64>": the versions present tell which keys can verify it.
    QStringList versions;
    for (const QString &signature :
         header(payload, "webhook-signature").value_or(QString()).split(u' ', Qt::SkipEmptyParts))
        versions.append(signature.section(u',', 0, 0));
    versions.removeDuplicates();
    summary.addFact(QStringLiteral("signature_versions"), tr("Signature versions"),
                    versions.join(u", "));
    summary.addFact(QStringLiteral("type"), tr("Type"), tree.scalarAt(root, {"type"}));
    summary.addFact(QStringLiteral("timestamp"), tr("Payload timestamp"),
                    tree.scalarAt(root, {"timestamp"}));
    summary.addFact(QStringLiteral("data_id"), tr("Data id"), tree.scalarAt(root, {"data", "id"}));
    return summary;
}

} // namespace hookbench
