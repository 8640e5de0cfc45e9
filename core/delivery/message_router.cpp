#include "message_router.h"

#include "condition_evaluator.h"
#include "form_payload_values.h"
#include "json_payload_values.h"
#include "payload/form_decoder.h"
#include "payload_fields.h"

#include <QUrlQuery>
#include <memory>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {

enum class PayloadKind { Json, Form, Other };

PayloadKind kindOf(const QByteArray &contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArray type
            = (semicolon < 0 ? contentType : contentType.first(semicolon)).trimmed().toLower();
    if (type == "application/json" || type.endsWith("+json"))
        return PayloadKind::Json;
    if (type == "application/x-www-form-urlencoded")
        return PayloadKind::Form;
    return PayloadKind::Other;
}

QString formName(const FieldPath &path)
{
    QStringList keys;
    for (const FieldPath::Segment &segment : path.segments())
        keys << (segment.kind == FieldPath::Segment::Kind::Key ? segment.key
                                                               : QString::number(segment.index));
    return keys.join(u'.');
}

QByteArray encodeForm(const QList<FormField> &fields)
{
    QUrlQuery query;
    for (const FormField &field : fields)
        query.addQueryItem(field.name, field.value);
    // QUrlQuery leaves '+' alone, which a form decoder reads as a space.
    return query.toString(QUrl::FullyEncoded).replace(u'+', u"%2B"_s).toLatin1();
}

// A JSON object as a form, in the document's order: scalars as their text (numbers exactly
// as written), objects and arrays as compact JSON, null as an empty value.
std::optional<QByteArray> jsonToForm(const QByteArray &json)
{
    const JsonParseResult parsed = JsonTree::parse(json);
    if (!parsed.isValid() || parsed.tree.type(parsed.tree.root()) != JsonNodeType::Object)
        return std::nullopt;
    const JsonTree &tree = parsed.tree;
    QList<FormField> fields;
    for (qsizetype row = 0; row < tree.childCount(tree.root()); ++row) {
        const JsonTree::NodeId node = tree.child(tree.root(), row);
        QString text;
        switch (tree.type(node)) {
        case JsonNodeType::Null:
            break;
        case JsonNodeType::Object:
        case JsonNodeType::Array:
            text = QString::fromUtf8(tree.toJson(node, JsonTree::Format::Compact));
            break;
        default:
            text = tree.textString(node);
            break;
        }
        fields.append({tree.keyString(node), text});
    }
    return encodeForm(fields);
}

} // namespace

RouteResult MessageRouter::route(const QList<Subscription> &subscriptions, const QString &eventType,
                                 const QByteArray &payload, const QByteArray &contentType)
{
    RouteResult result;
    const PayloadKind kind = kindOf(contentType);
    // Parsed once for every subscription that needs field values.
    std::unique_ptr<PayloadValues> values;
    QList<FormField> formFields;
    bool parsed = false;
    auto payloadValues = [&]() -> const PayloadValues * {
        if (!parsed) {
            parsed = true;
            if (kind == PayloadKind::Json) {
                if (auto json = JsonPayloadValues::fromJson(payload))
                    values = std::make_unique<JsonPayloadValues>(*std::move(json));
            } else if (kind == PayloadKind::Form) {
                formFields = FormDecoder::decode(payload);
                values = std::make_unique<FormPayloadValues>(formFields);
            }
        }
        return values.get();
    };

    for (const Subscription &subscription : subscriptions) {
        RouteDecision decision{
                subscription.id, subscription.name, RouteDecision::Outcome::Matched, {}};
        auto decide = [&](RouteDecision::Outcome outcome, const QStringList &reasons) {
            decision.outcome = outcome;
            decision.reasons = reasons;
            result.decisions.append(decision);
        };
        if (!subscription.isEnabled()) {
            decide(RouteDecision::Outcome::Disabled, {tr("The subscription is disabled.")});
            continue;
        }
        if (!subscription.matchesEventType(eventType)) {
            decide(RouteDecision::Outcome::OtherEventType,
                   {tr("It takes %1, not %2.")
                            .arg(subscription.eventTypes.join(u", "_s), eventType)});
            continue;
        }
        const ConditionParseResult condition = Condition::parse(subscription.condition);
        const FieldPathListParseResult fields
                = PayloadFields::parseList(subscription.payloadFields);
        if (!condition.isValid() || !fields.isValid()) {
            decide(RouteDecision::Outcome::Unusable,
                   {tr("Its condition or field list does not parse.")});
            continue;
        }
        const bool needsValues = !condition.condition.isEmpty() || !fields.paths.isEmpty();
        const PayloadValues *fieldValues = needsValues ? payloadValues() : nullptr;
        if (needsValues && !fieldValues) {
            decide(RouteDecision::Outcome::Unusable,
                   {tr("Its condition or payload fields need a JSON or form payload.")});
            continue;
        }
        QStringList reasons;
        if (!condition.condition.isEmpty()) {
            const ConditionResult check
                    = ConditionEvaluator::evaluate(condition.condition, *fieldValues);
            reasons = check.explanation();
            if (!check.matched) {
                decide(RouteDecision::Outcome::ConditionFalse, reasons);
                continue;
            }
        }

        QByteArray body = payload;
        QByteArray bodyType = contentType;
        if (!fields.paths.isEmpty()) {
            if (kind == PayloadKind::Json) {
                body = PayloadFields::keep(payload, fields.paths).value_or(payload);
            } else {
                QList<FormField> kept;
                for (const FormField &field : std::as_const(formFields)) {
                    for (const FieldPath &path : fields.paths) {
                        if (formName(path) == field.name) {
                            kept.append(field);
                            break;
                        }
                    }
                }
                body = encodeForm(kept);
            }
        }
        if (subscription.bodyFormat == BodyFormat::Form && kind == PayloadKind::Json) {
            const auto form = jsonToForm(body);
            if (!form) {
                decide(RouteDecision::Outcome::Unusable,
                       {tr("Only a JSON object can be sent as a form.")});
                continue;
            }
            body = *form;
            bodyType = QByteArrayLiteral("application/x-www-form-urlencoded");
        }
        OutboxMessage message;
        message.subscriptionId = subscription.id;
        message.eventType = eventType;
        message.payload = body;
        message.contentType = bodyType;
        result.messages.append(message);
        decide(RouteDecision::Outcome::Matched, reasons);
    }
    return result;
}

} // namespace hookbench
