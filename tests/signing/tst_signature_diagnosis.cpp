#include "signing/crypto.h"
#include "signing/scheme_registry.h"

#include <QJsonArray>
#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

// When a signature fails, the result must say why: the usual suspects, one row each.
class tst_SignatureDiagnosis : public QObject
{
    Q_OBJECT

private slots:
    void suspects_data();
    void suspects();
    void nothingMatchesSaysBothArePossible();
    void missingHeaderNamesSimilarHeaders();
    void basicSaysWhichHalfDiffers();
    void textAndJsonCarryTheDiagnosis();
    void twilioJsonBodyIsCoveredByBodySha256();
    void namesRoundTrip();
};

namespace {
constexpr qint64 now = 1700000000;
using Kind = SuspectTrial::Kind;
using Reason = VerificationResult::Reason;

QByteArray hmacHex(crypto::HashAlgorithm algorithm, const QByteArray &key, const QByteArray &data)
{
    return crypto::hmac(algorithm, key, data).toHex();
}

QByteArray hmacBase64(crypto::HashAlgorithm algorithm, const QByteArray &key,
                      const QByteArray &data)
{
    return crypto::hmac(algorithm, key, data).toBase64();
}

const QByteArray jsonCompact = R"({"action":"opened","number":7})";
const QByteArray jsonIndented = "{\n    \"action\": \"opened\",\n    \"number\": 7\n}\n";
const QByteArray swKey = "0123456789abcdef0123456789abcdef";
const QByteArray swSecret = "whsec_" + swKey.toBase64();
} // namespace

void tst_SignatureDiagnosis::suspects_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<SchemeConfig>("config");
    QTest::addColumn<QByteArray>("secret");  // what the receiver is configured with
    QTest::addColumn<HeaderList>("headers"); // what the sender sent
    QTest::addColumn<QByteArray>("body");    // what arrived
    QTest::addColumn<Reason>("reason");
    QTest::addColumn<Kind>("suspect");

    using crypto::HashAlgorithm;
    const QByteArray secret = "topsecret";
    const auto github = [&](const QByteArray &signedBody) {
        return HeaderList{{"X-Hub-Signature-256",
                           "sha256=" + hmacHex(HashAlgorithm::Sha256, secret, signedBody)}};
    };

    QTest::newRow("newline-stripped-on-the-way")
            << u"github"_s << SchemeConfig{} << secret << github(jsonCompact + '\n') << jsonCompact
            << Reason::BodyChanged << Kind::TrailingNewlineAdded;
    QTest::newRow("newline-added-on-the-way")
            << u"github"_s << SchemeConfig{} << secret << github(jsonCompact) << jsonCompact + '\n'
            << Reason::BodyChanged << Kind::TrailingNewlineRemoved;
    QTest::newRow("crlf") << u"github"_s << SchemeConfig{} << secret << github("a\nb\nc")
                          << QByteArray("a\r\nb\r\nc") << Reason::BodyChanged << Kind::CrlfToLf;
    QTest::newRow("lf") << u"github"_s << SchemeConfig{} << secret << github("a\r\nb\r\nc")
                        << QByteArray("a\nb\nc") << Reason::BodyChanged << Kind::LfToCrlf;
    QTest::newRow("json-pretty-printed-by-a-framework")
            << u"github"_s << SchemeConfig{} << secret << github(jsonCompact) << jsonIndented
            << Reason::BodyChanged << Kind::JsonCompact;
    QTest::newRow("json-compacted-by-a-framework")
            << u"github"_s << SchemeConfig{} << secret << github(jsonIndented) << jsonCompact
            << Reason::BodyChanged << Kind::JsonIndented;

    const QByteArray digest = crypto::hmac(HashAlgorithm::Sha256, secret, jsonCompact);
    QTest::newRow("base64-where-hex-expected")
            << u"github"_s << SchemeConfig{} << secret
            << HeaderList{{"X-Hub-Signature-256", "sha256=" + digest.toBase64()}} << jsonCompact
            << Reason::EncodingMismatch << Kind::OtherEncoding;
    QTest::newRow("hex-where-base64-expected")
            << u"shopify"_s << SchemeConfig{} << secret
            << HeaderList{{"X-Shopify-Hmac-Sha256", digest.toHex()}} << jsonCompact
            << Reason::EncodingMismatch << Kind::OtherEncoding;

    QTest::newRow("secret-with-trailing-newline")
            << u"github"_s << SchemeConfig{} << QByteArray("topsecret\n") << github(jsonCompact)
            << jsonCompact << Reason::SecretMismatch << Kind::SecretTrimmed;

    const QByteArray base64Secret = QByteArray("raw key bytes").toBase64();
    QTest::newRow("sender-decodes-base64-secret")
            << u"hmac"_s << SchemeConfig{} << base64Secret
            << HeaderList{{"X-Signature",
                           hmacHex(HashAlgorithm::Sha256, "raw key bytes", jsonCompact)}}
            << jsonCompact << Reason::SecretMismatch << Kind::SecretBase64Decoded;
    QTest::newRow("sender-uses-base64-secret-raw")
            << u"hmac"_s << SchemeConfig{{u"secret-encoding"_s, u"base64"_s}} << base64Secret
            << HeaderList{{"X-Signature",
                           hmacHex(HashAlgorithm::Sha256, base64Secret, jsonCompact)}}
            << jsonCompact << Reason::SecretMismatch << Kind::SecretRaw;

    const QByteArray swSigned = "msg_1.1700000000." + jsonCompact;
    const auto swHeaders = [&](const QByteArray &key) {
        return HeaderList{
                {"webhook-id", "msg_1"},
                {"webhook-timestamp", "1700000000"},
                {"webhook-signature", "v1," + hmacBase64(HashAlgorithm::Sha256, key, swSigned)}};
    };
    QTest::newRow("whsec-used-as-typed")
            << u"standard-webhooks"_s << SchemeConfig{} << swSecret << swHeaders(swSecret)
            << jsonCompact << Reason::SecretMismatch << Kind::SecretRaw;
    QTest::newRow("whsec-prefix-dropped")
            << u"standard-webhooks"_s << SchemeConfig{} << swSecret << swHeaders(swKey.toBase64())
            << jsonCompact << Reason::SecretMismatch << Kind::SecretWithoutWhsecPrefix;

    const QByteArray stripeSigned = "1700000000." + jsonCompact;
    QTest::newRow("stripe-secret-decoded-by-sender")
            << u"stripe"_s << SchemeConfig{} << swSecret
            << HeaderList{{"Stripe-Signature",
                           "t=1700000000,v1="
                                   + hmacHex(HashAlgorithm::Sha256, swKey, stripeSigned)}}
            << jsonCompact << Reason::SecretMismatch << Kind::SecretBase64Decoded;

    QTest::newRow("sha1-where-sha256-configured")
            << u"hmac"_s << SchemeConfig{} << secret
            << HeaderList{{"X-Signature", hmacHex(HashAlgorithm::Sha1, secret, jsonCompact)}}
            << jsonCompact << Reason::AlgorithmMismatch << Kind::OtherAlgorithm;
}

