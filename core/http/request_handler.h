#pragma once

#include "http_request.h"
#include "request_parser.h"

#include <QString>
#include <functional>

namespace hookbench {

// Who sent a request: what the history shows as its origin.
struct ConnectionInfo
{
    QString remoteAddress; // "127.0.0.1:53122", "[::1]:53122"
    bool encrypted = false;
};

// A message the server could not accept, with what it knows of it.
struct RejectedMessage
{
    int status = 400;
    QString reason;
    QByteArray method;
    QByteArray target;
    QByteArray firstBytes; // the first bytes of the message as they arrived
    qint64 firstByteAtMs = 0;
    qint64 startedNs = 0;
};

// The server knows nothing of who uses it (qBittorrent's IRequestHandler): it parses, hands each
// request over, and writes back whatever the handler answers, in order. `respond` must be called
// exactly once, from the server's thread, possibly much later (after a commit or a delay).
class RequestHandler
{
public:
    using Respond = std::function<void(HttpResponse)>;

    virtual ~RequestHandler() = default;
    virtual void handleRequest(HttpRequest request, const ConnectionInfo &connection,
                               Respond respond)
            = 0;
    // The connection is closed after the answer: a broken stream cannot be resynchronised.
    virtual void handleRejected(RejectedMessage message, const ConnectionInfo &connection,
                                Respond respond)
            = 0;
};

} // namespace hookbench
