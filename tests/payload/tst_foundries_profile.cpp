#include "payload/profiles/foundries_profile.h"
#include "payload_fixture.h"

#include <QTest>

using namespace hookbench;
using namespace hookbench::test;
using namespace Qt::StringLiterals;

class tst_FoundriesProfile : public QObject
{
    Q_OBJECT

private slots:
    void summary_data();
    void summary();
    void details();
    void otherFixturesAreNotThisVendor();
};

void tst_FoundriesProfile::summary_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QStringList>("facts");

    QTest::newRow("foundries_build")
            << u"foundries_build"_s << u"build.passed"_s
            << QStringList{u"build_id=67"_s, u"status=PASSED"_s, u"trigger=containers-devel"_s,
                           u"duration=8m 51s"_s, u"run_count=4"_s};
    QTest::newRow("foundries_build_gzip") << u"foundries_build_gzip"_s << u"build.passed"_s
                                          << QStringList{u"build_id=67"_s, u"duration=8m 51s"_s};
}

void tst_FoundriesProfile::summary()
{
    QFETCH(QString, fixture);
    QFETCH(QString, event);
    QFETCH(QStringList, facts);
    verifyProfileSummary(FoundriesProfile(), fixture, event, facts);
}

void tst_FoundriesProfile::details()
{
    const PayloadAnalysis analysis = analyzeFixture(u"foundries_build"_s);
    const SummaryTable *runs = analysis.summary.table(u"runs");
    QVERIFY(runs);
    QCOMPARE(runs->rows.size(), 4);
    const QStringList first = runs->rows.at(0);
    QCOMPARE(first.mid(0, 6), (QStringList{u"build-amd64-partner"_s, u"PASSED"_s,
                                           u"amd64-partner"_s, u"2021-07-26T18:10:37+00:00"_s,
                                           u"2021-07-26T18:11:42+00:00"_s, u"1m 5s"_s}));
    QVERIFY(first.at(6).contains(u"console.log"));
    // The last run has no tests link: three links, not four.
    QCOMPARE(runs->rows.at(3).at(6).split(u' ').size(), 3);
}

void tst_FoundriesProfile::otherFixturesAreNotThisVendor()
{
    verifyOnlyOwnFixtures(FoundriesProfile(), u"foundries");
}

QTEST_GUILESS_MAIN(tst_FoundriesProfile)
#include "tst_foundries_profile.moc"
