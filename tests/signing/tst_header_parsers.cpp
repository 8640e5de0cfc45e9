#include "signing/basic_auth_scheme.h"
#include "signing/bearer_scheme.h"
#include "signing/prefixed_signature_parser.h"
#include "signing/standard_webhooks_scheme.h"
#include "signing/stripe_scheme.h"

#include <QTest>

using namespace hookbench;

using ByteList = QList<QByteArray>;

class tst_HeaderParsers : public QObject
{
    Q_OBJECT

private slots:
    void stripeSignature_data();
    void stripeSignature();
    void webhookSignature_data();
    void webhookSignature();
    void basicAuthorization_data();
    void basicAuthorization();
    void bearerAuthorization_data();
    void bearerAuthorization();
    void prefixedSignature_data();
    void prefixedSignature();
};

void tst_HeaderParsers::stripeSignature_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("timestamp");
    QTest::addColumn<ByteList>("signatures");

    QTest::newRow("plain") << QByteArray("t=1700000000,v1=abcd") << true << qint64(1700000000)
                           << ByteList{"abcd"};
    QTest::newRow("rotation-and-v0")
            << QByteArray("t=5, v1=aa, v0=zz, v1=bb") << true << qint64(5) << ByteList{"aa", "bb"};
    QTest::newRow("order-free") << QByteArray("v1=aa,t=7") << true << qint64(7) << ByteList{"aa"};
    QTest::newRow("no-timestamp") << QByteArray("v1=aa") << false << qint64(0) << ByteList{};
    QTest::newRow("no-v1") << QByteArray("t=5,v0=aa") << false << qint64(0) << ByteList{};
    QTest::newRow("bad-timestamp")
            << QByteArray("t=yesterday,v1=aa") << false << qint64(0) << ByteList{};
    QTest::newRow("two-timestamps")
            << QByteArray("t=1,t=2,v1=aa") << false << qint64(0) << ByteList{};
    QTest::newRow("not-pairs") << QByteArray("garbage") << false << qint64(0) << ByteList{};
    QTest::newRow("empty") << QByteArray() << false << qint64(0) << ByteList{};
}

void tst_HeaderParsers::stripeSignature()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, ok);
    QFETCH(qint64, timestamp);
    QFETCH(ByteList, signatures);
    const auto parsed = StripeScheme::parseHeader(value);
    QCOMPARE(std::holds_alternative<StripeScheme::Header>(parsed), ok);
    if (!ok)
        return;
    QCOMPARE(std::get<StripeScheme::Header>(parsed).timestamp, timestamp);
    QCOMPARE(std::get<StripeScheme::Header>(parsed).signatures, signatures);
}

void tst_HeaderParsers::webhookSignature_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<ByteList>("signatures");
    QTest::newRow("one") << QByteArray("v1,abc=") << true << ByteList{"abc="};
    QTest::newRow("rotation") << QByteArray("v1,aaa= v1a,ed25519sig  v1,bbb=") << true
                              << ByteList{"aaa=", "bbb="};
    QTest::newRow("only-v1a") << QByteArray("v1a,xyz") << false << ByteList{};
    QTest::newRow("no-comma") << QByteArray("v1abc") << false << ByteList{};
    QTest::newRow("empty-signature") << QByteArray("v1,") << false << ByteList{};
    QTest::newRow("empty") << QByteArray("   ") << false << ByteList{};
}

void tst_HeaderParsers::webhookSignature()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, ok);
    QFETCH(ByteList, signatures);
    const auto parsed = StandardWebhooksScheme::parseSignatureHeader(value);
    QCOMPARE(std::holds_alternative<ByteList>(parsed), ok);
    if (ok)
        QCOMPARE(std::get<ByteList>(parsed), signatures);
}

