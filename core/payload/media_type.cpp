#include "media_type.h"

namespace hookbench {

std::optional<MediaType> MediaType::parse(QByteArrayView value)
{
    HeaderParameters parsed = HeaderParameters::parse(value);
    const QByteArray &essence = parsed.value();
    const qsizetype slash = essence.indexOf('/');
    if (slash < 0)
        return std::nullopt;
    const QByteArray type = essence.first(slash).trimmed();
    const QByteArray subtype = essence.sliced(slash + 1).trimmed();
    if (!HeaderParameters::isToken(type) || !HeaderParameters::isToken(subtype))
        return std::nullopt;

    MediaType result;
    result.m_type = type.toLower();
    result.m_subtype = subtype.toLower();
    result.m_parameters = std::move(parsed);
    return result;
}

QByteArray MediaType::suffix() const
{
    const qsizetype plus = m_subtype.lastIndexOf('+');
    return plus < 0 ? QByteArray() : m_subtype.sliced(plus + 1);
}

} // namespace hookbench
