#include "json_payload_values.h"

namespace hookbench {

namespace {

bool isScalar(const JsonTree &tree, JsonTree::NodeId node)
{
    return node != JsonTree::NoNode && !tree.isContainer(node);
}

} // namespace

JsonPayloadValues::JsonPayloadValues(JsonTree tree)
    : m_tree(std::move(tree))
{}

std::optional<JsonPayloadValues> JsonPayloadValues::fromJson(const QByteArray &json)
{
    JsonParseResult parsed = JsonTree::parse(json);
    if (!parsed.isValid())
        return std::nullopt;
    return JsonPayloadValues(std::move(parsed.tree));
}

JsonPayloadValues JsonPayloadValues::fromDocument(const QJsonDocument &document)
{
    if (document.isNull())
        return JsonPayloadValues(JsonTree());
    JsonParseResult parsed = JsonTree::parse(document.toJson(QJsonDocument::Compact));
    return JsonPayloadValues(std::move(parsed.tree));
}

JsonTree::NodeId JsonPayloadValues::walk(NodeId from, const QList<FieldPath::Segment> &segments,
                                         qsizetype first) const
{
    NodeId node = from;
    for (qsizetype index = first; index < segments.size() && node != JsonTree::NoNode; ++index) {
        const FieldPath::Segment &segment = segments[index];
        if (segment.kind == FieldPath::Segment::Kind::Index) {
            node = m_tree.type(node) == JsonNodeType::Array ? m_tree.child(node, segment.index)
                                                            : JsonTree::NoNode;
        } else {
            node = m_tree.member(node, segment.key.toUtf8());
        }
    }
    return node;
}

JsonTree::NodeId JsonPayloadValues::rallyAttribute(NodeId attributes, const QString &name) const
{
    const QByteArray key = name.toUtf8();
    if (const NodeId byId = m_tree.member(attributes, key); byId != JsonTree::NoNode)
        return byId;
    const qsizetype count
            = m_tree.type(attributes) == JsonNodeType::Object ? m_tree.childCount(attributes) : 0;
    for (const char *field : {"name", "display_name"}) {
        for (qsizetype row = 0; row < count; ++row) {
            const NodeId attribute = m_tree.child(attributes, row);
            const NodeId label = m_tree.member(attribute, field);
            if (m_tree.type(label) == JsonNodeType::String && m_tree.text(label) == key)
                return attribute;
        }
    }
    return JsonTree::NoNode;
}

std::optional<FieldLookup> JsonPayloadValues::rallyValue(NodeId valueNode,
                                                         const FieldPath &path) const
{
    if (valueNode == JsonTree::NoNode)
        return std::nullopt;
    if (path.segments().size() == 1)
        return rallyDisplay(valueNode);
    const NodeId node = walk(valueNode, path.segments(), 1);
    if (node == JsonTree::NoNode)
        return std::nullopt;
    return found(node);
}

FieldLookup JsonPayloadValues::rallyDisplay(NodeId valueNode) const
{
    if (m_tree.type(valueNode) == JsonNodeType::Object) {
        for (const char *display : {"name", "value"}) {
            const NodeId member = m_tree.member(valueNode, display);
            if (isScalar(m_tree, member))
                return found(member);
        }
    }
    if (m_tree.type(valueNode) == JsonNodeType::Array) {
        // Collections (Tags, Milestones) hold references: "Tags contains \"ui\"" means a tag
        // named ui.
        QList<FieldValue> elements;
        for (qsizetype row = 0; row < m_tree.childCount(valueNode); ++row)
            elements.append(rallyDisplay(m_tree.child(valueNode, row)).value);
        return {FieldValue::array(std::move(elements)), m_tree.jqPath(valueNode)};
    }
    return found(valueNode);
}

FieldLookup JsonPayloadValues::found(NodeId node) const
{
    return {FieldValue::fromJson(m_tree, node), m_tree.jqPath(node)};
}

std::optional<FieldLookup> JsonPayloadValues::lookup(const FieldPath &path) const
{
    if (m_tree.isEmpty() || path.isEmpty())
        return std::nullopt;
    const NodeId root = m_tree.root();
    if (const NodeId node = walk(root, path.segments(), 0); node != JsonTree::NoNode)
        return FieldLookup{FieldValue::fromJson(m_tree, node), QString()};

    const NodeId entryDetails = m_tree.member(root, "entry_details");
    if (m_tree.type(entryDetails) == JsonNodeType::Object) {
        if (const NodeId node = walk(entryDetails, path.segments(), 0); node != JsonTree::NoNode)
            return found(node);
    }

    const FieldPath::Segment &first = path.segments().front();
    if (first.kind != FieldPath::Segment::Kind::Key)
        return std::nullopt;
    const NodeId state = m_tree.lookup(root, {"message", "state"});
    const NodeId attribute = rallyAttribute(state, first.key);
    if (attribute == JsonTree::NoNode)
        return std::nullopt;
    return rallyValue(m_tree.member(attribute, "value"), path);
}

FieldChange JsonPayloadValues::change(const FieldPath &path) const
{
    FieldChange change;
    if (m_tree.isEmpty() || path.isEmpty())
        return change;
    const NodeId root = m_tree.root();
    const FieldPath::Segment &first = path.segments().front();

    const NodeId rallyChanges = m_tree.lookup(root, {"message", "changes"});
    if (m_tree.type(rallyChanges) == JsonNodeType::Object) {
        change.state = FieldChange::State::Unchanged;
        if (first.kind != FieldPath::Segment::Kind::Key)
            return change;
        // Changes are keyed by attribute UUID and may lack a name: resolve the name through
        // message.state first, then try the change entries' own labels.
        NodeId entry = JsonTree::NoNode;
        const NodeId attribute
                = rallyAttribute(m_tree.lookup(root, {"message", "state"}), first.key);
        if (attribute != JsonTree::NoNode)
            entry = m_tree.member(rallyChanges, m_tree.key(attribute));
        if (entry == JsonTree::NoNode)
            entry = rallyAttribute(rallyChanges, first.key);
        if (entry == JsonTree::NoNode)
            return change;
        change.state = FieldChange::State::Changed;
        change.location = m_tree.jqPath(entry);
        if (const auto oldValue = rallyValue(m_tree.member(entry, "old_value"), path))
            change.oldValue = oldValue->value;
        if (const auto newValue = rallyValue(m_tree.member(entry, "value"), path))
            change.newValue = newValue->value;
        return change;
    }

    const NodeId githubChanges = m_tree.member(root, "changes");
    if (m_tree.type(githubChanges) == JsonNodeType::Object) {
        change.state = FieldChange::State::Unchanged;
        const NodeId entry = walk(githubChanges, path.segments(), 0);
        const NodeId from = m_tree.member(entry, "from");
        if (from == JsonTree::NoNode)
            return change;
        change.state = FieldChange::State::Changed;
        change.location = m_tree.jqPath(entry);
        change.oldValue = FieldValue::fromJson(m_tree, from);
        if (const std::optional<FieldLookup> current = lookup(path))
            change.newValue = current->value;
    }
    return change;
}

} // namespace hookbench
