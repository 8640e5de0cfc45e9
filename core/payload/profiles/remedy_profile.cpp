#include "remedy_profile.h"

#include "payload/payload_analysis.h"

namespace hookbench {

namespace {

constexpr QByteArrayView attachmentPrefix("attach-");

bool isEntry(const JsonTree &tree)
{
    const JsonTree::NodeId root = tree.root();
    return tree.type(root) == JsonNodeType::Object
           && tree.member(root, "webhook_id") != JsonTree::NoNode
           && tree.member(root, "entry_event") != JsonTree::NoNode;
}

// The callback's entry: the JSON body, or the multipart "entry" part (BMC: "The first part
// contains the entry with content type as Application/JSON").
JsonTree entryOf(const PayloadAnalysis &payload)
{
    if (!payload.json.isEmpty())
        return payload.json;
    if (const MultipartPart *entry = payload.part("entry")) {
        JsonParseResult parsed = JsonTree::parse(entry->body);
        if (parsed.isValid())
            return parsed.tree;
    }
    return {};
}

// "Basic <base64(user:password)>" → user; the password is never shown.
std::optional<QString> basicUser(const PayloadAnalysis &payload)
{
    const auto authorization = payload.headers.value("Authorization");
    if (!authorization || !authorization->startsWith("Basic "))
        return std::nullopt;
    const QByteArray credentials = QByteArray::fromBase64(authorization->sliced(6).trimmed());
    const qsizetype colon = credentials.indexOf(':');
    return QString::fromUtf8(colon < 0 ? credentials : credentials.first(colon));
}

} // namespace

QString RemedyProfile::id() const
{
    return QStringLiteral("remedy");
}

QString RemedyProfile::displayName() const
{
    return tr("BMC Remedy AR System");
}

int RemedyProfile::detect(const PayloadAnalysis &payload) const
{
    if (!payload.json.isEmpty())
        return isEntry(payload.json) ? ShapeMatch + 20 : NotDetected;
    if (payload.kind != ContentKind::Multipart || !payload.part("entry"))
        return NotDetected;
    return isEntry(entryOf(payload)) ? ShapeMatch + 30 : ShapeMatch;
}

VendorSummary RemedyProfile::summarize(const PayloadAnalysis &payload) const
{
    VendorSummary summary = startSummary();
    const JsonTree entry = entryOf(payload);
    const JsonTree::NodeId root = entry.root();
    const bool multipart = payload.kind == ContentKind::Multipart;

    if (multipart && !payload.part("entry"))
        summary.problems.append(tr("the multipart callback has no \"entry\" part"));
    else if (entry.isEmpty())
        summary.problems.append(tr("the entry is not valid JSON"));

    const std::optional<QString> event = entry.scalarAt(root, {"entry_event"});
    summary.event = event.value_or(QString());
    summary.addFact(QStringLiteral("webhook_id"), tr("Webhook id"),
                    entry.scalarAt(root, {"webhook_id"}));
    summary.addFact(QStringLiteral("form_name"), tr("Form"), entry.scalarAt(root, {"form_name"}));
    summary.addFact(QStringLiteral("entry_event"), tr("Entry event"), event);
    summary.addFact(QStringLiteral("entry_id"), tr("Entry id"), entry.scalarAt(root, {"entry_id"}));
    summary.addFact(QStringLiteral("basic_auth_user"), tr("Basic auth user"), basicUser(payload));

    if (!entry.isEmpty()) {
        for (QByteArrayView key : {QByteArrayView("webhook_id"), QByteArrayView("entry_event"),
                                   QByteArrayView("form_name")}) {
            if (entry.member(root, key) == JsonTree::NoNode)
                summary.problems.append(tr("%1 is missing").arg(QString::fromUtf8(key)));
        }
        if (event && *event != u"create" && *event != u"update" && *event != u"delete")
            summary.problems.append(tr("unknown entry_event \"%1\"").arg(*event));
    }

    const JsonTree::NodeId details = entry.member(root, "entry_details");
    SummaryTable detailTable{
            QStringLiteral("entry_details"), tr("Entry details"), {tr("Field"), tr("Value")}, {}};
    for (qsizetype row = 0; row < entry.childCount(details); ++row) {
        const JsonTree::NodeId field = entry.child(details, row);
        detailTable.rows.append({entry.keyString(field), displayValue(entry, field)});
    }
    summary.tables.append(detailTable);

    SummaryTable attachments{QStringLiteral("attachments"),
                             tr("Attachments"),
                             {tr("Field"), tr("File name"), tr("Content type"), tr("Size")},
                             {}};
    for (const MultipartPart &part : payload.parts) {
        if (!part.name.startsWith(attachmentPrefix))
            continue;
        attachments.rows.append({QString::fromUtf8(part.name.sliced(attachmentPrefix.size())),
                                 part.filename, QString::fromUtf8(part.contentType),
                                 QString::number(part.size())});
    }
    if (multipart)
        summary.addFact(QStringLiteral("attachment_count"), tr("Attachments"),
                        QString::number(attachments.rows.size()));
    summary.tables.append(attachments);
    return summary;
}

} // namespace hookbench
