#include "inspector/body_pane.h"
#include "inspector/delivery_inspector.h"
#include "inspector/hex_view.h"
#include "inspector/json_tree_view.h"
#include "inspector/multipart_pane.h"
#include "models/form_fields_model.h"
#include "models/json_tree_model.h"
#include "models/multipart_parts_model.h"
#include "payload/payload_fixture.h"

#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;
using namespace hookbench::test;
using namespace Qt::StringLiterals;

namespace {
Delivery fixtureDelivery(const QString &name, qint64 id)
{
    const PayloadFixture fixture = loadPayloadFixture(name);
    Delivery delivery;
    delivery.id = id;
    delivery.method = QByteArrayLiteral("POST");
    delivery.target = fixture.target;
    delivery.httpVersion = QByteArrayLiteral("HTTP/1.1");
    delivery.headers = fixture.headers;
    delivery.body = fixture.body;
    delivery.bodySize = fixture.body.size();
    delivery.contentType = fixture.headers.value("Content-Type").value_or(QByteArray());
    return delivery;
}

bool tabVisible(QTabWidget *tabs, QStringView label)
{
    for (int index = 0; index < tabs->count(); ++index) {
        if (tabs->tabText(index).remove(u'&') == label)
            return tabs->isTabVisible(index);
    }
    return false;
}

QStringList rootKeys(JsonTreeModel *model, int count)
{
    QStringList keys;
    for (int row = 0; row < qMin(count, model->rowCount()); ++row)
        keys << model->index(row, JsonTreeModel::KeyColumn).data().toString();
    return keys;
}
} // namespace

class tst_InspectorFixtures : public QObject
{
    Q_OBJECT

private slots:
    void opensEachFixture_data();
    void opensEachFixture();
    void invalidJsonShowsWhereAndTheText();
    void remedyPartsAndAttachment();
    void formFieldsInOrder();
    void chosenSubTabStays();
    void neverSelectsAHiddenTab();
};

void tst_InspectorFixtures::opensEachFixture_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("treePage"); // -1: the Tree sub-tab is disabled
    QTest::addColumn<QStringList>("firstKeys");
    QTest::addColumn<bool>("form");
    QTest::addColumn<bool>("parts");
    QTest::addColumn<QString>("textContains");

    const int tree = int(JsonTreeView::Page::Tree);
    const int invalid = int(JsonTreeView::Page::Invalid);
    // Every fixture opens; the rows with expectations check what it shows.
    QTest::newRow("github") << u"github_issues_opened"_s << tree
                            << QStringList{u"action"_s, u"issue"_s} << false << false
                            << u"\"action\": \"opened\""_s;
    QTest::newRow("gzip decoded") << u"foundries_build_gzip"_s << tree << QStringList() << false
                                  << false << u"\"build_id\""_s;
    QTest::newRow("invalid json") << u"invalid_json"_s << invalid << QStringList() << false << false
                                  << u"build-armhf"_s;
    QTest::newRow("slack form") << u"slack_slash_command"_s << -1 << QStringList() << true << false
                                << u"team_domain=example"_s;
    QTest::newRow("remedy multipart") << u"remedy_multipart_attachments"_s << -1 << QStringList()
                                      << false << true << QString();
    for (const char *name : allFixtures) {
        const QString fixture = QString::fromLatin1(name);
        if (fixture == u"github_issues_opened" || fixture == u"foundries_build_gzip"
            || fixture == u"invalid_json" || fixture == u"slack_slash_command"
            || fixture == u"remedy_multipart_attachments")
            continue;
        const PayloadAnalysis analysis = analyzeFixture(fixture);
        const bool json = analysis.kind == ContentKind::Json;
        QTest::newRow(name) << fixture << (json ? tree : -1) << QStringList()
                            << (analysis.kind == ContentKind::Form)
                            << (analysis.kind == ContentKind::Multipart) << QString();
    }
}

