#include "payload_fields.h"

#include "condition_parser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace hookbench {

namespace {

using NodeId = JsonTree::NodeId;

class Shaper
{
public:
    explicit Shaper(const JsonTree &tree)
        : m_tree(tree)
    {}

    // Marks every node the path reaches from `from`; false when it reaches none.
    bool mark(NodeId from, const QList<FieldPath::Segment> &segments, qsizetype index)
    {
        if (from == JsonTree::NoNode)
            return false;
        if (index == segments.size()) {
            m_whole.insert(from);
            return true;
        }
        const FieldPath::Segment &segment = segments[index];
        if (segment.kind == FieldPath::Segment::Kind::Index) {
            if (m_tree.type(from) != JsonNodeType::Array)
                return false;
            return markPartial(from, mark(m_tree.child(from, segment.index), segments, index + 1));
        }
        if (m_tree.type(from) == JsonNodeType::Array) {
            bool any = false;
            for (qsizetype row = 0; row < m_tree.childCount(from); ++row)
                any = mark(m_tree.child(from, row), segments, index) || any;
            return markPartial(from, any);
        }
        return markPartial(from,
                           mark(m_tree.member(from, segment.key.toUtf8()), segments, index + 1));
    }

    void keepWhole(NodeId node) { m_whole.insert(node); }
    void keepPartial(NodeId node) { m_partial.insert(node); }

    void write(NodeId node, QByteArray &out) const
    {
        if (m_whole.contains(node) || !m_tree.isContainer(node)) {
            out += m_tree.toJson(node, JsonTree::Format::Compact);
            return;
        }
        const bool object = m_tree.type(node) == JsonNodeType::Object;
        out += object ? '{' : '[';
        bool first = true;
        for (qsizetype row = 0; row < m_tree.childCount(node); ++row) {
            const NodeId child = m_tree.child(node, row);
            if (!m_whole.contains(child) && !m_partial.contains(child))
                continue;
            if (!first)
                out += ',';
            first = false;
            if (object) {
                out += quotedKey(m_tree.keyString(child));
                out += ':';
            }
            write(child, out);
        }
        out += object ? '}' : ']';
    }

private:
    bool markPartial(NodeId node, bool reached)
    {
        if (reached)
            m_partial.insert(node);
        return reached;
    }

    // Qt's JSON writer escapes the key; the values come from the tree so numbers keep their text.
    static QByteArray quotedKey(const QString &key)
    {
        const QByteArray array = QJsonDocument(QJsonArray{key}).toJson(QJsonDocument::Compact);
        return array.sliced(1, array.size() - 2);
    }

    const JsonTree &m_tree;
    QSet<NodeId> m_whole;
    QSet<NodeId> m_partial;
};

} // namespace

QByteArray PayloadFields::keep(const JsonTree &tree, const QList<FieldPath> &fields)
{
    if (tree.isEmpty())
        return {};
    const NodeId root = tree.root();
    if (fields.isEmpty())
        return tree.toJson(root, JsonTree::Format::Compact);

    Shaper shaper(tree);
    const NodeId entryDetails = tree.member(root, "entry_details");
    const bool remedy = tree.type(entryDetails) == JsonNodeType::Object;
    for (const FieldPath &field : fields) {
        if (field.isEmpty())
            continue;
        if (!shaper.mark(root, field.segments(), 0) && remedy)
            shaper.mark(entryDetails, field.segments(), 0);
    }
    if (remedy) {
        for (qsizetype row = 0; row < tree.childCount(root); ++row) {
            const NodeId member = tree.child(root, row);
            if (member != entryDetails)
                shaper.keepWhole(member);
        }
    }
    shaper.keepPartial(root);
    QByteArray out;
    shaper.write(root, out);
    return out;
}

std::optional<QByteArray> PayloadFields::keep(const QByteArray &json,
                                              const QList<FieldPath> &fields)
{
    if (fields.isEmpty())
        return json;
    const JsonParseResult parsed = JsonTree::parse(json);
    if (!parsed.isValid())
        return std::nullopt;
    return keep(parsed.tree, fields);
}

FieldPathListParseResult PayloadFields::parseList(QStringView text)
{
    ConditionParser parser(text);
    std::optional<QList<FieldPath>> paths = parser.parseFieldPathList();
    FieldPathListParseResult result;
    if (parser.error())
        result.error = parser.error();
    else if (paths)
        result.paths = std::move(*paths);
    return result;
}

} // namespace hookbench
