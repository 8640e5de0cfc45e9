#include "payload/profiles/github_profile.h"
#include "payload_fixture.h"

#include <QTest>

using namespace hookbench;
using namespace hookbench::test;
using namespace Qt::StringLiterals;

class tst_GitHubProfile : public QObject
{
    Q_OBJECT

private slots:
    void summary_data();
    void summary();
    void details();
    void otherFixturesAreNotThisVendor();
};

void tst_GitHubProfile::summary_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QStringList>("facts");

    QTest::newRow("github_issues_opened")
            << u"github_issues_opened"_s << u"issues.opened"_s
            << QStringList{u"event=issues"_s,
                           u"action=opened"_s,
                           u"delivery=72d3162e-cc78-11e3-81ab-4c9367dc0958"_s,
                           u"hook_id=292430182"_s,
                           u"repository=octocat/Hello-World"_s,
                           u"sender=octocat"_s,
                           u"installation_id=2311213"_s,
                           u"number=1347"_s};
}

void tst_GitHubProfile::summary()
{
    QFETCH(QString, fixture);
    QFETCH(QString, event);
    QFETCH(QStringList, facts);
    verifyProfileSummary(GitHubProfile(), fixture, event, facts);
}

void tst_GitHubProfile::details()
{
    // Form-encoded deliveries carry the JSON in "payload".
    const HeaderList headers{{"X-GitHub-Event", "push"},
                             {"Content-Type", "application/x-www-form-urlencoded"}};
    const PayloadAnalysis form
            = analyzePayload(headers, "payload=%7B%22ref%22%3A%22refs%2Fheads%2Fmain%22%7D");
    QCOMPARE(form.event, u"push"_s);
    QCOMPARE(form.summary.fact(u"ref"), u"refs/heads/main"_s);
}

void tst_GitHubProfile::otherFixturesAreNotThisVendor()
{
    verifyOnlyOwnFixtures(GitHubProfile(), u"github");
}

QTEST_GUILESS_MAIN(tst_GitHubProfile)
#include "tst_github_profile.moc"
