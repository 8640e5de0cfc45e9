#pragma once

#include "header_list.h"

#include <QList>

namespace hookbench {

// One header that differs between two requests (or responses), by case-insensitive name.
struct HeaderDifference
{
    enum class Kind { Added, Removed, Changed };

    Kind kind = Kind::Changed;
    QByteArray name;             // as the left side spelled it, or the right when Added
    QList<QByteArray> oldValues; // every value, in order: duplicates matter
    QList<QByteArray> newValues;

    friend bool operator==(const HeaderDifference &, const HeaderDifference &) = default;
};

// The header half of "compare two deliveries". Names in the left's order, then the right's new
// ones. A name whose values are equal but spelled in other case is not a difference: HTTP field
// names are case-insensitive, and the raw view shows the spelling.
QList<HeaderDifference> compareHeaders(const HeaderList &left, const HeaderList &right);

} // namespace hookbench
