#include "payload/json_tree.h"
#include "payload/payload_analyzer.h"
#include "payload_fixture.h"

#include <QTest>
#include <zlib.h>

using namespace hookbench;
using namespace hookbench::test;
using namespace Qt::StringLiterals;

class tst_PayloadAnalyzer : public QObject
{
    Q_OBJECT

private slots:
    void fixtures_data();
    void fixtures();
    void sniffsJsonOnlyWhenItParses_data();
    void sniffsJsonOnlyWhenItParses();
    void decompressionBombIsAnError();
    void jsonPartIsInspectable();
    void forcedVendor();
    void charsetIsHonoured();
};

void tst_PayloadAnalyzer::fixtures_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("vendor");
    QTest::addColumn<QString>("event");

    const auto row = [](const char *fixture, const char *kind, const char *encoding, bool valid,
                        const char *vendor, const char *event) {
        QTest::newRow(fixture) << QString::fromLatin1(fixture) << QString::fromLatin1(kind)
                               << QString::fromLatin1(encoding) << valid
                               << QString::fromLatin1(vendor) << QString::fromUtf8(event);
    };
    row("compass_defect_submit", "json", "", true, "compass", "Defect.Submit");
    row("rally_defect_updated", "json", "", true, "rally", "Defect.Updated");
    row("devlake_deployment", "json", "", true, "devlake", "deployment");
    row("devlake_deployment_commits", "json", "", true, "devlake", "deployment");
    row("devlake_deployment_invalid", "json", "", true, "devlake", "deployment");
    row("devlake_issue", "json", "", true, "devlake", "issue");
    row("devlake_issue_invalid", "json", "", true, "devlake", "issue");
    row("devlake_close_issue", "empty", "", true, "devlake", "close-issue");
    row("remedy_create", "json", "", true, "remedy", "create");
    row("remedy_multipart_attachments", "multipart", "", true, "remedy", "update");
    row("foundries_build", "json", "", true, "foundries", "build.passed");
    row("foundries_build_gzip", "json", "gzip", true, "foundries", "build.passed");
    row("github_issues_opened", "json", "", true, "github", "issues.opened");
    row("stripe_invoice_paid", "json", "", true, "stripe", "invoice.paid");
    row("slack_app_mention", "json", "", true, "slack", "app_mention");
    row("slack_slash_command", "form", "", true, "slack", "/weather");
    row("shopify_orders_create", "json", "", true, "shopify", "orders/create");
    row("twilio_sms_status", "form", "", true, "twilio", "message.delivered");
    row("standard_webhooks_contact_created", "json", "", true, "standard-webhooks",
        "contact.created");
    row("invalid_json", "json", "", false, "", "");
    row("duplicate_keys", "json", "", true, "", "");
    row("big_integer", "json", "", true, "", "");
    row("deflate_form", "form", "deflate", true, "", "");
}

void tst_PayloadAnalyzer::fixtures()
{
    QFETCH(QString, fixture);
    QFETCH(QString, kind);
    QFETCH(QString, encoding);
    QFETCH(bool, valid);
    QFETCH(QString, vendor);
    QFETCH(QString, event);

    const PayloadAnalysis analysis = analyzeFixture(fixture);
    QCOMPARE(analysis.kindName(), kind);
    QCOMPARE(QString::fromLatin1(analysis.encodings.join(',')), encoding);
    QCOMPARE(analysis.valid, valid);
    QCOMPARE(analysis.error.isEmpty(), valid);
    QCOMPARE(analysis.vendor, vendor);
    QCOMPARE(analysis.event, event);
    QCOMPARE(analysis.summary.vendor, vendor);
    if (kind == u"json" && valid)
        QVERIFY(!analysis.json.isEmpty());
}

void tst_PayloadAnalyzer::sniffsJsonOnlyWhenItParses_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("sniffed");
    QTest::addColumn<bool>("valid");

    QTest::newRow("no type, JSON")
            << QByteArray() << QByteArray(" {\"a\":1}") << u"json"_s << true << true;
    QTest::newRow("no type, broken JSON")
            << QByteArray() << QByteArray("{\"a\":") << u"json"_s << true << false;
    QTest::newRow("form type, JSON body (curl -d)")
            << QByteArray("application/x-www-form-urlencoded") << QByteArray("[1,2]") << u"json"_s
            << true << true;
    QTest::newRow("form type, brace form") << QByteArray("application/x-www-form-urlencoded")
                                           << QByteArray("{a=1") << u"form"_s << false << true;
    QTest::newRow("text/plain JSON")
            << QByteArray("text/plain") << QByteArray("{}") << u"json"_s << true << true;
    QTest::newRow("declared JSON, invalid") << QByteArray("application/vnd.api+json")
                                            << QByteArray("nope") << u"json"_s << false << false;
    QTest::newRow("xml") << QByteArray("application/xml") << QByteArray("<a><b/></a>") << u"xml"_s
                         << false << true;
    QTest::newRow("bad xml") << QByteArray("text/xml") << QByteArray("<a><b></a>") << u"xml"_s
                             << false << false;
    QTest::newRow("sniffed xml") << QByteArray() << QByteArray("<?xml version=\"1.0\"?><a/>")
                                 << u"xml"_s << true << true;
    QTest::newRow("text") << QByteArray("text/plain") << QByteArray("hello") << u"text"_s << false
                          << true;
    QTest::newRow("binary") << QByteArray("application/octet-stream")
                            << QByteArray("\x00\x01\x02", 3) << u"binary"_s << false << true;
    QTest::newRow("sniffed binary")
            << QByteArray() << QByteArray("\xff\xfe\x00", 3) << u"binary"_s << true << true;
    QTest::newRow("empty") << QByteArray("application/json") << QByteArray() << u"empty"_s << false
                           << true;
}

