#include "payload/profiles/shopify_profile.h"
#include "payload_fixture.h"

#include <QTest>

using namespace hookbench;
using namespace hookbench::test;
using namespace Qt::StringLiterals;

class tst_ShopifyProfile : public QObject
{
    Q_OBJECT

private slots:
    void summary_data();
    void summary();
    void details();
    void otherFixturesAreNotThisVendor();
};

void tst_ShopifyProfile::summary_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QStringList>("facts");

    QTest::newRow("shopify_orders_create")
            << u"shopify_orders_create"_s << u"orders/create"_s
            << QStringList{u"topic=orders/create"_s,
                           u"shop=example.myshopify.com"_s,
                           u"webhook_id=b54557e4-bdd9-4b37-8a5f-bf7d70bcd043"_s,
                           u"event_id=98880550-7158-44d4-b7cd-2c97c8a091b5"_s,
                           u"api_version=2024-01"_s,
                           u"resource_id=820982911946154508"_s,
                           u"name=#9999"_s};
}

void tst_ShopifyProfile::summary()
{
    QFETCH(QString, fixture);
    QFETCH(QString, event);
    QFETCH(QStringList, facts);
    verifyProfileSummary(ShopifyProfile(), fixture, event, facts);
}

void tst_ShopifyProfile::details()
{
    // The order id is beyond 2^53: it must not be rounded through a double.
    const PayloadAnalysis analysis = analyzeFixture(u"shopify_orders_create"_s);
    QCOMPARE(analysis.summary.fact(u"admin_graphql_api_id"),
             u"gid://shopify/Order/820982911946154508"_s);
    QVERIFY(analyzePayload({}, R"({"id":1})").vendor != u"shopify"_s);
}

void tst_ShopifyProfile::otherFixturesAreNotThisVendor()
{
    verifyOnlyOwnFixtures(ShopifyProfile(), u"shopify");
}

QTEST_GUILESS_MAIN(tst_ShopifyProfile)
#include "tst_shopify_profile.moc"
