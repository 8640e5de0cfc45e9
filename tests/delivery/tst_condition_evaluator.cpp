#include "delivery/condition.h"
#include "delivery/condition_evaluator.h"
#include "delivery/form_payload_values.h"
#include "delivery/json_payload_values.h"
#include "payload/payload_fixture.h"

#include <QJsonDocument>
#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

namespace {

const QByteArray generic = R"({
  "status": "open", "amount": 42, "price": "19.99", "count": "7", "draft": false,
  "owner": null, "record": {"owner": {"name": "ada"}}, "items": [{"id": 7}, {"id": 8}],
  "labels": ["bug", "urgent"], "id": 12345678901234567890, "title": "Login fails on Safari",
  "created_at": "2024-03-01T10:00:00Z", "ratio": 1.10, "exp": 1E+2, "zero": -0.0,
  "Short Description": "router down"
})";

ConditionResult evaluate(const QString &text, const PayloadValues &values)
{
    const ConditionParseResult parsed = Condition::parse(text);
    if (!parsed.isValid())
        qFatal("test condition does not parse: %s", qPrintable(parsed.error->toString()));
    return ConditionEvaluator::evaluate(parsed.condition, values);
}

// The row's condition must give the row's "matched" on these values.
void verifyMatch(const PayloadValues &values)
{
    QFETCH(QString, condition);
    QFETCH(bool, matched);
    const ConditionResult result = evaluate(condition, values);
    QVERIFY2(result.matched == matched, qPrintable(result.explanation().join(u'\n')));
}

JsonPayloadValues fixtureValues(const QString &name)
{
    return *JsonPayloadValues::fromJson(test::loadPayloadFixture(name).body);
}

} // namespace

class tst_ConditionEvaluator : public QObject
{
    Q_OBJECT

private slots:
    void json_data();
    void json();
    void remedy_data();
    void remedy();
    void rally_data();
    void rally();
    void rallyCollections_data();
    void rallyCollections();
    void githubChanges_data();
    void githubChanges();
    void form_data();
    void form();
    void explanation_data();
    void explanation();
    void emptyConditionMatches();
    void queryDocument();
    void emptyPayload();
};