void tst_SignatureDiagnosis::suspects()
{
    QFETCH(QString, scheme);
    QFETCH(SchemeConfig, config);
    QFETCH(QByteArray, secret);
    QFETCH(HeaderList, headers);
    QFETCH(QByteArray, body);
    QFETCH(Reason, reason);
    QFETCH(Kind, suspect);
    SchemeOptions options;
    options.now = now;
    options.config = config;
    const VerificationResult result = SchemeRegistry::instance().scheme(scheme)->verify(
            {headers, body, {}}, secret, options);
    QCOMPARE(result.outcome, VerificationResult::Outcome::Invalid);
    QVERIFY2(result.reason == reason, qPrintable(result.toText()));
    const auto matched = result.matchedSuspect();
    QVERIFY(matched);
    QCOMPARE(matched->kind, suspect);
    QVERIFY(result.explanation.contains(matched->description));
    // The suspect's signature is the one that was received.
    QVERIFY2(result.received.contains(matched->signature), qPrintable(result.toText()));
}

void tst_SignatureDiagnosis::nothingMatchesSaysBothArePossible()
{
    const HeaderList headers{{"X-Hub-Signature-256",
                              "sha256=" + hmacHex(crypto::HashAlgorithm::Sha256, "a", "body")}};
    SchemeOptions options;
    const VerificationResult result = SchemeRegistry::instance().scheme(u"github")->verify(
            {headers, "body\n", {}}, "b", options);
    QCOMPARE(result.reason, Reason::SignatureMismatch);
    QVERIFY(!result.matchedSuspect());
    QVERIFY(result.suspects.size() >= 4);
    QVERIFY(result.explanation.contains(u"secret"_s));
    QVERIFY(result.explanation.contains(u"body"_s));
    QCOMPARE(result.signedString, QByteArray("body\n"));
    QCOMPARE(result.expected, "sha256=" + hmacHex(crypto::HashAlgorithm::Sha256, "b", "body\n"));
}

void tst_SignatureDiagnosis::missingHeaderNamesSimilarHeaders()
{
    const HeaderList headers{{"Content-Type", "application/json"},
                             {"X-Hub-Signature", "sha1=abc"},
                             {"X-GitHub-Event", "push"},
                             {"X-Request-Id", "42"}};
    const VerificationResult result = SchemeRegistry::instance().scheme(u"github")->verify(
            {headers, "{}", {}}, "secret", SchemeOptions());
    QCOMPARE(result.reason, Reason::HeaderMissing);
    QCOMPARE(result.headerName, QByteArray("X-Hub-Signature-256"));
    QCOMPARE(result.similarHeaders, (QList<QByteArray>{"X-Hub-Signature"}));
    QVERIFY(result.explanation.contains(u"X-Hub-Signature,"_s)
            || result.explanation.contains(u"X-Hub-Signature."_s));
}

