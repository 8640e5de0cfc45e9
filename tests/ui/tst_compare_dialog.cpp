#include "compare/compare_dialog.h"

#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace hookbench;
using namespace Qt::StringLiterals;

class tst_CompareDialog : public QObject
{
    Q_OBJECT

private slots:
    void comparesBodies_data();
    void comparesBodies();
    void comparesHeaders();
};

namespace {
Delivery makeDelivery(qint64 id, const QByteArray &contentType, const QByteArray &body)
{
    Delivery delivery;
    delivery.id = id;
    delivery.method = QByteArrayLiteral("POST");
    delivery.target = QByteArrayLiteral("/hooks/x");
    if (!contentType.isEmpty())
        delivery.headers.append(QByteArrayLiteral("Content-Type"), contentType);
    delivery.body = body;
    delivery.bodySize = body.size();
    return delivery;
}

QStringList rowTexts(const QTableWidget *table)
{
    QStringList rows;
    for (int row = 0; row < table->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < table->columnCount(); ++column)
            cells << table->item(row, column)->text();
        rows << cells.join(u'|');
    }
    return rows;
}
} // namespace

void tst_CompareDialog::comparesBodies_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("oldBody");
    QTest::addColumn<QByteArray>("newBody");
    QTest::addColumn<CompareDialog::BodyMode>("mode");
    QTest::addColumn<QStringList>("rows");
    const QByteArray json("application/json");
    QTest::newRow("json: changed, added, removed")
            << json << QByteArray(R"({"a":1,"b":{"c":"x"},"gone":true})")
            << QByteArray(R"({"a":2,"b":{"c":"x","d":[1]}})") << CompareDialog::BodyMode::Json
            << QStringList{u"changed|/a|1|2"_s, u"added|/b/d||[1]"_s, u"removed|/gone|true|"_s};
    QTest::newRow("json: same structure, other spacing")
            << json << QByteArray(R"({"a": 1})") << QByteArray(R"({"a":1})")
            << CompareDialog::BodyMode::Json << QStringList();
    QTest::newRow("root replaced")
            << json << QByteArray("[1]") << QByteArray(R"({"a":1})")
            << CompareDialog::BodyMode::Json << QStringList{u"changed|(root)|[1]|{\"a\":1}"_s};
    QTest::newRow("identical") << json << QByteArray("{}") << QByteArray("{}")
                               << CompareDialog::BodyMode::Identical << QStringList();
    QTest::newRow("text lines") << QByteArray("text/plain") << QByteArray("one\ntwo\nthree")
                                << QByteArray("one\n2\nthree\nfour")
                                << CompareDialog::BodyMode::Text
                                << QStringList{u"added|line 2||2"_s, u"removed|line 2|two|"_s,
                                               u"added|line 4||four"_s};
    QTest::newRow("one side invalid json")
            << json << QByteArray(R"({"a":1})") << QByteArray(R"({"a":)")
            << CompareDialog::BodyMode::Text
            << QStringList{u"added|line 1||{\"a\":"_s, u"removed|line 1|{\"a\":1}|"_s};
}

void tst_CompareDialog::comparesBodies()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, oldBody);
    QFETCH(QByteArray, newBody);
    QFETCH(CompareDialog::BodyMode, mode);
    QFETCH(QStringList, rows);

    CompareDialog dialog(makeDelivery(1, contentType, oldBody),
                         makeDelivery(2, contentType, newBody));
    QSignalSpy ready(&dialog, &CompareDialog::comparisonReady);
    QCOMPARE(dialog.bodyMode(), CompareDialog::BodyMode::Pending);
    QVERIFY(ready.wait(5000));
    QCOMPARE(dialog.bodyMode(), mode);
    QCOMPARE(rowTexts(dialog.bodyTable()), rows);
    QVERIFY(!dialog.bodyNote().isEmpty());
    if (mode == CompareDialog::BodyMode::Text)
        QVERIFY(dialog.bodyNote().contains(u"Not JSON"_s));
}

void tst_CompareDialog::comparesHeaders()
{
    Delivery left = makeDelivery(1, "application/json", "{}");
    Delivery right = makeDelivery(2, "application/json; charset=utf-8", "{}");
    left.headers.append(QByteArrayLiteral("X-Old"), QByteArrayLiteral("1"));
    right.headers.append(QByteArrayLiteral("X-New"), QByteArrayLiteral("2"));
    right.headers.append(QByteArrayLiteral("X-New"), QByteArrayLiteral("3"));
    CompareDialog dialog(left, right);
    QCOMPARE(
            rowTexts(dialog.headerTable()),
            (QStringList{u"changed|Content-Type|application/json|application/json; charset=utf-8"_s,
                         u"removed|X-Old|1|"_s, u"added|X-New||2  |  3"_s}));
    QSignalSpy ready(&dialog, &CompareDialog::comparisonReady);
    QVERIFY(ready.wait(5000));
}

QTEST_MAIN(tst_CompareDialog)
#include "tst_compare_dialog.moc"
