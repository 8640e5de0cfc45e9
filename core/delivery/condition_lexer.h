#pragma once

#include "condition_parse_error.h"

#include <QString>
#include <QStringView>
#include <optional>

namespace hookbench {

struct ConditionToken
{
    enum class Kind {
        End,
        Identifier,  // status, changed, AND (keywords are identifiers the parser recognises)
        QuotedField, // 'Status': a field name in Remedy's quoting
        String,      // "Closed"
        Number,      // -12.5e3, kept as written
        Operator,    // = == != < <= > >=
        LeftParen,
        RightParen,
        LeftBracket,
        RightBracket,
        Comma,
        Dot,
        AndAnd,
        OrOr,
        Bang,
    };
    Kind kind = Kind::End;
    qsizetype offset = 0;
    qsizetype length = 0;
    QString text; // identifier or number as written, string and quoted field unescaped

    bool isKeyword(QStringView keyword) const
    {
        return kind == Kind::Identifier && text.compare(keyword, Qt::CaseInsensitive) == 0;
    }
};

// Splits condition text into tokens, one at a time, so the parser reports the first problem
// where it is.
class ConditionLexer
{
public:
    explicit ConditionLexer(QStringView text);

    // The next token, or the error at the first character that starts no token.
    std::optional<ConditionToken> next();
    const std::optional<ConditionParseError> &error() const { return m_error; }

    static bool isIdentifierStart(QChar character);
    static bool isIdentifierPart(QChar character);

private:
    std::optional<ConditionToken> fail(qsizetype offset, qsizetype length, const QString &message);
    std::optional<ConditionToken> quoted(QChar quote, ConditionToken::Kind kind);
    std::optional<ConditionToken> number();

    QStringView m_text;
    qsizetype m_position = 0;
    std::optional<ConditionParseError> m_error;
};

} // namespace hookbench
