#include "payload/profiles/twilio_profile.h"
#include "payload_fixture.h"

#include <QTest>

using namespace hookbench;
using namespace hookbench::test;
using namespace Qt::StringLiterals;

class tst_TwilioProfile : public QObject
{
    Q_OBJECT

private slots:
    void summary_data();
    void summary();
    void details();
    void otherFixturesAreNotThisVendor();
};

void tst_TwilioProfile::summary_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QStringList>("facts");

    QTest::newRow("twilio_sms_status")
            << u"twilio_sms_status"_s << u"message.delivered"_s
            << QStringList{u"account_sid=AC0123456789abcdef0123456789abcdef"_s,
                           u"message_sid=SM5a1d0c2b0e7a4c0a8a3e3c1d2e4f5a6b"_s,
                           u"status=delivered"_s, u"from=+15017122661"_s, u"to=+15558675310"_s};
}

void tst_TwilioProfile::summary()
{
    QFETCH(QString, fixture);
    QFETCH(QString, event);
    QFETCH(QStringList, facts);
    verifyProfileSummary(TwilioProfile(), fixture, event, facts);
}

void tst_TwilioProfile::details()
{
    const HeaderList form{{"Content-Type", "application/x-www-form-urlencoded"}};
    const PayloadAnalysis call
            = analyzePayload(form, "AccountSid=AC1&CallSid=CA1&CallStatus=completed");
    QCOMPARE(call.vendor, u"twilio"_s);
    QCOMPARE(call.event, u"call.completed"_s);
    QCOMPARE(call.summary.fact(u"status"), u"completed"_s);
    const HeaderList streams{{"X-Twilio-Signature", "x"}, {"Content-Type", "application/json"}};
    const PayloadAnalysis events = analyzePayload(
            streams,
            R"([{"specversion":"1.0","type":"com.twilio.messaging.message.delivered","id":"EZ1","source":"/2010-04-01/Accounts/AC1/Messages/SM1.json"}])");
    QCOMPARE(events.event, u"com.twilio.messaging.message.delivered"_s);
    QCOMPARE(events.summary.fact(u"event_count"), u"1"_s);
}

void tst_TwilioProfile::otherFixturesAreNotThisVendor()
{
    verifyOnlyOwnFixtures(TwilioProfile(), u"twilio");
}

QTEST_GUILESS_MAIN(tst_TwilioProfile)
#include "tst_twilio_profile.moc"
