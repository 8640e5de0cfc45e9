#include "signing/hmac_recipe.h"

#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_HmacRecipe : public QObject
{
    Q_OBJECT

private slots:
    void fromConfigRejectsBadSettings_data();
    void fromConfigRejectsBadSettings();
    void configRoundTrip();
    void jsonRoundTrip();
    void signedStringExpandsOnce_data();
    void signedStringExpandsOnce();
};

void tst_HmacRecipe::fromConfigRejectsBadSettings_data()
{
    QTest::addColumn<SchemeConfig>("config");
    QTest::addColumn<QString>("errorContains"); // empty: accepted

    QTest::newRow("defaults") << SchemeConfig{} << QString();
    QTest::newRow("bad-algorithm") << SchemeConfig{{u"algorithm"_s, u"md5"_s}} << u"md5"_s;
    QTest::newRow("bad-encoding") << SchemeConfig{{u"encoding"_s, u"base32"_s}} << u"base32"_s;
    QTest::newRow("unknown-key") << SchemeConfig{{u"colour"_s, u"red"_s}} << u"colour"_s;
    QTest::newRow("bad-header") << SchemeConfig{{u"header"_s, u"X Sig:"_s}} << u"X Sig:"_s;
    QTest::newRow("empty-template") << SchemeConfig{{u"template"_s, QString()}} << u"empty"_s;
    QTest::newRow("timestamp-without-header")
            << SchemeConfig{{u"template"_s, u"{timestamp}.{body}"_s}} << u"timestamp-header"_s;
    QTest::newRow("id-without-header")
            << SchemeConfig{{u"template"_s, u"{id}.{body}"_s}} << u"id-header"_s;
    QTest::newRow("bad-secret-encoding")
            << SchemeConfig{{u"secret-encoding"_s, u"rot13"_s}} << u"rot13"_s;
    QTest::newRow("complete") << SchemeConfig{{u"algorithm"_s, u"sha512"_s},
                                              {u"header"_s, u"X-Acme-Sig"_s},
                                              {u"template"_s, u"{timestamp}.{body}"_s},
                                              {u"timestamp-header"_s, u"X-Acme-Time"_s}}
                              << QString();
}

void tst_HmacRecipe::fromConfigRejectsBadSettings()
{
    QFETCH(SchemeConfig, config);
    QFETCH(QString, errorContains);
    const auto result = HmacRecipe::fromConfig(config);
    if (errorContains.isEmpty()) {
        QVERIFY(std::holds_alternative<HmacRecipe>(result));
    } else {
        QVERIFY(std::holds_alternative<QString>(result));
        QVERIFY2(std::get<QString>(result).contains(errorContains),
                 qPrintable(std::get<QString>(result)));
    }
}

void tst_HmacRecipe::configRoundTrip()
{
    HmacRecipe recipe;
    recipe.algorithm = crypto::HashAlgorithm::Sha1;
    recipe.header = "X-Vendor-Signature";
    recipe.prefix = "v1=";
    recipe.encoding = crypto::SignatureEncoding::Base64;
    recipe.signedTemplate = "{id}.{timestamp}.{body}";
    recipe.timestampHeader = "X-Vendor-Time";
    recipe.idHeader = "X-Vendor-Id";
    recipe.secretEncoding = HmacRecipe::SecretEncoding::Base64;
    const auto parsed = HmacRecipe::fromConfig(recipe.toConfig());
    QVERIFY(std::holds_alternative<HmacRecipe>(parsed));
    QCOMPARE(std::get<HmacRecipe>(parsed), recipe);
}

void tst_HmacRecipe::jsonRoundTrip()
{
    HmacRecipe recipe;
    recipe.header = "X-Sig";
    recipe.prefix = "sha256=";
    const auto parsed = HmacRecipe::fromJson(recipe.toJson());
    QVERIFY(std::holds_alternative<HmacRecipe>(parsed));
    QCOMPARE(std::get<HmacRecipe>(parsed), recipe);
    QVERIFY(std::holds_alternative<QString>(HmacRecipe::fromJson(QJsonObject{{u"header"_s, 3}})));
}

void tst_HmacRecipe::signedStringExpandsOnce_data()
{
    QTest::addColumn<QByteArray>("templateText");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("body") << QByteArray("{body}") << QByteArray("x") << QByteArray("x");
    QTest::newRow("stripe-like") << QByteArray("{timestamp}.{body}") << QByteArray("{}")
                                 << QByteArray("1700000000.{}");
    QTest::newRow("body-with-placeholder")
            << QByteArray("{id}.{body}") << QByteArray("{id}{timestamp}")
            << QByteArray("msg_1.{id}{timestamp}");
    QTest::newRow("unknown-placeholder-literal")
            << QByteArray("{nope}:{body}") << QByteArray("b") << QByteArray("{nope}:b");
    QTest::newRow("unclosed-brace")
            << QByteArray("{body}{oops") << QByteArray("b") << QByteArray("b{oops");
    QTest::newRow("url-method") << QByteArray("{method} {url}") << QByteArray()
                                << QByteArray("POST https://h/p?q=1");
}

void tst_HmacRecipe::signedStringExpandsOnce()
{
    QFETCH(QByteArray, templateText);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    HmacRecipe recipe;
    recipe.signedTemplate = templateText;
    const HmacRecipe::Values values{body, "1700000000", "msg_1", "https://h/p?q=1", "POST"};
    QCOMPARE(recipe.signedString(values), expected);
}

QTEST_GUILESS_MAIN(tst_HmacRecipe)
#include "tst_hmac_recipe.moc"
