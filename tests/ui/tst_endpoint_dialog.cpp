#include "endpoints/endpoint_dialog.h"
#include "signing/hmac_recipe.h"
#include "signing/scheme_combo.h"
#include "signing/secret_field.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_EndpointDialog : public QObject
{
    Q_OBJECT

private slots:
    void validation_data();
    void validation();
    void editKeepsIdentityAndRoundTrips();
    void verificationValidation_data();
    void verificationValidation();
    void verificationRoundTrips_data();
    void verificationRoundTrips();
    void noSchemeKeepsNoSecret();
    void secretIsMaskedAndStorageIsSaid();

private:
    static QList<Endpoint> existing()
    {
        Endpoint github;
        github.id = 7;
        github.name = u"github"_s;
        github.path = u"/hooks/github"_s;
        return {github};
    }
};

void tst_EndpointDialog::validation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("headers");
    QTest::addColumn<QString>("problemContains"); // empty: valid
    QTest::newRow("valid") << u"stripe"_s << u"/hooks/stripe"_s
                           << u"Content-Type: application/json\nX-Test:1"_s << QString();
    QTest::newRow("path without slash")
            << u"stripe"_s << u"hooks/stripe/"_s << QString() << QString();
    QTest::newRow("no name") << u"  "_s << u"/a"_s << QString() << u"name"_s;
    QTest::newRow("no path") << u"stripe"_s << QString() << QString() << u"path"_s;
    QTest::newRow("query in path") << u"stripe"_s << u"/a?b=1"_s << QString() << u"?"_s;
    QTest::newRow("space in path") << u"stripe"_s << u"/a b"_s << QString() << u"spaces"_s;
    QTest::newRow("name taken, other case")
            << u"GitHub"_s << u"/other"_s << QString() << u"already called"_s;
    QTest::newRow("path taken once normalised")
            << u"other"_s << u"hooks/github/"_s << QString() << u"already belongs"_s;
    QTest::newRow("header without colon")
            << u"stripe"_s << u"/s"_s << u"X-Ok: 1\nbroken"_s << u"line 2"_s;
    QTest::newRow("header name not a token")
            << u"stripe"_s << u"/s"_s << u"Bad Name: 1"_s << u"line 1"_s;
    QTest::newRow("content-length refused")
            << u"stripe"_s << u"/s"_s << u"content-length: 3"_s << u"content-length"_s;
}

void tst_EndpointDialog::validation()
{
    QFETCH(QString, name);
    QFETCH(QString, path);
    QFETCH(QString, headers);
    QFETCH(QString, problemContains);
    EndpointDialog dialog(existing());
    dialog.findChild<QLineEdit *>(u"name"_s)->setText(name);
    dialog.findChild<QLineEdit *>(u"path"_s)->setText(path);
    dialog.findChild<QPlainTextEdit *>(u"headers"_s)->setPlainText(headers);
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    if (problemContains.isEmpty()) {
        QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
        QVERIFY(ok->isEnabled());
    } else {
        QVERIFY2(dialog.problem().contains(problemContains, Qt::CaseInsensitive),
                 qPrintable(dialog.problem()));
        QVERIFY(!ok->isEnabled());
    }
}

void tst_EndpointDialog::editKeepsIdentityAndRoundTrips()
{
    Endpoint endpoint = existing().constFirst();
    endpoint.createdAtMs = 1234;
    endpoint.response.status = 503;
    endpoint.response.headers = {{"Retry-After", "5"}, {"X-Trace", "abc"}};
    endpoint.response.body = QByteArrayLiteral("{\"down\": true}");
    endpoint.response.delayMs = 1500;
    EndpointDialog dialog(existing());
    dialog.setEndpoint(endpoint);
    // Its own name and path are not duplicates of itself.
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    QCOMPARE(dialog.endpoint(), endpoint);

    dialog.findChild<QLineEdit *>(u"name"_s)->setText(u"github-renamed"_s);
    dialog.findChild<QSpinBox *>(u"status"_s)->setValue(201);
    const Endpoint edited = dialog.endpoint();
    QCOMPARE(edited.id, endpoint.id);
    QCOMPARE(edited.name, u"github-renamed"_s);
    QCOMPARE(edited.response.status, 201);
    QCOMPARE(edited.response.headers, endpoint.response.headers);
}

