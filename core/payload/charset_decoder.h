#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace hookbench {

// Turns body bytes into text using the charset named in Content-Type, through QStringDecoder.
class CharsetDecoder
{
public:
    enum class Status {
        Ok,
        InvalidSequences, // decoded, but some bytes were not valid in the charset (shown as U+FFFD)
        UnsupportedCharset, // the charset is unknown to Qt; decoded as UTF-8 instead
    };

    struct Result
    {
        QString text;
        QByteArray charset; // the one actually used, e.g. "UTF-8"
        Status status = Status::Ok;
    };

    // An empty charset means UTF-8, unless the bytes start with a UTF-16/32 byte order mark.
    static Result decode(QByteArrayView bytes, QByteArrayView charset = {});
    // Whether the charset is UTF-8 or a subset of it for the given bytes (US-ASCII).
    static bool isUtf8Compatible(QByteArrayView charset);
};

} // namespace hookbench
