#pragma once

#include <QString>
#include <QStringView>

namespace hookbench {

// Why a condition does not parse, and where: offset and length are in UTF-16 code units of the
// condition text (what QLineEdit::setSelection and QTextCursor take); line and column are
// 1-based for messages.
struct ConditionParseError
{
    qsizetype offset = 0;
    qsizetype length = 1;
    int line = 1;
    int column = 1;
    QString message;

    // "column 12: expected ')'"
    QString toString() const;
    // The line of text holding the error and, under it, a caret line ("      ^~~") for a
    // monospace editor, a tooltip or the CLI. Tabs in the text are kept in the caret line so
    // the caret stays aligned.
    QString caretLines(QStringView text) const;

    static ConditionParseError at(QStringView text, qsizetype offset, qsizetype length,
                                  const QString &message);

    friend bool operator==(const ConditionParseError &, const ConditionParseError &) = default;
};

} // namespace hookbench
