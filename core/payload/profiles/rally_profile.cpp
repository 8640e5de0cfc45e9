#include "rally_profile.h"

#include "payload/payload_analysis.h"

namespace hookbench {

QString RallyProfile::id() const
{
    return QStringLiteral("rally");
}

QString RallyProfile::displayName() const
{
    return tr("Rally / Agile Central");
}

int RallyProfile::detect(const PayloadAnalysis &payload) const
{
    const JsonTree &tree = payload.json;
    const JsonTree::NodeId message = tree.member(tree.root(), "message");
    if (tree.type(message) != JsonNodeType::Object
        || tree.member(message, "object_type") == JsonTree::NoNode)
        return NotDetected;
    const bool keyedByAttribute
            = tree.type(tree.member(message, "state")) == JsonNodeType::Object
              || tree.type(tree.member(message, "changes")) == JsonNodeType::Object;
    return keyedByAttribute ? ShapeMatch + 20 : ShapeMatch;
}

VendorSummary RallyProfile::summarize(const PayloadAnalysis &payload) const
{
    VendorSummary summary = startSummary();
    const JsonTree &tree = payload.json;
    const JsonTree::NodeId message = tree.member(tree.root(), "message");
    const JsonTree::NodeId state = tree.member(message, "state");
    const JsonTree::NodeId changes = tree.member(message, "changes");

    const std::optional<QString> objectType = tree.scalarAt(message, {"object_type"});
    const std::optional<QString> action = tree.scalarAt(message, {"action"});
    summary.event = objectType.value_or(tr("object")) + u'.' + action.value_or(tr("event"));

    // state holds every attribute by UUID as {value, type, name, display_name, ref}; find the
    // few that identify the artifact by their stable "name".
    const auto stateValueNamed = [&](QStringView name) -> std::optional<QString> {
        for (qsizetype row = 0; row < tree.childCount(state); ++row) {
            const JsonTree::NodeId attribute = tree.child(state, row);
            if (tree.scalarAt(attribute, {"name"}) == name)
                return displayValue(tree, tree.member(attribute, "value"));
        }
        return std::nullopt;
    };

    summary.addFact(QStringLiteral("object_type"), tr("Object type"), objectType);
    summary.addFact(QStringLiteral("action"), tr("Action"), action);
    summary.addFact(QStringLiteral("formatted_id"), tr("Formatted ID"),
                    stateValueNamed(u"FormattedID"));
    summary.addFact(QStringLiteral("name"), tr("Name"), stateValueNamed(u"Name"));
    std::optional<QString> user = tree.scalarAt(message, {"transaction", "user", "username"});
    if (!user)
        user = tree.scalarAt(message, {"transaction", "user", "email"});
    summary.addFact(QStringLiteral("user"), tr("User"), user);
    summary.addFact(QStringLiteral("user_uuid"), tr("User UUID"),
                    tree.scalarAt(message, {"transaction", "user", "uuid"}));
    summary.addFact(QStringLiteral("timestamp"), tr("Time"),
                    tree.scalarAt(message, {"transaction", "timestamp"}));
    summary.addFact(QStringLiteral("object_id"), tr("Object id"),
                    tree.scalarAt(message, {"object_id"}));
    summary.addFact(QStringLiteral("message_id"), tr("Message id"),
                    tree.scalarAt(message, {"message_id"}));
    summary.addFact(QStringLiteral("subscription_id"), tr("Subscription id"),
                    tree.scalarAt(message, {"subscription_id"}));

    // The changes keys are attribute UUIDs: the display name comes from the change itself when
    // present, else from the same UUID in state, else the UUID stays.
    SummaryTable changeTable{
            QStringLiteral("changes"),
            tr("Changes"),
            {tr("Attribute"), tr("Old value"), tr("New value"), tr("Attribute UUID")},
            {}};
    for (qsizetype row = 0; row < tree.childCount(changes); ++row) {
        const JsonTree::NodeId change = tree.child(changes, row);
        const QByteArrayView uuid = tree.key(change);
        const JsonTree::NodeId stateAttribute = tree.member(state, uuid);
        QString name = tree.scalarAt(change, {"display_name"}).value_or(QString());
        if (name.isEmpty())
            name = tree.scalarAt(stateAttribute, {"display_name"}).value_or(QString());
        if (name.isEmpty())
            name = tree.scalarAt(change, {"name"})
                           .value_or(tree.scalarAt(stateAttribute, {"name"}).value_or(QString()));
        if (name.isEmpty())
            name = QString::fromUtf8(uuid);
        changeTable.rows.append({name, displayValue(tree, tree.member(change, "old_value")),
                                 displayValue(tree, tree.member(change, "value")),
                                 QString::fromUtf8(uuid)});
    }
    summary.addFact(QStringLiteral("change_count"), tr("Changes"),
                    QString::number(changeTable.rows.size()));
    summary.tables.append(changeTable);

    SummaryTable stateTable{QStringLiteral("state"),
                            tr("Current state"),
                            {tr("Attribute"), tr("Value"), tr("Type")},
                            {}};
    for (qsizetype row = 0; row < tree.childCount(state); ++row) {
        const JsonTree::NodeId attribute = tree.child(state, row);
        stateTable.rows.append(
                {tree.scalarAt(attribute, {"display_name"}).value_or(tree.keyString(attribute)),
                 displayValue(tree, tree.member(attribute, "value")),
                 tree.scalarAt(attribute, {"type"}).value_or(QString())});
    }
    summary.tables.append(stateTable);
    return summary;
}

} // namespace hookbench