void tst_EndpointDialog::verificationValidation_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("signedTemplate");
    QTest::addColumn<QString>("timestampHeader");
    QTest::addColumn<QString>("problemContains"); // empty: valid
    QTest::newRow("none needs nothing")
            << QString() << QString() << QString() << QString() << QString() << QString();
    QTest::newRow("github with a secret")
            << u"github"_s << u"s3cret"_s << QString() << QString() << QString() << QString();
    QTest::newRow("github without a secret")
            << u"github"_s << QString() << QString() << QString() << QString() << u"secret"_s;
    QTest::newRow("compass keeps its default header")
            << u"compass"_s << u"k"_s << QString() << QString() << QString() << QString();
    QTest::newRow("compass with another header")
            << u"compass"_s << u"k"_s << u"X-Compass-Sig"_s << QString() << QString() << QString();
    QTest::newRow("compass header not a token")
            << u"compass"_s << u"k"_s << u"Bad Header"_s << QString() << QString() << u"header"_s;
    QTest::newRow("hmac with timestamp") << u"hmac"_s << u"k"_s << u"X-Sig"_s
                                         << u"{timestamp}.{body}"_s << u"X-Ts"_s << QString();
    QTest::newRow("hmac timestamp without its header")
            << u"hmac"_s << u"k"_s << u"X-Sig"_s << u"{timestamp}.{body}"_s << QString()
            << u"{timestamp}"_s;
    QTest::newRow("hmac without a header")
            << u"hmac"_s << u"k"_s << u" "_s << u"{body}"_s << QString() << u"header"_s;
    QTest::newRow("hmac without a secret")
            << u"hmac"_s << QString() << u"X-Sig"_s << u"{body}"_s << QString() << u"secret"_s;
}

void tst_EndpointDialog::verificationValidation()
{
    QFETCH(QString, scheme);
    QFETCH(QString, secret);
    QFETCH(QString, header);
    QFETCH(QString, signedTemplate);
    QFETCH(QString, timestampHeader);
    QFETCH(QString, problemContains);
    EndpointDialog dialog(existing());
    dialog.findChild<QLineEdit *>(u"name"_s)->setText(u"vendor"_s);
    dialog.findChild<QLineEdit *>(u"path"_s)->setText(u"/hooks/vendor"_s);
    dialog.findChild<SchemeCombo *>(u"scheme"_s)->setSchemeId(scheme);
    dialog.findChild<SecretField *>(u"secret"_s)->setText(secret);
    if (!header.isEmpty())
        dialog.findChild<QLineEdit *>(u"signatureHeader"_s)->setText(header);
    if (!signedTemplate.isEmpty())
        dialog.findChild<QLineEdit *>(u"template"_s)->setText(signedTemplate);
    dialog.findChild<QLineEdit *>(u"timestampHeader"_s)->setText(timestampHeader);
    // Validated as typed: OK follows the problem without any other event.
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    if (problemContains.isEmpty()) {
        QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.endpoint().verification.schemeId, scheme);
        QCOMPARE(dialog.endpoint().verification.secret, secret.toUtf8());
    } else {
        QVERIFY2(dialog.problem().contains(problemContains, Qt::CaseInsensitive),
                 qPrintable(dialog.problem()));
        QVERIFY(!ok->isEnabled());
    }
    // Tolerance is offered only where a timestamp is signed.
    auto *tolerance = dialog.findChild<QSpinBox *>(u"tolerance"_s);
    if (scheme == u"github"_s || scheme.isEmpty())
        QVERIFY(tolerance->isHidden());
    if (signedTemplate.contains(u"{timestamp}"_s) && problemContains.isEmpty())
        QVERIFY(!tolerance->isHidden());
    // The recipe line describes what is chosen.
    if (!scheme.isEmpty() && problemContains.isEmpty() && !header.trimmed().isEmpty()) {
        QVERIFY2(dialog.findChild<QLabel *>(u"recipe"_s)->text().contains(header),
                 qPrintable(dialog.findChild<QLabel *>(u"recipe"_s)->text()));
    }
}

