#pragma once

#include "condition.h"
#include "payload_values.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace hookbench {

// One comparison (or changed()) of a condition, with the values it saw.
struct ConditionStep
{
    QString comparison; // canonical text: 'Status' != "Closed"
    bool result = false;
    QString detail; // 'Status' is 0, found at .entry_details.Status
};

struct ConditionResult
{
    bool matched = true;
    QList<ConditionStep> steps; // every comparison, in text order

    // One line per comparison, for the editor's live check and the Fire dialog's "why".
    QStringList explanation() const;
};

// Evaluates a condition against payload values. It never fails: a missing field compares as
// null (status = null is true when there is no status), and comparing values of different types
// is false for every operator but != (which is true: a number is not equal to a string).
//  - Numbers compare exactly as decimals (no rounding: 12345678901234567890 !=
//  12345678901234567891,
//    1.10 = 1.1). Text that is a number compares as a number against a number, so form fields
//    ("42") and Rally's string values work with numeric literals; "true"/"false" text equals
//    the booleans.
//  - Strings compare by UTF-16 code units, case-sensitively (ISO dates therefore order by time).
//  - contains: a substring of a string, or an element of an array. startswith/endswith: strings.
//  - in (a, b): equal to any of them.
//  - changed(field): the payload reports an old value for the field; old(field) is that value.
// Every comparison is evaluated, even after the result is decided, so the explanation is whole.
class ConditionEvaluator
{
public:
    static ConditionResult evaluate(const Condition &condition, const PayloadValues &values);
};

} // namespace hookbench
