#include "http_server.h"

#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace hookbench {

HttpServer::HttpServer(RequestHandler *handler, QObject *parent)
    : QObject(parent)
    , m_handler(handler)
{}

HttpServer::~HttpServer()
{
    close();
}

bool HttpServer::listen(const QHostAddress &address, quint16 port,
                        const std::optional<QSslConfiguration> &tls)
{
    close();
    m_error.clear();
    if (tls) {
        if (!QSslSocket::supportsSsl()) {
            m_error = tr("TLS is not available: Qt found no TLS backend (%1).")
                              .arg(QSslSocket::sslLibraryVersionString());
            return false;
        }
        auto *sslServer = new QSslServer(this);
        sslServer->setSslConfiguration(*tls);
        connect(sslServer, &QSslServer::sslErrors, this,
                [this](QSslSocket *, const QList<QSslError> &errors) {
                    if (!errors.isEmpty())
                        emit connectionRefused(errors.first().errorString());
                });
        connect(sslServer, &QSslServer::peerVerifyError, this,
                [this](QSslSocket *, const QSslError &error) {
                    emit connectionRefused(error.errorString());
                });
        m_server = sslServer;
    } else {
        m_server = new QTcpServer(this);
    }
    // Not newConnection(): QSslServer emits that before the handshake, while the socket is not
    // yet pending. pendingConnectionAvailable comes when it is, for TLS and plain TCP alike.
    connect(m_server.data(), &QTcpServer::pendingConnectionAvailable, this,
            &HttpServer::acceptPending);
    if (!m_server->listen(address, port)) {
        m_error = tr("Cannot listen on %1 port %2: %3")
                          .arg(address.toString())
                          .arg(port)
                          .arg(m_server->errorString());
        delete m_server.data();
        return false;
    }
    return true;
}

void HttpServer::close()
{
    if (!m_server)
        return;
    m_server->close();
    delete m_server.data();
    const QList<HttpConnection *> connections = findChildren<HttpConnection *>();
    for (HttpConnection *connection : connections)
        connection->shutdown();
}

bool HttpServer::isListening() const
{
    return m_server && m_server->isListening();
}

quint16 HttpServer::serverPort() const
{
    return m_server ? m_server->serverPort() : 0;
}

void HttpServer::acceptPending()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            break;
        if (m_connectionCount >= m_settings.maxConnections) {
            // Answer instead of silently dropping: the sender learns it should retry.
            HttpResponse busy;
            busy.status = 503;
            busy.headers.append("Retry-After", "1");
            busy.body = "Too many open connections.\n";
            busy.closeConnection = true;
            socket->write(busy.serialize(false));
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            socket->disconnectFromHost();
            emit connectionRefused(
                    tr("Refused a connection: %1 are open already.").arg(m_connectionCount));
            continue;
        }
        ++m_connectionCount;
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        auto *connection = new HttpConnection(socket, m_handler, m_settings.connection, this);
        connect(connection, &HttpConnection::closed, this, [this, connection] {
            if (connection->property("counted").toBool())
                return;
            connection->setProperty("counted", true);
            --m_connectionCount;
            connection->deleteLater();
        });
    }
}

} // namespace hookbench
