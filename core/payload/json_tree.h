#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <initializer_list>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace hookbench {

class JsonTree;

enum class JsonNodeType : quint8 { Null, Boolean, Number, String, Object, Array };

// Where and why a document is not JSON. Line and column are 1-based; the column counts
// characters (UTF-8 code points), not bytes, so it matches what an editor shows.
struct JsonSyntaxError
{
    qint64 offset = 0;
    int line = 1;
    int column = 1;
    QString reason;

    friend bool operator==(const JsonSyntaxError &, const JsonSyntaxError &) = default;
};

struct JsonParseResult;

// A parsed JSON document as an immutable, ordered tree, built for a lazy item model:
// - nodes live in one flat array in document (pre-)order, each 24 bytes, plus 4 bytes per node
//   for the child index, so child(parent, row) is O(1) and row(node) is O(log n);
// - keys and strings without escapes are views into the source bytes, which the tree keeps
//   (implicitly shared, not copied); only escaped ones are unescaped into a side arena;
// - numbers are kept as their original text, so a 20-digit id or 1.10 prints exactly as sent;
// - duplicate keys are all kept, in order, and flagged.
// Copies are cheap and share the data; a tree can be built on a worker thread and read anywhere.
class JsonTree
{
public:
    using NodeId = quint32;
    static constexpr NodeId NoNode = std::numeric_limits<quint32>::max();
    enum class Format { Indented, Compact };

    struct ParseOptions
    {
        int maxDepth = 1024;
    };

    JsonTree();

    // Parses UTF-8 JSON. When json has requiredPadding() bytes of spare capacity the parser reads
    // it in place; otherwise it parses a temporary padded copy.
    static JsonParseResult parse(const QByteArray &json, const ParseOptions &options);
    static JsonParseResult parse(const QByteArray &json);
    static qsizetype requiredPadding();

    bool isEmpty() const;
    qsizetype nodeCount() const;
    NodeId root() const { return isEmpty() ? NoNode : 0; }
    const QByteArray &source() const;

    JsonNodeType type(NodeId node) const;
    bool isContainer(NodeId node) const;
    NodeId parent(NodeId node) const;
    qsizetype childCount(NodeId node) const;
    NodeId child(NodeId node, qsizetype row) const;
    // The node's position among its parent's children; 0 for the root.
    qsizetype row(NodeId node) const;

    // True for members of an object (their key may still be empty: "" is a valid key).
    bool hasKey(NodeId node) const;
    // Unescaped UTF-8 key; empty for array elements and the root.
    QByteArrayView key(NodeId node) const;
    QString keyString(NodeId node) const { return QString::fromUtf8(key(node)); }
    bool isDuplicateKey(NodeId node) const;
    qsizetype duplicateKeyCount() const;

    // Scalar text: a number exactly as written, a string unescaped (UTF-8), "true", "false" or
    // "null". Empty for containers.
    QByteArrayView text(NodeId node) const;
    QString textString(NodeId node) const { return QString::fromUtf8(text(node)); }

    // The member of an object with this key; with duplicate keys, the last one (what most
    // parsers and jq keep). NoNode if node is not an object or has no such member.
    NodeId member(NodeId node, QByteArrayView key) const;
    // Follows object keys from node: lookup(root(), {"message", "object_type"}).
    NodeId lookup(NodeId node, std::initializer_list<QByteArrayView> keys) const;
    // The scalar text at that path, if the path ends on a scalar.
    std::optional<QString> scalarAt(NodeId node, std::initializer_list<QByteArrayView> keys) const;

    // RFC 6901 JSON Pointer of a node ("" for the root) and back.
    QString jsonPointer(NodeId node) const;
    NodeId resolvePointer(QStringView pointer) const;
    // A jq path expression selecting the node: .message.changes."7f25-…".value, .runs[2]
    QString jqPath(NodeId node) const;

    // Serialises a subtree. Numbers keep their original text; strings are re-escaped minimally.
    QByteArray toJson(NodeId node, Format format = Format::Indented, int indent = 2) const;
    QByteArray toJson(Format format = Format::Indented) const { return toJson(root(), format); }

    // Bytes held by the tree beyond the shared source buffer.
    qsizetype memoryUsage() const;

    // Opaque outside core/payload (defined in json_tree_data.h for the builder).
    struct Data;

private:
    friend class JsonTreeBuilder;
    explicit JsonTree(std::shared_ptr<const Data> data);
    std::shared_ptr<const Data> d;
};

struct JsonParseResult
{
    JsonTree tree; // empty when error is set
    std::optional<JsonSyntaxError> error;

    bool isValid() const { return !error.has_value(); }
};

} // namespace hookbench
