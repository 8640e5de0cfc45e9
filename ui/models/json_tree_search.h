#pragma once

#include "payload/json_tree.h"

#include <QString>
#include <atomic>
#include <vector>

namespace hookbench {

// Finds the nodes whose key or scalar value contains a text, case-insensitively. Nodes are
// stored in document order, which is the order a tree view shows them, so the matches come out
// ready for next/previous. Plain and thread-safe: the view runs it on the thread pool.
class JsonTreeSearch
{
public:
    static std::vector<JsonTree::NodeId> find(const JsonTree &tree, const QString &text,
                                              const std::atomic<bool> *cancelled = nullptr);
};

} // namespace hookbench
