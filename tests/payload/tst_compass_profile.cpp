#include "payload/profiles/compass_profile.h"
#include "payload_fixture.h"

#include <QTest>

using namespace hookbench;
using namespace hookbench::test;
using namespace Qt::StringLiterals;

class tst_CompassProfile : public QObject
{
    Q_OBJECT

private slots:
    void summary_data();
    void summary();
    void details();
    void otherFixturesAreNotThisVendor();
};

void tst_CompassProfile::summary_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QStringList>("facts");

    QTest::newRow("compass_defect_submit")
            << u"compass_defect_submit"_s << u"Defect.Submit"_s
            << QStringList{u"record_type=Defect"_s,      u"record_id=SAMPL00000084"_s,
                           u"action=Submit"_s,           u"state=Submitted"_s,
                           u"headline=Example Defect"_s, u"field_count=9"_s,
                           u"truncated_fields=1"_s};
}

void tst_CompassProfile::summary()
{
    QFETCH(QString, fixture);
    QFETCH(QString, event);
    QFETCH(QStringList, facts);
    verifyProfileSummary(CompassProfile(), fixture, event, facts);
}

void tst_CompassProfile::details()
{
    const PayloadAnalysis analysis = analyzeFixture(u"compass_defect_submit"_s);
    const SummaryTable *fields = analysis.summary.table(u"fields");
    QVERIFY(fields);
    QCOMPARE(fields->rows.size(), 9);
    QCOMPARE(fields->rows.at(0), (QStringList{u"id"_s, u"SAMPL00000084"_s, u"no"_s, QString()}));
    const QStringList description = fields->rows.at(7);
    QCOMPARE(description.at(0), u"Description"_s);
    QCOMPARE(description.at(2), u"yes"_s);
    QVERIFY(description.at(3).endsWith(u"/fields/Description"));
}

void tst_CompassProfile::otherFixturesAreNotThisVendor()
{
    verifyOnlyOwnFixtures(CompassProfile(), u"compass");
}

QTEST_GUILESS_MAIN(tst_CompassProfile)
#include "tst_compass_profile.moc"
