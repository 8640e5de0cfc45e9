#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace hookbench {

// A body as the inspector's text tab shows it. Formatting a multi-megabyte body takes long enough
// to freeze a window, so this is a plain function the inspector runs on a worker thread.
struct FormattedBody
{
    enum class Kind { Empty, Text, Json, Binary };
    Kind kind = Kind::Empty;
    QString text;
    bool truncated = false; // only the first maxBytes were formatted
};

class BodyFormatter
{
    Q_DECLARE_TR_FUNCTIONS(BodyFormatter)

public:
    // Text views choke on huge documents; past this the hex view has the rest.
    static constexpr qsizetype defaultMaxBytes = 2 * 1024 * 1024;

    static FormattedBody format(const QByteArray &body, qsizetype maxBytes = defaultMaxBytes);

    // Re-indents valid JSON without parsing it into objects, so member order, duplicate keys
    // and number spelling stay exactly as the sender wrote them.
    static QByteArray indentJson(QByteArrayView json);
    static bool looksBinary(QByteArrayView bytes);
};

} // namespace hookbench
