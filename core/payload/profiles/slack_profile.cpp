#include "slack_profile.h"

#include "payload/payload_analysis.h"

namespace hookbench {

QString SlackProfile::id() const
{
    return QStringLiteral("slack");
}

QString SlackProfile::displayName() const
{
    return tr("Slack");
}

int SlackProfile::detect(const PayloadAnalysis &payload) const
{
    if (payload.headers.contains("X-Slack-Signature")
        || payload.headers.contains("X-Slack-Request-Timestamp"))
        return HeaderMatch;
    const JsonTree &tree = payload.json;
    const std::optional<QString> type = tree.scalarAt(tree.root(), {"type"});
    const bool eventsApi
            = (type == QStringLiteral("event_callback") && tree.scalarAt(tree.root(), {"team_id"}))
              || (type == QStringLiteral("url_verification")
                  && tree.scalarAt(tree.root(), {"challenge"}));
    return eventsApi ? ShapeMatch : NotDetected;
}

VendorSummary SlackProfile::summarize(const PayloadAnalysis &payload) const
{
    VendorSummary summary = startSummary();
    if (const auto command = payload.formValue(u"command")) {
        // Slash commands are forms: command=/deploy&text=...&team_id=...
        summary.event = *command;
        summary.addFact(QStringLiteral("command"), tr("Command"), command);
        summary.addFact(QStringLiteral("text"), tr("Text"), payload.formValue(u"text"));
        summary.addFact(QStringLiteral("team_id"), tr("Team"), payload.formValue(u"team_id"));
        summary.addFact(QStringLiteral("channel_id"), tr("Channel"),
                        payload.formValue(u"channel_id"));
        summary.addFact(QStringLiteral("user_id"), tr("User"), payload.formValue(u"user_id"));
        summary.addFact(QStringLiteral("trigger_id"), tr("Trigger id"),
                        payload.formValue(u"trigger_id"));
        return summary;
    }
    // Events API bodies are JSON; interactive payloads are a form with a JSON "payload" field.
    const JsonTree tree = payloadJson(payload);
    const JsonTree::NodeId root = tree.root();
    const std::optional<QString> type = tree.scalarAt(root, {"type"});
    const std::optional<QString> innerType = tree.scalarAt(root, {"event", "type"});
    summary.event = type == QStringLiteral("event_callback") && innerType
                            ? *innerType
                            : type.value_or(QString());
    summary.addFact(QStringLiteral("type"), tr("Type"), type);
    summary.addFact(QStringLiteral("event_type"), tr("Event type"), innerType);
    summary.addFact(QStringLiteral("event_id"), tr("Event id"), tree.scalarAt(root, {"event_id"}));
    summary.addFact(QStringLiteral("event_time"), tr("Event time"),
                    tree.scalarAt(root, {"event_time"}));
    std::optional<QString> team = tree.scalarAt(root, {"team_id"});
    if (!team)
        team = tree.scalarAt(root, {"team", "id"});
    summary.addFact(QStringLiteral("team_id"), tr("Team"), team);
    summary.addFact(QStringLiteral("api_app_id"), tr("App"), tree.scalarAt(root, {"api_app_id"}));
    std::optional<QString> user = tree.scalarAt(root, {"event", "user"});
    if (!user)
        user = tree.scalarAt(root, {"user", "id"});
    summary.addFact(QStringLiteral("user"), tr("User"), user);
    std::optional<QString> channel = tree.scalarAt(root, {"event", "channel"});
    if (!channel)
        channel = tree.scalarAt(root, {"channel", "id"});
    summary.addFact(QStringLiteral("channel"), tr("Channel"), channel);
    summary.addFact(QStringLiteral("trigger_id"), tr("Trigger id"),
                    tree.scalarAt(root, {"trigger_id"}));
    summary.addFact(QStringLiteral("request_timestamp"), tr("Request timestamp"),
                    header(payload, "X-Slack-Request-Timestamp"));
    return summary;
}

} // namespace hookbench