void tst_HeaderParsers::basicAuthorization_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<QByteArray>("password");
    QTest::newRow("rfc7617-example") << QByteArray("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==") << true
                                     << QByteArray("Aladdin") << QByteArray("open sesame");
    QTest::newRow("lower-case-scheme")
            << QByteArray("basic YTpi") << true << QByteArray("a") << QByteArray("b");
    QTest::newRow("colon-in-password")
            << QByteArray("Basic dTpwOnE=") << true << QByteArray("u") << QByteArray("p:q");
    QTest::newRow("bearer") << QByteArray("Bearer abc") << false << QByteArray() << QByteArray();
    QTest::newRow("no-colon") << QByteArray("Basic dXNlcg==") << false << QByteArray()
                              << QByteArray();
    QTest::newRow("not-base64") << QByteArray("Basic ***") << false << QByteArray() << QByteArray();
    QTest::newRow("scheme-only") << QByteArray("Basic") << false << QByteArray() << QByteArray();
}

void tst_HeaderParsers::basicAuthorization()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, ok);
    QFETCH(QByteArray, user);
    QFETCH(QByteArray, password);
    const auto parsed = BasicAuthScheme::parse(value);
    QCOMPARE(std::holds_alternative<BasicAuthScheme::Credentials>(parsed), ok);
    if (!ok)
        return;
    QCOMPARE(std::get<BasicAuthScheme::Credentials>(parsed).user, user);
    QCOMPARE(std::get<BasicAuthScheme::Credentials>(parsed).password, password);
}

void tst_HeaderParsers::bearerAuthorization_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("token"); // empty: rejected
    QTest::newRow("plain") << QByteArray("Bearer abc.def") << QByteArray("abc.def");
    QTest::newRow("case-and-spaces") << QByteArray("  bearer   tok  ") << QByteArray("tok");
    QTest::newRow("basic") << QByteArray("Basic YTpi") << QByteArray();
    QTest::newRow("no-token") << QByteArray("Bearer ") << QByteArray();
}

void tst_HeaderParsers::bearerAuthorization()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, token);
    const auto parsed = BearerScheme::parse(value);
    QCOMPARE(std::holds_alternative<QByteArray>(parsed), !token.isEmpty());
    if (!token.isEmpty())
        QCOMPARE(std::get<QByteArray>(parsed), token);
}

void tst_HeaderParsers::prefixedSignature_data()
{
    QTest::addColumn<ByteList>("values");
    QTest::addColumn<QByteArray>("prefix");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<ByteList>("signatures");
    QTest::newRow("github") << ByteList{"sha256=abcd"} << QByteArray("sha256=") << true
                            << ByteList{"abcd"};
    QTest::newRow("prefix-case") << ByteList{"SHA256=abcd"} << QByteArray("sha256=") << true
                                 << ByteList{"abcd"};
    QTest::newRow("no-prefix") << ByteList{" abcd "} << QByteArray() << true << ByteList{"abcd"};
    QTest::newRow("rotation-list")
            << ByteList{"v0=aa, v0=bb"} << QByteArray("v0=") << true << ByteList{"aa", "bb"};
    QTest::newRow("rotation-fields") << ByteList{"sha1=aa", "sha1=bb"} << QByteArray("sha1=")
                                     << true << ByteList{"aa", "bb"};
    QTest::newRow("foreign-skipped")
            << ByteList{"sha1=aa,sha256=bb"} << QByteArray("sha256=") << true << ByteList{"bb"};
    QTest::newRow("comma-prefix") << ByteList{"v1,abc"} << QByteArray("v1,") << true
                                  << ByteList{"abc"};
    QTest::newRow("wrong-prefix") << ByteList{"sha1=aa"} << QByteArray("sha256=") << false
                                  << ByteList{};
    QTest::newRow("nothing-after")
            << ByteList{"sha256="} << QByteArray("sha256=") << false << ByteList{};
    QTest::newRow("empty") << ByteList{""} << QByteArray("sha256=") << false << ByteList{};
}

void tst_HeaderParsers::prefixedSignature()
{
    QFETCH(ByteList, values);
    QFETCH(QByteArray, prefix);
    QFETCH(bool, ok);
    QFETCH(ByteList, signatures);
    const auto parsed = PrefixedSignatureParser::parse(values, prefix);
    QCOMPARE(std::holds_alternative<ByteList>(parsed), ok);
    if (ok)
        QCOMPARE(std::get<ByteList>(parsed), signatures);
}

QTEST_GUILESS_MAIN(tst_HeaderParsers)
#include "tst_header_parsers.moc"
