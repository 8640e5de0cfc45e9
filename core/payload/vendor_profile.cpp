#include "vendor_profile.h"

#include "payload_analysis.h"

#include <QDateTime>

namespace hookbench {

JsonTree VendorProfile::payloadJson(const PayloadAnalysis &payload)
{
    if (!payload.json.isEmpty())
        return payload.json;
    if (const auto field = payload.formValue(u"payload")) {
        JsonParseResult parsed = JsonTree::parse(field->toUtf8());
        if (parsed.isValid())
            return parsed.tree;
    }
    return {};
}

QString VendorProfile::displayValue(const JsonTree &tree, JsonTree::NodeId node)
{
    if (node == JsonTree::NoNode)
        return {};
    if (!tree.isContainer(node))
        return tree.textString(node);
    if (tree.type(node) == JsonNodeType::Object) {
        const auto value = tree.scalarAt(node, {"value"});
        const auto units = tree.scalarAt(node, {"units"});
        if (value && units)
            return *value + u' ' + *units;
        for (QByteArrayView nameKey : {QByteArrayView("_refObjectName"), QByteArrayView("name"),
                                       QByteArrayView("display_name")}) {
            if (const auto name = tree.scalarAt(node, {nameKey}))
                return *name;
        }
        if (value)
            return *value;
    }
    return QString::fromUtf8(tree.toJson(node, JsonTree::Format::Compact));
}

std::optional<QString> VendorProfile::header(const PayloadAnalysis &payload, QByteArrayView name)
{
    const auto value = payload.headers.value(name);
    if (!value)
        return std::nullopt;
    return QString::fromUtf8(*value);
}

std::optional<QString> VendorProfile::duration(const QString &from, const QString &to)
{
    const QDateTime start = QDateTime::fromString(from, Qt::ISODate);
    const QDateTime end = QDateTime::fromString(to, Qt::ISODate);
    if (!start.isValid() || !end.isValid())
        return std::nullopt;
    qint64 seconds = start.secsTo(end);
    const QString sign = seconds < 0 ? QStringLiteral("-") : QString();
    seconds = qAbs(seconds);
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds % 3600) / 60;
    const qint64 rest = seconds % 60;
    if (hours > 0)
        return sign + QStringLiteral("%1h %2m %3s").arg(hours).arg(minutes).arg(rest);
    if (minutes > 0)
        return sign + QStringLiteral("%1m %2s").arg(minutes).arg(rest);
    return sign + QStringLiteral("%1s").arg(rest);
}

VendorSummary VendorProfile::startSummary() const
{
    VendorSummary summary;
    summary.vendor = id();
    return summary;
}

} // namespace hookbench
