#include "twilio_profile.h"

#include "payload/payload_analysis.h"

namespace hookbench {

QString TwilioProfile::id() const
{
    return QStringLiteral("twilio");
}

QString TwilioProfile::displayName() const
{
    return tr("Twilio");
}

int TwilioProfile::detect(const PayloadAnalysis &payload) const
{
    if (payload.headers.contains("X-Twilio-Signature"))
        return HeaderMatch;
    const bool account = payload.formValue(u"AccountSid").value_or(QString()).startsWith(u"AC");
    const bool resource = payload.formValue(u"MessageSid") || payload.formValue(u"CallSid")
                          || payload.formValue(u"SmsSid");
    return account && resource ? ShapeMatch : NotDetected;
}

VendorSummary TwilioProfile::summarize(const PayloadAnalysis &payload) const
{
    VendorSummary summary = startSummary();
    if (!payload.json.isEmpty()) {
        // Event Streams deliver an array of CloudEvents.
        const JsonTree &tree = payload.json;
        JsonTree::NodeId event = tree.root();
        if (tree.type(event) == JsonNodeType::Array)
            event = tree.child(event, 0);
        summary.event = tree.scalarAt(event, {"type"}).value_or(QString());
        summary.addFact(QStringLiteral("type"), tr("Type"), tree.scalarAt(event, {"type"}));
        summary.addFact(QStringLiteral("event_id"), tr("Event id"), tree.scalarAt(event, {"id"}));
        summary.addFact(QStringLiteral("source"), tr("Source"), tree.scalarAt(event, {"source"}));
        summary.addFact(QStringLiteral("time"), tr("Time"), tree.scalarAt(event, {"time"}));
        summary.addFact(QStringLiteral("event_count"), tr("Events"),
                        tree.type(tree.root()) == JsonNodeType::Array ? std::optional<QString>(
                                QString::number(tree.childCount(tree.root())))
                                                                      : std::nullopt);
        return summary;
    }
    const std::optional<QString> messageSid = payload.formValue(u"MessageSid");
    const std::optional<QString> callSid = payload.formValue(u"CallSid");
    std::optional<QString> messageStatus = payload.formValue(u"MessageStatus");
    if (!messageStatus)
        messageStatus = payload.formValue(u"SmsStatus");
    const std::optional<QString> callStatus = payload.formValue(u"CallStatus");
    if (callSid)
        summary.event = QStringLiteral("call.") + callStatus.value_or(QStringLiteral("unknown"));
    else if (messageSid || payload.formValue(u"SmsSid"))
        summary.event
                = QStringLiteral("message.") + messageStatus.value_or(QStringLiteral("unknown"));

    summary.addFact(QStringLiteral("account_sid"), tr("Account"), payload.formValue(u"AccountSid"));
    summary.addFact(QStringLiteral("message_sid"), tr("Message"), messageSid);
    summary.addFact(QStringLiteral("call_sid"), tr("Call"), callSid);
    summary.addFact(QStringLiteral("status"), tr("Status"), callSid ? callStatus : messageStatus);
    summary.addFact(QStringLiteral("from"), tr("From"), payload.formValue(u"From"));
    summary.addFact(QStringLiteral("to"), tr("To"), payload.formValue(u"To"));
    summary.addFact(QStringLiteral("error_code"), tr("Error code"),
                    payload.formValue(u"ErrorCode"));
    return summary;
}

} // namespace hookbench
