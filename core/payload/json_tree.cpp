#include "json_tree.h"

#include "json_tree_builder.h"
#include "json_tree_data.h"

#include <QList>
#include <QStringList>
#include <algorithm>

namespace hookbench {

namespace {

bool isContainerType(JsonNodeType type)
{
    return type == JsonNodeType::Object || type == JsonNodeType::Array;
}

void appendEscaped(QByteArray &out, QByteArrayView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    out.append('"');
    qsizetype plainStart = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(text.sliced(plainStart, i - plainStart));
        plainStart = i + 1;
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default:
            out.append("\\u00");
            out.append(hex[c >> 4]);
            out.append(hex[c & 0xf]);
            break;
        }
    }
    out.append(text.sliced(plainStart));
    out.append('"');
}

bool isJqIdentifier(QByteArrayView key)
{
    if (key.isEmpty())
        return false;
    for (qsizetype i = 0; i < key.size(); ++i) {
        const char c = key[i];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        const bool digit = c >= '0' && c <= '9';
        if (!letter && !(digit && i > 0))
            return false;
    }
    return true;
}

} // namespace

JsonTree::JsonTree() = default;

JsonTree::JsonTree(std::shared_ptr<const Data> data)
    : d(std::move(data))
{}

JsonParseResult JsonTree::parse(const QByteArray &json, const ParseOptions &options)
{
    return JsonTreeBuilder::build(json, options);
}

JsonParseResult JsonTree::parse(const QByteArray &json)
{
    return JsonTreeBuilder::build(json, ParseOptions{});
}

qsizetype JsonTree::requiredPadding()
{
    return JsonTreeBuilder::requiredPadding();
}

bool JsonTree::isEmpty() const
{
    return !d || d->nodes.empty();
}

qsizetype JsonTree::nodeCount() const
{
    return d ? qsizetype(d->nodes.size()) : 0;
}

const QByteArray &JsonTree::source() const
{
    static const QByteArray empty;
    return d ? d->source : empty;
}

JsonNodeType JsonTree::type(NodeId node) const
{
    return node < nodeCount() ? d->nodes[node].type : JsonNodeType::Null;
}

bool JsonTree::isContainer(NodeId node) const
{
    return node < nodeCount() && isContainerType(d->nodes[node].type);
}

JsonTree::NodeId JsonTree::parent(NodeId node) const
{
    return node < nodeCount() ? d->nodes[node].parent : NoNode;
}

qsizetype JsonTree::childCount(NodeId node) const
{
    return isContainer(node) ? qsizetype(d->nodes[node].second) : 0;
}

JsonTree::NodeId JsonTree::child(NodeId node, qsizetype row) const
{
    if (row < 0 || row >= childCount(node))
        return NoNode;
    return d->children[d->nodes[node].first + std::size_t(row)];
}

qsizetype JsonTree::row(NodeId node) const
{
    const NodeId parentId = parent(node);
    if (parentId == NoNode)
        return 0;
    const Data::Node &parentNode = d->nodes[parentId];
    const auto first = d->children.begin() + parentNode.first;
    const auto last = first + parentNode.second;
    return std::lower_bound(first, last, node) - first;
}

bool JsonTree::hasKey(NodeId node) const
{
    return node < nodeCount() && (d->nodes[node].flags & Data::HasKey);
}

QByteArrayView JsonTree::key(NodeId node) const
{
    return hasKey(node) ? d->keyOf(d->nodes[node]) : QByteArrayView();
}

bool JsonTree::isDuplicateKey(NodeId node) const
{
    return node < nodeCount() && (d->nodes[node].flags & Data::DuplicateKey);
}

qsizetype JsonTree::duplicateKeyCount() const
{
    return d ? d->duplicateKeys : 0;
}

QByteArrayView JsonTree::text(NodeId node) const
{
    return node < nodeCount() ? d->textOf(d->nodes[node]) : QByteArrayView();
}

JsonTree::NodeId JsonTree::member(NodeId node, QByteArrayView key) const
{
    if (type(node) != JsonNodeType::Object || node >= nodeCount())
        return NoNode;
    const Data::Node &object = d->nodes[node];
    for (quint32 row = object.second; row > 0; --row) {
        const NodeId candidate = d->children[object.first + row - 1];
        if (d->keyOf(d->nodes[candidate]) == key)
            return candidate;
    }
    return NoNode;
}

JsonTree::NodeId JsonTree::lookup(NodeId node, std::initializer_list<QByteArrayView> keys) const
{
    for (QByteArrayView key : keys) {
        node = member(node, key);
        if (node == NoNode)
            break;
    }
    return node;
}

std::optional<QString> JsonTree::scalarAt(NodeId node,
                                          std::initializer_list<QByteArrayView> keys) const
{
    const NodeId found = lookup(node, keys);
    if (found == NoNode || isContainer(found))
        return std::nullopt;
    return textString(found);
}

