#include "payload/profiles/stripe_profile.h"
#include "payload_fixture.h"

#include <QTest>

using namespace hookbench;
using namespace hookbench::test;
using namespace Qt::StringLiterals;

class tst_StripeProfile : public QObject
{
    Q_OBJECT

private slots:
    void summary_data();
    void summary();
    void details();
    void otherFixturesAreNotThisVendor();
};

void tst_StripeProfile::summary_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QStringList>("facts");

    QTest::newRow("stripe_invoice_paid") << u"stripe_invoice_paid"_s << u"invoice.paid"_s
                                         << QStringList{u"event_id=evt_1NG8Du2eZvKYlo2CUI79vXWy"_s,
                                                        u"type=invoice.paid"_s,
                                                        u"object_id=in_1NG8Dt2eZvKYlo2C9XfJ8r0b"_s,
                                                        u"object_type=invoice"_s,
                                                        u"api_version=2023-10-16"_s,
                                                        u"livemode=false"_s,
                                                        u"request_id=req_abc123"_s};
}

void tst_StripeProfile::summary()
{
    QFETCH(QString, fixture);
    QFETCH(QString, event);
    QFETCH(QStringList, facts);
    verifyProfileSummary(StripeProfile(), fixture, event, facts);
}

void tst_StripeProfile::details()
{
    // Without the header the event shape alone is recognised.
    const PayloadAnalysis shape
            = analyzePayload({}, R"({"id":"evt_1","object":"event","type":"charge.refunded"})");
    QCOMPARE(shape.vendor, u"stripe"_s);
    QCOMPARE(shape.event, u"charge.refunded"_s);
    QVERIFY(analyzePayload({}, R"({"id":"ch_1","object":"charge"})").vendor.isEmpty());
}

void tst_StripeProfile::otherFixturesAreNotThisVendor()
{
    verifyOnlyOwnFixtures(StripeProfile(), u"stripe");
}

QTEST_GUILESS_MAIN(tst_StripeProfile)
#include "tst_stripe_profile.moc"
