#include "compass_profile.h"

#include "payload/payload_analysis.h"

#include <QRegularExpression>

namespace hookbench {

namespace {

// Every record field is {"truncated": "true"|"false", "value": ...}; a truncated one adds "url".
bool isCompassField(const JsonTree &tree, JsonTree::NodeId field)
{
    return tree.type(field) == JsonNodeType::Object
           && tree.member(field, "value") != JsonTree::NoNode
           && tree.member(field, "truncated") != JsonTree::NoNode;
}

std::optional<QString> fieldValue(const JsonTree &tree, JsonTree::NodeId content,
                                  std::initializer_list<QByteArrayView> names)
{
    for (QByteArrayView name : names) {
        if (const auto value = tree.scalarAt(content, {name, "value"}); value && !value->isEmpty())
            return value;
    }
    return std::nullopt;
}

} // namespace

QString CompassProfile::id() const
{
    return QStringLiteral("compass");
}

QString CompassProfile::displayName() const
{
    return tr("HCL Compass");
}

int CompassProfile::detect(const PayloadAnalysis &payload) const
{
    const JsonTree &tree = payload.json;
    const JsonTree::NodeId content = tree.member(tree.root(), "content");
    if (tree.type(content) != JsonNodeType::Object || tree.childCount(content) == 0)
        return NotDetected;
    // The shape is distinctive only when most members are Compass field objects.
    qsizetype fields = 0;
    for (qsizetype row = 0; row < tree.childCount(content); ++row)
        fields += isCompassField(tree, tree.child(content, row)) ? 1 : 0;
    if (fields * 2 <= tree.childCount(content))
        return NotDetected;
    return tree.member(tree.root(), "webUrl") != JsonTree::NoNode ? ShapeMatch + 10 : ShapeMatch;
}

VendorSummary CompassProfile::summarize(const PayloadAnalysis &payload) const
{
    VendorSummary summary = startSummary();
    const JsonTree &tree = payload.json;
    const JsonTree::NodeId root = tree.root();
    const JsonTree::NodeId content = tree.member(root, "content");

    std::optional<QString> recordType = tree.scalarAt(root, {"recordType"});
    if (!recordType)
        recordType = fieldValue(tree, content, {"record_type", "RecordType"});
    std::optional<QString> recordId = fieldValue(tree, content, {"id", "ID"});
    // A truncated field's REST URL names the record: .../records/<type>/<id>/fields/<field>.
    static const QRegularExpression recordUrl(QStringLiteral("/records/([^/]+)/([^/]+)/fields/"));
    for (qsizetype row = 0; row < tree.childCount(content) && (!recordType || !recordId); ++row) {
        const auto url = tree.scalarAt(tree.child(content, row), {"url"});
        const QRegularExpressionMatch match
                = url ? recordUrl.match(*url) : QRegularExpressionMatch();
        if (match.hasMatch()) {
            recordType = recordType.value_or(match.captured(1));
            recordId = recordId.value_or(match.captured(2));
        }
    }
    std::optional<QString> action = tree.scalarAt(root, {"action"});
    if (!action)
        action = tree.scalarAt(root, {"actionName"});
    if (!action)
        action = fieldValue(tree, content, {"action", "Action", "action_name"});
    const std::optional<QString> state = fieldValue(tree, content, {"State", "state"});

    summary.addFact(QStringLiteral("record_type"), tr("Record type"), recordType);
    summary.addFact(QStringLiteral("record_id"), tr("Record id"), recordId);
    summary.addFact(QStringLiteral("action"), tr("Action"), action);
    summary.addFact(QStringLiteral("state"), tr("State"), state);
    summary.addFact(QStringLiteral("headline"), tr("Headline"),
                    fieldValue(tree, content, {"Headline"}));
    summary.addFact(QStringLiteral("web_url"), tr("Configuration URL"),
                    tree.scalarAt(root, {"webUrl"}));

    const QString what = action.value_or(state.value_or(QStringLiteral("record")));
    summary.event = recordType ? *recordType + u'.' + what : what;

    SummaryTable fields{QStringLiteral("fields"),
                        tr("Record fields"),
                        {tr("Field"), tr("Value"), tr("Truncated"), tr("Full value URL")},
                        {}};
    qsizetype truncated = 0;
    for (qsizetype row = 0; row < tree.childCount(content); ++row) {
        const JsonTree::NodeId field = tree.child(content, row);
        const bool isTruncated = tree.scalarAt(field, {"truncated"}) == QStringLiteral("true");
        truncated += isTruncated ? 1 : 0;
        fields.rows.append({tree.keyString(field),
                            displayValue(tree, tree.type(field) == JsonNodeType::Object
                                                       ? tree.member(field, "value")
                                                       : field),
                            isTruncated ? tr("yes") : tr("no"),
                            tree.scalarAt(field, {"url"}).value_or(QString())});
    }
    summary.addFact(QStringLiteral("field_count"), tr("Fields"),
                    QString::number(fields.rows.size()));
    if (truncated > 0)
        summary.addFact(QStringLiteral("truncated_fields"), tr("Truncated fields"),
                        QString::number(truncated));
    summary.tables.append(fields);
    return summary;
}

} // namespace hookbench
