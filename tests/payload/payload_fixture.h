#pragma once

// Loads the request fixtures of tests/data/payload: "POST <target> HTTP/1.1", header lines, an
// empty line, then the body bytes exactly.

#include "http/header_list.h"
#include "payload/payload_analyzer.h"
#include "payload/vendor_registry.h"

#include <QFile>
#include <QStringList>
#include <QTest>

namespace hookbench::test {

struct PayloadFixture
{
    HeaderList headers;
    QByteArray target;
    QByteArray body;
};

inline QByteArray readPayloadData(const QString &fileName)
{
    QFile file(QStringLiteral(HOOKBENCH_TEST_DATA_DIR "/payload/") + fileName);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

inline PayloadFixture loadPayloadFixture(const QString &name)
{
    const QByteArray raw = readPayloadData(name + QStringLiteral(".http"));
    const qsizetype headerEnd = raw.indexOf("\r\n\r\n");
    const qsizetype requestLineEnd = raw.indexOf("\r\n");
    PayloadFixture fixture;
    fixture.target = raw.first(requestLineEnd).split(' ').value(1);
    fixture.headers = HeaderList::fromWireFormat(
            QByteArrayView(raw).sliced(requestLineEnd + 2, headerEnd - requestLineEnd));
    fixture.body = raw.sliced(headerEnd + 4);
    return fixture;
}

inline PayloadAnalysis analyzeFixture(const QString &name)
{
    const PayloadFixture fixture = loadPayloadFixture(name);
    return analyzePayload(fixture.headers, fixture.body, fixture.target);
}

// Compares summary facts given as "key=value" strings; every listed fact must match exactly.
inline void verifyFacts(const VendorSummary &summary, const QStringList &expected)
{
    for (const QString &entry : expected) {
        const QString key = entry.section(u'=', 0, 0);
        const QString value = entry.section(u'=', 1);
        QVERIFY2(summary.fact(key).has_value(), qPrintable(QStringLiteral("missing fact ") + key));
        QCOMPARE(*summary.fact(key), value);
    }
}

inline const char *allFixtures[] = {
        "compass_defect_submit",
        "rally_defect_updated",
        "devlake_deployment",
        "devlake_deployment_commits",
        "devlake_deployment_invalid",
        "devlake_issue",
        "devlake_issue_invalid",
        "devlake_close_issue",
        "remedy_create",
        "remedy_multipart_attachments",
        "foundries_build",
        "foundries_build_gzip",
        "github_issues_opened",
        "stripe_invoice_paid",
        "slack_app_mention",
        "slack_slash_command",
        "shopify_orders_create",
        "twilio_sms_status",
        "standard_webhooks_contact_created",
        "invalid_json",
        "duplicate_keys",
        "big_integer",
        "deflate_form",
};

// The shared checks of every profile suite: the fixture is detected as this vendor (by the
// registry too), and the summary names the event and carries the facts.
inline void verifyProfileSummary(const VendorProfile &profile, const QString &fixture,
                                 const QString &event, const QStringList &facts)
{
    const PayloadAnalysis analysis = analyzeFixture(fixture);
    QVERIFY(profile.detect(analysis) > VendorProfile::NotDetected);
    QCOMPARE(VendorRegistry::builtIn().detect(analysis),
             VendorRegistry::builtIn().profile(profile.id()));
    const VendorSummary summary = profile.summarize(analysis);
    QCOMPARE(summary.vendor, profile.id());
    QCOMPARE(summary.event, event);
    verifyFacts(summary, facts);
}

// No other vendor's fixture is taken for this one, and summarising them must not crash.
inline void verifyOnlyOwnFixtures(const VendorProfile &profile, QStringView fixturePrefix)
{
    for (const char *fixture : allFixtures) {
        const QString name = QString::fromLatin1(fixture);
        if (name.startsWith(fixturePrefix))
            continue;
        const PayloadAnalysis analysis = analyzeFixture(name);
        QVERIFY2(analysis.vendor != profile.id(), fixture);
        (void)profile.summarize(analysis);
    }
}

} // namespace hookbench::test
