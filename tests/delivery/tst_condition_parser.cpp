#include "delivery/condition.h"
#include "delivery/condition_parser.h"
#include "delivery/field_path.h"
#include "delivery/payload_fields.h"

#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_ConditionParser : public QObject
{
    Q_OBJECT

private slots:
    void canonical_data();
    void canonical();
    void errors_data();
    void errors();
    void emptyConditions_data();
    void emptyConditions();
    void caretLines_data();
    void caretLines();
    void treeShape();
    void nestingLimit();
    void fieldPaths_data();
    void fieldPaths();
    void fieldPathLists_data();
    void fieldPathLists();
};

void tst_ConditionParser::canonical_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");

    // Every operator.
    QTest::newRow("=") << u"status = \"open\""_s << u"status = \"open\""_s;
    QTest::newRow("==") << u"status == \"open\""_s << u"status = \"open\""_s;
    QTest::newRow("!=") << u"status != \"open\""_s << u"status != \"open\""_s;
    QTest::newRow("<") << u"amount<10"_s << u"amount < 10"_s;
    QTest::newRow("<=") << u"amount <= 10"_s << u"amount <= 10"_s;
    QTest::newRow(">") << u"amount > 10"_s << u"amount > 10"_s;
    QTest::newRow(">=") << u"amount>=10"_s << u"amount >= 10"_s;
    QTest::newRow("contains") << u"title contains \"bug\""_s << u"title contains \"bug\""_s;
    QTest::newRow("startswith") << u"ref STARTSWITH \"refs/tags/\""_s
                                << u"ref startswith \"refs/tags/\""_s;
    QTest::newRow("endswith") << u"email endswith \"@example.test\""_s
                              << u"email endswith \"@example.test\""_s;
    QTest::newRow("in") << u"state in (\"open\",\"closed\" , 3)"_s
                        << u"state in (\"open\", \"closed\", 3)"_s;
    QTest::newRow("in one item") << u"state in (\"open\")"_s << u"state in (\"open\")"_s;
    QTest::newRow("not in") << u"state not in (\"a\", \"b\")"_s << u"not state in (\"a\", \"b\")"_s;
    QTest::newRow("not contains") << u"title NOT contains \"wip\""_s
                                  << u"not title contains \"wip\""_s;
    QTest::newRow("changed") << u"changed(ScheduleState)"_s << u"changed(ScheduleState)"_s;
    QTest::newRow("changed spaced")
            << u"CHANGED ( 'Plan Estimate' )"_s << u"changed('Plan Estimate')"_s;
    QTest::newRow("old") << u"old(State) = \"Submitted\""_s << u"old(State) = \"Submitted\""_s;
    QTest::newRow("field against field")
            << u"daysLoading > daysDischarging"_s << u"daysLoading > daysDischarging"_s;
    QTest::newRow("literal on the left") << u"3 < count"_s << u"3 < count"_s;

    // Literals.
    QTest::newRow("true") << u"draft = TRUE"_s << u"draft = true"_s;
    QTest::newRow("false") << u"draft = false"_s << u"draft = false"_s;
    QTest::newRow("null") << u"owner = Null"_s << u"owner = null"_s;
    QTest::newRow("negative") << u"delta < -5"_s << u"delta < -5"_s;
    QTest::newRow("fraction and exponent") << u"x = 1.10e+2"_s << u"x = 1.10e+2"_s;
    QTest::newRow("big integer kept as written")
            << u"id = 12345678901234567890123"_s << u"id = 12345678901234567890123"_s;
    QTest::newRow("string escapes")
            << uR"(title = "say \"hi\"\n\\ \'")"_s << uR"(title = "say \"hi\"\n\\ '")"_s;
    QTest::newRow("string with single quote")
            << uR"(name = "O'Brien")"_s << uR"(name = "O'Brien")"_s;
    QTest::newRow("unicode string") << u"name = \"Zoë 🚀\""_s << u"name = \"Zoë 🚀\""_s;

    // Field paths and quoting.
    QTest::newRow("dotted path") << u"record.owner.name = \"ada\""_s
                                 << u"record.owner.name = \"ada\""_s;
    QTest::newRow("index") << u"items[0].id = 7"_s << u"items[0].id = 7"_s;
    QTest::newRow("nested index") << u"matrix[1][2] = 0"_s << u"matrix[1][2] = 0"_s;
    QTest::newRow("Remedy qualification")
            << u"'Status' !=\"Closed\""_s << u"Status != \"Closed\""_s;
    QTest::newRow("quoted field with space") << u"'Short Description' contains \"router\""_s
                                             << u"'Short Description' contains \"router\""_s;
    QTest::newRow("quoted keyword field") << u"'and' = 1"_s << u"'and' = 1"_s;
    QTest::newRow("quoted then dotted")
            << u"'Plan Estimate'.units = \"Points\""_s << u"'Plan Estimate'.units = \"Points\""_s;
    QTest::newRow("quoted dot stays one key") << u"'a.b' = 1"_s << u"'a.b' = 1"_s;
    QTest::newRow("hyphenated name")
            << u"x-github-event = \"push\""_s << u"x-github-event = \"push\""_s;
    QTest::newRow("field named changed") << u"changed = true"_s << u"'changed' = true"_s;
    QTest::newRow("uuid needs quotes")
            << u"'55c5512a-1518' = \"DE1\""_s << u"'55c5512a-1518' = \"DE1\""_s;

    // Boolean structure and precedence.
    QTest::newRow("and") << u"a = 1 AND b = 2"_s << u"a = 1 and b = 2"_s;
    QTest::newRow("&&") << u"a = 1 && b = 2"_s << u"a = 1 and b = 2"_s;
    QTest::newRow("||") << u"a = 1 || b = 2"_s << u"a = 1 or b = 2"_s;
    QTest::newRow("!") << u"!a = 1"_s << u"not a = 1"_s;
    QTest::newRow("and binds tighter than or")
            << u"a = 1 or b = 2 and c = 3"_s << u"a = 1 or b = 2 and c = 3"_s;
    QTest::newRow("parentheses kept where needed")
            << u"(a = 1 or b = 2) and c = 3"_s << u"(a = 1 or b = 2) and c = 3"_s;
    QTest::newRow("redundant parentheses dropped")
            << u"((a = 1)) or (b = 2 and c = 3)"_s << u"a = 1 or b = 2 and c = 3"_s;
    QTest::newRow("not binds tighter than and")
            << u"not a = 1 and b = 2"_s << u"not a = 1 and b = 2"_s;
    QTest::newRow("not over a group") << u"not (a = 1 or b = 2)"_s << u"not (a = 1 or b = 2)"_s;
    QTest::newRow("double negation") << u"not not a = 1"_s << u"not (not a = 1)"_s;
    QTest::newRow("grouped and keeps grouping")
            << u"(a = 1 and b = 2) and c = 3"_s << u"(a = 1 and b = 2) and c = 3"_s;
    QTest::newRow("whitespace and newlines") << u"  a=1\n\tand\r\nb=2  "_s << u"a = 1 and b = 2"_s;
}

