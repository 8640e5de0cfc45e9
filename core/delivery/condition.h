#pragma once

#include "condition_node.h"
#include "condition_parse_error.h"

#include <QString>
#include <QStringView>
#include <memory>
#include <optional>

namespace hookbench {

struct ConditionParseResult;

// A parsed subscription condition over payload fields, for example
//   'Status' != "Closed"
//   action = "Updated" and (changed(ScheduleState) or PlanEstimate > 8)
//   record.owner.name startswith "ad" and labels contains "bug"
// See ConditionParser for the grammar and ConditionEvaluator for what comparisons mean.
// An empty condition matches every event. Copies share the tree.
class Condition
{
public:
    Condition() = default;
    static ConditionParseResult parse(QStringView text);

    bool isEmpty() const { return !m_root; }
    // Canonical text (see ConditionNode::toString); empty for an empty condition.
    QString toString() const;
    // nullptr for an empty condition.
    const ConditionNode *root() const { return m_root.get(); }

    friend bool operator==(const Condition &left, const Condition &right);

private:
    std::shared_ptr<const ConditionNode> m_root;
};

struct ConditionParseResult
{
    Condition condition; // empty when error is set
    std::optional<ConditionParseError> error;

    bool isValid() const { return !error.has_value(); }
};

} // namespace hookbench
