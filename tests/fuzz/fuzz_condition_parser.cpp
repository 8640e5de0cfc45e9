// Feeds arbitrary text to the condition parser: it must either report an error inside the text
// or give a condition whose canonical text parses back to the same tree, and evaluating that
// condition against Remedy-, Rally- and form-shaped payloads must not fail.
#include "delivery/condition.h"
#include "delivery/condition_evaluator.h"
#include "delivery/form_payload_values.h"
#include "delivery/json_payload_values.h"
#include "delivery/payload_fields.h"

#include <cstdint>
#include <cstdlib>

namespace {

const hookbench::JsonPayloadValues &payload()
{
    static const hookbench::JsonPayloadValues values = *hookbench::JsonPayloadValues::fromJson(
            R"({"status": "open", "amount": 42, "id": 12345678901234567890, "items": [{"id": 1}],
                "entry_details": {"Status": 0, "Short Description": "x"},
                "message": {"state": {"u1": {"name": "State", "display_name": "State",
                                             "value": {"name": "Open"}}},
                            "changes": {"u1": {"value": {"name": "Open"},
                                               "old_value": {"name": "New"}}}}})");
    return values;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace hookbench;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const ConditionParseResult parsed = Condition::parse(text);
    if (!parsed.isValid()) {
        const ConditionParseError &error = *parsed.error;
        if (error.offset < 0 || error.offset > text.size() || error.length < 1 || error.line < 1
            || error.column < 1 || error.message.isEmpty())
            std::abort();
        (void)error.caretLines(text);
    } else {
        const QString canonical = parsed.condition.toString();
        const ConditionParseResult again = Condition::parse(canonical);
        if (!again.isValid() || !(again.condition == parsed.condition)
            || again.condition.toString() != canonical)
            std::abort();
        const ConditionResult result = ConditionEvaluator::evaluate(parsed.condition, payload());
        if (parsed.condition.isEmpty() != result.steps.isEmpty())
            std::abort();
        (void)result.explanation();
        const FormPayloadValues form({{QStringLiteral("status"), text}});
        (void)ConditionEvaluator::evaluate(parsed.condition, form);
    }

    const FieldPathListParseResult paths = PayloadFields::parseList(text);
    if (paths.isValid()) {
        const std::optional<QByteArray> shaped
                = PayloadFields::keep(payload().tree().source(), paths.paths);
        if (!shaped || !JsonTree::parse(*shaped).isValid())
            std::abort();
    }
    return 0;
}
