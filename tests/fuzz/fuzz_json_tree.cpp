// Feeds arbitrary bytes to the JSON tree: it must either build a tree whose every node can be
// walked, printed and addressed, or report an error position inside the input.
#include "payload/json_tree.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using hookbench::JsonTree;
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const hookbench::JsonParseResult result = JsonTree::parse(input, JsonTree::ParseOptions{64});
    if (!result.isValid()) {
        if (result.error->offset < 0 || result.error->offset > input.size()
            || result.error->line < 1)
            std::abort();
        return 0;
    }
    const JsonTree &tree = result.tree;
    for (JsonTree::NodeId node = 0; node < JsonTree::NodeId(tree.nodeCount()); ++node) {
        if (node != tree.root() && tree.child(tree.parent(node), tree.row(node)) != node)
            std::abort();
        // With duplicate keys a pointer names the last duplicate, so only unique paths round-trip.
        if (tree.duplicateKeyCount() == 0 && tree.resolvePointer(tree.jsonPointer(node)) != node)
            std::abort();
        (void)tree.jqPath(node);
        (void)tree.text(node);
        (void)tree.key(node);
    }
    // What the tree prints must parse back to the same compact text.
    const QByteArray compact = tree.toJson(JsonTree::Format::Compact);
    const hookbench::JsonParseResult again
            = JsonTree::parse(tree.toJson(), JsonTree::ParseOptions{64});
    if (!again.isValid() || again.tree.toJson(JsonTree::Format::Compact) != compact)
        std::abort();
    return 0;
}
