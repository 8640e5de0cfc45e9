#pragma once

#include <QList>
#include <QString>

namespace hookbench {

class JsonTree;

// A value a condition compares: a condition literal or what a payload holds at a path.
// Numbers keep their decimal text (a 20-digit id stays exact); objects keep their compact JSON,
// arrays their elements (so "labels contains \"bug\"" can look inside).
class FieldValue
{
public:
    enum class Type { Missing, Null, Boolean, Number, String, Array, Object };

    FieldValue() = default;
    static FieldValue missing() { return FieldValue(); }
    static FieldValue null();
    static FieldValue boolean(bool value);
    // text must be JSON number syntax (DecimalNumber::parse accepts it).
    static FieldValue number(const QString &text);
    static FieldValue string(const QString &text);
    static FieldValue array(QList<FieldValue> elements);
    static FieldValue object(const QString &compactJson);
    // Converts a node of a parsed document, numbers exactly as written.
    static FieldValue fromJson(const JsonTree &tree, quint32 node);

    Type type() const { return m_type; }
    bool isMissing() const { return m_type == Type::Missing; }
    // Missing compares as null: a condition cannot tell "absent" from "null", only the
    // explanation can.
    bool isNullish() const { return m_type == Type::Missing || m_type == Type::Null; }
    bool toBool() const { return m_type == Type::Boolean && m_text == u"true"; }
    // Number text, string value, "true"/"false", compact JSON of an object.
    const QString &text() const { return m_text; }
    const QList<FieldValue> &elements() const { return m_elements; }

    // How the value reads in a condition or an explanation: "open", 42, null, [1,2]. Long
    // strings and containers are elided to keep one explanation line readable.
    QString display() const;
    // Condition syntax for a literal: strings double-quoted with escapes.
    QString literal() const;

    friend bool operator==(const FieldValue &, const FieldValue &) = default;

private:
    FieldValue(Type type, QString text, QList<FieldValue> elements = {});

    Type m_type = Type::Missing;
    QString m_text;
    QList<FieldValue> m_elements;
};

} // namespace hookbench
