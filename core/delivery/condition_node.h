#pragma once

#include "field_path.h"
#include "field_value.h"

#include <QList>
#include <QString>
#include <vector>

namespace hookbench {

enum class ComparisonOperator {
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Contains,
    StartsWith,
    EndsWith,
    In,
};

// One side of a comparison: a payload field, the value a field had before the change that the
// payload reports (old(field)), or a literal.
struct ConditionOperand
{
    enum class Kind { Field, OldValue, Literal };
    Kind kind = Kind::Literal;
    FieldPath path;
    FieldValue literal;

    QString toString() const;

    friend bool operator==(const ConditionOperand &, const ConditionOperand &) = default;
};

// A node of a parsed condition. And/Or hold two or more children, Not one; Compare holds its
// operands (In: left and the list), Changed the field.
struct ConditionNode
{
    enum class Kind { Or, And, Not, Compare, Changed };
    Kind kind = Kind::Compare;
    ComparisonOperator op = ComparisonOperator::Equal;
    ConditionOperand left;
    QList<ConditionOperand> right; // one operand, or the list of "in"
    FieldPath changedField;
    std::vector<ConditionNode> children;

    // Canonical text: lower-case keywords, "=" for "==", minimal parentheses. Parsing it gives
    // back an equal tree.
    QString toString() const;

    friend bool operator==(const ConditionNode &, const ConditionNode &) = default;
};

QString operatorText(ComparisonOperator op);

} // namespace hookbench
