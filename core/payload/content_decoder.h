#pragma once

#include "http/header_list.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace hookbench {

// Undoes Content-Encoding (RFC 9110 section 8.4): gzip and deflate through ZlibInflater,
// "identity" as is. Codings are applied by the sender in listed order, so they are undone in
// reverse. The raw body is never modified; on failure the result says why and keeps the input.
class ContentDecoder
{
public:
    enum class Status { Ok, UnsupportedCoding, TooLarge, Corrupt, Truncated };

    struct Options
    {
        qint64 maxDecodedSize = qint64(64) * 1024 * 1024;
        // Spare capacity left after a decoded body, so the JSON parser can read it in place.
        qsizetype padding = 0;
    };

    struct Result
    {
        Status status = Status::Ok;
        QByteArray body;             // decoded bytes; the raw body unless status is Ok
        QList<QByteArray> encodings; // lower-cased, in header order, "identity" omitted
        QString error;               // translated; empty when status is Ok
    };

    static Result decode(const HeaderList &headers, const QByteArray &body, const Options &options);
    static Result decode(const HeaderList &headers, const QByteArray &body)
    {
        return decode(headers, body, Options{});
    }
};

} // namespace hookbench