void tst_ConditionEvaluator::json_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<bool>("matched");

    // Strings: exact and case-sensitive.
    QTest::newRow("= string") << u"status = \"open\""_s << true;
    QTest::newRow("= is case-sensitive") << u"status = \"Open\""_s << false;
    QTest::newRow("!= string") << u"status != \"closed\""_s << true;
    QTest::newRow("!= same string") << u"status != \"open\""_s << false;
    QTest::newRow("strings order by text") << u"created_at > \"2024-01-01\""_s << true;
    QTest::newRow("strings order by text, false") << u"created_at < \"2024-01-01\""_s << false;

    // Numbers: exact decimals.
    QTest::newRow("= number") << u"amount = 42"_s << true;
    QTest::newRow("= 42.0") << u"amount = 42.0"_s << true;
    QTest::newRow("= 4.2e1") << u"amount = 4.2e1"_s << true;
    QTest::newRow("> fraction") << u"amount > 41.5"_s << true;
    QTest::newRow("< equal") << u"amount < 42"_s << false;
    QTest::newRow("<= equal") << u"amount <= 42"_s << true;
    QTest::newRow(">= more") << u"amount >= 43"_s << false;
    QTest::newRow(">= equal") << u"amount >= 42"_s << true;
    QTest::newRow("negative") << u"amount > -100"_s << true;
    QTest::newRow("1.10 = 1.1") << u"ratio = 1.1"_s << true;
    QTest::newRow("1E+2 = 100") << u"exp = 100"_s << true;
    QTest::newRow("-0.0 = 0") << u"zero = 0"_s << true;
    QTest::newRow("big integer equal") << u"id = 12345678901234567890"_s << true;
    QTest::newRow("big integer neighbour") << u"id = 12345678901234567891"_s << false;
    QTest::newRow("big integer rounded neighbour") << u"id = 12345678901234567168"_s << false;
    QTest::newRow("big integer greater") << u"id > 12345678901234567889"_s << true;
    QTest::newRow("big integer not greater") << u"id > 12345678901234567890"_s << false;
    QTest::newRow("big integer as exponent") << u"id = 1.2345678901234567890e19"_s << true;
    QTest::newRow("numeric text against number") << u"price > 19.5"_s << true;
    QTest::newRow("numeric text compares as number") << u"count > 10"_s << false;
    QTest::newRow("numeric text equal") << u"count = 7"_s << true;
    QTest::newRow("numeric text against text stays text") << u"count > \"10\""_s << true;
    QTest::newRow("field against field") << u"amount > count"_s << true;

    // Booleans and null.
    QTest::newRow("= false") << u"draft = false"_s << true;
    QTest::newRow("= true") << u"draft = true"_s << false;
    QTest::newRow("null field = null") << u"owner = null"_s << true;
    QTest::newRow("null field != null") << u"owner != null"_s << false;
    QTest::newRow("field != null") << u"status != null"_s << true;

    // Missing fields read as null.
    QTest::newRow("missing = null") << u"priority = null"_s << true;
    QTest::newRow("missing != null") << u"priority != null"_s << false;
    QTest::newRow("missing = value") << u"priority = \"high\""_s << false;
    QTest::newRow("missing != value") << u"priority != \"high\""_s << true;
    QTest::newRow("missing < number") << u"priority < 3"_s << false;
    QTest::newRow("missing >= number") << u"priority >= 3"_s << false;
    QTest::newRow("missing contains") << u"priority contains \"a\""_s << false;
    QTest::newRow("missing in") << u"priority in (\"a\", null)"_s << true;
    QTest::newRow("missing nested") << u"record.reviewer.name = null"_s << true;
    QTest::newRow("through a scalar") << u"status.name = null"_s << true;
    QTest::newRow("index past the end") << u"items[2].id = null"_s << true;
    QTest::newRow("index into an object") << u"record[0] = null"_s << true;

    // Type mismatches are false, except != which is true.
    QTest::newRow("string > number") << u"status > 3"_s << false;
    QTest::newRow("string <= number") << u"status <= 3"_s << false;
    QTest::newRow("string = number") << u"status = 3"_s << false;
    QTest::newRow("string != number") << u"status != 3"_s << true;
    QTest::newRow("object = string") << u"record = \"x\""_s << false;
    QTest::newRow("array > number") << u"labels > 1"_s << false;
    QTest::newRow("number contains") << u"amount contains 4"_s << false;
    QTest::newRow("number startswith") << u"amount startswith \"4\""_s << false;
    QTest::newRow("bool = string") << u"draft = \"no\""_s << false;

    // Paths.
    QTest::newRow("dotted") << u"record.owner.name = \"ada\""_s << true;
    QTest::newRow("index") << u"items[1].id = 8"_s << true;
    QTest::newRow("quoted key with space") << u"'Short Description' contains \"router\""_s << true;

    // Text and list operators.
    QTest::newRow("contains substring") << u"title contains \"Safari\""_s << true;
    QTest::newRow("contains is case-sensitive") << u"title contains \"safari\""_s << false;
    QTest::newRow("array contains") << u"labels contains \"bug\""_s << true;
    QTest::newRow("array lacks") << u"labels contains \"feature\""_s << false;
    QTest::newRow("startswith") << u"title startswith \"Login\""_s << true;
    QTest::newRow("startswith case") << u"title startswith \"login\""_s << false;
    QTest::newRow("endswith") << u"title endswith \"Safari\""_s << true;
    QTest::newRow("in") << u"status in (\"closed\", \"open\")"_s << true;
    QTest::newRow("in lacks") << u"status in (\"closed\")"_s << false;
    QTest::newRow("in numbers") << u"amount in (41, 42.0)"_s << true;
    QTest::newRow("not in") << u"status not in (\"closed\", \"merged\")"_s << true;
    QTest::newRow("in with a field") << u"8 in (items[0].id, items[1].id)"_s << true;

    // Boolean structure.
    QTest::newRow("and binds tighter than or")
            << u"status = \"closed\" or amount = 42 and draft = false"_s << true;
    QTest::newRow("parentheses change it")
            << u"(status = \"closed\" or amount = 42) and draft = true"_s << false;
    QTest::newRow("or of falses") << u"status = \"a\" or status = \"b\""_s << false;
    QTest::newRow("and of trues") << u"status = \"open\" AND amount = 42"_s << true;
    QTest::newRow("not") << u"not status = \"open\""_s << false;
    QTest::newRow("! over group") << u"!(amount > 50)"_s << true;
    QTest::newRow("&& and !") << u"status = \"open\" && !draft = true"_s << true;
    QTest::newRow("|| ") << u"draft = true || amount = 42"_s << true;
    QTest::newRow("not not") << u"not not amount = 42"_s << true;
    QTest::newRow("changed without old values") << u"changed(status)"_s << false;
    QTest::newRow("old without old values") << u"old(status) = null"_s << true;
}

