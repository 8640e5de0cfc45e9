#include "delivery/condition.h"
#include "delivery/condition_evaluator.h"
#include "delivery/json_payload_values.h"
#include "delivery/rally_expressions.h"
#include "payload/payload_fixture.h"

#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_RallyExpressions : public QObject
{
    Q_OBJECT

private slots:
    void convert_data();
    void convert();
    void errors_data();
    void errors();
    void webhookDefinition();
};

void tst_RallyExpressions::convert_data()
{
    QTest::addColumn<QByteArray>("expressions");
    QTest::addColumn<QString>("condition");
    // Whether the condition matches the Rally "defect updated" fixture (State Submitted -> Open,
    // PlanEstimate 16 -> 32, FormattedID DE1).
    QTest::addColumn<bool>("matchesFixture");

    QTest::newRow("empty list matches everything") << QByteArray("[]") << QString() << true;
    QTest::newRow("=") << QByteArray(
            R"([{"AttributeName": "FormattedID", "Operator": "=", "Value": "DE1"}])")
                       << u"FormattedID = \"DE1\""_s << true;
    QTest::newRow("!=") << QByteArray(
            R"([{"AttributeName": "State", "Operator": "!=", "Value": "Fixed"}])")
                        << u"State != \"Fixed\""_s << true;
    QTest::newRow("<") << QByteArray(
            R"([{"AttributeName": "PlanEstimate", "Operator": "<", "Value": 8}])")
                       << u"PlanEstimate < 8"_s << false;
    QTest::newRow("<=") << QByteArray(
            R"([{"AttributeName": "PlanEstimate", "Operator": "<=", "Value": 32}])")
                        << u"PlanEstimate <= 32"_s << true;
    QTest::newRow(">") << QByteArray(
            R"([{"AttributeName": "PlanEstimate", "Operator": ">", "Value": "20"}])")
                       << u"PlanEstimate > \"20\""_s << true;
    QTest::newRow(">= fraction") << QByteArray(
            R"([{"AttributeName": "PlanEstimate", "Operator": ">=", "Value": 32.5}])")
                                 << u"PlanEstimate >= 32.5"_s << false;
    QTest::newRow("~ list") << QByteArray(
            R"([{"AttributeName": "State", "Operator": "~", "Value": "Submitted, Open,Fixed"}])")
                            << u"State in (\"Submitted\", \"Open\", \"Fixed\")"_s << true;
    QTest::newRow("!~ list") << QByteArray(
            R"([{"AttributeName": "State", "Operator": "!~", "Value": "Closed,Fixed"}])")
                             << u"not State in (\"Closed\", \"Fixed\")"_s << true;
    QTest::newRow("contains") << QByteArray(
            R"([{"AttributeName": "Name", "Operator": "contains", "Value": "Safari"}])")
                              << u"Name contains \"Safari\""_s << true;
    QTest::newRow("!contains") << QByteArray(
            R"([{"AttributeName": "Name", "Operator": "!contains", "Value": "Safari"}])")
                               << u"not Name contains \"Safari\""_s << false;
    QTest::newRow("has") << QByteArray(
            R"([{"AttributeName": "Tags", "Operator": "has", "Value": "ui"}])")
                         << u"Tags contains \"ui\""_s << false;
    QTest::newRow("!has") << QByteArray(
            R"([{"AttributeName": "Tags", "Operator": "!has", "Value": "ui"}])")
                          << u"not Tags contains \"ui\""_s << true;
    QTest::newRow("changed") << QByteArray(
            R"([{"AttributeName": "PlanEstimate", "Operator": "changed"}])")
                             << u"changed(PlanEstimate)"_s << true;
    QTest::newRow("changed, unchanged attribute")
            << QByteArray(R"([{"AttributeName": "Name", "Operator": "changed"}])")
            << u"changed(Name)"_s << false;
    QTest::newRow("changed-to") << QByteArray(
            R"([{"AttributeName": "State", "Operator": "changed-to", "Value": "Open"}])")
                                << u"changed(State) and State = \"Open\""_s << true;
    QTest::newRow("changed-from") << QByteArray(
            R"([{"AttributeName": "State", "Operator": "changed-from", "Value": "Submitted"}])")
                                  << u"changed(State) and old(State) = \"Submitted\""_s << true;
    QTest::newRow("changed-from, other value") << QByteArray(
            R"([{"AttributeName": "State", "Operator": "changed-from", "Value": "Open"}])")
                                               << u"changed(State) and old(State) = \"Open\""_s
                                               << false;
    QTest::newRow("AttributeID is the UUID") << QByteArray(
            R"([{"AttributeID": "55c5512a-1518-4944-8597-3eb91875e8d1", "Operator": "=", "Value": "DE1"}])")
                                             << u"'55c5512a-1518-4944-8597-3eb91875e8d1' = \"DE1\""_s
                                             << true;
    QTest::newRow("display name needs quotes")
            << QByteArray(R"([{"AttributeName": "Plan Estimate", "Operator": ">", "Value": 16}])")
            << u"'Plan Estimate' > 16"_s << true;
    QTest::newRow("operators are case-insensitive")
            << QByteArray(
                       R"([{"AttributeName": "State", "Operator": "CHANGED-TO", "Value": "Open"}])")
            << u"changed(State) and State = \"Open\""_s << true;
    QTest::newRow("boolean and null values")
            << QByteArray(R"([{"AttributeName": "Blocked", "Operator": "=", "Value": true},
                              {"AttributeName": "Owner", "Operator": "=", "Value": null}])")
            << u"Blocked = true and Owner = null"_s << false;
    QTest::newRow("string escapes")
            << QByteArray(R"([{"AttributeName": "Name", "Operator": "=", "Value": "say \"hi\""}])")
            << u"Name = \"say \\\"hi\\\"\""_s << false;
    QTest::newRow("project") << QByteArray(
            R"([{"Operator": "project", "Value": "8b1b2c3d-0000-4000-8000-00000000aaaa"}])")
                             << u"Project.id = \"8b1b2c3d-0000-4000-8000-00000000aaaa\""_s << false;
    QTest::newRow("every expression must match (and)")
            << QByteArray(R"([{"AttributeName": "FormattedID", "Operator": "=", "Value": "DE1"},
                              {"AttributeName": "ScheduleState", "Operator": "=", "Value": "Completed"}])")
            << u"FormattedID = \"DE1\" and ScheduleState = \"Completed\""_s << false;
}

