#include "form_decoder.h"

#include "charset_decoder.h"

#include <QByteArray>

namespace hookbench {

namespace {

QByteArray percentDecoded(QByteArrayView raw)
{
    QByteArray bytes = raw.toByteArray();
    bytes.replace('+', ' ');
    return QByteArray::fromPercentEncoding(bytes);
}

} // namespace

QList<FormField> FormDecoder::decode(QByteArrayView body, QByteArrayView charset)
{
    QList<FormField> fields;
    qsizetype start = 0;
    while (start <= body.size()) {
        qsizetype end = body.indexOf('&', start);
        if (end < 0)
            end = body.size();
        const QByteArrayView pair = body.sliced(start, end - start);
        start = end + 1;
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const QByteArrayView name = equals < 0 ? pair : pair.first(equals);
        const QByteArrayView value = equals < 0 ? QByteArrayView() : pair.sliced(equals + 1);
        fields.append({CharsetDecoder::decode(percentDecoded(name), charset).text,
                       CharsetDecoder::decode(percentDecoded(value), charset).text});
    }
    return fields;
}

bool FormDecoder::looksLikeForm(QByteArrayView body)
{
    const QByteArrayView trimmed = body.trimmed();
    if (trimmed.isEmpty() || !trimmed.contains('='))
        return false;
    for (char c : trimmed) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x21 || byte > 0x7e || c == '{' || c == '[' || c == '"' || c == '<')
            return false;
    }
    return true;
}

} // namespace hookbench
