#include "payload/profiles/rally_profile.h"
#include "payload_fixture.h"

#include <QTest>

using namespace hookbench;
using namespace hookbench::test;
using namespace Qt::StringLiterals;

class tst_RallyProfile : public QObject
{
    Q_OBJECT

private slots:
    void summary_data();
    void summary();
    void details();
    void otherFixturesAreNotThisVendor();
};

void tst_RallyProfile::summary_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QStringList>("facts");

    QTest::newRow("rally_defect_updated")
            << u"rally_defect_updated"_s << u"Defect.Updated"_s
            << QStringList{u"object_type=Defect"_s,    u"action=Updated"_s,
                           u"formatted_id=DE1"_s,      u"name=Login fails on Safari"_s,
                           u"user=dev@example.test"_s, u"subscription_id=209"_s,
                           u"change_count=2"_s};
}

void tst_RallyProfile::summary()
{
    QFETCH(QString, fixture);
    QFETCH(QString, event);
    QFETCH(QStringList, facts);
    verifyProfileSummary(RallyProfile(), fixture, event, facts);
}

void tst_RallyProfile::details()
{
    const PayloadAnalysis analysis = analyzeFixture(u"rally_defect_updated"_s);
    const SummaryTable *changes = analysis.summary.table(u"changes");
    QVERIFY(changes);
    QCOMPARE(changes->rows.size(), 2);
    // Named by the change itself; {value, units} shown as "32.0 Points".
    QCOMPARE(changes->rows.at(0),
             (QStringList{u"Plan Estimate"_s, u"16.0 Points"_s, u"32.0 Points"_s,
                          u"7f25a8ae-6948-49a9-92f5-b437ca213251"_s}));
    // No display_name in the change: resolved through state by the same UUID.
    QCOMPARE(changes->rows.at(1).mid(0, 3), (QStringList{u"State"_s, u"Submitted"_s, u"Open"_s}));
    QCOMPARE(analysis.summary.table(u"state")->rows.size(), 4);
}

void tst_RallyProfile::otherFixturesAreNotThisVendor()
{
    verifyOnlyOwnFixtures(RallyProfile(), u"rally");
}

QTEST_GUILESS_MAIN(tst_RallyProfile)
#include "tst_rally_profile.moc"
