#include "header_list.h"

namespace hookbench {

namespace {
bool sameName(QByteArrayView left, QByteArrayView right)
{
    return left.compare(right, Qt::CaseInsensitive) == 0;
}
} // namespace

std::optional<QByteArray> HeaderList::value(QByteArrayView name) const
{
    for (const HeaderField &field : m_fields) {
        if (sameName(field.name, name))
            return field.value;
    }
    return std::nullopt;
}

QList<QByteArray> HeaderList::values(QByteArrayView name) const
{
    QList<QByteArray> result;
    for (const HeaderField &field : m_fields) {
        if (sameName(field.name, name))
            result.append(field.value);
    }
    return result;
}

void HeaderList::removeAll(QByteArrayView name)
{
    m_fields.removeIf([name](const HeaderField &field) { return sameName(field.name, name); });
}

void HeaderList::set(const QByteArray &name, const QByteArray &value)
{
    for (HeaderField &field : m_fields) {
        if (sameName(field.name, name)) {
            field.value = value;
            return;
        }
    }
    append(name, value);
}

QByteArray HeaderList::toWireFormat() const
{
    QByteArray out;
    for (const HeaderField &field : m_fields) {
        out += field.name;
        out += ": ";
        out += field.value;
        out += "\r\n";
    }
    return out;
}

HeaderList HeaderList::fromWireFormat(QByteArrayView text)
{
    HeaderList result;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        QByteArrayView line = text.sliced(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) {
            const QByteArrayView value = line.sliced(colon + 1).trimmed();
            result.append(line.first(colon).trimmed().toByteArray(), value.toByteArray());
        }
        start = end + 1;
    }
    return result;
}

} // namespace hookbench
