#include "condition_lexer.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hookbench::ConditionParser", text);
}

bool isDigit(QChar character)
{
    return character >= u'0' && character <= u'9';
}

} // namespace

ConditionLexer::ConditionLexer(QStringView text)
    : m_text(text)
{}

bool ConditionLexer::isIdentifierStart(QChar character)
{
    return character.isLetter() || character == u'_' || character == u'$' || character == u'@';
}

bool ConditionLexer::isIdentifierPart(QChar character)
{
    // '-' is allowed inside names (x-github-event, changed-to): the language has no arithmetic.
    return isIdentifierStart(character) || character.isDigit() || character == u'-'
           || character.isMark();
}

std::optional<ConditionToken> ConditionLexer::fail(qsizetype offset, qsizetype length,
                                                   const QString &message)
{
    m_error = ConditionParseError::at(m_text, offset, length, message);
    return std::nullopt;
}

std::optional<ConditionToken> ConditionLexer::next()
{
    while (m_position < m_text.size() && m_text[m_position].isSpace())
        ++m_position;
    ConditionToken token;
    token.offset = m_position;
    if (m_position >= m_text.size())
        return token;

    const QChar character = m_text[m_position];
    const QChar following = m_position + 1 < m_text.size() ? m_text[m_position + 1] : QChar();
    const auto single = [&](ConditionToken::Kind kind, qsizetype length) {
        token.kind = kind;
        token.length = length;
        token.text = m_text.sliced(m_position, length).toString();
        m_position += length;
        return token;
    };

    if (character == u'"')
        return quoted(character, ConditionToken::Kind::String);
    if (character == u'\'')
        return quoted(character, ConditionToken::Kind::QuotedField);
    if (isDigit(character) || ((character == u'-' || character == u'+') && isDigit(following)))
        return number();
    if (isIdentifierStart(character)) {
        qsizetype end = m_position + 1;
        while (end < m_text.size() && isIdentifierPart(m_text[end]))
            ++end;
        return single(ConditionToken::Kind::Identifier, end - m_position);
    }
    switch (character.unicode()) {
    case u'(':
        return single(ConditionToken::Kind::LeftParen, 1);
    case u')':
        return single(ConditionToken::Kind::RightParen, 1);
    case u'[':
        return single(ConditionToken::Kind::LeftBracket, 1);
    case u']':
        return single(ConditionToken::Kind::RightBracket, 1);
    case u',':
        return single(ConditionToken::Kind::Comma, 1);
    case u'.':
        return single(ConditionToken::Kind::Dot, 1);
    case u'=':
        return single(ConditionToken::Kind::Operator, following == u'=' ? 2 : 1);
    case u'<':
    case u'>':
        return single(ConditionToken::Kind::Operator, following == u'=' ? 2 : 1);
    case u'!':
        if (following == u'=')
            return single(ConditionToken::Kind::Operator, 2);
        return single(ConditionToken::Kind::Bang, 1);
    case u'&':
        if (following == u'&')
            return single(ConditionToken::Kind::AndAnd, 2);
        return fail(m_position, 1, tr("a single '&': write '&&' or 'and'"));
    case u'|':
        if (following == u'|')
            return single(ConditionToken::Kind::OrOr, 2);
        return fail(m_position, 1, tr("a single '|': write '||' or 'or'"));
    default:
        break;
    }
    const qsizetype length = character.isHighSurrogate() && following.isLowSurrogate() ? 2 : 1;
    return fail(m_position, length,
                tr("unexpected character '%1'").arg(m_text.sliced(m_position, length)));
}

std::optional<ConditionToken> ConditionLexer::quoted(QChar quote, ConditionToken::Kind kind)
{
    const qsizetype start = m_position;
    qsizetype position = start + 1;
    QString value;
    while (position < m_text.size()) {
        const QChar character = m_text[position];
        if (character == quote) {
            m_position = position + 1;
            return ConditionToken{kind, start, m_position - start, value};
        }
        if (character == u'\\') {
            if (position + 1 >= m_text.size())
                break;
            const QChar escaped = m_text[position + 1];
            switch (escaped.unicode()) {
            case u'\\':
            case u'"':
            case u'\'':
                value.append(escaped);
                break;
            case u'n':
                value.append(u'\n');
                break;
            case u't':
                value.append(u'\t');
                break;
            default:
                return fail(
                        position, 2,
                        tr("unknown escape '\\%1' (use \\\\, \\\", \\', \\n or \\t)").arg(escaped));
            }
            position += 2;
            continue;
        }
        value.append(character);
        ++position;
    }
    return fail(start, 1,
                kind == ConditionToken::Kind::String
                        ? tr("unterminated string: missing closing \"")
                        : tr("unterminated field name: missing closing '"));
}

std::optional<ConditionToken> ConditionLexer::number()
{
    const qsizetype start = m_position;
    qsizetype position = start;
    if (m_text[position] == u'-' || m_text[position] == u'+')
        ++position;
    while (position < m_text.size() && isDigit(m_text[position]))
        ++position;
    if (position < m_text.size() && m_text[position] == u'.') {
        // "items[0].id": a dot after an index-like number followed by a name is a path, not a
        // fraction, so only digits make it a fraction.
        if (position + 1 < m_text.size() && isDigit(m_text[position + 1])) {
            ++position;
            while (position < m_text.size() && isDigit(m_text[position]))
                ++position;
        }
    }
    if (position < m_text.size() && (m_text[position] == u'e' || m_text[position] == u'E')) {
        qsizetype exponent = position + 1;
        if (exponent < m_text.size() && (m_text[exponent] == u'-' || m_text[exponent] == u'+'))
            ++exponent;
        if (exponent >= m_text.size() || !isDigit(m_text[exponent]))
            return fail(start, exponent - start,
                        tr("malformed number: the exponent has no digits"));
        position = exponent;
        while (position < m_text.size() && isDigit(m_text[position]))
            ++position;
    }
    if (position < m_text.size() && isIdentifierPart(m_text[position])
        && m_text[position] != u'-') {
        qsizetype end = position;
        while (end < m_text.size() && isIdentifierPart(m_text[end]))
            ++end;
        return fail(start, end - start,
                    tr("malformed number '%1' (quote a field name that starts with a digit: '%1')")
                            .arg(m_text.sliced(start, end - start)));
    }
    ConditionToken token{ConditionToken::Kind::Number, start, position - start,
                         m_text.sliced(start, position - start).toString()};
    m_position = position;
    return token;
}

} // namespace hookbench
