#include "inspector/signature_pane.h"
#include "signing/scheme_combo.h"
#include "signing/secret_field.h"
#include "signing/tolerance_box.h"
#include "store/async_store.h"
#include "store_fixture.h"

#include <QAction>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace hookbench;
using namespace hookbench::test;
using namespace Qt::StringLiterals;

namespace {
// The example of GitHub's documentation ("Validating webhook deliveries").
const QByteArray githubSecret = QByteArrayLiteral("It's a Secret to Everybody");
const QByteArray githubBody = QByteArrayLiteral("Hello, World!");
const QByteArray githubSignature = QByteArrayLiteral(
        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");

Delivery githubDelivery(const QByteArray &body)
{
    Delivery delivery = makeDelivery(QByteArrayLiteral("POST"), QByteArrayLiteral("/hooks/gh"));
    delivery.id = 42;
    delivery.headers = {{"Host", "localhost:8090"},
                        {"Content-Type", "application/json"},
                        {"X-GitHub-Event", "ping"},
                        {"X-Hub-Signature-256", githubSignature}};
    delivery.body = body;
    delivery.bodySize = body.size();
    return delivery;
}
} // namespace

class tst_SignaturePane : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void recheck_data();
    void recheck();
    void findsTheScheme();
    void secretIsMaskedUntilRevealed();
    void signedRequestRebuildsTheUrl_data();
    void signedRequestRebuildsTheUrl();
    void storedResultIsShown_data();
    void storedResultIsShown();
    void endpointSettingsAreTheDefaults();
    void nextDeliveryOfTheSameEndpoint();
    void replayWarning_data();
    void replayWarning();
};

void tst_SignaturePane::initTestCase()
{
    // No keychain prompt or timeout in a test: the owner-only database keeps the secrets.
    qputenv("HOOKBENCH_SECRETS", "database");
}

void tst_SignaturePane::recheck_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("outputContains");
    QTest::newRow("published vector") << githubBody << githubSecret << true << u"valid"_s;
    QTest::newRow("trailing newline added in transit")
            << githubBody + '\n'
            << githubSecret << false << u"trailing newline removed"_s;
    QTest::newRow("wrong secret") << githubBody << QByteArrayLiteral("not it") << false
                                  << u"Expected"_s;
}

void tst_SignaturePane::recheck()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, secret);
    QFETCH(bool, valid);
    QFETCH(QString, outputContains);
    SignaturePane pane(nullptr);
    pane.setDelivery(githubDelivery(body));
    pane.schemeCombo()->setSchemeId(u"github"_s);
    QVERIFY(!pane.verifyButton()->isEnabled()); // no secret yet
    pane.secretField()->setSecret(secret);
    QVERIFY(pane.verifyButton()->isEnabled());

    QSignalSpy verified(&pane, &SignaturePane::verified);
    QTest::mouseClick(pane.verifyButton(), Qt::LeftButton);
    QVERIFY(!pane.verifyButton()->isEnabled()); // one check at a time
    QVERIFY(verified.wait(5000));
    const auto result = verified.constFirst().constFirst().value<VerificationResult>();
    QCOMPARE(result.isValid(), valid);
    QCOMPARE(result.schemeId, u"github"_s);
    if (body.endsWith('\n')) {
        QCOMPARE(result.reason, VerificationResult::Reason::BodyChanged);
        QVERIFY(result.matchedSuspect().has_value());
    }
    QVERIFY2(pane.outputText().contains(outputContains, Qt::CaseInsensitive),
             qPrintable(pane.outputText()));
    QCOMPARE(pane.outputText(), result.toText());
    QVERIFY(!pane.outputText().contains(QString::fromUtf8(secret)));
    QVERIFY(pane.verifyButton()->isEnabled());
}

void tst_SignaturePane::findsTheScheme()
{
    SignaturePane pane(nullptr);
    pane.setDelivery(githubDelivery(githubBody));
    pane.secretField()->setSecret(githubSecret);
    QSignalSpy found(&pane, &SignaturePane::schemeFound);
    QTest::mouseClick(pane.findButton(), Qt::LeftButton);
    QVERIFY(found.wait(20000));
    QCOMPARE(found.constFirst().constFirst().toBool(), true);
    QVERIFY2(pane.outputText().contains(u"github"_s), qPrintable(pane.outputText()));
}

