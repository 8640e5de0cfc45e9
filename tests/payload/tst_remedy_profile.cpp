#include "payload/profiles/remedy_profile.h"
#include "payload_fixture.h"

#include <QTest>

using namespace hookbench;
using namespace hookbench::test;
using namespace Qt::StringLiterals;

class tst_RemedyProfile : public QObject
{
    Q_OBJECT

private slots:
    void summary_data();
    void summary();
    void details();
    void otherFixturesAreNotThisVendor();
};

void tst_RemedyProfile::summary_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QStringList>("facts");

    QTest::newRow("remedy_create")
            << u"remedy_create"_s << u"create"_s
            << QStringList{u"webhook_id=WBH000000000001"_s, u"form_name=HPD:Help Desk"_s,
                           u"entry_event=create"_s, u"entry_id=000000000000001"_s,
                           u"basic_auth_user=Demo"_s};
    QTest::newRow("remedy_multipart_attachments")
            << u"remedy_multipart_attachments"_s << u"update"_s
            << QStringList{u"webhook_id=WBH000000000001"_s, u"entry_event=update"_s,
                           u"attachment_count=2"_s, u"basic_auth_user=Demo"_s};
}

void tst_RemedyProfile::summary()
{
    QFETCH(QString, fixture);
    QFETCH(QString, event);
    QFETCH(QStringList, facts);
    verifyProfileSummary(RemedyProfile(), fixture, event, facts);
}

void tst_RemedyProfile::details()
{
    const PayloadAnalysis json = analyzeFixture(u"remedy_create"_s);
    QCOMPARE(json.summary.table(u"entry_details")->rows,
             (QList<QStringList>{{u"Submitter"_s, u"Demo"_s},
                                 {u"Status"_s, u"0"_s},
                                 {u"Short Description"_s, u"New Incident"_s}}));
    QVERIFY(json.summary.problems.isEmpty());

    const PayloadAnalysis multipart = analyzeFixture(u"remedy_multipart_attachments"_s);
    QVERIFY(multipart.summary.problems.isEmpty());
    const SummaryTable *attachments = multipart.summary.table(u"attachments");
    QCOMPARE(attachments->rows.size(), 2);
    QCOMPARE(
            attachments->rows.at(0),
            (QStringList{u"Attachment1"_s, u"sample.png"_s, u"application/octet-stream"_s,
                         QString::number(readPayloadData(u"remedy_attachment.png.bin"_s).size())}));
    QCOMPARE(attachments->rows.at(1).mid(0, 3),
             (QStringList{u"WorkLog"_s, u"worklog.txt"_s, u"text/plain"_s}));

    const HeaderList headers{{"Content-Type", "multipart/form-data; boundary=b"}};
    const PayloadAnalysis noEntry = analyzePayload(
            headers, "--b\r\nContent-Disposition: form-data; name=\"attach-A\"\r\n\r\nx\r\n--b--",
            {}, PayloadAnalyzer::Options{{}, u"remedy"_s, true, 64});
    QCOMPARE(noEntry.summary.problems,
             QStringList{u"the multipart callback has no \"entry\" part"_s});
}

void tst_RemedyProfile::otherFixturesAreNotThisVendor()
{
    verifyOnlyOwnFixtures(RemedyProfile(), u"remedy");
}

QTEST_GUILESS_MAIN(tst_RemedyProfile)
#include "tst_remedy_profile.moc"
