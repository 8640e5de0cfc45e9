#include "http_connection.h"

#include <QHostAddress>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
QString describePeer(const QTcpSocket *socket)
{
    const QHostAddress address = socket->peerAddress();
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        bool isV4 = false;
        const quint32 v4 = address.toIPv4Address(&isV4);
        if (isV4)
            return QHostAddress(v4).toString() + u':' + QString::number(socket->peerPort());
        return u'[' + address.toString() + u"]:"_s + QString::number(socket->peerPort());
    }
    return address.toString() + u':' + QString::number(socket->peerPort());
}
} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, RequestHandler *handler,
                               const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(handler)
    , m_settings(settings)
    , m_parser(settings.limits)
{
    m_socket->setParent(this);
    m_info.remoteAddress = describePeer(socket);
    m_info.encrypted = socket->inherits("QSslSocket");

    m_readTimer.setSingleShot(true);
    m_readTimer.setInterval(m_settings.readTimeoutMs);
    connect(&m_readTimer, &QTimer::timeout, this, &HttpConnection::onReadTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readIncoming);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        m_readTimer.stop();
        emit closed();
    });
    m_readTimer.start();
    // Bytes may have arrived before we connected (TLS handshakes hand over a busy socket).
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::readIncoming, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::shutdown()
{
    m_readingStopped = true;
    m_closing = true;
    if (m_pending.empty())
        closeWhenWritten();
}

void HttpConnection::readIncoming()
{
    if (m_readingStopped) {
        // Whatever follows a request we must close after is not ours to read.
        m_socket->readAll();
        return;
    }
    const QByteArray bytes = m_socket->readAll();
    if (bytes.isEmpty())
        return;
    m_readTimer.start();
    m_parser.feed(bytes);
    dispatchParsed();
}

void HttpConnection::dispatchParsed()
{
    while (m_parser.hasRequest() && !m_readingStopped) {
        HttpRequest request = m_parser.takeRequest();
        const quint64 sequence = m_nextSequence++;
        PendingResponse pending;
        pending.sequence = sequence;
        pending.headRequest = request.method == "HEAD";
        pending.closeAfter = !request.keepAlive;
        m_pending.push_back(pending);
        if (!request.keepAlive)
            m_readingStopped = true;
        m_handler->handleRequest(std::move(request), m_info, makeResponder(sequence));
    }
    if (m_readingStopped)
        return;

    if (m_parser.error() != ParseError::None) {
        m_readingStopped = true;
        const quint64 sequence = m_nextSequence++;
        m_pending.push_back({sequence, false, true, std::nullopt});
        RejectedMessage message;
        message.status = statusForParseError(m_parser.error());
        message.reason = m_parser.errorString();
        message.method = m_parser.messageMethod();
        message.target = m_parser.messageTarget();
        message.firstBytes = m_parser.messagePrefix();
        message.firstByteAtMs = m_parser.messageFirstByteAtMs();
        message.startedNs = m_parser.messageStartedNs();
        m_handler->handleRejected(std::move(message), m_info, makeResponder(sequence));
        return;
    }

    // Interim answer only when nothing is queued before it: a 100 must not overtake a response.
    if (m_parser.takeContinueRequest() && m_pending.empty())
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
}

RequestHandler::Respond HttpConnection::makeResponder(quint64 sequence)
{
    QPointer<HttpConnection> self(this);
    return [self, sequence](HttpResponse response) {
        if (self)
            self->deliverResponse(sequence, std::move(response));
    };
}

void HttpConnection::deliverResponse(quint64 sequence, HttpResponse response)
{
    for (PendingResponse &pending : m_pending) {
        if (pending.sequence == sequence) {
            pending.response = std::move(response);
            break;
        }
    }
    writeReadyResponses();
}

void HttpConnection::writeReadyResponses()
{
    while (!m_pending.empty() && m_pending.front().response) {
        PendingResponse pending = std::move(m_pending.front());
        m_pending.pop_front();
        pending.response->closeConnection |= pending.closeAfter;
        m_socket->write(pending.response->serialize(pending.headRequest));
        if (pending.response->closeConnection) {
            m_readingStopped = true;
            m_closing = true;
            m_pending.clear();
            break;
        }
    }
    if (m_closing && m_pending.empty())
        closeWhenWritten();
}

void HttpConnection::onReadTimeout()
{
    if (!m_pending.empty()) {
        // We owe answers (a commit or a canned delay is running): not the client's fault.
        m_readTimer.start();
        return;
    }
    if (m_parser.hasPartialMessage() && !m_readingStopped) {
        m_readingStopped = true;
        const quint64 sequence = m_nextSequence++;
        m_pending.push_back({sequence, false, true, std::nullopt});
        RejectedMessage message;
        message.status = 408;
        message.reason = tr("The client sent an incomplete request and then nothing for %1 s.")
                                 .arg(m_settings.readTimeoutMs / 1000.0);
        message.method = m_parser.messageMethod();
        message.target = m_parser.messageTarget();
        message.firstBytes = m_parser.messagePrefix();
        message.firstByteAtMs = m_parser.messageFirstByteAtMs();
        message.startedNs = m_parser.messageStartedNs();
        m_handler->handleRejected(std::move(message), m_info, makeResponder(sequence));
        return;
    }
    closeWhenWritten();
}

void HttpConnection::closeWhenWritten()
{
    m_readTimer.stop();
    if (m_socket->state() == QAbstractSocket::UnconnectedState) {
        emit closed();
        return;
    }
    // disconnectFromHost() waits for the write buffer to drain before closing.
    m_socket->disconnectFromHost();
}

} // namespace hookbench