void tst_ConditionParser::canonical()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);

    const ConditionParseResult parsed = Condition::parse(text);
    QVERIFY2(parsed.isValid(), qPrintable(parsed.error ? parsed.error->toString() : QString()));
    QVERIFY(!parsed.condition.isEmpty());
    QCOMPARE(parsed.condition.toString(), canonical);

    // The canonical text is a fixed point and means the same tree.
    const ConditionParseResult again = Condition::parse(canonical);
    QVERIFY(again.isValid());
    QCOMPARE(again.condition.toString(), canonical);
    QVERIFY(again.condition == parsed.condition);
}

void tst_ConditionParser::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("missing value") << u"status ="_s << 8 << 9 << u"expected a field or a value"_s;
    QTest::newRow("missing operator")
            << u"status \"open\""_s << 7 << 8 << u"expected an operator"_s;
    QTest::newRow("bare field") << u"draft"_s << 5 << 6 << u"expected an operator"_s;
    QTest::newRow("missing left side") << u"= 3"_s << 0 << 1 << u"expected a field or a value"_s;
    QTest::newRow("unterminated string")
            << u"status = \"open"_s << 9 << 10 << u"unterminated string"_s;
    QTest::newRow("unterminated field")
            << u"'Status != 1"_s << 0 << 1 << u"unterminated field name"_s;
    QTest::newRow("unknown escape") << uR"(a = "x\q")"_s << 6 << 7 << u"unknown escape"_s;
    QTest::newRow("unclosed parenthesis")
            << u"(a = 1 or b = 2"_s << 15 << 16 << u"')' to close the '(' at column 1"_s;
    QTest::newRow("extra closing parenthesis")
            << u"a = 1)"_s << 5 << 6 << u"after a complete condition"_s;
    QTest::newRow("two comparisons without and")
            << u"a = 1 b = 2"_s << 6 << 7 << u"missing 'and' or 'or'"_s;
    QTest::newRow("dangling and") << u"a = 1 and"_s << 9 << 10
                                  << u"expected a field or a value, found the end"_s;
    QTest::newRow("keyword as field") << u"and = 1"_s << 0 << 1 << u"keyword 'and'"_s;
    QTest::newRow("keyword as value") << u"a = or"_s << 4 << 5 << u"keyword 'or'"_s;
    QTest::newRow("single ampersand") << u"a = 1 & b = 2"_s << 6 << 7 << u"single '&'"_s;
    QTest::newRow("single bar") << u"a = 1 | b = 2"_s << 6 << 7 << u"single '|'"_s;
    QTest::newRow("unexpected character")
            << u"a = 1 # note"_s << 6 << 7 << u"unexpected character '#'"_s;
    QTest::newRow("lexer error after valid prefix")
            << u"a = 1 and b = ~"_s << 14 << 15 << u"unexpected character '~'"_s;
    QTest::newRow("in without list") << u"a in \"x\""_s << 5 << 6 << u"'(' to open the list"_s;
    QTest::newRow("in with empty list")
            << u"a in ()"_s << 6 << 7 << u"expected a field or a value"_s;
    QTest::newRow("in list unclosed") << u"a in (1, 2"_s << 10 << 11 << u"',' or ')'"_s;
    QTest::newRow("in trailing comma")
            << u"a in (1,)"_s << 8 << 9 << u"expected a field or a value"_s;
    QTest::newRow("changed without field")
            << u"changed()"_s << 8 << 9 << u"a field name inside changed()"_s;
    QTest::newRow("changed of a literal")
            << u"changed(\"x\")"_s << 8 << 9 << u"a field name inside changed()"_s;
    QTest::newRow("changed unclosed") << u"changed(a"_s << 9 << 10 << u"')' to close changed("_s;
    QTest::newRow("old of nothing") << u"old() = 1"_s << 4 << 5 << u"a field name inside old()"_s;
    QTest::newRow("exponent without digits") << u"a = 1e"_s << 4 << 5 << u"exponent"_s;
    QTest::newRow("number glued to a name") << u"a = 12abc"_s << 4 << 5 << u"malformed number"_s;
    QTest::newRow("dot without name") << u"record. = 1"_s << 8 << 9 << u"expected a field name"_s;
    QTest::newRow("index not a number")
            << u"items[x] = 1"_s << 6 << 7 << u"expected an array index"_s;
    QTest::newRow("negative index") << u"items[-1] = 1"_s << 6 << 7 << u"expected an array index"_s;
    QTest::newRow("index unclosed") << u"items[1 = 1"_s << 8 << 9 << u"']' after the array index"_s;
    QTest::newRow("operator twice") << u"a = = 1"_s << 4 << 5 << u"expected a field or a value"_s;
    QTest::newRow("not at the end")
            << u"a = 1 and not"_s << 13 << 14 << u"expected a field or a value"_s;
    QTest::newRow("second line") << u"a = 1 and\n  b ="_s << 15 << 6
                                 << u"the end of the condition"_s;
}

