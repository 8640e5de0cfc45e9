#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QString>
#include <optional>

namespace hookbench {

struct RallyConversionResult
{
    QString condition; // empty for an empty list: Rally then matches every change
    std::optional<QString> error;

    bool isValid() const { return !error.has_value(); }
};

// Converts the "Expressions" of a Rally (Agile Central) webhook into condition text. Rally
// matches a change only when every expression matches, so they are joined with "and". Each
// expression names its attribute by AttributeName (or AttributeID, the attribute UUID) and has
// an Operator and a Value:
//   =, !=, <, <=, >, >=   the same comparison
//   ~ / !~                Value is a comma-separated list; the attribute is (not) one of them
//   contains / !contains  substring
//   has / !has            a collection attribute holds (or lacks) the value
//   changed               the change touched the attribute
//   changed-to / -from    it changed, and its new / old value is Value
//   project               (no attribute) the artifact's project has the UUID Value; read from the
//                         Project attribute's "id", the UUID of a Rally reference
// The attribute becomes a field path that JsonPayloadValues resolves in message.state.
class RallyExpressions
{
public:
    static RallyConversionResult toCondition(const QJsonArray &expressions);
    // The JSON array, or a whole webhook definition holding "Expressions".
    static RallyConversionResult toCondition(const QByteArray &json);
};

} // namespace hookbench
