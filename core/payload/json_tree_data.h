#pragma once

// Internal to core/payload: the storage behind JsonTree, shared by JsonTree and JsonTreeBuilder.

#include "json_tree.h"

#include <vector>

namespace hookbench {

struct JsonTree::Data
{
    enum Flag : quint8 {
        KeyInArena = 0x1,
        TextInArena = 0x2,
        DuplicateKey = 0x4,
        HasKey = 0x8,
    };

    // 24 bytes. For scalars first/second are the text's offset and length; for containers they
    // are the offset of the first child in `children` and the child count.
    struct Node
    {
        quint32 parent = NoNode;
        quint32 keyOffset = 0;
        quint32 keyLength = 0;
        quint32 first = 0;
        quint32 second = 0;
        JsonNodeType type = JsonNodeType::Null;
        quint8 flags = 0;
    };
    static_assert(sizeof(Node) == 24);

    QByteArray source;
    QByteArray arena; // unescaped keys and strings
    std::vector<Node> nodes;
    std::vector<quint32> children; // children of each container, contiguous, ascending
    qsizetype duplicateKeys = 0;

    QByteArrayView keyOf(const Node &node) const
    {
        const QByteArray &store = (node.flags & KeyInArena) ? arena : source;
        return QByteArrayView(store.constData() + node.keyOffset, node.keyLength);
    }
    QByteArrayView textOf(const Node &node) const
    {
        if (node.type == JsonNodeType::Object || node.type == JsonNodeType::Array)
            return {};
        const QByteArray &store = (node.flags & TextInArena) ? arena : source;
        return QByteArrayView(store.constData() + node.first, node.second);
    }
};

} // namespace hookbench
