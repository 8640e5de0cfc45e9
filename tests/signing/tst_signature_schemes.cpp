#include "signing/scheme_registry.h"

#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

// The contract every scheme keeps: sign-then-verify, wrong secret, tampered body, missing and
// malformed headers, timestamps, key rotation, and no secret. One row per scheme (and per
// configuration of the configurable ones).
class tst_SignatureSchemes : public QObject
{
    Q_OBJECT

private slots:
    void registryListsEveryScheme();
    void roundTrip_data();
    void roundTrip();
    void wrongSecret_data();
    void wrongSecret();
    void tamperedBody_data();
    void tamperedBody();
    void missingHeader_data();
    void missingHeader();
    void malformedHeader_data();
    void malformedHeader();
    void timestamps_data();
    void timestamps();
    void rotatedKeys_data();
    void rotatedKeys();
    void missingSecret_data();
    void missingSecret();
};

namespace {
constexpr qint64 signedAt = 1700000000;

struct Case
{
    QString name;
    QString scheme;
    QByteArray secret;
    QByteArray otherSecret;
    SchemeConfig config;
};

QList<Case> cases()
{
    const QByteArray swSecret
            = "whsec_" + QByteArray("0123456789abcdef0123456789abcdef").toBase64();
    const QByteArray swOther = "whsec_" + QByteArray("fedcba9876543210fedcba9876543210").toBase64();
    return {
            {u"github"_s, u"github"_s, "topsecret", "notsecret", {}},
            {u"github-sha1"_s, u"github-sha1"_s, "topsecret", "notsecret", {}},
            {u"jobserv"_s, u"jobserv"_s, "UseSomethingGoodHere", "UseSomethingElse", {}},
            {u"compass"_s, u"compass"_s, "compass-secret", "other", {}},
            {u"compass-configured"_s,
             u"compass"_s,
             "compass-secret",
             "other",
             {{u"header"_s, u"X-Compass-Signature"_s}, {u"prefix"_s, u"sha1="_s}}},
            {u"stripe"_s, u"stripe"_s, "whsec_stripe_test_secret", "whsec_other", {}},
            {u"slack"_s, u"slack"_s, "8f742231b10e8888abcd99yyyzzz85a5", "other", {}},
            {u"standard-webhooks"_s, u"standard-webhooks"_s, swSecret, swOther, {}},
            {u"shopify"_s, u"shopify"_s, "shpss_secret", "shpss_other", {}},
            {u"twilio"_s, u"twilio"_s, "12345", "54321", {}},
            {u"basic"_s, u"basic"_s, "remedy:s3cret", "remedy:wrong", {}},
            {u"bearer"_s, u"bearer"_s, "devlake-api-key", "another-key", {}},
            {u"hmac"_s, u"hmac"_s, "generic", "other", {}},
            {u"hmac-timestamped"_s,
             u"hmac"_s,
             "generic",
             "other",
             {{u"algorithm"_s, u"sha512"_s},
              {u"header"_s, u"X-Acme-Signature"_s},
              {u"encoding"_s, u"base64"_s},
              {u"template"_s, u"{id}.{timestamp}.{body}"_s},
              {u"timestamp-header"_s, u"X-Acme-Timestamp"_s},
              {u"id-header"_s, u"X-Acme-Delivery-Id"_s}}},
    };
}

SignedRequest unsignedRequest()
{
    SignedRequest request;
    request.headers.append("Content-Type", "application/x-www-form-urlencoded");
    request.headers.append("User-Agent", "hookbench-test");
    request.body = "To=%2B15550002222&From=%2B15550001111&Body=Hello+there";
    request.url = QUrl(u"https://example.test/hooks/in?endpoint=7"_s);
    return request;
}

SchemeOptions optionsAt(qint64 now, const SchemeConfig &config)
{
    SchemeOptions options;
    options.now = now;
    options.config = config;
    return options;
}

struct Signed
{
    SignedRequest request;
    HeaderList added;
};

Signed signRequest(const SignatureScheme *scheme, const QByteArray &secret,
                   const SchemeConfig &config)
{
    Signed result{unsignedRequest(), {}};
    const SignResult signature = scheme->sign(result.request, secret, optionsAt(signedAt, config));
    if (!signature.isOk())
        qFatal("signing failed: %s", qPrintable(signature.error));
    result.added = signature.headers;
    for (const HeaderField &field : signature.headers)
        result.request.headers.append(field);
    return result;
}

void addCaseColumns()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("otherSecret");
    QTest::addColumn<SchemeConfig>("config");
}

