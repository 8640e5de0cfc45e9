#include "stripe_profile.h"

#include "payload/payload_analysis.h"

namespace hookbench {

QString StripeProfile::id() const
{
    return QStringLiteral("stripe");
}

QString StripeProfile::displayName() const
{
    return tr("Stripe");
}

int StripeProfile::detect(const PayloadAnalysis &payload) const
{
    if (payload.headers.contains("Stripe-Signature"))
        return HeaderMatch;
    const JsonTree &tree = payload.json;
    const bool eventShape
            = tree.scalarAt(tree.root(), {"object"}) == QStringLiteral("event")
              && tree.scalarAt(tree.root(), {"id"}).value_or(QString()).startsWith(u"evt_");
    return eventShape ? ShapeMatch : NotDetected;
}

VendorSummary StripeProfile::summarize(const PayloadAnalysis &payload) const
{
    VendorSummary summary = startSummary();
    const JsonTree &tree = payload.json;
    const JsonTree::NodeId root = tree.root();
    summary.event = tree.scalarAt(root, {"type"}).value_or(QString());
    summary.addFact(QStringLiteral("event_id"), tr("Event id"), tree.scalarAt(root, {"id"}));
    summary.addFact(QStringLiteral("type"), tr("Type"), tree.scalarAt(root, {"type"}));
    summary.addFact(QStringLiteral("object_id"), tr("Object id"),
                    tree.scalarAt(root, {"data", "object", "id"}));
    summary.addFact(QStringLiteral("object_type"), tr("Object type"),
                    tree.scalarAt(root, {"data", "object", "object"}));
    summary.addFact(QStringLiteral("account"), tr("Connected account"),
                    tree.scalarAt(root, {"account"}));
    summary.addFact(QStringLiteral("api_version"), tr("API version"),
                    tree.scalarAt(root, {"api_version"}));
    summary.addFact(QStringLiteral("livemode"), tr("Live mode"), tree.scalarAt(root, {"livemode"}));
    summary.addFact(QStringLiteral("created"), tr("Created"), tree.scalarAt(root, {"created"}));
    summary.addFact(QStringLiteral("request_id"), tr("Request id"),
                    tree.scalarAt(root, {"request", "id"}));
    return summary;
}

} // namespace hookbench
