#include "app_settings.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
const auto addressKey = u"receiver/address"_s;
const auto portKey = u"receiver/port"_s;
const auto tlsKey = u"receiver/tls"_s;
const auto certificateKey = u"receiver/certificate"_s;
const auto keyKey = u"receiver/key"_s;
const auto maxBodyKey = u"receiver/maxBodyBytes"_s;
const auto readTimeoutKey = u"receiver/readTimeoutMs"_s;
const auto themeKey = u"appearance/theme"_s;
} // namespace

QString tlsModeName(TlsMode mode)
{
    switch (mode) {
    case TlsMode::SelfSigned:
        return u"self-signed"_s;
    case TlsMode::UserCertificate:
        return u"certificate"_s;
    case TlsMode::Off:
        break;
    }
    return u"off"_s;
}

TlsMode tlsModeFromName(const QString &name)
{
    if (name == u"self-signed"_s)
        return TlsMode::SelfSigned;
    if (name == u"certificate"_s)
        return TlsMode::UserCertificate;
    return TlsMode::Off;
}

AppSettings AppSettings::load(const QSettings &settings)
{
    AppSettings result;
    ReceiverConfig &receiver = result.receiver;
    const QHostAddress address(settings.value(addressKey).toString());
    if (!address.isNull())
        receiver.address = address;
    const uint port = settings.value(portKey, receiver.port).toUInt();
    if (port <= 65535)
        receiver.port = static_cast<quint16>(port);
    receiver.tls = tlsModeFromName(settings.value(tlsKey).toString());
    receiver.certificatePath = settings.value(certificateKey).toString();
    receiver.keyPath = settings.value(keyKey).toString();
    const qint64 maxBody = settings.value(maxBodyKey, receiver.maxBodyBytes).toLongLong();
    if (maxBody > 0)
        receiver.maxBodyBytes = maxBody;
    const int readTimeout = settings.value(readTimeoutKey, receiver.readTimeoutMs).toInt();
    if (readTimeout > 0)
        receiver.readTimeoutMs = readTimeout;
    result.theme = appThemeFromName(settings.value(themeKey).toString());
    return result;
}

void AppSettings::save(QSettings &settings) const
{
    settings.setValue(addressKey, receiver.address.toString());
    settings.setValue(portKey, receiver.port);
    settings.setValue(tlsKey, tlsModeName(receiver.tls));
    settings.setValue(certificateKey, receiver.certificatePath);
    settings.setValue(keyKey, receiver.keyPath);
    settings.setValue(maxBodyKey, receiver.maxBodyBytes);
    settings.setValue(readTimeoutKey, receiver.readTimeoutMs);
    settings.setValue(themeKey, appThemeName(theme));
}

} // namespace hookbench
