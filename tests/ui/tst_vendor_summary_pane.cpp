#include "../payload/payload_fixture.h"
#include "inspector/overview_pane.h"
#include "inspector/vendor_summary_pane.h"

#include <QListWidget>
#include <QTableView>
#include <QTest>

using namespace hookbench;
using namespace hookbench::test;
using namespace Qt::StringLiterals;

// The Overview and Vendor tabs over the payload fixtures every profile is tested with.
class tst_VendorSummaryPane : public QObject
{
    Q_OBJECT

private slots:
    void showsTheSummary_data();
    void showsTheSummary();
    void overviewNamesVendorAndContent_data();
    void overviewNamesVendorAndContent();
    void overviewIgnoresAnotherDeliverysAnalysis();
};

void tst_VendorSummaryPane::showsTheSummary_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::newRow("rally") << u"rally_defect_updated"_s;
    QTest::newRow("compass") << u"compass_defect_submit"_s;
    QTest::newRow("foundries") << u"foundries_build"_s;
    QTest::newRow("remedy") << u"remedy_create"_s;
    QTest::newRow("devlake invalid") << u"devlake_deployment_invalid"_s;
    QTest::newRow("github") << u"github_issues_opened"_s;
}

void tst_VendorSummaryPane::showsTheSummary()
{
    QFETCH(QString, fixture);
    const PayloadAnalysis analysis = analyzeFixture(fixture);
    QVERIFY(!analysis.summary.isEmpty());

    VendorSummaryPane pane;
    pane.setSummary(analysis.summary);
    const VendorSummary &summary = analysis.summary;
    for (int row = 0; row < summary.facts.size(); ++row)
        QCOMPARE(pane.factText(row), summary.facts.at(row).value);
    QCOMPARE(pane.tableViews().size(), summary.tables.size());
    for (int i = 0; i < summary.tables.size(); ++i) {
        const QAbstractItemModel *model = pane.tableViews().at(i)->model();
        QCOMPARE(model->rowCount(), summary.tables.at(i).rows.size());
        QCOMPARE(model->columnCount(), summary.tables.at(i).columns.size());
    }
    QCOMPARE(pane.problemList()->count(), summary.problems.size());
    for (int i = 0; i < summary.problems.size(); ++i)
        QCOMPARE(pane.problemList()->item(i)->text(), summary.problems.at(i));
    QCOMPARE(pane.problemList()->isHidden(), summary.problems.isEmpty());

    // A pane shown again for a payload no profile knows keeps nothing of the last one.
    pane.clear();
    QVERIFY(pane.tableViews().isEmpty());
    QCOMPARE(pane.problemList()->count(), 0);
    QVERIFY(pane.factText(0).isEmpty());
}

void tst_VendorSummaryPane::overviewNamesVendorAndContent_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("vendor");
    QTest::addColumn<QString>("contentContains");
    QTest::newRow("rally") << u"rally_defect_updated"_s
                           << VendorRegistry::builtIn().profile(u"rally")->displayName()
                           << u"Valid JSON"_s;
    QTest::newRow("gzip") << u"foundries_build_gzip"_s
                          << VendorRegistry::builtIn().profile(u"foundries")->displayName()
                          << u"encoded gzip"_s;
    QTest::newRow("invalid json") << u"invalid_json"_s << u"Not recognised"_s << u"Not valid: "_s;
}

void tst_VendorSummaryPane::overviewNamesVendorAndContent()
{
    QFETCH(QString, fixture);
    QFETCH(QString, vendor);
    QFETCH(QString, contentContains);
    const PayloadFixture request = loadPayloadFixture(fixture);
    Delivery delivery;
    delivery.id = 7;
    delivery.headers = request.headers;
    delivery.body = request.body;
    delivery.bodySize = request.body.size();
    delivery.remoteAddress = u"127.0.0.1"_s;
    delivery.endpointName = u"ci"_s;

    OverviewPane pane;
    pane.setDelivery(delivery);
    QCOMPARE(pane.fieldText(OverviewPane::Field::Vendor), u"Analysing…"_s);
    QCOMPARE(pane.fieldText(OverviewPane::Field::Remote), u"127.0.0.1"_s);
    QCOMPARE(pane.fieldText(OverviewPane::Field::Endpoint), u"ci"_s);
    QVERIFY(pane.fieldText(OverviewPane::Field::Verification).startsWith(u"Not checked"_s));

    const PayloadAnalysis analysis = analyzeFixture(fixture);
    pane.setAnalysis(delivery.id, analysis);
    QCOMPARE(pane.fieldText(OverviewPane::Field::Vendor), vendor);
    QVERIFY2(pane.fieldText(OverviewPane::Field::Content).contains(contentContains),
             qPrintable(pane.fieldText(OverviewPane::Field::Content)));
    if (!analysis.event.isEmpty())
        QCOMPARE(pane.fieldText(OverviewPane::Field::Event), analysis.event);
}

void tst_VendorSummaryPane::overviewIgnoresAnotherDeliverysAnalysis()
{
    Delivery delivery;
    delivery.id = 2;
    OverviewPane pane;
    pane.setDelivery(delivery);
    pane.setAnalysis(1, analyzeFixture(u"rally_defect_updated"_s));
    QCOMPARE(pane.fieldText(OverviewPane::Field::Vendor), u"Analysing…"_s);
}

QTEST_MAIN(tst_VendorSummaryPane)
#include "tst_vendor_summary_pane.moc"