void tst_PayloadAnalyzer::sniffsJsonOnlyWhenItParses()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, kind);
    QFETCH(bool, sniffed);
    QFETCH(bool, valid);

    HeaderList headers;
    if (!contentType.isEmpty())
        headers.append("Content-Type", contentType);
    const PayloadAnalysis analysis = analyzePayload(headers, body);
    QCOMPARE(analysis.kindName(), kind);
    QCOMPARE(analysis.kindSniffed, sniffed);
    QCOMPARE(analysis.valid, valid);
}

void tst_PayloadAnalyzer::decompressionBombIsAnError()
{
    // 8 MiB of zeros deflate to a few KiB; a 1 MiB cap must stop them with an error.
    const QByteArray zeros(8 * 1024 * 1024, '\0');
    QByteArray compressed(int(compressBound(uLong(zeros.size()))), Qt::Uninitialized);
    uLongf length = uLongf(compressed.size());
    QCOMPARE(compress(reinterpret_cast<Bytef *>(compressed.data()), &length,
                      reinterpret_cast<const Bytef *>(zeros.constData()), uLong(zeros.size())),
             Z_OK);
    compressed.resize(qsizetype(length));

    const HeaderList headers{{"Content-Encoding", "deflate"}, {"Content-Type", "application/json"}};
    PayloadAnalyzer::Options options;
    options.maxDecodedSize = 1024 * 1024;
    const PayloadAnalysis analysis = analyzePayload(headers, compressed, {}, options);
    QVERIFY(!analysis.valid);
    QVERIFY2(analysis.error.contains(u"limit"), qPrintable(analysis.error));
    QCOMPARE(analysis.kindName(), u"binary"_s);
    QCOMPARE(analysis.body, compressed); // the raw bytes are still shown

    options.maxDecodedSize = 16 * 1024 * 1024;
    const PayloadAnalysis allowed = analyzePayload(headers, compressed, {}, options);
    QCOMPARE(allowed.body.size(), zeros.size());
}

void tst_PayloadAnalyzer::jsonPartIsInspectable()
{
    const PayloadAnalysis analysis = analyzeFixture(u"remedy_multipart_attachments"_s);
    const MultipartPart *entry = analysis.part("entry");
    QVERIFY(entry);
    const PayloadAnalysis part = PayloadAnalyzer::analyzePart(*entry, {});
    QCOMPARE(part.kind, ContentKind::Json);
    QCOMPARE(part.charset, QByteArray("UTF-8"));
    QCOMPARE(part.json.scalarAt(part.json.root(), {"entry_id"}), u"000000000000001"_s);
    QVERIFY(part.vendor.isEmpty());
}

void tst_PayloadAnalyzer::forcedVendor()
{
    const PayloadFixture fixture = loadPayloadFixture(u"big_integer"_s);
    PayloadAnalyzer::Options options;
    options.vendor = u"stripe"_s;
    const PayloadAnalysis analysis = analyzePayload(fixture.headers, fixture.body, {}, options);
    QCOMPARE(analysis.vendor, u"stripe"_s);
    options.vendor.clear();
    options.detectVendor = false;
    QVERIFY(analyzePayload(fixture.headers, fixture.body, {}, options).vendor.isEmpty());
}

void tst_PayloadAnalyzer::charsetIsHonoured()
{
    const HeaderList headers{{"Content-Type", "application/json; charset=ISO-8859-1"}};
    const PayloadAnalysis analysis
            = analyzePayload(headers, QByteArray("{\"name\":\"J\xfcrgen\"}"));
    QVERIFY(analysis.valid);
    QCOMPARE(analysis.json.scalarAt(analysis.json.root(), {"name"}), QStringLiteral("J\u00fcrgen"));
    QCOMPARE(analysis.text(), QStringLiteral("{\"name\":\"J\u00fcrgen\"}"));
}

QTEST_GUILESS_MAIN(tst_PayloadAnalyzer)
#include "tst_payload_analyzer.moc"