void tst_ConditionEvaluator::json()
{
    const std::optional<JsonPayloadValues> values = JsonPayloadValues::fromJson(generic);
    QVERIFY(values);
    verifyMatch(*values);
}

void tst_ConditionEvaluator::remedy_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<bool>("matched");

    // The qualification from Remedy's own registration example, as Remedy writes it.
    QTest::newRow("seed qualification") << u"'Status' !=\"Closed\""_s << true;
    QTest::newRow("Status is an enum number") << u"'Status' = 0"_s << true;
    QTest::newRow("Status not closed by number") << u"'Status' < 5"_s << true;
    QTest::newRow("quoted field with a space")
            << u"'Short Description' = \"New Incident\""_s << true;
    QTest::newRow("unquoted form field") << u"Submitter = \"Demo\""_s << true;
    QTest::newRow("explicit path still works") << u"entry_details.Submitter = \"Demo\""_s << true;
    QTest::newRow("envelope field") << u"entry_event = \"create\""_s << true;
    QTest::newRow("form name") << u"form_name startswith \"HPD:\""_s << true;
    QTest::newRow("combined")
            << u"entry_event in (\"create\", \"update\") and 'Status' != \"Closed\""_s << true;
    QTest::newRow("absent form field") << u"'Impact' = null"_s << true;
    QTest::newRow("no old values") << u"changed('Status')"_s << false;
}

void tst_ConditionEvaluator::remedy()
{
    verifyMatch(fixtureValues(u"remedy_create"_s));
}

void tst_ConditionEvaluator::rally_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<bool>("matched");

    QTest::newRow("changed by name") << u"changed(PlanEstimate)"_s << true;
    QTest::newRow("changed by display name") << u"changed('Plan Estimate')"_s << true;
    QTest::newRow("changed by attribute UUID")
            << u"changed('7f25a8ae-6948-49a9-92f5-b437ca213251')"_s << true;
    // This change entry has no name of its own: it is found through message.state's UUID.
    QTest::newRow("changed, name only in state") << u"changed(State)"_s << true;
    QTest::newRow("unchanged attribute") << u"changed(FormattedID)"_s << false;
    QTest::newRow("unknown attribute") << u"changed(Blocked)"_s << false;
    QTest::newRow("state by name") << u"FormattedID = \"DE1\""_s << true;
    QTest::newRow("state by display name") << u"'Formatted ID' = \"DE1\""_s << true;
    QTest::newRow("reference reads as its name") << u"State = \"Open\""_s << true;
    QTest::newRow("quantity reads as its value") << u"PlanEstimate > 20"_s << true;
    QTest::newRow("raw value by path") << u"PlanEstimate.units = \"Points\""_s << true;
    QTest::newRow("old reference") << u"old(State) = \"Submitted\""_s << true;
    QTest::newRow("old quantity") << u"old(PlanEstimate) = 16"_s << true;
    QTest::newRow("grew") << u"PlanEstimate > old(PlanEstimate)"_s << true;
    QTest::newRow("old of unchanged") << u"old(Name) = null"_s << true;
    QTest::newRow("changed-to")
            << u"changed(State) and State = \"Open\" and old(State) != \"Open\""_s << true;
    QTest::newRow("message fields") << u"message.action = \"Updated\""_s << true;
    QTest::newRow("object type")
            << u"message.object_type in (\"Defect\", \"HierarchicalRequirement\")"_s << true;
}

