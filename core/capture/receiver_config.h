#pragma once

#include <QHostAddress>
#include <QString>

namespace hookbench {

enum class TlsMode {
    Off,
    SelfSigned,      // a certificate generated on first use and kept beside the database
    UserCertificate, // the user's own PEM certificate and key
};

// Everything `serve` and the GUI's server settings can change.
struct ReceiverConfig
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8090;
    QString databaseLocation;
    TlsMode tls = TlsMode::Off;
    QString certificatePath;
    QString keyPath;
    qint64 maxBodyBytes = 16 * 1024 * 1024;
    qint64 maxHeaderBytes = 64 * 1024;
    int readTimeoutMs = 30 * 1000;
    int maxConnections = 512;

    // Parses "127.0.0.1:8090", "[::1]:8090", "8090" or "localhost:8090" into address and port.
    bool setListenAddress(const QString &text, QString *error = nullptr);
    QString listenAddress() const;

    friend bool operator==(const ReceiverConfig &, const ReceiverConfig &) = default;
};

} // namespace hookbench