void addCaseRows(bool bodyCovered = false)
{
    addCaseColumns();
    for (const Case &c : cases()) {
        if (bodyCovered && (c.scheme == u"basic"_s || c.scheme == u"bearer"_s))
            continue;
        QTest::newRow(qPrintable(c.name)) << c.scheme << c.secret << c.otherSecret << c.config;
    }
}

const SignatureScheme *schemeById(const QString &id)
{
    return SchemeRegistry::instance().scheme(id);
}

bool isMismatch(VerificationResult::Reason reason)
{
    return reason == VerificationResult::Reason::SignatureMismatch
           || reason == VerificationResult::Reason::SecretMismatch;
}
} // namespace

void tst_SignatureSchemes::registryListsEveryScheme()
{
    const QStringList expected{u"github"_s,
                               u"github-sha1"_s,
                               u"jobserv"_s,
                               u"compass"_s,
                               u"stripe"_s,
                               u"slack"_s,
                               u"standard-webhooks"_s,
                               u"shopify"_s,
                               u"twilio"_s,
                               u"basic"_s,
                               u"bearer"_s,
                               u"hmac"_s};
    const SchemeRegistry &registry = SchemeRegistry::instance();
    QCOMPARE(registry.ids(), expected);
    QCOMPARE(registry.schemes().size(), expected.size());
    for (const QString &id : expected) {
        const SignatureScheme *scheme = registry.scheme(id);
        QVERIFY(scheme);
        QCOMPARE(scheme->id(), id);
        QVERIFY(!scheme->displayName().isEmpty());
        QVERIFY(!scheme->recipe().isEmpty());
    }
    QVERIFY(!registry.scheme(u"nope"));
    QCOMPARE(registry.scheme(u"compass")->configuration(),
             SignatureScheme::Configuration::Configurable);
    QCOMPARE(registry.scheme(u"stripe")->timestamps(), SignatureScheme::Timestamps::Signed);
}

void tst_SignatureSchemes::roundTrip_data()
{
    addCaseRows();
}

void tst_SignatureSchemes::roundTrip()
{
    QFETCH(QString, scheme);
    QFETCH(QByteArray, secret);
    QFETCH(SchemeConfig, config);
    const SignatureScheme *signatureScheme = schemeById(scheme);
    const Signed signedRequest = signRequest(signatureScheme, secret, config);
    QVERIFY(!signedRequest.added.isEmpty());
    const VerificationResult result = signatureScheme->verify(signedRequest.request, secret,
                                                              optionsAt(signedAt + 5, config));
    QVERIFY2(result.isValid(), qPrintable(result.toText()));
    QCOMPARE(result.schemeId, scheme);
    QVERIFY(result.suspects.isEmpty());
}

void tst_SignatureSchemes::wrongSecret_data()
{
    addCaseRows();
}

void tst_SignatureSchemes::wrongSecret()
{
    QFETCH(QString, scheme);
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, otherSecret);
    QFETCH(SchemeConfig, config);
    const SignatureScheme *signatureScheme = schemeById(scheme);
    const Signed signedRequest = signRequest(signatureScheme, secret, config);
    const VerificationResult result = signatureScheme->verify(signedRequest.request, otherSecret,
                                                              optionsAt(signedAt, config));
    QCOMPARE(result.outcome, VerificationResult::Outcome::Invalid);
    QVERIFY2(isMismatch(result.reason), qPrintable(result.toText()));
    QVERIFY(!result.expected.isEmpty());
    QVERIFY(!result.received.isEmpty());
    QVERIFY(!result.summary().isEmpty());
}

void tst_SignatureSchemes::tamperedBody_data()
{
    // Basic and Bearer authenticate the sender but cover no body.
    addCaseRows(true);
}

