#include "github_profile.h"

#include "payload/payload_analysis.h"

namespace hookbench {

QString GitHubProfile::id() const
{
    return QStringLiteral("github");
}

QString GitHubProfile::displayName() const
{
    return tr("GitHub");
}

int GitHubProfile::detect(const PayloadAnalysis &payload) const
{
    return payload.headers.contains("X-GitHub-Event") ? HeaderMatch : NotDetected;
}

VendorSummary GitHubProfile::summarize(const PayloadAnalysis &payload) const
{
    VendorSummary summary = startSummary();
    // Form-encoded deliveries carry the same JSON in the "payload" field.
    const JsonTree tree = payloadJson(payload);
    const JsonTree::NodeId root = tree.root();
    const std::optional<QString> event = header(payload, "X-GitHub-Event");
    const std::optional<QString> action = tree.scalarAt(root, {"action"});
    summary.event = event.value_or(QString());
    if (action)
        summary.event += u'.' + *action;

    summary.addFact(QStringLiteral("event"), tr("Event"), event);
    summary.addFact(QStringLiteral("action"), tr("Action"), action);
    summary.addFact(QStringLiteral("delivery"), tr("Delivery"),
                    header(payload, "X-GitHub-Delivery"));
    summary.addFact(QStringLiteral("hook_id"), tr("Hook id"), header(payload, "X-GitHub-Hook-ID"));
    summary.addFact(QStringLiteral("target_type"), tr("Installation target type"),
                    header(payload, "X-GitHub-Hook-Installation-Target-Type"));
    summary.addFact(QStringLiteral("repository"), tr("Repository"),
                    tree.scalarAt(root, {"repository", "full_name"}));
    summary.addFact(QStringLiteral("organization"), tr("Organization"),
                    tree.scalarAt(root, {"organization", "login"}));
    summary.addFact(QStringLiteral("sender"), tr("Sender"),
                    tree.scalarAt(root, {"sender", "login"}));
    summary.addFact(QStringLiteral("installation_id"), tr("Installation id"),
                    tree.scalarAt(root, {"installation", "id"}));
    summary.addFact(QStringLiteral("ref"), tr("Ref"), tree.scalarAt(root, {"ref"}));
    summary.addFact(QStringLiteral("after"), tr("Head commit"), tree.scalarAt(root, {"after"}));
    for (QByteArrayView subject : {QByteArrayView("pull_request"), QByteArrayView("issue")}) {
        summary.addFact(QStringLiteral("number"), tr("Number"),
                        tree.scalarAt(root, {subject, "number"}));
        summary.addFact(QStringLiteral("title"), tr("Title"),
                        tree.scalarAt(root, {subject, "title"}));
    }
    return summary;
}

} // namespace hookbench
