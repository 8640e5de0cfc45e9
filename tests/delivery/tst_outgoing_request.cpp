#include "delivery/outgoing_request.h"
#include "signing/scheme_registry.h"

#include <QTest>

using namespace Qt::StringLiterals;

using namespace hookbench;

// What one attempt puts on the wire, before any network: headers in order, signatures that
// the same scheme verifies, auth, and the message's own id for Standard Webhooks.
class tst_OutgoingRequest : public QObject
{
    Q_OBJECT

private slots:
    void signsSoTheSchemeVerifies_data();
    void signsSoTheSchemeVerifies();
    void extraHeadersAndAuth();
    void standardWebhooksIdIsTheMessages();
    void unusableSecretIsAnError();
};

namespace {

OutboxMessage message(qint64 id = 7)
{
    OutboxMessage result;
    result.id = id;
    result.payload = R"({"event":"build","status":"FAILED"})";
    result.contentType = "application/json";
    return result;
}

} // namespace

void tst_OutgoingRequest::signsSoTheSchemeVerifies_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("compass") << u"compass"_s << QByteArray("c") << QByteArray();
    QTest::newRow("foundries") << u"foundries"_s << QByteArray("f") << QByteArray("X-JobServ-Sig");
    QTest::newRow("standard-webhooks")
            << u"standard-webhooks"_s
            << "whsec_" + QByteArray("0123456789abcdef0123456789abcdef").toBase64()
            << QByteArray("webhook-signature");
}

void tst_OutgoingRequest::signsSoTheSchemeVerifies()
{
    QFETCH(QString, preset);
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, header);
    Subscription subscription;
    subscription.url = QUrl(u"https://example.com/hook?a=1"_s);
    subscription.applyPreset(*vendorPresetFromName(preset));
    subscription.secret = secret;
    const qint64 now = 1'790'000'000;
    const auto built = OutgoingRequest::build(subscription, message(), now);
    QVERIFY(std::holds_alternative<OutgoingRequest>(built));
    const OutgoingRequest &request = std::get<OutgoingRequest>(built);
    QCOMPARE(request.body, message().payload);
    QCOMPARE(request.headers.fields().constFirst().name, QByteArray("Content-Type"));
    if (!header.isEmpty())
        QVERIFY(request.headers.contains(header));
    SchemeOptions options;
    options.now = now;
    options.config = subscription.schemeConfig;
    const SignatureScheme *scheme = SchemeRegistry::instance().scheme(subscription.schemeId);
    QVERIFY(scheme);
    const VerificationResult result
            = scheme->verify({request.headers, request.body, request.url, "POST"}, secret, options);
    QVERIFY2(result.isValid(), qPrintable(result.explanation));
    QVERIFY(!scheme->verify({request.headers, request.body + ' ', request.url, "POST"}, secret,
                            options)
                     .isValid());
}

void tst_OutgoingRequest::extraHeadersAndAuth()
{
    Subscription subscription;
    subscription.url = QUrl(u"http://127.0.0.1/x"_s);
    subscription.headers.append("User-Agent", "Remedy/23");
    subscription.headers.append("X-Tag", "a");
    subscription.headers.append("X-Tag", "b");
    subscription.auth = {AuthKind::Basic, u"ar"_s, "p:w"};
    const auto built = OutgoingRequest::build(subscription, message(), 0);
    const OutgoingRequest &request = std::get<OutgoingRequest>(built);
    QCOMPARE(request.headers.value("User-Agent"), QByteArray("Remedy/23"));
    QCOMPARE(request.headers.fields().size(), 5);
    QCOMPARE(request.headers.fields().at(2).value, QByteArray("a"));
    QCOMPARE(request.headers.fields().at(3).value, QByteArray("b"));
    QCOMPARE(request.headers.value("Authorization"), "Basic " + QByteArray("ar:p:w").toBase64());

    subscription.auth = {AuthKind::Bearer, QString(), "tok"};
    const auto bearer = OutgoingRequest::build(subscription, message(), 0);
    QCOMPARE(std::get<OutgoingRequest>(bearer).headers.value("Authorization"),
             QByteArray("Bearer tok"));
}

void tst_OutgoingRequest::standardWebhooksIdIsTheMessages()
{
    Subscription subscription;
    subscription.url = QUrl(u"https://example.com/"_s);
    subscription.applyPreset(VendorPreset::StandardWebhooks);
    subscription.secret = "whsec_" + QByteArray("0123456789abcdef0123456789abcdef").toBase64();
    const auto first = OutgoingRequest::build(subscription, message(41), 100);
    const auto retry = OutgoingRequest::build(subscription, message(41), 400);
    QCOMPARE(std::get<OutgoingRequest>(first).headers.value("webhook-id"), QByteArray("msg_41"));
    QCOMPARE(std::get<OutgoingRequest>(retry).headers.value("webhook-id"), QByteArray("msg_41"));
    // Signed afresh: the retry carries its own timestamp.
    QCOMPARE(std::get<OutgoingRequest>(retry).headers.value("webhook-timestamp"),
             QByteArray("400"));
}

void tst_OutgoingRequest::unusableSecretIsAnError()
{
    Subscription subscription;
    subscription.url = QUrl(u"https://example.com/"_s);
    subscription.applyPreset(VendorPreset::StandardWebhooks);
    subscription.secret = "not-a-whsec-secret!";
    const auto built = OutgoingRequest::build(subscription, message(), 0);
    QVERIFY(std::holds_alternative<QString>(built));
    QVERIFY(!std::get<QString>(built).isEmpty());
}

QTEST_GUILESS_MAIN(tst_OutgoingRequest)
#include "tst_outgoing_request.moc"
