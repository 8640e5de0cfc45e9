#pragma once

#include "http_connection.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <optional>

class QTcpServer;

namespace hookbench {

// The socket layer of the receiving server (qBittorrent's Http::Server): accepts plain or TLS
// connections, enforces the connection cap and hands each socket to an HttpConnection. It knows
// nothing of endpoints or storage: requests go to the RequestHandler.
class HttpServer : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        HttpConnection::Settings connection;
        int maxConnections = 512;
    };

    explicit HttpServer(RequestHandler *handler, QObject *parent = nullptr);
    ~HttpServer() override;

    void setSettings(const Settings &settings) { m_settings = settings; }
    // With a configuration, connections are TLS (QSslServer); without, plain TCP.
    bool listen(const QHostAddress &address, quint16 port,
                const std::optional<QSslConfiguration> &tls = std::nullopt);
    void close();

    bool isListening() const;
    quint16 serverPort() const;
    QString errorString() const { return m_error; }
    int connectionCount() const { return m_connectionCount; }

signals:
    void connectionRefused(const QString &reason);

private:
    void acceptPending();

    RequestHandler *m_handler;
    Settings m_settings;
    QPointer<QTcpServer> m_server;
    QString m_error;
    int m_connectionCount = 0;
};

} // namespace hookbench
