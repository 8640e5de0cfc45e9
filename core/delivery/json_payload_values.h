#pragma once

#include "payload/json_tree.h"
#include "payload_values.h"

#include <QByteArray>
#include <QJsonDocument>
#include <optional>

namespace hookbench {

// Field values of a JSON payload. A path is looked up, in this order:
//  1. from the document root: status, record.owner.name, items[0].id;
//  2. inside "entry_details" (BMC Remedy entry_event payloads, whose qualifications name form
//     fields as 'Status' and whose fields sit under entry_details);
//  3. among Rally's message.state attributes, by attribute UUID, "name" or "display_name" (in
//     that order): ScheduleState, 'Plan Estimate'. A bare attribute reads as the attribute's
//     display value: the "name" of a reference or enum ({"name": "Open"} reads "Open"), the
//     "value" of a quantity ({"value": 32.0, "units": "Points"} reads 32.0), a collection as
//     the list of its elements' display values, else the value itself; a longer path
//     (PlanEstimate.units) walks into the raw value.
// Old values come from Rally's message.changes (keyed by the same attribute UUID, "old_value"
// and "value") or GitHub's top-level changes.<field>.from.
// Numbers are read from the payload's own text, so big integers stay exact.
class JsonPayloadValues : public PayloadValues
{
public:
    explicit JsonPayloadValues(JsonTree tree);
    // nullopt when json is not valid JSON.
    static std::optional<JsonPayloadValues> fromJson(const QByteArray &json);
    // For callers that already hold a QJsonDocument (editors); numbers beyond 2^53 that the
    // document already rounded stay rounded.
    static JsonPayloadValues fromDocument(const QJsonDocument &document);

    std::optional<FieldLookup> lookup(const FieldPath &path) const override;
    FieldChange change(const FieldPath &path) const override;

    const JsonTree &tree() const { return m_tree; }

private:
    using NodeId = JsonTree::NodeId;

    NodeId walk(NodeId from, const QList<FieldPath::Segment> &segments, qsizetype first) const;
    NodeId rallyAttribute(NodeId attributes, const QString &name) const;
    std::optional<FieldLookup> rallyValue(NodeId valueNode, const FieldPath &path) const;
    FieldLookup rallyDisplay(NodeId valueNode) const;
    FieldLookup found(NodeId node) const;

    JsonTree m_tree;
};

} // namespace hookbench