QString JsonTree::jsonPointer(NodeId node) const
{
    if (node >= nodeCount())
        return {};
    QStringList segments;
    for (NodeId current = node; parent(current) != NoNode; current = parent(current)) {
        if (hasKey(current)) {
            QString segment = keyString(current);
            segment.replace(u'~', QStringLiteral("~0"));
            segment.replace(u'/', QStringLiteral("~1"));
            segments.append(segment);
        } else {
            segments.append(QString::number(row(current)));
        }
    }
    QString pointer;
    for (auto it = segments.crbegin(); it != segments.crend(); ++it)
        pointer += u'/' + *it;
    return pointer;
}

JsonTree::NodeId JsonTree::resolvePointer(QStringView pointer) const
{
    NodeId node = root();
    if (node == NoNode || pointer.isEmpty())
        return node;
    if (!pointer.startsWith(u'/'))
        return NoNode;
    for (QStringView token : pointer.sliced(1).split(u'/')) {
        if (type(node) == JsonNodeType::Array) {
            bool ok = false;
            const qsizetype index = token.toLongLong(&ok);
            // RFC 6901 section 4: array indices are decimal without leading zeros or signs.
            const bool canonical = ok && !token.isEmpty() && token.front().isDigit()
                                   && (token.size() == 1 || token.front() != u'0');
            if (!canonical)
                return NoNode;
            node = child(node, index);
        } else {
            QString key = token.toString();
            key.replace(QStringLiteral("~1"), QStringLiteral("/"));
            key.replace(QStringLiteral("~0"), QStringLiteral("~"));
            node = member(node, key.toUtf8());
        }
        if (node == NoNode)
            return NoNode;
    }
    return node;
}

QString JsonTree::jqPath(NodeId node) const
{
    if (node >= nodeCount())
        return {};
    QList<NodeId> chain;
    for (NodeId current = node; parent(current) != NoNode; current = parent(current))
        chain.prepend(current);
    QByteArray path;
    for (NodeId current : chain) {
        if (hasKey(current)) {
            const QByteArrayView name = key(current);
            path.append('.');
            if (isJqIdentifier(name))
                path.append(name);
            else
                appendEscaped(path, name);
        } else {
            if (path.isEmpty())
                path.append('.');
            path.append('[').append(QByteArray::number(row(current))).append(']');
        }
    }
    return path.isEmpty() ? QStringLiteral(".") : QString::fromUtf8(path);
}

QByteArray JsonTree::toJson(NodeId node, Format format, int indent) const
{
    QByteArray out;
    if (node >= nodeCount())
        return out;
    const bool indented = format == Format::Indented;
    indent = std::max(indent, 0);

    // Iterative, so a document at the depth limit cannot exhaust the stack here either.
    struct Frame
    {
        NodeId node;
        qsizetype nextRow;
    };
    std::vector<Frame> stack;
    const auto newline = [&](qsizetype depth) {
        if (!indented)
            return;
        out.append('\n');
        out.append(QByteArray(depth * indent, ' '));
    };
    const auto writeValueStart = [&](NodeId current) -> bool {
        const Data::Node &data = d->nodes[current];
        switch (data.type) {
        case JsonNodeType::Object:
        case JsonNodeType::Array:
            out.append(data.type == JsonNodeType::Object ? '{' : '[');
            if (data.second == 0) {
                out.append(data.type == JsonNodeType::Object ? '}' : ']');
                return false;
            }
            return true;
        case JsonNodeType::String:
            appendEscaped(out, d->textOf(data));
            return false;
        default:
            out.append(d->textOf(data));
            return false;
        }
    };

    if (writeValueStart(node))
        stack.push_back({node, 0});
    while (!stack.empty()) {
        Frame &frame = stack.back();
        const Data::Node &container = d->nodes[frame.node];
        if (frame.nextRow == qsizetype(container.second)) {
            const bool isObject = container.type == JsonNodeType::Object;
            stack.pop_back();
            newline(qsizetype(stack.size()));
            out.append(isObject ? '}' : ']');
            continue;
        }
        if (frame.nextRow > 0)
            out.append(',');
        const NodeId current = d->children[container.first + std::size_t(frame.nextRow)];
        ++frame.nextRow;
        newline(qsizetype(stack.size()));
        if (container.type == JsonNodeType::Object) {
            appendEscaped(out, d->keyOf(d->nodes[current]));
            out.append(indented ? ": " : ":");
        }
        if (writeValueStart(current))
            stack.push_back({current, 0});
    }
    return out;
}

qsizetype JsonTree::memoryUsage() const
{
    if (!d)
        return 0;
    // Sizes, not capacities: the node array is over-reserved on purpose and its untouched tail
    // is never resident.
    return qsizetype(sizeof(Data) + d->nodes.size() * sizeof(Data::Node)
                     + d->children.capacity() * sizeof(quint32))
           + d->arena.capacity();
}

} // namespace hookbench