void tst_ConditionParser::errors()
{
    QFETCH(QString, text);
    QFETCH(int, offset);
    QFETCH(int, column);
    QFETCH(QString, message);

    const ConditionParseResult parsed = Condition::parse(text);
    QVERIFY(!parsed.isValid());
    QVERIFY(parsed.condition.isEmpty());
    QCOMPARE(parsed.error->offset, offset);
    QCOMPARE(parsed.error->column, column);
    QVERIFY2(parsed.error->message.contains(message), qPrintable(parsed.error->message));
    QVERIFY(parsed.error->length >= 1);
}

void tst_ConditionParser::emptyConditions_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << u"  \n\t "_s;
}

void tst_ConditionParser::emptyConditions()
{
    QFETCH(QString, text);
    const ConditionParseResult parsed = Condition::parse(text);
    QVERIFY(parsed.isValid());
    QVERIFY(parsed.condition.isEmpty());
    QCOMPARE(parsed.condition.toString(), QString());
}

void tst_ConditionParser::caretLines_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("under the bad token")
            << u"status == \"open\" & x"_s << u"status == \"open\" & x\n                 ^"_s;
    QTest::newRow("underlines the whole token") << u"a = 12abc"_s << u"a = 12abc\n    ^~~~~"_s;
    QTest::newRow("at the end") << u"a ="_s << u"a =\n   ^"_s;
    QTest::newRow("only the failing line") << u"a = 1 and\nb = #"_s << u"b = #\n    ^"_s;
    QTest::newRow("tabs kept for alignment") << u"\ta = #"_s << u"\ta = #\n\t    ^"_s;
}

void tst_ConditionParser::caretLines()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const ConditionParseResult parsed = Condition::parse(text);
    QVERIFY(!parsed.isValid());
    QCOMPARE(parsed.error->caretLines(text), expected);
}