void tst_SignatureSchemes::tamperedBody()
{
    QFETCH(QString, scheme);
    QFETCH(QByteArray, secret);
    QFETCH(SchemeConfig, config);
    const SignatureScheme *signatureScheme = schemeById(scheme);
    Signed signedRequest = signRequest(signatureScheme, secret, config);
    signedRequest.request.body.replace("Hello", "Hallo");
    const VerificationResult result
            = signatureScheme->verify(signedRequest.request, secret, optionsAt(signedAt, config));
    QCOMPARE(result.outcome, VerificationResult::Outcome::Invalid);
    QCOMPARE(result.reason, VerificationResult::Reason::SignatureMismatch);
    QVERIFY(result.signedString.contains("Hallo"));
    QVERIFY(!result.suspects.isEmpty());
    QVERIFY(!result.matchedSuspect());
}

void tst_SignatureSchemes::missingHeader_data()
{
    addCaseColumns();
    QTest::addColumn<QByteArray>("header");
    for (const Case &c : cases()) {
        const Signed signedRequest = signRequest(schemeById(c.scheme), c.secret, c.config);
        for (const HeaderField &field : signedRequest.added)
            QTest::addRow("%s/%s", qPrintable(c.name), field.name.constData())
                    << c.scheme << c.secret << c.otherSecret << c.config << field.name;
    }
}

void tst_SignatureSchemes::missingHeader()
{
    QFETCH(QString, scheme);
    QFETCH(QByteArray, secret);
    QFETCH(SchemeConfig, config);
    QFETCH(QByteArray, header);
    const SignatureScheme *signatureScheme = schemeById(scheme);
    Signed signedRequest = signRequest(signatureScheme, secret, config);
    signedRequest.request.headers.removeAll(header);
    const VerificationResult result
            = signatureScheme->verify(signedRequest.request, secret, optionsAt(signedAt, config));
    QCOMPARE(result.outcome, VerificationResult::Outcome::Invalid);
    QCOMPARE(result.reason, VerificationResult::Reason::HeaderMissing);
    QCOMPARE(result.headerName.toLower(), header.toLower());
    QVERIFY(result.explanation.contains(QString::fromLatin1(header), Qt::CaseInsensitive));
}

void tst_SignatureSchemes::malformedHeader_data()
{
    addCaseColumns();
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    for (const Case &c : cases()) {
        const Signed signedRequest = signRequest(schemeById(c.scheme), c.secret, c.config);
        for (const HeaderField &field : signedRequest.added) {
            // A message id is any string: no value of it is malformed.
            if (field.name.toLower().endsWith("-id"))
                continue;
            for (const QByteArray &value : {QByteArray("%%%"), QByteArray(" "), QByteArray("x=1")})
                QTest::addRow("%s/%s/'%s'", qPrintable(c.name), field.name.constData(),
                              value.constData())
                        << c.scheme << c.secret << c.otherSecret << c.config << field.name << value;
        }
    }
}

void tst_SignatureSchemes::malformedHeader()
{
    QFETCH(QString, scheme);
    QFETCH(QByteArray, secret);
    QFETCH(SchemeConfig, config);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    const SignatureScheme *signatureScheme = schemeById(scheme);
    Signed signedRequest = signRequest(signatureScheme, secret, config);
    signedRequest.request.headers.set(header, value);
    const VerificationResult result
            = signatureScheme->verify(signedRequest.request, secret, optionsAt(signedAt, config));
    QCOMPARE(result.outcome, VerificationResult::Outcome::Invalid);
    QVERIFY2(result.reason == VerificationResult::Reason::HeaderMalformed,
             qPrintable(result.toText()));
    QCOMPARE(result.headerName.toLower(), header.toLower());
}

void tst_SignatureSchemes::timestamps_data()
{
    addCaseColumns();
    QTest::addColumn<qint64>("now");
    QTest::addColumn<qint64>("tolerance");
    QTest::addColumn<bool>("valid");
    for (const Case &c : cases()) {
        if (schemeById(c.scheme)->timestamps(c.config) != SignatureScheme::Timestamps::Signed)
            continue;
        const auto row = [&c](const char *label, qint64 now, qint64 tolerance, bool valid) {
            QTest::addRow("%s/%s", qPrintable(c.name), label)
                    << c.scheme << c.secret << c.otherSecret << c.config << now << tolerance
                    << valid;
        };
        row("stale", signedAt + 301, 300, false);
        row("future", signedAt - 301, 300, false);
        row("just-inside", signedAt + 300, 300, true);
        row("just-inside-future", signedAt - 300, 300, true);
        row("tight-tolerance", signedAt + 11, 10, false);
        row("check-off", signedAt + 86400, 0, true);
    }
}

