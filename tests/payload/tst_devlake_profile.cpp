#include "payload/profiles/devlake_profile.h"
#include "payload_fixture.h"

#include <QTest>

using namespace hookbench;
using namespace hookbench::test;
using namespace Qt::StringLiterals;

class tst_DevLakeProfile : public QObject
{
    Q_OBJECT

private slots:
    void summary_data();
    void summary();
    void details();
    void otherFixturesAreNotThisVendor();
};

void tst_DevLakeProfile::summary_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QStringList>("facts");

    QTest::newRow("devlake_deployment")
            << u"devlake_deployment"_s << u"deployment"_s
            << QStringList{u"connection=1"_s,
                           u"repo_url=https://github.com/apache/incubator-devlake/"_s,
                           u"commit_sha=015e3d3b480e417aede5a1293bd61de9b0fd051d"_s,
                           u"result=FAILURE"_s, u"environment=PRODUCTION"_s};
    QTest::newRow("devlake_deployment_commits")
            << u"devlake_deployment_commits"_s << u"deployment"_s
            << QStringList{u"connection=1"_s, u"result=SUCCESS"_s};
    QTest::newRow("devlake_issue") << u"devlake_issue"_s << u"issue"_s
                                   << QStringList{u"issue_key=DLK-1234"_s, u"status=TODO"_s,
                                                  u"title=a feature from DLK"_s};
    QTest::newRow("devlake_close_issue") << u"devlake_close_issue"_s << u"close-issue"_s
                                         << QStringList{u"issue_key=DLK-1234"_s, u"connection=1"_s};
}

void tst_DevLakeProfile::summary()
{
    QFETCH(QString, fixture);
    QFETCH(QString, event);
    QFETCH(QStringList, facts);
    verifyProfileSummary(DevLakeProfile(), fixture, event, facts);
}

void tst_DevLakeProfile::details()
{
    QVERIFY(analyzeFixture(u"devlake_deployment"_s).summary.problems.isEmpty());
    QVERIFY(analyzeFixture(u"devlake_issue"_s).summary.problems.isEmpty());
    QVERIFY(analyzeFixture(u"devlake_close_issue"_s).summary.problems.isEmpty());
    const PayloadAnalysis commits = analyzeFixture(u"devlake_deployment_commits"_s);
    QVERIFY2(commits.summary.problems.isEmpty(), qPrintable(commits.summary.problems.join(u"; ")));
    QCOMPARE(commits.summary.table(u"deployment_commits")->rows.size(), 2);

    const QStringList deployment = analyzeFixture(u"devlake_deployment_invalid"_s).summary.problems;
    QCOMPARE(deployment.size(), 3);
    QVERIFY(deployment.contains(u"deploymentCommits[0].commit_sha is required"_s));
    QVERIFY(deployment.filter(u"start_time is not a time"_s).size() == 1);
    QVERIFY(deployment
                    .filter(u"result must be one of SUCCESS, FAILURE, ABORT, MANUAL, not PASSED"_s)
                    .size()
            == 1);

    const QStringList issue = analyzeFixture(u"devlake_issue_invalid"_s).summary.problems;
    QVERIFY(issue.contains(u"title is required"_s));
    QVERIFY(issue.contains(u"original_status is required"_s));
    QVERIFY(issue.contains(u"status must be one of TODO, DONE, IN_PROGRESS, not OPEN"_s));
    QVERIFY(issue.filter(u"created_date is not a time"_s).size() == 1);
    QVERIFY(issue.contains(u"lead_time_minutes must be a number"_s));
    QCOMPARE(issue.size(), 5);

    // Close-issue wants an empty body; the URL alone names the kind.
    const PayloadAnalysis close
            = analyzePayload({}, "{}", "/api/rest/plugins/webhook/3/issue/X-9/close");
    QCOMPARE(close.event, u"close-issue"_s);
    QCOMPARE(close.summary.problems, QStringList{u"the close-issue body should be empty"_s});
    // A path that merely ends in /issues is not DevLake unless the body has the issue shape.
    QVERIFY(analyzePayload({}, "{\"a\":1}", "/app/issues").vendor.isEmpty());
}

void tst_DevLakeProfile::otherFixturesAreNotThisVendor()
{
    verifyOnlyOwnFixtures(DevLakeProfile(), u"devlake");
}

QTEST_GUILESS_MAIN(tst_DevLakeProfile)
#include "tst_devlake_profile.moc"