void tst_InspectorFixtures::opensEachFixture()
{
    QFETCH(QString, fixture);
    QFETCH(int, treePage);
    QFETCH(QStringList, firstKeys);
    QFETCH(bool, form);
    QFETCH(bool, parts);
    QFETCH(QString, textContains);

    DeliveryInspector inspector(nullptr);
    inspector.resize(900, 700);
    inspector.show();
    QSignalSpy analysed(&inspector, &DeliveryInspector::analysisReady);
    QSignalSpy bodyShown(&inspector, &DeliveryInspector::bodyShown);
    const Delivery delivery = fixtureDelivery(fixture, 7);
    inspector.setDelivery(delivery);
    QTRY_COMPARE(analysed.count(), 1);
    QTRY_COMPARE(bodyShown.count(), 1);

    BodyPane *body = inspector.bodyPane();
    QCOMPARE(body->hexView()->data(), delivery.body);
    QCOMPARE(body->subTabs()->isTabEnabled(BodyPane::TreeTab), treePage >= 0);
    if (treePage >= 0) {
        QCOMPARE(int(body->treeView()->page()), treePage);
        QCOMPARE(body->subTabs()->currentIndex(), int(BodyPane::TreeTab));
    }
    if (!firstKeys.isEmpty())
        QCOMPARE(rootKeys(body->treeView()->model(), int(firstKeys.size())), firstKeys);
    if (!textContains.isEmpty())
        QVERIFY2(body->text().contains(textContains), qPrintable(body->text().left(300)));
    QCOMPARE(tabVisible(inspector.tabs(), u"Form"), form);
    QCOMPARE(tabVisible(inspector.tabs(), u"Parts"), parts);
    QCOMPARE(inspector.formModel()->rowCount() > 0, form);
    QCOMPARE(inspector.partsPane()->partsModel()->rowCount() > 0, parts);
}

void tst_InspectorFixtures::invalidJsonShowsWhereAndTheText()
{
    DeliveryInspector inspector(nullptr);
    QSignalSpy analysed(&inspector, &DeliveryInspector::analysisReady);
    inspector.setDelivery(fixtureDelivery(u"invalid_json"_s, 3));
    QTRY_COMPARE(analysed.count(), 1);
    JsonTreeView *tree = inspector.bodyPane()->treeView();
    QCOMPARE(tree->page(), JsonTreeView::Page::Invalid);
    QVERIFY(tree->syntaxError().has_value());
    // The missing comma sits after "build-armhf" on the fixture's line 5.
    QCOMPARE(tree->syntaxError()->line, 5);
    QVERIFY2(tree->errorText().contains(u"line 5"_s), qPrintable(tree->errorText()));
    QVERIFY2(tree->errorText().contains(u"column"_s), qPrintable(tree->errorText()));
    QVERIFY(tree->rawText().contains(u"\"build-armhf\" \"status\""_s));
}

void tst_InspectorFixtures::remedyPartsAndAttachment()
{
    DeliveryInspector inspector(nullptr);
    inspector.resize(900, 700);
    inspector.show();
    QSignalSpy analysed(&inspector, &DeliveryInspector::analysisReady);
    inspector.setDelivery(fixtureDelivery(u"remedy_multipart_attachments"_s, 11));
    QTRY_COMPARE(analysed.count(), 1);

    // The whole body, binary parts and all, is still readable as received.
    QVERIFY(inspector.bodyPane()->rawText().contains(u"name=\"attach-WorkLog\""_s));

    MultipartPane *pane = inspector.partsPane();
    MultipartPartsModel *model = pane->partsModel();
    QCOMPARE(model->rowCount(), 3);
    const QStringList names{u"entry"_s, u"attach-Attachment1"_s, u"attach-WorkLog"_s};
    const QStringList files{QString(), u"sample.png"_s, u"worklog.txt"_s};
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(model->index(row, MultipartPartsModel::NameColumn).data().toString(),
                 names.at(row));
        QCOMPARE(model->index(row, MultipartPartsModel::FilenameColumn).data().toString(),
                 files.at(row));
    }

    // The entry part is JSON and inspectable as a tree.
    QCOMPARE(pane->currentRow(), 0);
    QCOMPARE(pane->partView(), MultipartPane::PartView::Json);
    QTRY_COMPARE(pane->partJsonView()->page(), JsonTreeView::Page::Tree);
    QCOMPARE(rootKeys(pane->partJsonView()->model(), 2),
             (QStringList{u"webhook_id"_s, u"entry_event"_s}));

    // The PNG attachment is shown as hex, byte for byte, and saved exactly.
    const QByteArray png = readPayloadData(u"remedy_attachment.png.bin"_s);
    pane->selectPart(1);
    QCOMPARE(pane->partView(), MultipartPane::PartView::Hex);
    QCOMPARE(pane->partHexView()->data(), png);
    QCOMPARE(model->index(1, MultipartPartsModel::SizeColumn)
                     .data(MultipartPartsModel::BytesRole)
                     .toLongLong(),
             qint64(png.size()));
    QVERIFY(pane->saveButton()->isEnabled());
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sample.png"_s);
    QSignalSpy saved(pane, &MultipartPane::saved);
    pane->savePart(1, path);
    QTRY_COMPARE(saved.count(), 1);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), png);

    // A text attachment is shown as text.
    pane->selectPart(2);
    QCOMPARE(pane->partView(), MultipartPane::PartView::Text);
    QVERIFY(pane->partTextView()->toPlainText().startsWith(u"router-7 went down"_s));

    // A path that cannot be written is reported, not ignored.
    QSignalSpy failed(pane, &MultipartPane::saveFailed);
    pane->savePart(1, dir.filePath(u"missing/dir/sample.png"_s));
    QTRY_COMPARE(failed.count(), 1);
}

