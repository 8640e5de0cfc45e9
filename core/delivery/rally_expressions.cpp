#include "rally_expressions.h"

#include "field_path.h"
#include "field_value.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hookbench::RallyExpressions", text);
}

std::optional<QString> literal(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return FieldValue::string(value.toString()).literal();
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Double: {
        const QVariant number = value.toVariant();
        if (number.typeId() == QMetaType::LongLong)
            return QString::number(number.toLongLong());
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::Array:
    case QJsonValue::Object:
    case QJsonValue::Undefined:
        break;
    }
    return std::nullopt;
}

// Rally's "~" takes "a,b,c"; a non-string Value is a one-item list.
QStringList listItems(const QJsonValue &value)
{
    QStringList items;
    if (!value.isString())
        return {literal(value).value_or(u"null"_s)};
    for (const QString &item : value.toString().split(u',', Qt::SkipEmptyParts))
        items.append(FieldValue::string(item.trimmed()).literal());
    return items;
}

} // namespace

RallyConversionResult RallyExpressions::toCondition(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    RallyConversionResult result;
    if (parseError.error != QJsonParseError::NoError) {
        result.error = tr("not JSON at offset %1: %2")
                               .arg(parseError.offset)
                               .arg(parseError.errorString());
        return result;
    }
    if (document.isArray())
        return toCondition(document.array());
    const QJsonValue expressions = document.object().value(u"Expressions"_s);
    if (!document.isObject() || !expressions.isArray()) {
        result.error = tr("expected an array of expressions or an object with \"Expressions\"");
        return result;
    }
    return toCondition(expressions.toArray());
}

RallyConversionResult RallyExpressions::toCondition(const QJsonArray &expressions)
{
    RallyConversionResult result;
    QStringList parts;
    for (qsizetype index = 0; index < expressions.size(); ++index) {
        const auto fail = [&](const QString &message) {
            result.error = tr("expression %1: %2").arg(index + 1).arg(message);
            return result;
        };
        const QJsonObject expression = expressions.at(index).toObject();
        if (!expressions.at(index).isObject())
            return fail(tr("not an object"));
        const QString op = expression.value(u"Operator"_s).toString().trimmed().toLower();
        const QJsonValue value = expression.value(u"Value"_s);

        if (op == u"project") {
            if (!value.isString() || value.toString().isEmpty())
                return fail(tr("\"project\" needs the project UUID as Value"));
            parts.append(u"Project.id = "_s + *literal(value));
            continue;
        }

        QString attribute = expression.value(u"AttributeName"_s).toString();
        if (attribute.isEmpty())
            attribute = expression.value(u"AttributeID"_s).toString();
        if (attribute.isEmpty())
            return fail(tr("no AttributeName or AttributeID"));
        const QString field = FieldPath::fromKey(attribute).toString();

        if (op == u"changed") {
            parts.append(u"changed("_s + field + u')');
            continue;
        }
        if (op == u"~" || op == u"!~") {
            const QString in = field + u" in ("_s + listItems(value).join(u", "_s) + u')';
            parts.append(op == u"~" ? in : u"not "_s + in);
            continue;
        }
        const std::optional<QString> operand = literal(value);
        if (!operand)
            return fail(tr("Value must be a string, a number, a boolean or null"));
        if (op == u"changed-to") {
            parts.append(u"changed("_s + field + u") and "_s + field + u" = "_s + *operand);
            continue;
        }
        if (op == u"changed-from") {
            parts.append(u"changed("_s + field + u") and old("_s + field + u") = "_s + *operand);
            continue;
        }
        static const QList<std::pair<QString, QString>> binary = {
                {u"="_s, u"="_s},          {u"=="_s, u"="_s},
                {u"!="_s, u"!="_s},        {u"<"_s, u"<"_s},
                {u"<="_s, u"<="_s},        {u">"_s, u">"_s},
                {u">="_s, u">="_s},        {u"contains"_s, u"contains"_s},
                {u"has"_s, u"contains"_s},
        };
        static const QList<std::pair<QString, QString>> negatedBinary = {
                {u"!contains"_s, u"contains"_s},
                {u"!has"_s, u"contains"_s},
        };
        const auto findOperator = [&](const QList<std::pair<QString, QString>> &table) {
            const auto found = std::find_if(table.begin(), table.end(),
                                            [&](const auto &entry) { return entry.first == op; });
            return found == table.end() ? std::optional<QString>() : found->second;
        };
        if (const std::optional<QString> ours = findOperator(binary)) {
            parts.append(field + u' ' + *ours + u' ' + *operand);
            continue;
        }
        if (const std::optional<QString> ours = findOperator(negatedBinary)) {
            parts.append(u"not "_s + field + u' ' + *ours + u' ' + *operand);
            continue;
        }
        return fail(tr("unknown operator \"%1\"").arg(expression.value(u"Operator"_s).toString()));
    }
    result.condition = parts.join(u" and "_s);
    return result;
}

} // namespace hookbench