void tst_SignatureDiagnosis::basicSaysWhichHalfDiffers()
{
    const SignatureScheme *basic = SchemeRegistry::instance().scheme(u"basic");
    const HeaderList headers{{"Authorization", "Basic " + QByteArray("remedy:guess").toBase64()}};
    const VerificationResult samePassword
            = basic->verify({headers, {}, {}}, "remedy:s3cret", SchemeOptions());
    QCOMPARE(samePassword.reason, Reason::SecretMismatch);
    QVERIFY(samePassword.explanation.contains(u"password"_s));
    QVERIFY(!samePassword.received.first().contains("guess"));
    QVERIFY(samePassword.received.first().startsWith("remedy:"));

    const VerificationResult otherUser
            = basic->verify({headers, {}, {}}, "admin:guess", SchemeOptions());
    QVERIFY(otherUser.explanation.contains(u"remedy"_s));

    const VerificationResult stray
            = basic->verify({headers, {}, {}}, "remedy:guess\n", SchemeOptions());
    QCOMPARE(stray.matchedSuspect()->kind, Kind::SecretTrimmed);
}

void tst_SignatureDiagnosis::textAndJsonCarryTheDiagnosis()
{
    const QByteArray secret = "topsecret";
    const HeaderList headers{
            {"X-Hub-Signature-256",
             "sha256=" + hmacHex(crypto::HashAlgorithm::Sha256, secret, jsonCompact + '\n')}};
    const VerificationResult result = SchemeRegistry::instance().scheme(u"github")->verify(
            {headers, jsonCompact, {}}, secret, SchemeOptions());
    const QString text = result.toText();
    const QStringList lines = text.split(u'\n');
    QVERIFY(lines.first().startsWith(u"github: invalid (body changed):"_s));
    QVERIFY(text.contains(u"X-Hub-Signature-256"_s));
    QVERIFY(text.contains(u"[match]"_s));
    QVERIFY(text.contains(QString::fromLatin1(result.expected)));
    QVERIFY(!text.contains(QString::fromLatin1(secret)));

    const QJsonObject json = result.toJson();
    QCOMPARE(json.value(u"outcome"_s).toString(), u"invalid"_s);
    QCOMPARE(json.value(u"reason"_s).toString(), u"body-changed"_s);
    QCOMPARE(json.value(u"signedString"_s).toString(), QString::fromUtf8(jsonCompact));
    bool anyMatched = false;
    for (const QJsonValue trial : json.value(u"suspects"_s).toArray())
        anyMatched = anyMatched || trial.toObject().value(u"matched"_s).toBool();
    QVERIFY(anyMatched);
}

void tst_SignatureDiagnosis::twilioJsonBodyIsCoveredByBodySha256()
{
    const SignatureScheme *twilio = SchemeRegistry::instance().scheme(u"twilio");
    const QByteArray hash = crypto::digest(crypto::HashAlgorithm::Sha256, jsonCompact).toHex();
    SignedRequest request;
    request.headers.append("Content-Type", "application/json");
    request.body = jsonCompact;
    request.url = QUrl(u"https://example.test/hook?bodySHA256="_s + QString::fromLatin1(hash));
    const SignResult signature = twilio->sign(request, "token", SchemeOptions());
    QVERIFY(signature.isOk());
    QCOMPARE(signature.signedString, request.url.toEncoded());
    request.headers.append(signature.headers.fields().first());
    QVERIFY(twilio->verify(request, "token", SchemeOptions()).isValid());

    request.body = jsonCompact + ' ';
    const VerificationResult tampered = twilio->verify(request, "token", SchemeOptions());
    QCOMPARE(tampered.reason, Reason::BodyChanged);
    QCOMPARE(tampered.received,
             (QList<QByteArray>{
                     "bodySHA256="
                     + crypto::digest(crypto::HashAlgorithm::Sha256, request.body).toHex()}));
}

void tst_SignatureDiagnosis::namesRoundTrip()
{
    for (int value = 0; value <= static_cast<int>(Reason::AlgorithmMismatch); ++value) {
        const auto reason = static_cast<Reason>(value);
        QCOMPARE(VerificationResult::reasonFromName(VerificationResult::reasonName(reason)),
                 reason);
    }
    using Outcome = VerificationResult::Outcome;
    for (const Outcome outcome : {Outcome::Valid, Outcome::Invalid, Outcome::NotConfigured})
        QCOMPARE(VerificationResult::outcomeFromName(VerificationResult::outcomeName(outcome)),
                 outcome);
    QVERIFY(!VerificationResult::reasonFromName(u"nope"));
}

QTEST_GUILESS_MAIN(tst_SignatureDiagnosis)
#include "tst_signature_diagnosis.moc"