void tst_InspectorFixtures::formFieldsInOrder()
{
    DeliveryInspector inspector(nullptr);
    QSignalSpy analysed(&inspector, &DeliveryInspector::analysisReady);
    inspector.setDelivery(fixtureDelivery(u"slack_slash_command"_s, 5));
    QTRY_COMPARE(analysed.count(), 1);
    FormFieldsModel *model = inspector.formModel();
    QVERIFY(model->rowCount() >= 10);
    QCOMPARE(model->index(0, FormFieldsModel::NameColumn).data().toString(), u"token"_s);
    QCOMPARE(model->index(2, FormFieldsModel::NameColumn).data().toString(), u"team_domain"_s);
    QCOMPARE(model->index(2, FormFieldsModel::ValueColumn).data().toString(), u"example"_s);
    QCOMPARE(model->index(7, FormFieldsModel::NameColumn).data().toString(), u"command"_s);
    QCOMPARE(model->index(7, FormFieldsModel::ValueColumn).data().toString(), u"/weather"_s);
    QCOMPARE(model->index(8, FormFieldsModel::ValueColumn).data().toString(), u"94070 and more"_s);

    // Showing a JSON delivery next hides the Form tab and empties the table.
    inspector.setDelivery(fixtureDelivery(u"github_issues_opened"_s, 6));
    QTRY_COMPARE(analysed.count(), 2);
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(!tabVisible(inspector.tabs(), u"Form"));
}

void tst_InspectorFixtures::chosenSubTabStays()
{
    DeliveryInspector inspector(nullptr);
    inspector.resize(900, 700);
    inspector.show();
    QVERIFY(QTest::qWaitForWindowExposed(&inspector));
    inspector.tabs()->setCurrentWidget(inspector.bodyPane());
    QSignalSpy analysed(&inspector, &DeliveryInspector::analysisReady);
    QTabWidget *subTabs = inspector.bodyPane()->subTabs();

    // Without a choice: JSON on its tree, a form on its text.
    inspector.setDelivery(fixtureDelivery(u"slack_slash_command"_s, 1));
    QTRY_COMPARE(analysed.count(), 1);
    QCOMPARE(subTabs->currentIndex(), int(BodyPane::TextTab));
    inspector.setDelivery(fixtureDelivery(u"github_issues_opened"_s, 2));
    QTRY_COMPARE(analysed.count(), 2);
    QCOMPARE(subTabs->currentIndex(), int(BodyPane::TreeTab));

    QTabBar *bar = subTabs->tabBar();
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(BodyPane::RawTab).center());
    QCOMPARE(subTabs->currentIndex(), int(BodyPane::RawTab));
    inspector.setDelivery(fixtureDelivery(u"foundries_build_gzip"_s, 3));
    QTRY_COMPARE(analysed.count(), 3);
    QCOMPARE(subTabs->currentIndex(), int(BodyPane::RawTab));

    // A chosen Tree falls back to text for a body that has none.
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(BodyPane::TreeTab).center());
    inspector.setDelivery(fixtureDelivery(u"slack_slash_command"_s, 4));
    QTRY_COMPARE(analysed.count(), 4);
    QCOMPARE(subTabs->currentIndex(), int(BodyPane::TextTab));
    QVERIFY(!subTabs->isTabEnabled(BodyPane::TreeTab));
}

void tst_InspectorFixtures::neverSelectsAHiddenTab()
{
    DeliveryInspector inspector(nullptr);
    QSignalSpy analysed(&inspector, &DeliveryInspector::analysisReady);
    inspector.setDelivery(fixtureDelivery(u"github_issues_opened"_s, 7));
    QTRY_COMPARE(analysed.count(), 1);
    QTabWidget *tabs = inspector.tabs();
    int hidden = -1;
    int visible = -1;
    for (int index = 0; index < tabs->count(); ++index) {
        if (!tabs->isTabVisible(index))
            hidden = index; // Form and Parts, for a JSON body
        else if (index != tabs->currentIndex())
            visible = index;
    }
    QVERIFY(hidden >= 0 && visible >= 0);
    const int before = tabs->currentIndex();
    inspector.selectTab(hidden);
    QCOMPARE(tabs->currentIndex(), before);
    inspector.selectTab(tabs->count() + 3);
    QCOMPARE(tabs->currentIndex(), before);
    inspector.selectTab(visible);
    QCOMPARE(tabs->currentIndex(), visible);
}

QTEST_MAIN(tst_InspectorFixtures)
#include "tst_inspector_fixtures.moc"
