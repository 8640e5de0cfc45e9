#include "http_request.h"

#include <QDateTime>
#include <QLocale>

namespace hookbench {

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

QByteArray HttpResponse::serialize(bool headRequest) const
{
    QByteArray out;
    out.reserve(160 + body.size());
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    bool hasContentType = false;
    for (const HeaderField &field : headers) {
        // The framing headers are ours to set: a canned response must not break the connection.
        if (field.name.compare("content-length", Qt::CaseInsensitive) == 0
            || field.name.compare("transfer-encoding", Qt::CaseInsensitive) == 0
            || field.name.compare("connection", Qt::CaseInsensitive) == 0) {
            continue;
        }
        hasContentType |= field.name.compare("content-type", Qt::CaseInsensitive) == 0;
        out += field.name + ": " + field.value + "\r\n";
    }
    if (!hasContentType && !body.isEmpty())
        out += "Content-Type: text/plain; charset=utf-8\r\n";
    // 1xx, 204 and 304 never carry a body or a Content-Length (RFC 9110 section 8.6).
    const bool bodyless = status < 200 || status == 204 || status == 304;
    if (!bodyless)
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (closeConnection)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (!bodyless && !headRequest)
        out += body;
    return out;
}

} // namespace hookbench