void tst_SignatureSchemes::timestamps()
{
    QFETCH(QString, scheme);
    QFETCH(QByteArray, secret);
    QFETCH(SchemeConfig, config);
    QFETCH(qint64, now);
    QFETCH(qint64, tolerance);
    QFETCH(bool, valid);
    const SignatureScheme *signatureScheme = schemeById(scheme);
    const Signed signedRequest = signRequest(signatureScheme, secret, config);
    SchemeOptions options = optionsAt(now, config);
    options.toleranceSeconds = tolerance;
    const VerificationResult result
            = signatureScheme->verify(signedRequest.request, secret, options);
    QCOMPARE(result.isValid(), valid);
    QCOMPARE(result.timestampSkewSeconds, std::optional<qint64>(now - signedAt));
    QCOMPARE(result.toleranceSeconds, tolerance);
    if (!valid) {
        QCOMPARE(result.reason, VerificationResult::Reason::TimestampOutsideTolerance);
        QVERIFY(result.explanation.contains(QString::number(std::abs(now - signedAt))));
    }
}

void tst_SignatureSchemes::rotatedKeys_data()
{
    addCaseColumns();
    for (const Case &c : cases()) {
        if (c.scheme == u"basic"_s || c.scheme == u"bearer"_s || c.scheme == u"twilio"_s)
            continue; // one credential or one signature per request, no rotation in the format
        QTest::newRow(qPrintable(c.name)) << c.scheme << c.secret << c.otherSecret << c.config;
    }
}

void tst_SignatureSchemes::rotatedKeys()
{
    QFETCH(QString, scheme);
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, otherSecret);
    QFETCH(SchemeConfig, config);
    const SignatureScheme *signatureScheme = schemeById(scheme);
    const Signed byNewKey = signRequest(signatureScheme, secret, config);
    const Signed byOldKey = signRequest(signatureScheme, otherSecret, config);
    // Every sign() appends the signature header last.
    const HeaderField newSignature = byNewKey.added.fields().last();
    const QByteArray oldSignature = byOldKey.added.fields().last().value;
    SignedRequest request = byNewKey.request;
    if (scheme == u"stripe"_s) {
        request.headers.set(newSignature.name,
                            newSignature.value + ',' + oldSignature.split(',').last());
    } else if (scheme == u"standard-webhooks"_s) {
        request.headers.set(newSignature.name, oldSignature + ' ' + newSignature.value);
    } else {
        request.headers.removeAll(newSignature.name);
        request.headers.append(newSignature.name, oldSignature);
        request.headers.append(newSignature);
    }
    const SchemeOptions options = optionsAt(signedAt, config);
    for (const QByteArray &key : {secret, otherSecret}) {
        const VerificationResult result = signatureScheme->verify(request, key, options);
        QVERIFY2(result.isValid(), qPrintable(result.toText()));
        QCOMPARE(result.received.size(), 2);
    }
    const VerificationResult neither = signatureScheme->verify(request, "third-key", options);
    QVERIFY(!neither.isValid());
}

void tst_SignatureSchemes::missingSecret_data()
{
    addCaseRows();
}

void tst_SignatureSchemes::missingSecret()
{
    QFETCH(QString, scheme);
    QFETCH(QByteArray, secret);
    QFETCH(SchemeConfig, config);
    const SignatureScheme *signatureScheme = schemeById(scheme);
    const Signed signedRequest = signRequest(signatureScheme, secret, config);
    const VerificationResult result
            = signatureScheme->verify(signedRequest.request, {}, optionsAt(signedAt, config));
    QCOMPARE(result.outcome, VerificationResult::Outcome::NotConfigured);
    QCOMPARE(result.reason, VerificationResult::Reason::MissingSecret);
    QVERIFY(!signatureScheme->sign(unsignedRequest(), {}, optionsAt(signedAt, config)).isOk());
}

QTEST_GUILESS_MAIN(tst_SignatureSchemes)
#include "tst_signature_schemes.moc"
