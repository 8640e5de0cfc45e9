#include "header_parameters.h"

#include <algorithm>

namespace hookbench {

namespace {

bool isTokenChar(char c)
{
    // RFC 9110 section 5.6.2 tchar
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

class Cursor
{
public:
    explicit Cursor(QByteArrayView text)
        : m_text(text)
    {}

    bool atEnd() const { return m_position >= m_text.size(); }
    char peek() const { return m_text[m_position]; }
    void advance() { ++m_position; }
    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\r' || peek() == '\n'))
            ++m_position;
    }
    QByteArrayView takeUntil(QByteArrayView stops)
    {
        const qsizetype start = m_position;
        while (!atEnd() && !stops.contains(peek()))
            ++m_position;
        return m_text.sliced(start, m_position - start).trimmed();
    }
    // RFC 9110 section 5.6.4 quoted-string. Only \" and \\ are unescaped: browsers do not escape
    // backslashes in multipart filenames (WHATWG), so "C:\new\file.txt" must survive.
    QByteArray takeQuoted()
    {
        QByteArray value;
        ++m_position;
        while (!atEnd() && peek() != '"') {
            if (peek() == '\\' && m_position + 1 < m_text.size()
                && (m_text[m_position + 1] == '"' || m_text[m_position + 1] == '\\'))
                ++m_position;
            value.append(peek());
            ++m_position;
        }
        if (!atEnd())
            ++m_position;
        return value;
    }

private:
    QByteArrayView m_text;
    qsizetype m_position = 0;
};

} // namespace

bool HeaderParameters::isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

HeaderParameters HeaderParameters::parse(QByteArrayView headerValue)
{
    HeaderParameters result;
    Cursor cursor(headerValue);
    cursor.skipSpace();
    result.m_value = cursor.takeUntil(";").toByteArray();
    while (!cursor.atEnd()) {
        cursor.advance(); // ';'
        cursor.skipSpace();
        const QByteArray name = cursor.takeUntil("=;").toByteArray().toLower();
        if (cursor.atEnd() || cursor.peek() == ';')
            continue;     // a parameter without a value is malformed; skip it, keep the rest
        cursor.advance(); // '='
        cursor.skipSpace();
        QByteArray value;
        if (!cursor.atEnd() && cursor.peek() == '"') {
            value = cursor.takeQuoted();
            cursor.takeUntil(";");
        } else {
            value = cursor.takeUntil(";").toByteArray();
        }
        if (isToken(name))
            result.m_parameters.append({name, value});
    }
    return result;
}

std::optional<QByteArray> HeaderParameters::parameter(QByteArrayView name) const
{
    for (const auto &[parameterName, parameterValue] : m_parameters) {
        if (parameterName.compare(name, Qt::CaseInsensitive) == 0)
            return parameterValue;
    }
    return std::nullopt;
}

} // namespace hookbench
