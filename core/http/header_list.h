#pragma once

#include <QByteArray>
#include <QList>
#include <optional>

namespace hookbench {

// One header line exactly as it arrived: original case, original order, duplicates kept.
struct HeaderField
{
    QByteArray name;
    QByteArray value;

    friend bool operator==(const HeaderField &, const HeaderField &) = default;
};

// An ordered list of header fields. Lookups are case-insensitive, as RFC 9110 section 5.1 says
// field names are, but nothing is ever normalised in storage.
class HeaderList
{
public:
    HeaderList() = default;
    HeaderList(std::initializer_list<HeaderField> fields)
        : m_fields(fields)
    {}

    void append(const QByteArray &name, const QByteArray &value) { m_fields.append({name, value}); }
    void append(const HeaderField &field) { m_fields.append(field); }

    // The first value of the field, if present.
    std::optional<QByteArray> value(QByteArrayView name) const;
    // Every value of the field, in arrival order.
    QList<QByteArray> values(QByteArrayView name) const;
    bool contains(QByteArrayView name) const { return value(name).has_value(); }
    void removeAll(QByteArrayView name);
    // Replaces the first occurrence (keeping its position) or appends.
    void set(const QByteArray &name, const QByteArray &value);

    const QList<HeaderField> &fields() const { return m_fields; }
    qsizetype size() const { return m_fields.size(); }
    bool isEmpty() const { return m_fields.isEmpty(); }
    auto begin() const { return m_fields.cbegin(); }
    auto end() const { return m_fields.cend(); }

    // "Name: value\r\n" lines: the wire form, also how the store keeps them.
    QByteArray toWireFormat() const;
    // Parses "Name: value" lines separated by LF or CRLF; lines without a colon are skipped.
    static HeaderList fromWireFormat(QByteArrayView text);

    friend bool operator==(const HeaderList &, const HeaderList &) = default;

private:
    QList<HeaderField> m_fields;
};

} // namespace hookbench
