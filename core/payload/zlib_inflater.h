#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace hookbench {

// Inflates gzip and deflate bodies through zlib. Output is capped so a small hostile body
// (a "decompression bomb") cannot take the process down: exceeding the cap is an ordinary error.
class ZlibInflater
{
public:
    enum class Format {
        Gzip,    // RFC 1952, possibly several concatenated members
        Deflate, // HTTP "deflate": RFC 1950 zlib stream, or a raw RFC 1951 stream as some servers
                 // send
    };
    enum class Status { Ok, TooLarge, Corrupt, Truncated };

    struct Result
    {
        Status status = Status::Ok;
        QByteArray data; // the inflated bytes; on error, whatever was inflated before it
        QString error;   // translated, empty when status is Ok
    };

    static constexpr qint64 DefaultMaxOutput = qint64(64) * 1024 * 1024;

    // extraCapacity reserves spare bytes after the output (simdjson wants padding to parse in
    // place).
    static Result inflate(QByteArrayView input, Format format, qint64 maxOutput = DefaultMaxOutput,
                          qsizetype extraCapacity = 0);
};

} // namespace hookbench