void tst_ConditionEvaluator::rally()
{
    verifyMatch(fixtureValues(u"rally_defect_updated"_s));
}

void tst_ConditionEvaluator::rallyCollections_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<bool>("matched");
    QTest::newRow("has a tag") << u"Tags contains \"ui\""_s << true;
    QTest::newRow("lacks a tag") << u"Tags contains \"db\""_s << false;
    QTest::newRow("raw element by path") << u"Tags[1].name = \"backend\""_s << true;
    QTest::newRow("gained a tag") << u"changed(Tags) and not old(Tags) contains \"backend\""_s
                                  << true;
}

void tst_ConditionEvaluator::rallyCollections()
{
    const std::optional<JsonPayloadValues> values = JsonPayloadValues::fromJson(R"({"message": {
        "state": {"a1": {"name": "Tags", "display_name": "Tags", "type": "Collection",
                         "value": [{"name": "ui", "ref": null}, {"name": "backend", "ref": null}]}},
        "changes": {"a1": {"value": [{"name": "ui"}, {"name": "backend"}],
                           "old_value": [{"name": "ui"}]}}}})");
    QVERIFY(values);
    verifyMatch(*values);
}

void tst_ConditionEvaluator::githubChanges_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<bool>("matched");
    QTest::newRow("changed") << u"changed(title)"_s << true;
    QTest::newRow("old") << u"old(title) = \"Old\""_s << true;
    QTest::newRow("not changed") << u"changed(body)"_s << false;
    QTest::newRow("nested") << u"changed(base.ref) and old(base.ref) = \"main\""_s << true;
}

void tst_ConditionEvaluator::githubChanges()
{
    const std::optional<JsonPayloadValues> values = JsonPayloadValues::fromJson(
            R"({"action": "edited", "title": "New", "base": {"ref": "dev"},
                "changes": {"title": {"from": "Old"}, "base": {"ref": {"from": "main"}}}})");
    QVERIFY(values);
    verifyMatch(*values);
}

void tst_ConditionEvaluator::form_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<bool>("matched");
    QTest::newRow("numeric text against number") << u"amount > 10"_s << true;
    QTest::newRow("numeric text not less") << u"amount < 9"_s << false;
    QTest::newRow("as text") << u"amount = \"42\""_s << true;
    QTest::newRow("repeated name reads as a list") << u"tag contains \"b\""_s << true;
    QTest::newRow("dotted name") << u"user.name = \"ada\""_s << true;
    QTest::newRow("quoted dotted name") << u"'user.name' = \"ada\""_s << true;
    QTest::newRow("bracketed name") << u"'user[role]' = \"admin\""_s << true;
    QTest::newRow("boolean text") << u"agree = true"_s << true;
    QTest::newRow("missing") << u"comment = null"_s << true;
    QTest::newRow("empty value is not null") << u"note = null"_s << false;
    QTest::newRow("empty value") << u"note = \"\""_s << true;
    QTest::newRow("no old values") << u"changed(amount)"_s << false;
    QTest::newRow("index") << u"tag[0] = null"_s << true;
}

void tst_ConditionEvaluator::form()
{
    const FormPayloadValues values({{u"amount"_s, u"42"_s},
                                    {u"tag"_s, u"a"_s},
                                    {u"tag"_s, u"b"_s},
                                    {u"user.name"_s, u"ada"_s},
                                    {u"user[role]"_s, u"admin"_s},
                                    {u"agree"_s, u"true"_s},
                                    {u"note"_s, QString()}});
    verifyMatch(values);
}

