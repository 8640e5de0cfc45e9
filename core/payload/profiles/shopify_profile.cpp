#include "shopify_profile.h"

#include "payload/payload_analysis.h"

namespace hookbench {

QString ShopifyProfile::id() const
{
    return QStringLiteral("shopify");
}

QString ShopifyProfile::displayName() const
{
    return tr("Shopify");
}

int ShopifyProfile::detect(const PayloadAnalysis &payload) const
{
    return payload.headers.contains("X-Shopify-Topic")
                           || payload.headers.contains("X-Shopify-Hmac-Sha256")
                   ? HeaderMatch
                   : NotDetected;
}

VendorSummary ShopifyProfile::summarize(const PayloadAnalysis &payload) const
{
    VendorSummary summary = startSummary();
    const JsonTree &tree = payload.json;
    const JsonTree::NodeId root = tree.root();
    const std::optional<QString> topic = header(payload, "X-Shopify-Topic");
    summary.event = topic.value_or(QString());
    summary.addFact(QStringLiteral("topic"), tr("Topic"), topic);
    summary.addFact(QStringLiteral("shop"), tr("Shop"), header(payload, "X-Shopify-Shop-Domain"));
    summary.addFact(QStringLiteral("webhook_id"), tr("Webhook id"),
                    header(payload, "X-Shopify-Webhook-Id"));
    summary.addFact(QStringLiteral("event_id"), tr("Event id"),
                    header(payload, "X-Shopify-Event-Id"));
    summary.addFact(QStringLiteral("api_version"), tr("API version"),
                    header(payload, "X-Shopify-API-Version"));
    summary.addFact(QStringLiteral("triggered_at"), tr("Triggered at"),
                    header(payload, "X-Shopify-Triggered-At"));
    summary.addFact(QStringLiteral("resource_id"), tr("Resource id"), tree.scalarAt(root, {"id"}));
    summary.addFact(QStringLiteral("admin_graphql_api_id"), tr("GraphQL id"),
                    tree.scalarAt(root, {"admin_graphql_api_id"}));
    summary.addFact(QStringLiteral("name"), tr("Name"), tree.scalarAt(root, {"name"}));
    return summary;
}

} // namespace hookbench
