#include "signing/scheme_registry.h"

#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

// Vectors published by the vendors themselves: if these fail, the recipe is wrong, whatever
// the round-trip tests say.
class tst_PublishedVectors : public QObject
{
    Q_OBJECT

private slots:
    void verify_data();
    void verify();
    void signReproducesVector_data();
    void signReproducesVector();
};

namespace {
struct Vector
{
    QString scheme;
    QByteArray secret;
    HeaderList headers;
    QByteArray body;
    qint64 now;
    QUrl url;
};

// GitHub, "Validating webhook deliveries", testing the webhook payload validation.
Vector github()
{
    return {u"github"_s,
            "It's a Secret to Everybody",
            {{"X-Hub-Signature-256",
              "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"}},
            "Hello, World!",
            0,
            {}};
}

// The Standard Webhooks reference test vector (libraries' shared test suite).
Vector standardWebhooks()
{
    return {u"standard-webhooks"_s,
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            {{"webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"},
             {"webhook-timestamp", "1614265330"},
             {"webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="}},
            R"({"test": 2432232314})",
            1614265330,
            {}};
}

// Twilio's request-validation example (auth token 12345, the myapp.php URL and its five
// POST parameters), as in the documentation of Twilio's helper libraries.
Vector twilio()
{
    return {u"twilio"_s,
            "12345",
            {{"Content-Type", "application/x-www-form-urlencoded"},
             {"X-Twilio-Signature", "0/KCTR6DLpKmkAf8muzZqo1nDgQ="}},
            "CallSid=CA1234567890ABCDE&Caller=%2B12349013030&Digits=1234&From=%2B12349013030"
            "&To=%2B18005551212",
            0,
            QUrl(u"https://mycompany.com/myapp.php?foo=1&bar=2"_s)};
}

void addRows()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QUrl>("url");
    for (const Vector &vector : {github(), standardWebhooks(), twilio()})
        QTest::newRow(qPrintable(vector.scheme)) << vector.scheme << vector.secret << vector.headers
                                                 << vector.body << vector.now << vector.url;
}
} // namespace

void tst_PublishedVectors::verify_data()
{
    addRows();
}

void tst_PublishedVectors::verify()
{
    QFETCH(QString, scheme);
    QFETCH(QByteArray, secret);
    QFETCH(HeaderList, headers);
    QFETCH(QByteArray, body);
    QFETCH(qint64, now);
    QFETCH(QUrl, url);
    const SignatureScheme *signatureScheme = SchemeRegistry::instance().scheme(scheme);
    QVERIFY(signatureScheme);
    SchemeOptions options;
    options.now = now;
    const VerificationResult result
            = signatureScheme->verify({headers, body, url}, secret, options);
    QVERIFY2(result.isValid(), qPrintable(result.toText()));
    QCOMPARE(result.reason, VerificationResult::Reason::None);
}

void tst_PublishedVectors::signReproducesVector_data()
{
    addRows();
}

void tst_PublishedVectors::signReproducesVector()
{
    QFETCH(QString, scheme);
    QFETCH(QByteArray, secret);
    QFETCH(HeaderList, headers);
    QFETCH(QByteArray, body);
    QFETCH(qint64, now);
    QFETCH(QUrl, url);
    const SignatureScheme *signatureScheme = SchemeRegistry::instance().scheme(scheme);
    SchemeOptions options;
    options.now = now;
    // The id and content-type headers are inputs of signing; the signature is the output.
    HeaderList inputs;
    for (const char *name : {"webhook-id", "Content-Type"}) {
        if (const auto value = headers.value(name))
            inputs.append(name, *value);
    }
    const SignResult signedResult = signatureScheme->sign({inputs, body, url}, secret, options);
    QVERIFY2(signedResult.isOk(), qPrintable(signedResult.error));
    for (const HeaderField &field : signedResult.headers)
        QCOMPARE(field.value, headers.value(field.name).value_or("<absent>"));
}

QTEST_GUILESS_MAIN(tst_PublishedVectors)
#include "tst_published_vectors.moc"
