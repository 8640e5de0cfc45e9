#include "condition.h"

#include "condition_parser.h"

namespace hookbench {

ConditionParseResult Condition::parse(QStringView text)
{
    ConditionParser parser(text);
    std::optional<ConditionNode> root = parser.parseCondition();
    ConditionParseResult result;
    if (parser.error()) {
        result.error = parser.error();
        return result;
    }
    if (root)
        result.condition.m_root = std::make_shared<const ConditionNode>(std::move(*root));
    return result;
}

QString Condition::toString() const
{
    return m_root ? m_root->toString() : QString();
}

bool operator==(const Condition &left, const Condition &right)
{
    if (!left.m_root || !right.m_root)
        return !left.m_root && !right.m_root;
    return *left.m_root == *right.m_root;
}

} // namespace hookbench
