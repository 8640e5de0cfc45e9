// The only translation unit that includes Boost.Beast: it is heavy to compile, so it stays here.
#include "request_parser.h"

#include <QDateTime>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace http = boost::beast::http;

namespace {
QByteArray toByteArray(boost::beast::string_view text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}
} // namespace

int statusForParseError(ParseError error)
{
    switch (error) {
    case ParseError::None:
        return 200;
    case ParseError::Malformed:
        return 400;
    case ParseError::HeaderTooLarge:
        return 431;
    case ParseError::BodyTooLarge:
        return 413;
    case ParseError::UnsupportedVersion:
        return 505;
    }
    return 400;
}

struct RequestParser::Beast
{
    std::optional<http::request_parser<http::string_body>> parser;
};

RequestParser::RequestParser(Limits limits)
    : m_limits(limits)
    , m_beast(std::make_unique<Beast>())
{
    startMessage();
}

RequestParser::~RequestParser() = default;

void RequestParser::startMessage()
{
    // A Beast parser handles exactly one message: pipelined requests each get a fresh one.
    auto &parser = m_beast->parser.emplace();
    parser.header_limit(static_cast<std::uint32_t>(m_limits.maxHeaderBytes));
    parser.body_limit(static_cast<std::uint64_t>(m_limits.maxBodyBytes));
    parser.eager(true);
    m_messageStarted = false;
    m_messagePrefix.clear();
    m_continuePending = false;
    m_continueOffered = false;
}

bool RequestParser::hasPartialMessage() const
{
    return m_messageStarted;
}

bool RequestParser::takeContinueRequest()
{
    if (!m_continuePending)
        return false;
    m_continuePending = false;
    return true;
}

void RequestParser::fail(ParseError error, const QString &reason)
{
    m_failedPrefix = messagePrefix(); // before m_error is set: it reads the live buffers
    m_error = error;
    m_errorString = reason;
    m_buffer.clear();
}

QByteArray RequestParser::messagePrefix() const
{
    if (m_error != ParseError::None)
        return m_failedPrefix;
    QByteArray prefix = m_messagePrefix;
    if (prefix.size() < keptPrefixBytes)
        prefix += m_buffer.first(qMin(m_buffer.size(), keptPrefixBytes - prefix.size()));
    return prefix;
}

namespace {
// The request line's words, if it made it: helps the user see which sender failed.
QList<QByteArray> requestLineWords(const QByteArray &prefix)
{
    const qsizetype lineEnd = prefix.indexOf("\r\n");
    const QList<QByteArray> words = prefix.first(lineEnd >= 0 ? lineEnd : 0).split(' ');
    return words.size() == 3 ? words : QList<QByteArray>();
}
} // namespace

QByteArray RequestParser::messageMethod() const
{
    const QList<QByteArray> words = requestLineWords(messagePrefix());
    return words.isEmpty() ? QByteArray() : words.at(0).left(32);
}

QByteArray RequestParser::messageTarget() const
{
    const QList<QByteArray> words = requestLineWords(messagePrefix());
    return words.isEmpty() ? QByteArray() : words.at(1).left(2048);
}

void RequestParser::feed(QByteArrayView bytes)
{
    if (m_error != ParseError::None || bytes.isEmpty())
        return;
    if (!m_messageStarted) {
        m_messageStarted = true;
        m_messageStartedNs = steadyNowNs();
        m_messageFirstByteAtMs = QDateTime::currentMSecsSinceEpoch();
    }
    m_buffer.append(bytes);

    qsizetype offset = 0;
    while (offset < m_buffer.size()) {
        auto &parser = *m_beast->parser;
        boost::beast::error_code error;
        const std::size_t used = parser.put(
                boost::asio::const_buffer(m_buffer.constData() + offset,
                                          static_cast<std::size_t>(m_buffer.size() - offset)),
                error);
        if (m_messagePrefix.size() < keptPrefixBytes)
            m_messagePrefix += m_buffer.sliced(
                    offset, qMin(qsizetype(used), keptPrefixBytes - m_messagePrefix.size()));
        offset += static_cast<qsizetype>(used);

        if (error == http::error::need_more) {
            // Beast wants the whole header in one buffer; keep the unconsumed rest and wait.
            if (!parser.is_header_done() && m_buffer.size() - offset > m_limits.maxHeaderBytes) {
                m_buffer.remove(0, offset);
                fail(ParseError::HeaderTooLarge, tr("The request header is larger than %1 bytes.")
                                                         .arg(m_limits.maxHeaderBytes));
                return;
            }
            break;
        }
        if (!error && used == 0 && !parser.is_done())
            break;
        if (error) {
            m_buffer.remove(0, offset);
            if (error == http::error::header_limit) {
                fail(ParseError::HeaderTooLarge, tr("The request header is larger than %1 bytes.")
                                                         .arg(m_limits.maxHeaderBytes));
            } else if (error == http::error::body_limit) {
                fail(ParseError::BodyTooLarge,
                     tr("The request body is larger than the limit of %1 bytes.")
                             .arg(m_limits.maxBodyBytes));
            } else if (error == http::error::bad_version) {
                fail(ParseError::UnsupportedVersion,
                     tr("The request line does not name a valid HTTP version."));
            } else {
                fail(ParseError::Malformed,
                     tr("Malformed request: %1.").arg(QString::fromStdString(error.message())));
            }
            return;
        }

        if (parser.is_header_done()) {
            const unsigned version = parser.get().version();
            if (version != 10 && version != 11) {
                m_buffer.remove(0, offset);
                fail(ParseError::UnsupportedVersion,
                     tr("HTTP/%1.%2 is not supported; Hookbench speaks HTTP/1.0 and HTTP/1.1.")
                             .arg(version / 10)
                             .arg(version % 10));
                return;
            }
            if (!m_continueOffered && !parser.is_done() && version == 11) {
                const auto expect = parser.get().find(http::field::expect);
                if (expect != parser.get().end()
                    && boost::beast::iequals(expect->value(), "100-continue")) {
                    m_continuePending = true;
                }
                m_continueOffered = true;
            }
        }

        if (parser.is_done()) {
            auto message = parser.release();
            HttpRequest request;
            request.method = toByteArray(message.method_string());
            request.target = toByteArray(message.target());
            request.versionMajor = static_cast<int>(message.version() / 10);
            request.versionMinor = static_cast<int>(message.version() % 10);
            for (const auto &field : message)
                request.headers.append(toByteArray(field.name_string()),
                                       toByteArray(field.value()));
            request.body = QByteArray(message.body().data(), qsizetype(message.body().size()));
            request.keepAlive = message.keep_alive();
            request.startedNs = m_messageStartedNs;
            request.firstByteAtMs = m_messageFirstByteAtMs;
            m_ready.append(std::move(request));
            startMessage();
            if (offset < m_buffer.size()) {
                // The next pipelined request has already started arriving.
                m_messageStarted = true;
                m_messageStartedNs = steadyNowNs();
                m_messageFirstByteAtMs = QDateTime::currentMSecsSinceEpoch();
            }
        }
    }
    m_buffer.remove(0, offset);
}

} // namespace hookbench