void tst_SignaturePane::secretIsMaskedUntilRevealed()
{
    SignaturePane pane(nullptr);
    pane.setDelivery(githubDelivery(githubBody));
    SecretField *secret = pane.secretField();
    secret->setSecret(githubSecret);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QVERIFY(!secret->displayText().contains(u"Secret"_s));
    secret->revealAction()->trigger();
    QCOMPARE(secret->echoMode(), QLineEdit::Normal);
    QCOMPARE(secret->displayText(), QString::fromUtf8(githubSecret));
    secret->revealAction()->trigger();
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    // Another endpoint's delivery starts masked and empty again.
    secret->setRevealed(true);
    Delivery other = githubDelivery(githubBody);
    other.endpointId = 3;
    pane.setDelivery(other);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QVERIFY(secret->text().isEmpty());
}

void tst_SignaturePane::signedRequestRebuildsTheUrl_data()
{
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("url");
    QTest::newRow("host and port")
            << QByteArrayLiteral("example.test:8090") << QByteArrayLiteral("/hooks/twilio?a=1")
            << u"http://example.test:8090/hooks/twilio?a=1"_s;
    QTest::newRow("no host header")
            << QByteArray() << QByteArrayLiteral("/x") << u"http://localhost/x"_s;
}

void tst_SignaturePane::signedRequestRebuildsTheUrl()
{
    QFETCH(QByteArray, host);
    QFETCH(QByteArray, target);
    QFETCH(QString, url);
    Delivery delivery = makeDelivery(QByteArrayLiteral("PUT"), target);
    if (!host.isEmpty())
        delivery.headers.append(QByteArrayLiteral("Host"), host);
    const SignedRequest request = SignaturePane::signedRequest(delivery);
    QCOMPARE(request.url.toString(QUrl::FullyEncoded), url);
    QCOMPARE(request.method, QByteArrayLiteral("PUT"));
    QCOMPARE(request.body, delivery.body);
    QCOMPARE(request.headers, delivery.headers);
}

void tst_SignaturePane::storedResultIsShown_data()
{
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("schemeId");
    QTest::addColumn<QString>("explanation");
    QTest::addColumn<QString>("shownContains");
    QTest::newRow("valid") << u"valid"_s << u"github"_s << u"Signature matches."_s << u"Valid"_s;
    QTest::newRow("invalid") << u"invalid"_s << u"stripe"_s << u"Timestamp is 900 s old."_s
                             << u"900 s old"_s;
    QTest::newRow("unchecked") << QString() << QString() << QString() << u"not checked"_s;
}

void tst_SignaturePane::storedResultIsShown()
{
    QFETCH(QString, outcome);
    QFETCH(QString, schemeId);
    QFETCH(QString, explanation);
    QFETCH(QString, shownContains);
    Delivery delivery = githubDelivery(githubBody);
    delivery.verification
            = {outcome, outcome == u"valid"_s ? u"none"_s : u"timestamp"_s, schemeId, explanation};
    SignaturePane pane(nullptr);
    pane.setDelivery(delivery);
    QVERIFY2(pane.storedText().contains(shownContains), qPrintable(pane.storedText()));
    if (!schemeId.isEmpty()) {
        QVERIFY(pane.storedText().contains(schemeId));
        // The re-check starts from the scheme the delivery was checked with.
        QCOMPARE(pane.schemeCombo()->schemeId(), schemeId);
    }
    pane.clear();
    QVERIFY(pane.storedText().isEmpty());
}

void tst_SignaturePane::endpointSettingsAreTheDefaults()
{
    TestDatabase database;
    Endpoint endpoint;
    endpoint.name = u"github"_s;
    endpoint.path = u"/hooks/gh"_s;
    endpoint.verification.schemeId = u"github"_s;
    endpoint.verification.secret = githubSecret;
    endpoint.verification.toleranceSeconds = 120;
    {
        EndpointStore endpoints(database.database(), SecretVault::Choice::Database);
        QVERIFY2(endpoints.add(endpoint), qPrintable(endpoints.errorString()));
    }
    AsyncStore store;
    openAndWait(store, database.path());
    SignaturePane pane(&store);
    QSignalSpy loaded(&pane, &SignaturePane::endpointLoaded);
    QSignalSpy verified(&pane, &SignaturePane::verified);
    Delivery delivery = githubDelivery(githubBody + '\n');
    delivery.endpointId = endpoint.id;
    delivery.verification = {u"invalid"_s, u"body-changed"_s, u"github"_s, u"changed"_s};
    pane.setDelivery(delivery);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(pane.schemeCombo()->schemeId(), u"github"_s);
    QCOMPARE(pane.secretField()->secret(), githubSecret);
    QCOMPARE(pane.secretField()->echoMode(), QLineEdit::Password);
    QCOMPARE(pane.toleranceBox()->value(), 120);
    // A checked delivery gets its diagnosis without a click.
    QTRY_COMPARE_WITH_TIMEOUT(verified.count(), 1, 5000);
    QVERIFY2(pane.outputText().contains(u"trailing newline"_s), qPrintable(pane.outputText()));

    // An unchecked one waits for the user.
    delivery.verification = {};
    delivery.endpointId = std::nullopt;
    pane.setDelivery(delivery);
    delivery.endpointId = endpoint.id;
    loaded.clear();
    pane.setDelivery(delivery);
    QVERIFY(loaded.wait(5000));
    QTest::qWait(200);
    QCOMPARE(verified.count(), 1);
    QVERIFY(pane.outputText().isEmpty());
}

