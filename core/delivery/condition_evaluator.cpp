#include "condition_evaluator.h"

#include "decimal_number.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hookbench::ConditionEvaluator", text);
}

using Type = FieldValue::Type;

// Both sides as exact numbers, when at least one is a number and the other is a number or
// numeric text.
std::optional<std::pair<DecimalNumber, DecimalNumber>> asNumbers(const FieldValue &left,
                                                                 const FieldValue &right)
{
    const auto numeric = [](const FieldValue &value) {
        return value.type() == Type::Number || value.type() == Type::String;
    };
    if ((left.type() != Type::Number && right.type() != Type::Number) || !numeric(left)
        || !numeric(right))
        return std::nullopt;
    std::optional<DecimalNumber> leftNumber = DecimalNumber::parse(left.text());
    std::optional<DecimalNumber> rightNumber = DecimalNumber::parse(right.text());
    if (!leftNumber || !rightNumber)
        return std::nullopt;
    return std::pair{*leftNumber, *rightNumber};
}

bool isBooleanText(const FieldValue &value)
{
    return value.type() == Type::String && (value.text() == u"true" || value.text() == u"false");
}

bool equalValues(const FieldValue &left, const FieldValue &right)
{
    if (left.isNullish() || right.isNullish())
        return left.isNullish() && right.isNullish();
    if (const auto numbers = asNumbers(left, right))
        return numbers->first == numbers->second;
    if ((left.type() == Type::Boolean && isBooleanText(right))
        || (right.type() == Type::Boolean && isBooleanText(left)))
        return left.text() == right.text();
    if (left.type() != right.type())
        return false;
    if (left.type() == Type::Array) {
        const QList<FieldValue> &a = left.elements();
        const QList<FieldValue> &b = right.elements();
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), equalValues);
    }
    return left.text() == right.text();
}

std::optional<std::strong_ordering> order(const FieldValue &left, const FieldValue &right)
{
    if (const auto numbers = asNumbers(left, right))
        return numbers->first <=> numbers->second;
    if (left.type() == Type::String && right.type() == Type::String)
        return left.text().compare(right.text()) <=> 0;
    return std::nullopt;
}

bool isText(const FieldValue &value)
{
    return value.type() == Type::String || value.type() == Type::Number
           || value.type() == Type::Boolean;
}

bool compare(ComparisonOperator op, const FieldValue &left, const QList<FieldValue> &right)
{
    const FieldValue &value = right.front();
    switch (op) {
    case ComparisonOperator::Equal:
        return equalValues(left, value);
    case ComparisonOperator::NotEqual:
        return !equalValues(left, value);
    case ComparisonOperator::Less:
        return order(left, value) == std::strong_ordering::less;
    case ComparisonOperator::LessOrEqual:
        return order(left, value).value_or(std::strong_ordering::greater)
               != std::strong_ordering::greater;
    case ComparisonOperator::Greater:
        return order(left, value) == std::strong_ordering::greater;
    case ComparisonOperator::GreaterOrEqual:
        return order(left, value).value_or(std::strong_ordering::less)
               != std::strong_ordering::less;
    case ComparisonOperator::Contains:
        if (left.type() == Type::Array) {
            return std::any_of(
                    left.elements().begin(), left.elements().end(),
                    [&](const FieldValue &element) { return equalValues(element, value); });
        }
        return left.type() == Type::String && isText(value) && left.text().contains(value.text());
    case ComparisonOperator::StartsWith:
        return left.type() == Type::String && isText(value) && left.text().startsWith(value.text());
    case ComparisonOperator::EndsWith:
        return left.type() == Type::String && isText(value) && left.text().endsWith(value.text());
    case ComparisonOperator::In:
        return std::any_of(right.begin(), right.end(),
                           [&](const FieldValue &item) { return equalValues(left, item); });
    }
    return false;
}

class Evaluation
{
public:
    explicit Evaluation(const PayloadValues &values)
        : m_values(values)
    {}

