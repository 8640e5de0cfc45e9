#include "settings/settings_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryFile>
#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_SettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void validation_data();
    void validation();
    void roundTrip();
};

void tst_SettingsDialog::validation_data()
{
    QTest::addColumn<QString>("listen");
    QTest::addColumn<int>("tls");
    QTest::addColumn<bool>("certificateExists");
    QTest::addColumn<bool>("valid");
    QTest::newRow("loopback") << u"127.0.0.1:8090"_s << int(TlsMode::Off) << false << true;
    QTest::newRow("ipv6") << u"[::1]:9000"_s << int(TlsMode::Off) << false << true;
    QTest::newRow("any free port") << u"127.0.0.1:0"_s << int(TlsMode::SelfSigned) << false << true;
    QTest::newRow("port out of range")
            << u"127.0.0.1:70000"_s << int(TlsMode::Off) << false << false;
    QTest::newRow("empty") << QString() << int(TlsMode::Off) << false << false;
    QTest::newRow("own certificate missing")
            << u"127.0.0.1:8443"_s << int(TlsMode::UserCertificate) << false << false;
    QTest::newRow("own certificate present")
            << u"127.0.0.1:8443"_s << int(TlsMode::UserCertificate) << true << true;
}

void tst_SettingsDialog::validation()
{
    QFETCH(QString, listen);
    QFETCH(int, tls);
    QFETCH(bool, certificateExists);
    QFETCH(bool, valid);
    QTemporaryFile certificate;
    QVERIFY(certificate.open());

    SettingsDialog dialog;
    AppSettings settings;
    settings.receiver.tls = static_cast<TlsMode>(tls);
    if (certificateExists) {
        settings.receiver.certificatePath = certificate.fileName();
        settings.receiver.keyPath = certificate.fileName();
    } else {
        settings.receiver.certificatePath = u"/nonexistent/cert.pem"_s;
        settings.receiver.keyPath = u"/nonexistent/key.pem"_s;
    }
    dialog.setSettings(settings, UnknownPathPolicy::CaptureToInbox);
    dialog.findChild<QLineEdit *>(u"listen"_s)->setText(listen);
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QCOMPARE(dialog.problem().isEmpty(), valid);
    QCOMPARE(ok->isEnabled(), valid);
}

void tst_SettingsDialog::roundTrip()
{
    AppSettings settings;
    settings.receiver.maxBodyBytes = 3 * 1024 * 1024 + 5; // not a whole number of MiB
    settings.receiver.readTimeoutMs = 12000;
    settings.theme = AppTheme::Dark;
    SettingsDialog dialog;
    dialog.setSettings(settings, UnknownPathPolicy::Reject404);
    dialog.findChild<QLineEdit *>(u"listen"_s)->setText(u"0.0.0.0:9001"_s);

    const AppSettings chosen = dialog.settings();
    QCOMPARE(chosen.receiver.address, QHostAddress(QHostAddress::AnyIPv4));
    QCOMPARE(chosen.receiver.port, quint16(9001));
    // Untouched limits keep their exact values rather than being rounded to the spin box unit.
    QCOMPARE(chosen.receiver.maxBodyBytes, settings.receiver.maxBodyBytes);
    QCOMPARE(chosen.receiver.readTimeoutMs, 12000);
    QCOMPARE(chosen.theme, AppTheme::Dark);
    QCOMPARE(dialog.unknownPathPolicy(), UnknownPathPolicy::Reject404);
}

QTEST_MAIN(tst_SettingsDialog)
#include "tst_settings_dialog.moc"
