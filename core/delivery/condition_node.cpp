#include "condition_node.h"

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {

int precedence(ConditionNode::Kind kind)
{
    switch (kind) {
    case ConditionNode::Kind::Or:
        return 1;
    case ConditionNode::Kind::And:
        return 2;
    case ConditionNode::Kind::Not:
        return 3;
    case ConditionNode::Kind::Compare:
    case ConditionNode::Kind::Changed:
        return 4;
    }
    return 4;
}

QString childText(const ConditionNode &child, int parentPrecedence)
{
    const QString text = child.toString();
    return precedence(child.kind) <= parentPrecedence ? u'(' + text + u')' : text;
}

} // namespace

QString operatorText(ComparisonOperator op)
{
    switch (op) {
    case ComparisonOperator::Equal:
        return u"="_s;
    case ComparisonOperator::NotEqual:
        return u"!="_s;
    case ComparisonOperator::Less:
        return u"<"_s;
    case ComparisonOperator::LessOrEqual:
        return u"<="_s;
    case ComparisonOperator::Greater:
        return u">"_s;
    case ComparisonOperator::GreaterOrEqual:
        return u">="_s;
    case ComparisonOperator::Contains:
        return u"contains"_s;
    case ComparisonOperator::StartsWith:
        return u"startswith"_s;
    case ComparisonOperator::EndsWith:
        return u"endswith"_s;
    case ComparisonOperator::In:
        return u"in"_s;
    }
    return {};
}

QString ConditionOperand::toString() const
{
    switch (kind) {
    case Kind::Field:
        return path.toString();
    case Kind::OldValue:
        return u"old("_s + path.toString() + u')';
    case Kind::Literal:
        return literal.literal();
    }
    return {};
}

QString ConditionNode::toString() const
{
    switch (kind) {
    case Kind::Or:
    case Kind::And: {
        const QString separator = kind == Kind::Or ? u" or "_s : u" and "_s;
        QStringList parts;
        for (const ConditionNode &child : children)
            parts.append(childText(child, precedence(kind)));
        return parts.join(separator);
    }
    case Kind::Not:
        // "not" binds looser than a comparison, so "not a = 1" needs no parentheses, but
        // "not not a" reads badly without them.
        return u"not "_s + childText(children.front(), precedence(kind));
    case Kind::Changed:
        return u"changed("_s + changedField.toString() + u')';
    case Kind::Compare: {
        if (op == ComparisonOperator::In) {
            QStringList items;
            for (const ConditionOperand &item : right)
                items.append(item.toString());
            return left.toString() + u" in ("_s + items.join(u", "_s) + u')';
        }
        return left.toString() + u' ' + operatorText(op) + u' ' + right.front().toString();
    }
    }
    return {};
}

} // namespace hookbench