void tst_ConditionEvaluator::explanation_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("condition");
    QTest::addColumn<bool>("matched");
    QTest::addColumn<QStringList>("lines");

    QTest::newRow("Remedy")
            << u"remedy_create"_s
            << u"'Status' != \"Closed\" and (priority = null or changed(Status))"_s << true
            << QStringList{
                       u"Status != \"Closed\" is true: Status is 0, found at .entry_details.Status"_s,
                       u"priority = null is true: priority is missing"_s,
                       u"changed(Status) is false: the payload carries no old values"_s};
    QTest::newRow("Rally")
            << u"rally_defect_updated"_s
            << u"changed(State) and old(State) = \"Submitted\" and not changed(Name)"_s << true
            << QStringList{
                       u"changed(State) is true: State changed from \"Submitted\" to \"Open\""_s,
                       u"old(State) = \"Submitted\" is true: old(State) is \"Submitted\""_s,
                       u"changed(Name) is false: Name did not change"_s};
    QTest::newRow("every comparison even after the result is known")
            << u"remedy_create"_s
            << u"entry_event = \"delete\" and 'Short Description' contains \"x\""_s << false
            << QStringList{u"entry_event = \"delete\" is false: entry_event is \"create\""_s,
                           u"'Short Description' contains \"x\" is false: 'Short Description' is "
                           u"\"New Incident\", found at .entry_details.\"Short Description\""_s};
    QTest::newRow("literals only")
            << u"remedy_create"_s << u"1 < 2"_s << true << QStringList{u"1 < 2 is true"_s};
    QTest::newRow("field against field")
            << u"rally_defect_updated"_s << u"PlanEstimate > old(PlanEstimate)"_s << true
            << QStringList{
                       u"PlanEstimate > old(PlanEstimate) is true: PlanEstimate is 32.0, found "
                       u"at .message.state.\"7f25a8ae-6948-49a9-92f5-b437ca213251\".value.value; "
                       u"old(PlanEstimate) is 16.0"_s};
}

void tst_ConditionEvaluator::explanation()
{
    QFETCH(QString, fixture);
    QFETCH(QString, condition);
    QFETCH(bool, matched);
    QFETCH(QStringList, lines);

    const ConditionResult result = evaluate(condition, fixtureValues(fixture));
    QCOMPARE(result.matched, matched);
    QCOMPARE(result.explanation(), lines);
}

void tst_ConditionEvaluator::emptyConditionMatches()
{
    const ConditionResult result
            = ConditionEvaluator::evaluate(Condition(), *JsonPayloadValues::fromJson(generic));
    QVERIFY(result.matched);
    QVERIFY(result.steps.isEmpty());
    QCOMPARE(result.explanation().size(), 1);
}

void tst_ConditionEvaluator::queryDocument()
{
    // QJsonDocument keeps integers up to 2^63 exactly; 2^53 + 1 is where doubles stop.
    const QJsonDocument document = QJsonDocument::fromJson(
            R"({"n": 9007199254740993, "record": {"owner": {"name": "ada"}}})");
    const JsonPayloadValues values = JsonPayloadValues::fromDocument(document);
    QVERIFY(evaluate(u"n = 9007199254740993"_s, values).matched);
    QVERIFY(!evaluate(u"n = 9007199254740992"_s, values).matched);
    QVERIFY(evaluate(u"record.owner.name = \"ada\""_s, values).matched);
}

void tst_ConditionEvaluator::emptyPayload()
{
    QVERIFY(!JsonPayloadValues::fromJson("{oops").has_value());
    const JsonPayloadValues nothing = JsonPayloadValues::fromDocument(QJsonDocument());
    QVERIFY(evaluate(u"status = null"_s, nothing).matched);
    QVERIFY(!evaluate(u"changed(status)"_s, nothing).matched);
    const JsonPayloadValues scalar = *JsonPayloadValues::fromJson("42");
    QVERIFY(evaluate(u"status = null"_s, scalar).matched);
}

QTEST_GUILESS_MAIN(tst_ConditionEvaluator)
#include "tst_condition_evaluator.moc"
