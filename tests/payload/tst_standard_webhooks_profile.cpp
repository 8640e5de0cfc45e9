#include "payload/profiles/standard_webhooks_profile.h"
#include "payload_fixture.h"

#include <QTest>

using namespace hookbench;
using namespace hookbench::test;
using namespace Qt::StringLiterals;

class tst_StandardWebhooksProfile : public QObject
{
    Q_OBJECT

private slots:
    void summary_data();
    void summary();
    void details();
    void otherFixturesAreNotThisVendor();
};

void tst_StandardWebhooksProfile::summary_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QStringList>("facts");

    QTest::newRow("standard_webhooks_contact_created")
            << u"standard_webhooks_contact_created"_s << u"contact.created"_s
            << QStringList{u"webhook_id=msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"_s,
                           u"webhook_timestamp=1674087231"_s,
                           u"webhook_time=2023-01-19T00:13:51Z"_s,
                           u"signature_versions=v1, v1a"_s,
                           u"type=contact.created"_s,
                           u"data_id=contact_123"_s};
}

void tst_StandardWebhooksProfile::summary()
{
    QFETCH(QString, fixture);
    QFETCH(QString, event);
    QFETCH(QStringList, facts);
    verifyProfileSummary(StandardWebhooksProfile(), fixture, event, facts);
}

void tst_StandardWebhooksProfile::details()
{
    // A vendor's own header outranks the generic Standard Webhooks headers.
    HeaderList headers{{"webhook-id", "m"},
                       {"webhook-timestamp", "1"},
                       {"webhook-signature", "v1,x"},
                       {"X-Shopify-Topic", "orders/paid"}};
    QCOMPARE(analyzePayload(headers, "{}").vendor, u"shopify"_s);
    headers.removeAll("webhook-signature");
    headers.removeAll("X-Shopify-Topic");
    QVERIFY(analyzePayload(headers, "{}").vendor.isEmpty());
}

void tst_StandardWebhooksProfile::otherFixturesAreNotThisVendor()
{
    verifyOnlyOwnFixtures(StandardWebhooksProfile(), u"standard_webhooks");
}

QTEST_GUILESS_MAIN(tst_StandardWebhooksProfile)
#include "tst_standard_webhooks_profile.moc"