    bool evaluate(const ConditionNode &node)
    {
        switch (node.kind) {
        case ConditionNode::Kind::Or:
        case ConditionNode::Kind::And: {
            // No short cut: every comparison is explained.
            bool any = false;
            bool all = true;
            for (const ConditionNode &child : node.children) {
                const bool result = evaluate(child);
                any = any || result;
                all = all && result;
            }
            return node.kind == ConditionNode::Kind::Or ? any : all;
        }
        case ConditionNode::Kind::Not:
            return !evaluate(node.children.front());
        case ConditionNode::Kind::Changed:
            return changed(node);
        case ConditionNode::Kind::Compare:
            return comparison(node);
        }
        return false;
    }

    QList<ConditionStep> steps;

private:
    FieldValue resolve(const ConditionOperand &operand, QStringList &details) const
    {
        const QString name = operand.path.toString();
        switch (operand.kind) {
        case ConditionOperand::Kind::Literal:
            return operand.literal;
        case ConditionOperand::Kind::Field: {
            const std::optional<FieldLookup> found = m_values.lookup(operand.path);
            if (!found) {
                details.append(tr("%1 is missing").arg(name));
                return FieldValue::missing();
            }
            details.append(found->location.isEmpty()
                                   ? tr("%1 is %2").arg(name, found->value.display())
                                   : tr("%1 is %2, found at %3")
                                             .arg(name, found->value.display(), found->location));
            return found->value;
        }
        case ConditionOperand::Kind::OldValue: {
            const FieldChange change = m_values.change(operand.path);
            switch (change.state) {
            case FieldChange::State::Changed:
                details.append(tr("old(%1) is %2").arg(name, change.oldValue.display()));
                return change.oldValue;
            case FieldChange::State::Unchanged:
                details.append(tr("old(%1) is missing: %1 did not change").arg(name));
                return FieldValue::missing();
            case FieldChange::State::Unknown:
                details.append(
                        tr("old(%1) is missing: the payload carries no old values").arg(name));
                return FieldValue::missing();
            }
            return FieldValue::missing();
        }
        }
        return FieldValue::missing();
    }

    bool comparison(const ConditionNode &node)
    {
        QStringList details;
        const FieldValue left = resolve(node.left, details);
        QList<FieldValue> right;
        for (const ConditionOperand &operand : node.right)
            right.append(resolve(operand, details));
        const bool result = compare(node.op, left, right);
        details.removeDuplicates();
        steps.append({node.toString(), result, details.join(u"; "_s)});
        return result;
    }

    bool changed(const ConditionNode &node)
    {
        const QString name = node.changedField.toString();
        const FieldChange change = m_values.change(node.changedField);
        QString detail;
        switch (change.state) {
        case FieldChange::State::Changed:
            detail = tr("%1 changed from %2 to %3")
                             .arg(name, change.oldValue.display(), change.newValue.display());
            break;
        case FieldChange::State::Unchanged:
            detail = tr("%1 did not change").arg(name);
            break;
        case FieldChange::State::Unknown:
            detail = tr("the payload carries no old values");
            break;
        }
        const bool result = change.state == FieldChange::State::Changed;
        steps.append({node.toString(), result, detail});
        return result;
    }

    const PayloadValues &m_values;
};

} // namespace

QStringList ConditionResult::explanation() const
{
    QStringList lines;
    if (steps.isEmpty())
        lines.append(tr("no condition: every event matches"));
    for (const ConditionStep &step : steps) {
        const QString verdict = step.result ? tr("true") : tr("false");
        lines.append(step.detail.isEmpty()
                             ? tr("%1 is %2").arg(step.comparison, verdict)
                             : tr("%1 is %2: %3").arg(step.comparison, verdict, step.detail));
    }
    return lines;
}

ConditionResult ConditionEvaluator::evaluate(const Condition &condition,
                                             const PayloadValues &values)
{
    ConditionResult result;
    if (condition.isEmpty())
        return result;
    Evaluation evaluation(values);
    result.matched = evaluation.evaluate(*condition.root());
    result.steps = std::move(evaluation.steps);
    return result;
}

} // namespace hookbench
