#pragma once

#include "json_tree.h"

#include <QList>
#include <QString>

namespace hookbench {

// One structural difference between two JSON documents, addressed by JSON Pointer.
struct JsonDifference
{
    enum class Kind { Added, Removed, Changed };

    Kind kind = Kind::Changed;
    QString pointer;  // RFC 6901, "" for the root
    QString oldValue; // compact JSON of the left side; empty when Added
    QString newValue; // compact JSON of the right side; empty when Removed

    friend bool operator==(const JsonDifference &, const JsonDifference &) = default;
};

// "Compare two deliveries": what was added, removed or changed from one payload to the other.
// Objects are matched by key (with duplicate keys, the last one, as most parsers keep), arrays
// by index. Scalars compare by their text as sent, so 1.0 and 1 differ: a webhook's bytes are
// what a receiver sees.
class JsonDiff
{
public:
    static QList<JsonDifference> compare(const JsonTree &left, const JsonTree &right);
};

} // namespace hookbench
