#include "json_diff.h"

#include <QSet>

namespace hookbench {

namespace {

using NodeId = JsonTree::NodeId;

struct Walker
{
    const JsonTree &left;
    const JsonTree &right;
    QList<JsonDifference> differences;

    QString compact(const JsonTree &tree, NodeId node) const
    {
        return QString::fromUtf8(tree.toJson(node, JsonTree::Format::Compact));
    }

    void added(NodeId node)
    {
        differences.append(
                {JsonDifference::Kind::Added, right.jsonPointer(node), {}, compact(right, node)});
    }

    void removed(NodeId node)
    {
        differences.append(
                {JsonDifference::Kind::Removed, left.jsonPointer(node), compact(left, node), {}});
    }

    void compare(NodeId a, NodeId b)
    {
        const JsonNodeType typeA = left.type(a);
        const JsonNodeType typeB = right.type(b);
        if (typeA != typeB || !left.isContainer(a)) {
            if (typeA != typeB || left.text(a) != right.text(b)) {
                differences.append({JsonDifference::Kind::Changed, left.jsonPointer(a),
                                    compact(left, a), compact(right, b)});
            }
            return;
        }
        if (typeA == JsonNodeType::Array) {
            const qsizetype common = qMin(left.childCount(a), right.childCount(b));
            for (qsizetype row = 0; row < common; ++row)
                compare(left.child(a, row), right.child(b, row));
            for (qsizetype row = common; row < left.childCount(a); ++row)
                removed(left.child(a, row));
            for (qsizetype row = common; row < right.childCount(b); ++row)
                added(right.child(b, row));
            return;
        }
        // Objects: left's keys in document order first, then the keys only the right has.
        QSet<QByteArray> seen;
        for (qsizetype row = 0; row < left.childCount(a); ++row) {
            const QByteArray key = left.key(left.child(a, row)).toByteArray();
            if (seen.contains(key))
                continue;
            seen.insert(key);
            const NodeId mine = left.member(a, key);
            const NodeId theirs = right.member(b, key);
            if (theirs == JsonTree::NoNode)
                removed(mine);
            else
                compare(mine, theirs);
        }
        for (qsizetype row = 0; row < right.childCount(b); ++row) {
            const QByteArray key = right.key(right.child(b, row)).toByteArray();
            if (seen.contains(key))
                continue;
            seen.insert(key);
            added(right.member(b, key));
        }
    }
};

} // namespace

QList<JsonDifference> JsonDiff::compare(const JsonTree &left, const JsonTree &right)
{
    Walker walker{left, right, {}};
    if (left.isEmpty() && right.isEmpty())
        return {};
    if (left.isEmpty()) {
        walker.added(right.root());
        return walker.differences;
    }
    if (right.isEmpty()) {
        walker.removed(left.root());
        return walker.differences;
    }
    walker.compare(left.root(), right.root());
    return walker.differences;
}

} // namespace hookbench
