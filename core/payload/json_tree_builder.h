#pragma once

// Internal to core/payload: fills JsonTree::Data from simdjson's on-demand parser.

#include "json_tree.h"

namespace hookbench {

class JsonTreeBuilder
{
public:
    static JsonParseResult build(const QByteArray &json, const JsonTree::ParseOptions &options);
    static qsizetype requiredPadding();
};

} // namespace hookbench
