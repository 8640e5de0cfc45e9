#include "decimal_number.h"

namespace hookbench {

namespace {

// Exponents beyond this are clamped: no payload number is that large, and clamping keeps the
// arithmetic below from overflowing on hostile input like 1e99999999999999999999.
constexpr qint64 exponentLimit = qint64(1) << 48;

bool isDigit(QChar character)
{
    return character >= u'0' && character <= u'9';
}

} // namespace

std::optional<DecimalNumber> DecimalNumber::parse(QStringView text)
{
    qsizetype position = 0;
    bool negative = false;
    if (position < text.size() && (text[position] == u'-' || text[position] == u'+')) {
        negative = text[position] == u'-';
        ++position;
    }
    QByteArray digits;
    qsizetype integerDigits = 0;
    while (position < text.size() && isDigit(text[position])) {
        digits.append(char(text[position].unicode()));
        ++integerDigits;
        ++position;
    }
    if (integerDigits == 0)
        return std::nullopt;
    if (position < text.size() && text[position] == u'.') {
        ++position;
        const qsizetype start = position;
        while (position < text.size() && isDigit(text[position]))
            digits.append(char(text[position++].unicode()));
        if (position == start)
            return std::nullopt;
    }
    qint64 exponent = 0;
    if (position < text.size() && (text[position] == u'e' || text[position] == u'E')) {
        ++position;
        bool exponentNegative = false;
        if (position < text.size() && (text[position] == u'-' || text[position] == u'+')) {
            exponentNegative = text[position] == u'-';
            ++position;
        }
        const qsizetype start = position;
        while (position < text.size() && isDigit(text[position])) {
            exponent = std::min(exponent * 10 + (text[position].unicode() - u'0'), exponentLimit);
            ++position;
        }
        if (position == start)
            return std::nullopt;
        if (exponentNegative)
            exponent = -exponent;
    }
    if (position != text.size())
        return std::nullopt;

    qsizetype leadingZeros = 0;
    while (leadingZeros < digits.size() && digits[leadingZeros] == '0')
        ++leadingZeros;
    qsizetype end = digits.size();
    while (end > leadingZeros && digits[end - 1] == '0')
        --end;

    DecimalNumber number;
    number.m_digits = digits.sliced(leadingZeros, end - leadingZeros);
    if (number.m_digits.isEmpty())
        return number; // zero, whatever its sign or exponent
    number.m_negative = negative;
    number.m_exponent = exponent + qint64(integerDigits) - qint64(leadingZeros);
    return number;
}

std::strong_ordering operator<=>(const DecimalNumber &left, const DecimalNumber &right)
{
    if (left.m_negative != right.m_negative)
        return left.m_negative ? std::strong_ordering::less : std::strong_ordering::greater;
    if (left.isZero() || right.isZero()) {
        if (left.isZero() && right.isZero())
            return std::strong_ordering::equal;
        // Zero is never negative, so the non-zero side decides by its sign.
        const bool leftLarger = left.isZero() ? right.m_negative : !left.m_negative;
        return leftLarger ? std::strong_ordering::greater : std::strong_ordering::less;
    }
    std::strong_ordering magnitude = left.m_exponent <=> right.m_exponent;
    if (magnitude == std::strong_ordering::equal) {
        // Same exponent: with trailing zeros stripped, digit strings order like the values.
        const int byDigits = left.m_digits.compare(right.m_digits);
        magnitude = byDigits <=> 0;
    }
    if (left.m_negative)
        return 0 <=> magnitude;
    return magnitude;
}

} // namespace hookbench
