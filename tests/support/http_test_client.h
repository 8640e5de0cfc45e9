#pragma once

// A deliberately dumb HTTP/1.1 client for tests: it writes exactly the bytes it is given (so
// malformed and pipelined requests can be sent) and reads responses framed by Content-Length.
#include "http/header_list.h"

#include <QElapsedTimer>
#include <QSslSocket>
#include <QTcpSocket>
#include <optional>

namespace hookbench::test {

struct RawResponse
{
    int status = 0;
    HeaderList headers;
    QByteArray body;
};

class HttpTestClient
{
public:
    explicit HttpTestClient(bool tls = false)
    {
        if (tls) {
            auto *ssl = new QSslSocket;
            ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
            m_socket.reset(ssl);
        } else {
            m_socket.reset(new QTcpSocket);
        }
    }

    bool connectTo(quint16 port)
    {
        if (auto *ssl = qobject_cast<QSslSocket *>(m_socket.get())) {
            ssl->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
            return ssl->waitForEncrypted(10000);
        }
        m_socket->connectToHost(QHostAddress::LocalHost, port);
        return m_socket->waitForConnected(5000);
    }

    void send(const QByteArray &bytes)
    {
        m_socket->write(bytes);
        m_socket->waitForBytesWritten(5000);
    }

    std::optional<RawResponse> readResponse(int timeoutMs = 10000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (auto response = takeResponse())
                return response;
            if (m_socket->state() != QAbstractSocket::ConnectedState
                && m_socket->bytesAvailable() == 0) {
                break;
            }
            m_socket->waitForReadyRead(50);
            m_buffer += m_socket->readAll();
        }
        return takeResponse();
    }

    // True when the server closed the connection within the timeout.
    bool waitForClose(int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (m_socket->state() == QAbstractSocket::UnconnectedState)
                return true;
            m_socket->waitForReadyRead(50);
            m_buffer += m_socket->readAll();
        }
        return m_socket->state() == QAbstractSocket::UnconnectedState;
    }

    QTcpSocket *socket() { return m_socket.get(); }

private:
    std::optional<RawResponse> takeResponse()
    {
        const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return std::nullopt;
        const QByteArray head = m_buffer.first(headerEnd);
        const qsizetype lineEnd = head.indexOf("\r\n");
        RawResponse response;
        response.status = head.mid(9, 3).toInt();
        response.headers
                = HeaderList::fromWireFormat(lineEnd < 0 ? QByteArray() : head.sliced(lineEnd + 2));
        const qsizetype length
                = response.headers.value("content-length").value_or("0").toLongLong();
        if (m_buffer.size() < headerEnd + 4 + length)
            return std::nullopt;
        response.body = m_buffer.mid(headerEnd + 4, length);
        m_buffer.remove(0, headerEnd + 4 + length);
        return response;
    }

    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
};

} // namespace hookbench::test
