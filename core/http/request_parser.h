#pragma once

#include "http_request.h"

#include <QCoreApplication>
#include <QList>
#include <memory>
#include <optional>

namespace hookbench {

// Why a request could not be parsed; each maps to the status the server answers.
enum class ParseError {
    None,
    Malformed,          // 400
    HeaderTooLarge,     // 431
    BodyTooLarge,       // 413
    UnsupportedVersion, // 505
};

int statusForParseError(ParseError error);

struct ParserLimits
{
    qint64 maxHeaderBytes = 64 * 1024;
    qint64 maxBodyBytes = 16 * 1024 * 1024;
};

// Turns the bytes of one connection into requests. Boost.Beast's request parser does the HTTP/1.1
// work (header order and case kept, chunked bodies decoded, limits enforced); this class only
// feeds it, splits pipelined requests and reports errors. No sockets: unit-testable on bytes.
class RequestParser
{
    Q_DECLARE_TR_FUNCTIONS(RequestParser)

public:
    using Limits = ParserLimits;
    // How many bytes of a failed message are kept to show the user what arrived.
    static constexpr qsizetype keptPrefixBytes = 4096;

    explicit RequestParser(Limits limits = {});
    ~RequestParser();
    RequestParser(const RequestParser &) = delete;
    RequestParser &operator=(const RequestParser &) = delete;

    // Consumes bytes as they arrive. After an error, further bytes are ignored: the connection
    // cannot be resynchronised and has to be closed.
    void feed(QByteArrayView bytes);

    // Complete requests, in arrival order.
    bool hasRequest() const { return !m_ready.isEmpty(); }
    HttpRequest takeRequest() { return m_ready.takeFirst(); }

    // True once per request whose header asked for "Expect: 100-continue" and whose body has
    // not arrived yet: curl waits a second for the interim answer unless it gets one.
    bool takeContinueRequest();

    // Bytes of an unfinished message are buffered (a slow client, or a timeout mid-request).
    bool hasPartialMessage() const;

    ParseError error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    // The first bytes of the message that failed, or of the unfinished one, as received.
    QByteArray messagePrefix() const;
    // What that message's request line said, when it got that far.
    QByteArray messageMethod() const;
    QByteArray messageTarget() const;
    qint64 messageStartedNs() const { return m_messageStartedNs; }
    qint64 messageFirstByteAtMs() const { return m_messageFirstByteAtMs; }

private:
    struct Beast;
    void startMessage();
    void fail(ParseError error, const QString &reason);

    Limits m_limits;
    std::unique_ptr<Beast> m_beast;
    QByteArray m_buffer; // unconsumed bytes
    QByteArray m_messagePrefix;
    QList<HttpRequest> m_ready;
    bool m_messageStarted = false;
    bool m_continuePending = false;
    bool m_continueOffered = false;
    qint64 m_messageStartedNs = 0;
    qint64 m_messageFirstByteAtMs = 0;
    ParseError m_error = ParseError::None;
    QString m_errorString;
    QByteArray m_failedPrefix;
};

} // namespace hookbench
