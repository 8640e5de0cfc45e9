#pragma once

#include "condition_parse_error.h"

#include <QList>
#include <QString>
#include <QStringView>
#include <optional>

namespace hookbench {

struct FieldPathParseResult;

// A path into a payload, written as in conditions: status, record.owner.name, items[0].id,
// 'Short Description' (Remedy's single-quoted field names may hold spaces and dots).
class FieldPath
{
public:
    struct Segment
    {
        enum class Kind { Key, Index };
        Kind kind = Kind::Key;
        QString key;
        qsizetype index = 0;

        friend bool operator==(const Segment &, const Segment &) = default;
    };

    FieldPath() = default;
    explicit FieldPath(QList<Segment> segments);
    // One literal key, whatever characters it holds (a Remedy payload_fields entry).
    static FieldPath fromKey(const QString &key);
    // Parses the condition syntax for a path (the whole text must be one path).
    static FieldPathParseResult parse(QStringView text);

    bool isEmpty() const { return m_segments.isEmpty(); }
    const QList<Segment> &segments() const { return m_segments; }
    // The same path without its first segment.
    FieldPath tail() const;
    // Condition syntax that parses back to this path: keys that are not plain identifiers
    // (or are keywords) are single-quoted.
    QString toString() const;
    // A plain identifier that the condition language would not read as a keyword.
    static bool isPlainIdentifier(QStringView key);
    static QString quoted(QStringView text, QChar quote);

    friend bool operator==(const FieldPath &, const FieldPath &) = default;

private:
    QList<Segment> m_segments;
};

struct FieldPathParseResult
{
    FieldPath path; // empty when error is set
    std::optional<ConditionParseError> error;

    bool isValid() const { return !error.has_value(); }
};

} // namespace hookbench
