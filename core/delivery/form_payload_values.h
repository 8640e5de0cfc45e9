#pragma once

#include "payload/form_decoder.h"
#include "payload_values.h"

#include <QList>

namespace hookbench {

// Field values of a form (application/x-www-form-urlencoded or multipart text fields): a flat
// list of names. A path matches the field whose name is the path's keys joined by dots, so
// both user.name and 'user.name' find the field "user.name"; quote other names ('user[name]').
// Every value is a string (numeric text still compares as a number against a number); a name
// sent more than once reads as an array of its values, so "tags contains \"x\"" works. Forms
// carry no old values.
class FormPayloadValues : public PayloadValues
{
public:
    explicit FormPayloadValues(QList<FormField> fields);

    std::optional<FieldLookup> lookup(const FieldPath &path) const override;
    FieldChange change(const FieldPath &path) const override;

private:
    QList<FormField> m_fields;
};

} // namespace hookbench
