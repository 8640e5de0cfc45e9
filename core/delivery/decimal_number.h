#pragma once

#include <QByteArray>
#include <QStringView>
#include <compare>
#include <optional>

namespace hookbench {

// An exact decimal number parsed from JSON number text, for comparisons that must not round:
// a 20-digit id compared through a double would equal its neighbours, and 1.10 must equal 1.1
// and 1E+2 must equal 100. The value is 0.digits × 10^exponent.
class DecimalNumber
{
public:
    // Accepts JSON number syntax, plus leading zeros and a leading '+' (form fields carry such
    // text); nothing else, not even surrounding spaces.
    static std::optional<DecimalNumber> parse(QStringView text);

    bool isZero() const { return m_digits.isEmpty(); }
    bool isNegative() const { return m_negative; }

    friend std::strong_ordering operator<=>(const DecimalNumber &, const DecimalNumber &);
    friend bool operator==(const DecimalNumber &, const DecimalNumber &) = default;

private:
    bool m_negative = false;
    QByteArray m_digits; // no leading or trailing zeros; empty for zero
    qint64 m_exponent = 0;
};

} // namespace hookbench
