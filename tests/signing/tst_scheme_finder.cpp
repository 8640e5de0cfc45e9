#include "signing/crypto.h"
#include "signing/scheme_finder.h"
#include "signing/scheme_registry.h"

#include <QJsonArray>
#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_SchemeFinder : public QObject
{
    Q_OBJECT

private slots:
    void findsTheRecipe_data();
    void findsTheRecipe();
    void foundConfigurationVerifies();
    void wrongSecretFindsNothing();
};

namespace {
constexpr qint64 now = 1700000000;
const QByteArray secret = "vendor-secret";
const QByteArray body = R"({"event":"build.completed","id":67})";

HeaderList commonHeaders()
{
    return {{"Content-Type", "application/json"}, {"User-Agent", "vendor/1.0"}};
}

HeaderList acmeHeaders()
{
    // An undocumented vendor: base64 HMAC-SHA512 over "<timestamp>.<body>" with a prefix.
    HeaderList headers = commonHeaders();
    headers.append("X-Acme-Timestamp", "1699999990");
    const QByteArray digest
            = crypto::hmac(crypto::HashAlgorithm::Sha512, secret, QByteArray("1699999990." + body));
    headers.append("X-Acme-Signature", "sha512=" + digest.toBase64());
    return headers;
}
} // namespace

void tst_SchemeFinder::findsTheRecipe_data()
{
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<SchemeConfig>("config");

    const auto signedBy = [](const QString &id) {
        SignedRequest request{commonHeaders(), body, {}};
        SchemeOptions options;
        options.now = now;
        const SignResult result
                = SchemeRegistry::instance().scheme(id)->sign(request, secret, options);
        for (const HeaderField &field : result.headers)
            request.headers.append(field);
        return request.headers;
    };
    QTest::newRow("github") << signedBy(u"github"_s) << u"github"_s << SchemeConfig{};
    QTest::newRow("stripe") << signedBy(u"stripe"_s) << u"stripe"_s << SchemeConfig{};
    QTest::newRow("slack") << signedBy(u"slack"_s) << u"slack"_s << SchemeConfig{};
    QTest::newRow("shopify") << signedBy(u"shopify"_s) << u"shopify"_s << SchemeConfig{};

    HeaderList compass = commonHeaders();
    compass.append("X-Compass-Sig",
                   crypto::hmac(crypto::HashAlgorithm::Sha1, secret, body).toHex());
    QTest::newRow("compass-under-another-header")
            << compass << u"compass"_s << SchemeConfig{{u"header"_s, u"X-Compass-Sig"_s}};

    QTest::newRow("undocumented-vendor")
            << acmeHeaders() << u"hmac"_s
            << SchemeConfig{{u"algorithm"_s, u"sha512"_s},
                            {u"encoding"_s, u"base64"_s},
                            {u"header"_s, u"X-Acme-Signature"_s},
                            {u"prefix"_s, u"sha512="_s},
                            {u"secret-encoding"_s, u"raw"_s},
                            {u"template"_s, u"{timestamp}.{body}"_s},
                            {u"timestamp-header"_s, u"X-Acme-Timestamp"_s}};
}

void tst_SchemeFinder::findsTheRecipe()
{
    QFETCH(HeaderList, headers);
    QFETCH(QString, scheme);
    QFETCH(SchemeConfig, config);
    const SchemeFinder::Report report = SchemeFinder::find({headers, body, {}}, secret, now);
    QVERIFY2(report.found(), qPrintable(report.toText()));
    QCOMPARE(report.matches.first().schemeId, scheme);
    QCOMPARE(report.matches.first().config, config);
    QCOMPARE(report.schemesTried, SchemeRegistry::instance().ids().size() - 2);
    // A fixed scheme is not reported a second time as a generic recipe.
    QCOMPARE(report.matches.size(), 1);
    QVERIFY(report.toText().contains(scheme));
}

void tst_SchemeFinder::foundConfigurationVerifies()
{
    const SignedRequest request{acmeHeaders(), body, {}};
    const SchemeFinder::Report report = SchemeFinder::find(request, secret, now);
    QVERIFY(report.found());
    const SchemeFinder::Match &match = report.matches.first();
    QCOMPARE(match.timestampSkewSeconds, std::optional<qint64>(10));
    SchemeOptions options;
    options.now = now;
    options.config = match.config;
    const VerificationResult result
            = SchemeRegistry::instance().scheme(match.schemeId)->verify(request, secret, options);
    QVERIFY2(result.isValid(), qPrintable(result.toText()));
}

void tst_SchemeFinder::wrongSecretFindsNothing()
{
    const SchemeFinder::Report report
            = SchemeFinder::find({acmeHeaders(), body, {}}, "not-the-secret", now);
    QVERIFY(!report.found());
    QVERIFY(report.genericRecipesTried > 0);
    QVERIFY(report.toText().startsWith(u"No recipe matches"_s));
    QCOMPARE(report.toJson().value(u"matches"_s).toArray().size(), 0);
}

QTEST_GUILESS_MAIN(tst_SchemeFinder)
#include "tst_scheme_finder.moc"
