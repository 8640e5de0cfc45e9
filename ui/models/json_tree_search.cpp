#include "json_tree_search.h"

#include <QLatin1StringView>

namespace hookbench {

namespace {

bool isAscii(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

} // namespace

std::vector<JsonTree::NodeId> JsonTreeSearch::find(const JsonTree &tree, const QString &text,
                                                   const std::atomic<bool> *cancelled)
{
    std::vector<JsonTree::NodeId> matches;
    if (text.isEmpty() || tree.isEmpty())
        return matches;

    // An ASCII needle is matched on the UTF-8 bytes read as Latin-1: ASCII letters fold only to
    // ASCII letters there, so this is exact, and it decodes nothing (a 50 MB body has millions
    // of nodes). Other needles need Unicode case folding, so the haystack is decoded.
    const bool ascii = isAscii(text);
    const QByteArray latin1Needle = ascii ? text.toLatin1() : QByteArray();
    const auto contains = [&](QByteArrayView haystack) {
        if (haystack.size() < (ascii ? latin1Needle.size() : 1))
            return false;
        if (ascii)
            return QLatin1StringView(haystack.data(), haystack.size())
                    .contains(QLatin1StringView(latin1Needle), Qt::CaseInsensitive);
        return QString::fromUtf8(haystack).contains(text, Qt::CaseInsensitive);
    };

    const auto count = JsonTree::NodeId(tree.nodeCount());
    for (JsonTree::NodeId node = 0; node < count; ++node) {
        if (cancelled && (node & 0xffff) == 0 && cancelled->load(std::memory_order_relaxed))
            break;
        if ((tree.hasKey(node) && contains(tree.key(node)))
            || (!tree.isContainer(node) && contains(tree.text(node)))) {
            matches.push_back(node);
        }
    }
    return matches;
}

} // namespace hookbench
