#include "delivery/payload_fields.h"
#include "payload/payload_fixture.h"

#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_PayloadFields : public QObject
{
    Q_OBJECT

private slots:
    void keep_data();
    void keep();
    void remedyFixture();
    void emptyListKeepsBytes();
    void invalidJson();
};

void tst_PayloadFields::keep_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("fields");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray record = R"({"id": 12345678901234567890, "status": "open", "price": 1.10,
        "record": {"owner": {"name": "ada", "email": "ada@example.test"}, "title": "T"},
        "items": [{"id": 7, "qty": 1}, {"id": 8, "qty": 2}, {"qty": 3}],
        "tags": ["a", "b", "c"], "weird \"key\"": true})";

    QTest::newRow("top-level fields in document order")
            << record << u"status, id"_s
            << QByteArray(R"({"id":12345678901234567890,"status":"open"})");
    QTest::newRow("numbers keep their text")
            << record << u"price"_s << QByteArray(R"({"price":1.10})");
    QTest::newRow("nested keeps its structure")
            << record << u"record.owner.name"_s
            << QByteArray(R"({"record":{"owner":{"name":"ada"}}})");
    QTest::newRow("sibling paths share parents")
            << record << u"record.title, record.owner.email"_s
            << QByteArray(R"({"record":{"owner":{"email":"ada@example.test"},"title":"T"}})");
    QTest::newRow("whole object")
            << record << u"record.owner"_s
            << QByteArray(R"({"record":{"owner":{"name":"ada","email":"ada@example.test"}}})");
    QTest::newRow("whole wins over part")
            << record << u"record.owner.name, record"_s
            << QByteArray(
                       R"({"record":{"owner":{"name":"ada","email":"ada@example.test"},"title":"T"}})");
    QTest::newRow("array element")
            << record << u"items[1]"_s << QByteArray(R"({"items":[{"id":8,"qty":2}]})");
    QTest::newRow("array element member")
            << record << u"items[0].id"_s << QByteArray(R"({"items":[{"id":7}]})");
    QTest::newRow("member of every element")
            << record << u"items.id"_s << QByteArray(R"({"items":[{"id":7},{"id":8}]})");
    QTest::newRow("scalar array elements")
            << record << u"tags[2], tags[0]"_s << QByteArray(R"({"tags":["a","c"]})");
    QTest::newRow("escaped key") << record << u"'weird \"key\"'"_s
                                 << QByteArray(R"({"weird \"key\"":true})");
    QTest::newRow("missing paths are skipped")
            << record << u"nothing, record.nothing, items[9]"_s << QByteArray("{}");
    QTest::newRow("path through a scalar") << record << u"status.name"_s << QByteArray("{}");
    QTest::newRow("Remedy fields inside entry_details")
            << QByteArray(
                       R"({"webhook_id": "WBH1", "entry_event": "update", "form_name": "HPD:Help Desk",
                 "entry_id": "000000000000001",
                 "entry_details": {"Description": "d", "Impact": 1, "Urgency": 2, "Status": 0, "Notes": "n"}})")
            << u"Description, Impact, Urgency, Status"_s
            << QByteArray(
                       R"({"webhook_id":"WBH1","entry_event":"update","form_name":"HPD:Help Desk",)"
                       R"("entry_id":"000000000000001","entry_details":{"Description":"d","Impact":1,"Urgency":2,"Status":0}})");
    QTest::newRow("Remedy delete keeps the envelope")
            << QByteArray(
                       R"({"webhook_id": "WBH1", "entry_event": "delete", "form_name": "F", "entry_id": "1",
                 "entry_details": {}})")
            << u"Status"_s
            << QByteArray(
                       R"({"webhook_id":"WBH1","entry_event":"delete","form_name":"F","entry_id":"1"})");
    QTest::newRow("array root") << QByteArray(R"([{"a": 1, "b": 2}, {"b": 3}])") << u"b"_s
                                << QByteArray(R"([{"b":2},{"b":3}])");
    QTest::newRow("scalar root stays") << QByteArray("42") << u"a"_s << QByteArray("42");
}

void tst_PayloadFields::keep()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, fields);
    QFETCH(QByteArray, expected);

    const FieldPathListParseResult paths = PayloadFields::parseList(fields);
    QVERIFY(paths.isValid());
    const std::optional<QByteArray> shaped = PayloadFields::keep(json, paths.paths);
    QVERIFY(shaped);
    QCOMPARE(*shaped, expected);
    QVERIFY(JsonTree::parse(*shaped).isValid());
}

void tst_PayloadFields::remedyFixture()
{
    // The seed's registration asks for Description, Impact, Urgency and Status; a create event
    // of the fixture carries Status only among those.
    const QByteArray body = test::loadPayloadFixture(u"remedy_create"_s).body;
    const std::optional<QByteArray> shaped = PayloadFields::keep(
            body, PayloadFields::parseList(u"Description, Impact, Urgency, Status"_s).paths);
    QCOMPARE(*shaped, QByteArray(R"({"webhook_id":"WBH000000000001","entry_event":"create",)"
                                 R"("form_name":"HPD:Help Desk","entry_id":"000000000000001",)"
                                 R"("entry_details":{"Status":0}})"));
}

void tst_PayloadFields::emptyListKeepsBytes()
{
    const QByteArray body = "{ \"a\" : 1.10 ,\n \"b\": [ ] }";
    QCOMPARE(*PayloadFields::keep(body, {}), body);
}

void tst_PayloadFields::invalidJson()
{
    QVERIFY(!PayloadFields::keep(QByteArray("{\"a\":"), {FieldPath::fromKey(u"a"_s)}));
}

QTEST_GUILESS_MAIN(tst_PayloadFields)
#include "tst_payload_fields.moc"