void tst_RallyExpressions::convert()
{
    QFETCH(QByteArray, expressions);
    QFETCH(QString, condition);
    QFETCH(bool, matchesFixture);

    const RallyConversionResult converted = RallyExpressions::toCondition(expressions);
    QVERIFY2(converted.isValid(), qPrintable(converted.error.value_or(QString())));
    QCOMPARE(converted.condition, condition);

    // The text is our language, canonical already, and evaluates on a real Rally payload.
    const ConditionParseResult parsed = Condition::parse(converted.condition);
    QVERIFY2(parsed.isValid(), qPrintable(parsed.error ? parsed.error->toString() : QString()));
    QCOMPARE(parsed.condition.toString(), condition);
    const JsonPayloadValues values = *JsonPayloadValues::fromJson(
            test::loadPayloadFixture(u"rally_defect_updated"_s).body);
    const ConditionResult result = ConditionEvaluator::evaluate(parsed.condition, values);
    QVERIFY2(result.matched == matchesFixture, qPrintable(result.explanation().join(u'\n')));
}

void tst_RallyExpressions::errors_data()
{
    QTest::addColumn<QByteArray>("expressions");
    QTest::addColumn<QString>("error");

    QTest::newRow("not JSON") << QByteArray("[{") << u"not JSON at offset"_s;
    QTest::newRow("not an array") << QByteArray(R"({"Name": "x"})") << u"expected an array"_s;
    QTest::newRow("not an object") << QByteArray(R"([1])") << u"expression 1: not an object"_s;
    QTest::newRow("no attribute") << QByteArray(R"([{"Operator": "=", "Value": "x"}])")
                                  << u"expression 1: no AttributeName or AttributeID"_s;
    QTest::newRow("unknown operator")
            << QByteArray(R"([{"AttributeName": "A", "Operator": "=", "Value": 1},
                              {"AttributeName": "B", "Operator": "like", "Value": "x"}])")
            << u"expression 2: unknown operator \"like\""_s;
    QTest::newRow("object value") << QByteArray(
            R"([{"AttributeName": "A", "Operator": "=", "Value": {"x": 1}}])")
                                  << u"expression 1: Value must be"_s;
    QTest::newRow("project without value")
            << QByteArray(R"([{"Operator": "project"}])") << u"expression 1: \"project\" needs"_s;
}

void tst_RallyExpressions::errors()
{
    QFETCH(QByteArray, expressions);
    QFETCH(QString, error);
    const RallyConversionResult converted = RallyExpressions::toCondition(expressions);
    QVERIFY(!converted.isValid());
    QVERIFY2(converted.error->startsWith(error), qPrintable(*converted.error));
}

void tst_RallyExpressions::webhookDefinition()
{
    // A whole webhook definition as Rally's webhook API takes it.
    const QByteArray definition = R"({
        "AppName": "hookbench", "Name": "completed stories and defects",
        "TargetUrl": "http://127.0.0.1:8090/hooks/rally",
        "ObjectTypes": ["HierarchicalRequirement", "Defect"],
        "Expressions": [{"Operator": "=", "AttributeName": "ScheduleState", "Value": "Completed"}]
    })";
    const RallyConversionResult converted = RallyExpressions::toCondition(definition);
    QVERIFY(converted.isValid());
    QCOMPARE(converted.condition, u"ScheduleState = \"Completed\""_s);
}

QTEST_GUILESS_MAIN(tst_RallyExpressions)
#include "tst_rally_expressions.moc"
