#include "form_payload_values.h"

namespace hookbench {

FormPayloadValues::FormPayloadValues(QList<FormField> fields)
    : m_fields(std::move(fields))
{}

std::optional<FieldLookup> FormPayloadValues::lookup(const FieldPath &path) const
{
    QStringList keys;
    for (const FieldPath::Segment &segment : path.segments()) {
        if (segment.kind != FieldPath::Segment::Kind::Key)
            return std::nullopt;
        keys.append(segment.key);
    }
    const QString name = keys.join(u'.');
    QList<FieldValue> values;
    for (const FormField &field : m_fields) {
        if (field.name == name)
            values.append(FieldValue::string(field.value));
    }
    if (values.isEmpty())
        return std::nullopt;
    if (values.size() == 1)
        return FieldLookup{values.front(), QString()};
    return FieldLookup{FieldValue::array(std::move(values)), QString()};
}

FieldChange FormPayloadValues::change(const FieldPath &) const
{
    return {};
}

} // namespace hookbench