void tst_EndpointDialog::verificationRoundTrips_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<SchemeConfig>("config");
    QTest::addColumn<bool>("rejectInvalid");
    HmacRecipe recipe;
    recipe.algorithm = crypto::HashAlgorithm::Sha512;
    recipe.header = QByteArrayLiteral("X-Vendor-Signature");
    recipe.prefix = QByteArrayLiteral("v1=");
    recipe.encoding = crypto::SignatureEncoding::Base64;
    recipe.signedTemplate = QByteArrayLiteral("{id}.{timestamp}.{body}");
    recipe.timestampHeader = QByteArrayLiteral("X-Vendor-Time");
    recipe.idHeader = QByteArrayLiteral("X-Vendor-Id"); // not in the form: must survive
    recipe.secretEncoding = HmacRecipe::SecretEncoding::Base64;
    QTest::newRow("hmac, every key") << u"hmac"_s << recipe.toConfig() << true;
    QTest::newRow("stripe") << u"stripe"_s << SchemeConfig() << false;
}

void tst_EndpointDialog::verificationRoundTrips()
{
    QFETCH(QString, scheme);
    QFETCH(SchemeConfig, config);
    QFETCH(bool, rejectInvalid);
    Endpoint endpoint = existing().constFirst();
    endpoint.verification.schemeId = scheme;
    endpoint.verification.config = config;
    endpoint.verification.secret = QByteArrayLiteral("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    endpoint.verification.toleranceSeconds = 90;
    endpoint.verification.rejectInvalid = rejectInvalid;
    EndpointDialog dialog(existing());
    dialog.setEndpoint(endpoint);
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    QCOMPARE(dialog.endpoint(), endpoint);
    QCOMPARE(dialog.findChild<QCheckBox *>(u"rejectInvalid"_s)->isChecked(), rejectInvalid);
    QCOMPARE(dialog.findChild<QSpinBox *>(u"tolerance"_s)->value(), 90);
}

void tst_EndpointDialog::noSchemeKeepsNoSecret()
{
    Endpoint endpoint = existing().constFirst();
    endpoint.verification.schemeId = u"github"_s;
    endpoint.verification.secret = QByteArrayLiteral("s3cret");
    EndpointDialog dialog(existing());
    dialog.setEndpoint(endpoint);
    dialog.findChild<SchemeCombo *>(u"scheme"_s)->setSchemeId(QString());
    QVERIFY(dialog.problem().isEmpty());
    QCOMPARE(dialog.endpoint().verification, EndpointVerification());
}

void tst_EndpointDialog::secretIsMaskedAndStorageIsSaid()
{
    Endpoint endpoint = existing().constFirst();
    endpoint.verification.schemeId = u"github"_s;
    endpoint.verification.secret = QByteArrayLiteral("s3cret");
    EndpointDialog dialog(existing());
    dialog.setEndpoint(endpoint);
    auto *secret = dialog.findChild<SecretField *>(u"secret"_s);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QVERIFY(!secret->displayText().contains(u"s3cret"_s));
    secret->setRevealed(true);
    QCOMPARE(secret->displayText(), u"s3cret"_s);
    dialog.setSecretStorageNote(u"Secrets are kept in the OS keychain."_s);
    QCOMPARE(dialog.findChild<QLabel *>(u"secretNote"_s)->text(),
             u"Secrets are kept in the OS keychain."_s);
}

QTEST_MAIN(tst_EndpointDialog)
#include "tst_endpoint_dialog.moc"