void tst_ConditionParser::treeShape()
{
    const ConditionParseResult parsed
            = Condition::parse(u"a = 1 or not b in (2, c) and changed(d)"_s);
    QVERIFY(parsed.isValid());
    const ConditionNode *root = parsed.condition.root();
    QCOMPARE(root->kind, ConditionNode::Kind::Or);
    QCOMPARE(root->children.size(), 2u);
    const ConditionNode &conjunction = root->children[1];
    QCOMPARE(conjunction.kind, ConditionNode::Kind::And);
    QCOMPARE(conjunction.children[0].kind, ConditionNode::Kind::Not);
    const ConditionNode &in = conjunction.children[0].children.front();
    QCOMPARE(in.op, ComparisonOperator::In);
    QCOMPARE(in.right.size(), 2);
    QCOMPARE(in.right[0].kind, ConditionOperand::Kind::Literal);
    QCOMPARE(in.right[1].kind, ConditionOperand::Kind::Field);
    QCOMPARE(conjunction.children[1].kind, ConditionNode::Kind::Changed);
    QCOMPARE(conjunction.children[1].changedField.toString(), u"d"_s);
}

void tst_ConditionParser::nestingLimit()
{
    const QString fine = QString(ConditionParser::maxDepth - 1, u'(') + u"a = 1"_s
                         + QString(ConditionParser::maxDepth - 1, u')');
    QVERIFY(Condition::parse(fine).isValid());

    const QString deep = QString(1000, u'(') + u"a = 1"_s + QString(1000, u')');
    const ConditionParseResult parsed = Condition::parse(deep);
    QVERIFY(!parsed.isValid());
    QCOMPARE(parsed.error->offset, ConditionParser::maxDepth);
    QVERIFY(parsed.error->message.contains(u"nested too deeply"_s));

    const ConditionParseResult negations
            = Condition::parse(QString(QString(500, u'!') + u"a = 1"_s));
    QVERIFY(!negations.isValid());
}

void tst_ConditionParser::fieldPaths_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<int>("segments");
    QTest::addColumn<int>("errorOffset");

    QTest::newRow("name") << u"status"_s << u"status"_s << 1 << -1;
    QTest::newRow("dotted") << u"record.owner.name"_s << u"record.owner.name"_s << 3 << -1;
    QTest::newRow("index") << u"items[0].id"_s << u"items[0].id"_s << 3 << -1;
    QTest::newRow("Remedy quoting")
            << u"'Short Description'"_s << u"'Short Description'"_s << 1 << -1;
    QTest::newRow("quoted plain name") << u"'Status'"_s << u"Status"_s << 1 << -1;
    QTest::newRow("keyword quoted on output") << u"'in'"_s << u"'in'"_s << 1 << -1;
    QTest::newRow("trailing operator") << u"status = 1"_s << QString() << 0 << 7;
    QTest::newRow("string is not a path") << u"\"status\""_s << QString() << 0 << 0;
    QTest::newRow("empty") << QString() << QString() << 0 << 0;
}

void tst_ConditionParser::fieldPaths()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QFETCH(int, segments);
    QFETCH(int, errorOffset);

    const FieldPathParseResult parsed = FieldPath::parse(text);
    if (errorOffset >= 0) {
        QVERIFY(!parsed.isValid());
        QCOMPARE(parsed.error->offset, errorOffset);
        return;
    }
    QVERIFY(parsed.isValid());
    QCOMPARE(parsed.path.segments().size(), segments);
    QCOMPARE(parsed.path.toString(), canonical);
    QCOMPARE(FieldPath::parse(canonical).path, parsed.path);
}

void tst_ConditionParser::fieldPathLists_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<int>("errorOffset");

    QTest::newRow("Remedy fields")
            << u"Description, Impact,Urgency , 'Short Description'"_s
            << QStringList{u"Description"_s, u"Impact"_s, u"Urgency"_s, u"'Short Description'"_s}
            << -1;
    QTest::newRow("nested") << u"record.owner, items[1]"_s
                            << QStringList{u"record.owner"_s, u"items[1]"_s} << -1;
    QTest::newRow("empty") << u" "_s << QStringList() << -1;
    QTest::newRow("missing comma") << u"a b"_s << QStringList() << 2;
    QTest::newRow("trailing comma") << u"a,"_s << QStringList() << 2;
    QTest::newRow("unquoted space") << u"Short Description"_s << QStringList() << 6;
}

void tst_ConditionParser::fieldPathLists()
{
    QFETCH(QString, text);
    QFETCH(QStringList, paths);
    QFETCH(int, errorOffset);

    const FieldPathListParseResult parsed = PayloadFields::parseList(text);
    if (errorOffset >= 0) {
        QVERIFY(!parsed.isValid());
        QCOMPARE(parsed.error->offset, errorOffset);
        return;
    }
    QVERIFY(parsed.isValid());
    QStringList actual;
    for (const FieldPath &path : parsed.paths)
        actual.append(path.toString());
    QCOMPARE(actual, paths);
}

QTEST_GUILESS_MAIN(tst_ConditionParser)
#include "tst_condition_parser.moc"
