#pragma once

#include <QCoreApplication>
#include <QSslConfiguration>
#include <QString>
#include <optional>

namespace hookbench {

// The server's TLS identity: the user's own PEM files or a self-signed one we make and keep.
class TlsCertificate
{
    Q_DECLARE_TR_FUNCTIONS(TlsCertificate)

public:
    // Creates folder/hookbench-cert.pem and folder/hookbench-key.pem (key 0600) the first time,
    // for localhost, 127.0.0.1 and ::1; later calls reuse them.
    static bool ensureSelfSigned(const QString &folder, QString *certificatePath, QString *keyPath,
                                 QString *error);

    // A server-side configuration from PEM files, or nullopt with the reason.
    static std::optional<QSslConfiguration> load(const QString &certificatePath,
                                                 const QString &keyPath, QString *error);
};

} // namespace hookbench
