#include "signing/crypto.h"

#include <QTest>

using namespace hookbench;
using namespace hookbench::crypto;

class tst_Crypto : public QObject
{
    Q_OBJECT

private slots:
    void hmacMatchesRfcVectors_data();
    void hmacMatchesRfcVectors();
    void constantTimeEquals_data();
    void constantTimeEquals();
    void decodeIsStrict_data();
    void decodeIsStrict();
    void namesRoundTrip();
};

void tst_Crypto::hmacMatchesRfcVectors_data()
{
    QTest::addColumn<HashAlgorithm>("algorithm");
    QTest::addColumn<QByteArray>("expectedHex");
    // RFC 2202 test case 2 (SHA-1) and RFC 4231 test case 2 (SHA-256, SHA-512).
    QTest::newRow("rfc2202-sha1") << HashAlgorithm::Sha1
                                  << QByteArray("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    QTest::newRow("rfc4231-sha256")
            << HashAlgorithm::Sha256
            << QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    QTest::newRow("rfc4231-sha512")
            << HashAlgorithm::Sha512
            << QByteArray("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf"
                          "75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
}

void tst_Crypto::hmacMatchesRfcVectors()
{
    QFETCH(HashAlgorithm, algorithm);
    QFETCH(QByteArray, expectedHex);
    const QByteArray mac = hmac(algorithm, "Jefe", "what do ya want for nothing?");
    QCOMPARE(mac.toHex(), expectedHex);
    QCOMPARE(mac.size(), digestLength(algorithm));
}

void tst_Crypto::constantTimeEquals_data()
{
    QTest::addColumn<QByteArray>("left");
    QTest::addColumn<QByteArray>("right");
    QTest::addColumn<bool>("equal");
    QTest::newRow("same") << QByteArray("abc") << QByteArray("abc") << true;
    QTest::newRow("both-empty") << QByteArray() << QByteArray("") << true;
    QTest::newRow("last-byte") << QByteArray("abc") << QByteArray("abd") << false;
    QTest::newRow("first-byte") << QByteArray("xbc") << QByteArray("abc") << false;
    QTest::newRow("prefix") << QByteArray("abc") << QByteArray("abcd") << false;
    QTest::newRow("empty-vs-one") << QByteArray() << QByteArray("a") << false;
    QTest::newRow("embedded-nul") << QByteArray("a\0b", 3) << QByteArray("a\0c", 3) << false;
}

void tst_Crypto::constantTimeEquals()
{
    QFETCH(QByteArray, left);
    QFETCH(QByteArray, right);
    QFETCH(bool, equal);
    QCOMPARE(crypto::constantTimeEquals(left, right), equal);
    QCOMPARE(crypto::constantTimeEquals(right, left), equal);
}

void tst_Crypto::decodeIsStrict_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<SignatureEncoding>("encoding");
    QTest::addColumn<QByteArray>("decoded"); // empty: must not decode

    QTest::newRow("hex-lower") << QByteArray("00ff10") << SignatureEncoding::Hex
                               << QByteArray("\x00\xff\x10", 3);
    QTest::newRow("hex-upper") << QByteArray("ABCD") << SignatureEncoding::Hex
                               << QByteArray("\xab\xcd");
    QTest::newRow("hex-odd") << QByteArray("abc") << SignatureEncoding::Hex << QByteArray();
    QTest::newRow("hex-stray") << QByteArray("ab-d") << SignatureEncoding::Hex << QByteArray();
    QTest::newRow("hex-empty") << QByteArray() << SignatureEncoding::Hex << QByteArray();
    QTest::newRow("b64-padded") << QByteArray("aGk=") << SignatureEncoding::Base64
                                << QByteArray("hi");
    QTest::newRow("b64-unpadded") << QByteArray("aGk") << SignatureEncoding::Base64
                                  << QByteArray("hi");
    QTest::newRow("b64-urlsafe") << QByteArray("-_8") << SignatureEncoding::Base64
                                 << QByteArray("\xfb\xff");
    QTest::newRow("b64-bad-char") << QByteArray("aG*k") << SignatureEncoding::Base64
                                  << QByteArray();
    QTest::newRow("b64-empty") << QByteArray() << SignatureEncoding::Base64 << QByteArray();
}

void tst_Crypto::decodeIsStrict()
{
    QFETCH(QByteArray, text);
    QFETCH(SignatureEncoding, encoding);
    QFETCH(QByteArray, decoded);
    const auto result = decode(text, encoding);
    if (decoded.isEmpty()) {
        QVERIFY2(!result, qPrintable(QString::fromLatin1(text)));
    } else {
        QVERIFY(result);
        QCOMPARE(*result, decoded);
    }
}

void tst_Crypto::namesRoundTrip()
{
    for (const HashAlgorithm algorithm :
         {HashAlgorithm::Sha1, HashAlgorithm::Sha256, HashAlgorithm::Sha512})
        QCOMPARE(algorithmFromName(algorithmName(algorithm)), algorithm);
    for (const SignatureEncoding encoding : {SignatureEncoding::Hex, SignatureEncoding::Base64})
        QCOMPARE(encodingFromName(encodingName(encoding)), encoding);
    QCOMPARE(algorithmFromName(u"SHA256"), HashAlgorithm::Sha256);
    QVERIFY(!algorithmFromName(u"md5"));
    QVERIFY(!encodingFromName(u"base32"));
}

QTEST_GUILESS_MAIN(tst_Crypto)
#include "tst_crypto.moc"