void tst_SignaturePane::nextDeliveryOfTheSameEndpoint()
{
    TestDatabase database;
    Endpoint endpoint;
    endpoint.name = u"github"_s;
    endpoint.path = u"/hooks/gh"_s;
    endpoint.verification.schemeId = u"github"_s;
    endpoint.verification.secret = githubSecret;
    {
        EndpointStore endpoints(database.database(), SecretVault::Choice::Database);
        QVERIFY2(endpoints.add(endpoint), qPrintable(endpoints.errorString()));
    }
    AsyncStore store;
    openAndWait(store, database.path());
    SignaturePane pane(&store);
    QSignalSpy loaded(&pane, &SignaturePane::endpointLoaded);
    QSignalSpy verified(&pane, &SignaturePane::verified);
    Delivery changed = githubDelivery(githubBody + '\n');
    changed.endpointId = endpoint.id;
    changed.verification = {u"invalid"_s, u"body-changed"_s, u"github"_s, u"changed"_s};
    Delivery intact = githubDelivery(githubBody);
    intact.endpointId = endpoint.id;
    intact.verification = {u"valid"_s, u"none"_s, u"github"_s, u"matches"_s};

    // Moving on before the endpoint arrived: the answer still serves the delivery shown.
    pane.setDelivery(changed);
    pane.setDelivery(intact);
    QVERIFY(loaded.wait(5000));
    QTRY_COMPARE_WITH_TIMEOUT(verified.count(), 1, 5000);
    QVERIFY(verified.constFirst().constFirst().value<VerificationResult>().isValid());

    // A secret the user typed stays for the next delivery of the endpoint and is used there.
    pane.secretField()->setSecret(QByteArrayLiteral("another secret"));
    pane.setDelivery(changed);
    QTRY_COMPARE_WITH_TIMEOUT(verified.count(), 2, 5000);
    QCOMPARE(pane.secretField()->secret(), QByteArrayLiteral("another secret"));
    const auto second = verified.at(1).constFirst().value<VerificationResult>();
    QVERIFY(!second.isValid());
    QVERIFY(!second.matchedSuspect().has_value()); // wrong secret: no body variant explains it
    QCOMPARE(loaded.count(), 1);
}

void tst_SignaturePane::replayWarning_data()
{
    QTest::addColumn<QByteArray>("firstId");
    QTest::addColumn<QByteArray>("secondId");
    QTest::addColumn<bool>("warned");
    QTest::newRow("same webhook-id")
            << QByteArrayLiteral("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W")
            << QByteArrayLiteral("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W") << true;
    QTest::newRow("different ids") << QByteArrayLiteral("a") << QByteArrayLiteral("b") << false;
    QTest::newRow("no id") << QByteArray() << QByteArray() << false;
}

void tst_SignaturePane::replayWarning()
{
    QFETCH(QByteArray, firstId);
    QFETCH(QByteArray, secondId);
    QFETCH(bool, warned);
    TestDatabase database;
    Delivery first = githubDelivery(githubBody);
    first.senderDeliveryId = firstId;
    Delivery second = githubDelivery(githubBody);
    second.senderDeliveryId = secondId;
    const QList<qint64> ids = database.insert({first, second});
    second.id = ids.at(1);

    AsyncStore store;
    openAndWait(store, database.path());
    SignaturePane pane(&store);
    QSignalSpy checked(&pane, &SignaturePane::replayChecked);
    pane.setDelivery(second);
    QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 1, 5000);
    QCOMPARE(!pane.replayWarning().isEmpty(), warned);
    if (warned) {
        QVERIFY2(pane.replayWarning().contains(u"#%1"_s.arg(ids.at(0))),
                 qPrintable(pane.replayWarning()));
        QVERIFY(pane.replayWarning().contains(QString::fromUtf8(firstId)));
    }
}

QTEST_MAIN(tst_SignaturePane)
#include "tst_signature_pane.moc"
