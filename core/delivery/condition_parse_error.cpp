#include "condition_parse_error.h"

#include <QCoreApplication>

namespace hookbench {

QString ConditionParseError::toString() const
{
    return QCoreApplication::translate("hookbench::ConditionParser", "line %1, column %2: %3")
            .arg(line)
            .arg(column)
            .arg(message);
}

QString ConditionParseError::caretLines(QStringView text) const
{
    const qsizetype clamped = std::clamp<qsizetype>(offset, 0, text.size());
    const qsizetype lineStart = text.first(clamped).lastIndexOf(u'\n') + 1;
    qsizetype lineEnd = text.indexOf(u'\n', clamped);
    if (lineEnd < 0)
        lineEnd = text.size();
    const QStringView errorLine = text.sliced(lineStart, lineEnd - lineStart);

    QString caret;
    for (const QChar character : text.sliced(lineStart, clamped - lineStart))
        caret.append(character == u'\t' ? u'\t' : u' ');
    caret.append(u'^');
    const qsizetype underline = std::min(length, lineEnd - clamped) - 1;
    if (underline > 0)
        caret.append(QString(underline, u'~'));
    return errorLine.toString() + u'\n' + caret;
}

ConditionParseError ConditionParseError::at(QStringView text, qsizetype offset, qsizetype length,
                                            const QString &message)
{
    ConditionParseError error;
    error.offset = offset;
    error.length = std::max<qsizetype>(length, 1);
    error.message = message;
    const QStringView before = text.first(std::clamp<qsizetype>(offset, 0, text.size()));
    error.line = int(before.count(u'\n')) + 1;
    error.column = int(before.size() - (before.lastIndexOf(u'\n') + 1)) + 1;
    return error;
}

} // namespace hookbench
