#include "settings/app_settings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_AppSettings : public QObject
{
    Q_OBJECT

private slots:
    void saveAndLoad_data();
    void saveAndLoad();
    void damagedValuesFallBackToDefaults();
};

void tst_AppSettings::saveAndLoad_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("tls");
    QTest::addColumn<int>("theme");
    QTest::newRow("defaults") << u"127.0.0.1"_s << 8090 << int(TlsMode::Off)
                              << int(AppTheme::System);
    QTest::newRow("all interfaces, self-signed, dark")
            << u"0.0.0.0"_s << 9443 << int(TlsMode::SelfSigned) << int(AppTheme::Dark);
    QTest::newRow("ipv6, own certificate, light")
            << u"::1"_s << 0 << int(TlsMode::UserCertificate) << int(AppTheme::Light);
}

void tst_AppSettings::saveAndLoad()
{
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(int, tls);
    QFETCH(int, theme);
    QTemporaryDir dir;
    QSettings store(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);

    AppSettings settings;
    settings.receiver.address = QHostAddress(address);
    settings.receiver.port = static_cast<quint16>(port);
    settings.receiver.tls = static_cast<TlsMode>(tls);
    settings.receiver.certificatePath = u"/etc/hookbench/cert.pem"_s;
    settings.receiver.keyPath = u"/etc/hookbench/key.pem"_s;
    settings.receiver.maxBodyBytes = 1234567;
    settings.receiver.readTimeoutMs = 4500;
    settings.theme = static_cast<AppTheme>(theme);
    settings.save(store);
    store.sync();

    const AppSettings loaded = AppSettings::load(store);
    QCOMPARE(loaded.receiver.address, settings.receiver.address);
    QCOMPARE(loaded.receiver.port, settings.receiver.port);
    QCOMPARE(loaded.receiver.tls, settings.receiver.tls);
    QCOMPARE(loaded.receiver.certificatePath, settings.receiver.certificatePath);
    QCOMPARE(loaded.receiver.keyPath, settings.receiver.keyPath);
    QCOMPARE(loaded.receiver.maxBodyBytes, settings.receiver.maxBodyBytes);
    QCOMPARE(loaded.receiver.readTimeoutMs, settings.receiver.readTimeoutMs);
    // What the window compares to decide whether the receiver must restart.
    QVERIFY(loaded.receiver == settings.receiver);
    QVERIFY(loaded.receiver != ReceiverConfig());
    QCOMPARE(loaded.theme, settings.theme);
}

void tst_AppSettings::damagedValuesFallBackToDefaults()
{
    QTemporaryDir dir;
    QSettings store(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    store.setValue(u"receiver/address"_s, u"not an address"_s);
    store.setValue(u"receiver/port"_s, 99999);
    store.setValue(u"receiver/tls"_s, u"maybe"_s);
    store.setValue(u"receiver/maxBodyBytes"_s, -1);
    store.setValue(u"appearance/theme"_s, u"neon"_s);
    const AppSettings loaded = AppSettings::load(store);
    const ReceiverConfig defaults;
    QCOMPARE(loaded.receiver.address, defaults.address);
    QCOMPARE(loaded.receiver.port, defaults.port);
    QCOMPARE(loaded.receiver.tls, TlsMode::Off);
    QCOMPARE(loaded.receiver.maxBodyBytes, defaults.maxBodyBytes);
    QVERIFY(loaded.receiver == defaults);
    QCOMPARE(loaded.theme, AppTheme::System);
}

QTEST_MAIN(tst_AppSettings)
#include "tst_app_settings.moc"
