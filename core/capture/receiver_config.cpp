#include "receiver_config.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace hookbench {

bool ReceiverConfig::setListenAddress(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    QString host;
    QString portText;
    if (trimmed.startsWith(u'[')) {
        const qsizetype close = trimmed.indexOf(u"]:"_s);
        if (close < 0) {
            if (error)
                *error = QCoreApplication::translate("ReceiverConfig",
                                                     "Expected [IPv6]:PORT, got %1.")
                                 .arg(text);
            return false;
        }
        host = trimmed.mid(1, close - 1);
        portText = trimmed.mid(close + 2);
    } else if (trimmed.count(u':') == 1) {
        host = trimmed.section(u':', 0, 0);
        portText = trimmed.section(u':', 1);
    } else if (!trimmed.contains(u':')) {
        bool isPort = false;
        trimmed.toUShort(&isPort);
        if (isPort) {
            portText = trimmed;
            host = u"127.0.0.1"_s;
        } else {
            host = trimmed;
            portText = QString::number(port);
        }
    } else {
        host = trimmed; // a bare IPv6 address
        portText = QString::number(port);
    }

    bool portOk = false;
    const uint parsedPort = portText.toUInt(&portOk);
    if (!portOk || parsedPort > 65535) {
        if (error)
            *error = QCoreApplication::translate("ReceiverConfig", "%1 is not a port number.")
                             .arg(portText);
        return false;
    }
    QHostAddress parsedAddress;
    if (host.isEmpty() || host == u"localhost")
        parsedAddress = QHostAddress::LocalHost;
    else if (host == u"*" || host == u"0.0.0.0")
        parsedAddress = QHostAddress::AnyIPv4;
    else if (!parsedAddress.setAddress(host)) {
        if (error)
            *error = QCoreApplication::translate("ReceiverConfig",
                                                 "%1 is not an IP address (use 127.0.0.1, ::1 or "
                                                 "0.0.0.0).")
                             .arg(host);
        return false;
    }
    address = parsedAddress;
    port = static_cast<quint16>(parsedPort);
    return true;
}

QString ReceiverConfig::listenAddress() const
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                                 ? u'[' + address.toString() + u']'
                                 : address.toString();
    return host + u':' + QString::number(port);
}

} // namespace hookbench
