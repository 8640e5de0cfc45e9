#pragma once

#include "header_parameters.h"

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace hookbench {

// A parsed Content-Type value (RFC 9110 section 8.3.1): type/subtype plus parameters. Type and
// subtype are lower-cased (they are case-insensitive); parameter values are kept.
class MediaType
{
public:
    MediaType() = default;

    // Returns nullopt when the value has no "type/subtype" shape.
    static std::optional<MediaType> parse(QByteArrayView value);

    const QByteArray &type() const { return m_type; }
    const QByteArray &subtype() const { return m_subtype; }
    // "application/json"
    QByteArray essence() const { return m_type + '/' + m_subtype; }
    // The structured syntax suffix of RFC 6838 section 4.2.8: "json" for application/ld+json.
    QByteArray suffix() const;
    std::optional<QByteArray> parameter(QByteArrayView name) const
    {
        return m_parameters.parameter(name);
    }
    std::optional<QByteArray> charset() const { return parameter("charset"); }
    std::optional<QByteArray> boundary() const { return parameter("boundary"); }

private:
    QByteArray m_type;
    QByteArray m_subtype;
    HeaderParameters m_parameters;
};

} // namespace hookbench
