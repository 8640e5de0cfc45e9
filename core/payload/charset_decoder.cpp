#include "charset_decoder.h"

#include <QStringDecoder>

namespace hookbench {

bool CharsetDecoder::isUtf8Compatible(QByteArrayView charset)
{
    const QByteArray name = charset.trimmed().toByteArray().toLower();
    return name.isEmpty() || name == "utf-8" || name == "utf8" || name == "us-ascii"
           || name == "ascii";
}

CharsetDecoder::Result CharsetDecoder::decode(QByteArrayView bytes, QByteArrayView charset)
{
    Result result;
    std::optional<QStringConverter::Encoding> encoding;
    const QByteArray name = charset.trimmed().toByteArray();
    if (name.isEmpty()) {
        encoding = QStringConverter::encodingForData(bytes);
        if (!encoding)
            encoding = QStringConverter::Utf8;
    } else if (isUtf8Compatible(name)) {
        // US-ASCII is a strict subset; decoding it as UTF-8 shows stray high bytes as U+FFFD.
        encoding = QStringConverter::Utf8;
    } else {
        encoding = QStringConverter::encodingForName(name.constData());
        if (!encoding) {
            result.status = Status::UnsupportedCharset;
            encoding = QStringConverter::Utf8;
        }
    }
    QStringDecoder decoder(*encoding);
    result.text = decoder.decode(bytes);
    result.charset = QByteArray(QStringConverter::nameForEncoding(*encoding));
    if (decoder.hasError() && result.status == Status::Ok)
        result.status = Status::InvalidSequences;
    return result;
}

} // namespace hookbench
