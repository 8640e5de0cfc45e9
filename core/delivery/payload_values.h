#pragma once

#include "field_path.h"
#include "field_value.h"

#include <QString>
#include <optional>

namespace hookbench {

// A field found in a payload. location is set when the value was not where the path says (a
// Remedy 'Status' found at .entry_details.Status, a Rally ScheduleState found in message.state),
// so an explanation can say where it came from.
struct FieldLookup
{
    FieldValue value;
    QString location;
};

// What a payload says about a field's previous value.
struct FieldChange
{
    enum class State {
        Unknown,   // the payload carries no old values at all
        Unchanged, // it carries old values, none for this field
        Changed,
    };
    State state = State::Unknown;
    FieldValue oldValue; // Missing unless Changed
    FieldValue newValue;
    QString location;
};

// Where a condition reads values: the evaluator asks for a field and for whether and how it
// changed, and never sees the payload's format.
class PayloadValues
{
public:
    virtual ~PayloadValues();

    // nullopt when the payload has no such field.
    virtual std::optional<FieldLookup> lookup(const FieldPath &path) const = 0;
    virtual FieldChange change(const FieldPath &path) const = 0;
};

} // namespace hookbench
