#pragma once

#include "field_path.h"
#include "payload/json_tree.h"

#include <QByteArray>
#include <QList>
#include <QStringView>
#include <optional>

namespace hookbench {

struct FieldPathListParseResult
{
    QList<FieldPath> paths;
    std::optional<ConditionParseError> error;

    bool isValid() const { return !error.has_value(); }
};

// "Send only these fields", as BMC Remedy's payload_fields does: a payload shaped down to the
// listed paths, keeping the structure around them and the document's own order.
//  - A path is found as a condition finds it: from the root, else inside "entry_details" (a
//    Remedy field list names form fields: Status, 'Short Description').
//  - A Remedy entry_event payload (one with an entry_details object) keeps its envelope, every
//    top-level member but entry_details, as Remedy always sends webhook_id, entry_event,
//    form_name and entry_id.
//  - items[0] keeps one element; a name applied to an array (items.id) keeps that member of
//    every element. Kept arrays are compacted, so indices may change.
//  - Paths the payload lacks are skipped: Remedy sends only the listed fields that an update
//    changed.
// An empty list keeps everything. Numbers and strings keep their text; output is compact JSON.
class PayloadFields
{
public:
    static QByteArray keep(const JsonTree &tree, const QList<FieldPath> &fields);
    // nullopt when json does not parse; json itself, byte for byte, when fields is empty.
    static std::optional<QByteArray> keep(const QByteArray &json, const QList<FieldPath> &fields);

    // "Description, Impact, 'Short Description', record.owner" as typed in an editor or given to
    // `--fields`.
    static FieldPathListParseResult parseList(QStringView text);
};

} // namespace hookbench
