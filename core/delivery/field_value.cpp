#include "field_value.h"

#include "field_path.h"
#include "payload/json_tree.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {

constexpr qsizetype displayLimit = 80;

QString elided(QString text)
{
    if (text.size() <= displayLimit)
        return text;
    text.truncate(displayLimit - 1);
    return text + u'…';
}

} // namespace

FieldValue::FieldValue(Type type, QString text, QList<FieldValue> elements)
    : m_type(type)
    , m_text(std::move(text))
    , m_elements(std::move(elements))
{}

FieldValue FieldValue::null()
{
    return FieldValue(Type::Null, u"null"_s);
}

FieldValue FieldValue::boolean(bool flag)
{
    return FieldValue(Type::Boolean, flag ? u"true"_s : u"false"_s);
}

FieldValue FieldValue::number(const QString &text)
{
    return FieldValue(Type::Number, text);
}

FieldValue FieldValue::string(const QString &text)
{
    return FieldValue(Type::String, text);
}

FieldValue FieldValue::array(QList<FieldValue> elements)
{
    return FieldValue(Type::Array, QString(), std::move(elements));
}

FieldValue FieldValue::object(const QString &compactJson)
{
    return FieldValue(Type::Object, compactJson);
}

FieldValue FieldValue::fromJson(const JsonTree &tree, quint32 node)
{
    switch (tree.type(node)) {
    case JsonNodeType::Null:
        return null();
    case JsonNodeType::Boolean:
        return boolean(tree.text(node) == "true");
    case JsonNodeType::Number:
        return number(tree.textString(node));
    case JsonNodeType::String:
        return string(tree.textString(node));
    case JsonNodeType::Array: {
        QList<FieldValue> elements;
        const qsizetype count = tree.childCount(node);
        elements.reserve(count);
        for (qsizetype row = 0; row < count; ++row)
            elements.append(fromJson(tree, tree.child(node, row)));
        return array(std::move(elements));
    }
    case JsonNodeType::Object:
        return object(QString::fromUtf8(tree.toJson(node, JsonTree::Format::Compact)));
    }
    return missing();
}

QString FieldValue::display() const
{
    switch (m_type) {
    case Type::Missing:
        return QCoreApplication::translate("hookbench::ConditionEvaluator", "missing");
    case Type::String:
        return elided(literal());
    case Type::Array: {
        QStringList parts;
        for (const FieldValue &element : m_elements)
            parts.append(element.literal());
        return elided(u'[' + parts.join(u", "_s) + u']');
    }
    case Type::Null:
    case Type::Boolean:
    case Type::Number:
    case Type::Object:
        return elided(m_text);
    }
    return m_text;
}

QString FieldValue::literal() const
{
    switch (m_type) {
    case Type::String:
        return FieldPath::quoted(m_text, u'"');
    case Type::Missing:
        return u"null"_s;
    case Type::Array: {
        QStringList parts;
        for (const FieldValue &element : m_elements)
            parts.append(element.literal());
        return u'[' + parts.join(u", "_s) + u']';
    }
    case Type::Null:
    case Type::Boolean:
    case Type::Number:
    case Type::Object:
        return m_text;
    }
    return m_text;
}

} // namespace hookbench
