#pragma once

#include "header_list.h"

#include <QByteArray>
#include <chrono>

namespace hookbench {

// A monotonic clock shared by every thread, for processing times.
inline qint64 steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
}

// A request as the parser delivers it: nothing decoded beyond the transfer encoding.
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // path and query exactly as sent
    int versionMajor = 1;
    int versionMinor = 1;
    HeaderList headers;
    QByteArray body;
    bool keepAlive = true;
    qint64 firstByteAtMs = 0; // wall clock when its first byte arrived
    qint64 startedNs = 0;     // monotonic clock at its first byte, for processing time

    QByteArray httpVersion() const
    {
        return "HTTP/" + QByteArray::number(versionMajor) + '.' + QByteArray::number(versionMinor);
    }
};

// What the server writes back. Framing (Content-Length, Connection) is always computed here.
struct HttpResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;
    bool closeConnection = false;

    static QByteArray reasonPhrase(int status);
    QByteArray serialize(bool headRequest) const;
};

} // namespace hookbench
