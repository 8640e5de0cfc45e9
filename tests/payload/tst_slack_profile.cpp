#include "payload/profiles/slack_profile.h"
#include "payload_fixture.h"

#include <QTest>

using namespace hookbench;
using namespace hookbench::test;
using namespace Qt::StringLiterals;

class tst_SlackProfile : public QObject
{
    Q_OBJECT

private slots:
    void summary_data();
    void summary();
    void details();
    void otherFixturesAreNotThisVendor();
};

void tst_SlackProfile::summary_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QStringList>("facts");

    QTest::newRow("slack_app_mention")
            << u"slack_app_mention"_s << u"app_mention"_s
            << QStringList{u"type=event_callback"_s,  u"event_type=app_mention"_s,
                           u"event_id=Ev0LAN670R"_s,  u"team_id=T061EG9R6"_s,
                           u"api_app_id=A0PNCHHK2"_s, u"user=U061F7AUR"_s,
                           u"channel=C0LAN2Q65"_s,    u"request_timestamp=1531420618"_s};
    QTest::newRow("slack_slash_command")
            << u"slack_slash_command"_s << u"/weather"_s
            << QStringList{u"command=/weather"_s, u"text=94070 and more"_s, u"team_id=T0001"_s,
                           u"user_id=U2147483697"_s};
}

void tst_SlackProfile::summary()
{
    QFETCH(QString, fixture);
    QFETCH(QString, event);
    QFETCH(QStringList, facts);
    verifyProfileSummary(SlackProfile(), fixture, event, facts);
}

void tst_SlackProfile::details()
{
    const HeaderList headers{{"X-Slack-Signature", "v0=1"},
                             {"Content-Type", "application/x-www-form-urlencoded"}};
    const PayloadAnalysis interactive
            = analyzePayload(headers, "payload=%7B%22type%22%3A%22block_actions%22%2C%22team%22%3A%"
                                      "7B%22id%22%3A%22T9%22%7D%7D");
    QCOMPARE(interactive.event, u"block_actions"_s);
    QCOMPARE(interactive.summary.fact(u"team_id"), u"T9"_s);
    const PayloadAnalysis challenge
            = analyzePayload({}, R"({"type":"url_verification","challenge":"abc","token":"t"})");
    QCOMPARE(challenge.vendor, u"slack"_s);
    QCOMPARE(challenge.event, u"url_verification"_s);
}

void tst_SlackProfile::otherFixturesAreNotThisVendor()
{
    verifyOnlyOwnFixtures(SlackProfile(), u"slack");
}

QTEST_GUILESS_MAIN(tst_SlackProfile)
#include "tst_slack_profile.moc"
