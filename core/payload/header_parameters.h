#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <optional>

namespace hookbench {

// A header value of the shape `value; name=token; name="quoted"` as Content-Type (RFC 9110
// section 5.6.6) and Content-Disposition (RFC 6266, RFC 7578) use. Parameter names are
// lower-cased; values are kept as sent, quotes removed.
class HeaderParameters
{
public:
    static HeaderParameters parse(QByteArrayView headerValue);

    // The part before the first ';', trimmed.
    const QByteArray &value() const { return m_value; }
    std::optional<QByteArray> parameter(QByteArrayView name) const;
    const QList<QPair<QByteArray, QByteArray>> &parameters() const { return m_parameters; }

    static bool isToken(QByteArrayView text);

private:
    QByteArray m_value;
    QList<QPair<QByteArray, QByteArray>> m_parameters;
};

} // namespace hookbench
