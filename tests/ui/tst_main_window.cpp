#include "capture/receiver.h"
#include "compare/compare_dialog.h"
#include "history/empty_state_widget.h"
#include "history/history_view.h"
#include "inspector/delivery_actions.h"
#include "inspector/delivery_inspector.h"
#include "inspector/hex_view.h"
#include "inspector/overview_pane.h"
#include "main_window.h"
#include "models/header_list_model.h"
#include "models/history_model.h"
#include "store/async_store.h"
#include "store_fixture.h"

#include <QItemSelectionModel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace hookbench;
using namespace hookbench::test;
using namespace Qt::StringLiterals;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void requestAppearsAndIsInspected_data();
    void requestAppearsAndIsInspected();
    void layoutPersists();
    void databaseFailureIsWhatTheEmptyPageSays();
    void selectedDeliveryIsOverviewedAndCompared();

private:
    QTemporaryDir m_settingsDir;
};

void tst_MainWindow::initTestCase()
{
    // Never read or overwrite the settings of a real user running the tests.
    QVERIFY(m_settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(u"HookbenchTest"_s);
    QCoreApplication::setApplicationName(u"tst_main_window"_s);
}

void tst_MainWindow::requestAppearsAndIsInspected_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("bodyText");
    QTest::newRow("json post") << QByteArray("POST") << QByteArray("/hooks/github?delivery=1")
                               << QByteArray("application/json")
                               << QByteArray(R"({"zen":"Keep it simple","hook_id":42})")
                               << u"{\n  \"zen\": \"Keep it simple\",\n  \"hook_id\": 42\n}"_s;
    QTest::newRow("form put") << QByteArray("PUT") << QByteArray("/callback")
                              << QByteArray("application/x-www-form-urlencoded")
                              << QByteArray("a=1&b=two") << u"a=1&b=two"_s;
}

void tst_MainWindow::requestAppearsAndIsInspected()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, bodyText);

    TestDatabase database;
    AsyncStore store;
    store.open(database.path());
    Receiver receiver;
    connect(&receiver, &Receiver::deliveriesStored, &store, [&store] { store.checkForChanges(); });
    MainWindow window(&store, &receiver);
    window.setListenOverride(QHostAddress::LocalHost, 0);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.startReceiver();
    QTRY_COMPARE_WITH_TIMEOUT(receiver.state(), Receiver::State::Listening, 10000);
    const QUrl base = receiver.baseUrl();
    QVERIFY(base.port() > 0);
    QVERIFY(window.receiverStateText().contains(base.toString()));

    // A new user first sees where to send webhooks.
    HistoryView *history = window.historyView();
    QTRY_VERIFY(history->isShowingEmptyState());
    QCOMPARE(history->emptyState()->url().port(), base.port());
    QVERIFY(EmptyStateWidget::curlCommand(history->emptyState()->url()).contains(base.host()));

    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(base.toString() + QString::fromLatin1(target)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setRawHeader("X-Hookbench-Test", "Hello Case");
    QNetworkReply *reply = network.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    reply->deleteLater();

    HistoryModel *model = window.historyModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 5000);
    QVERIFY(!history->isShowingEmptyState());
    QCOMPARE(model->index(0, HistoryModel::MethodColumn).data().toString(),
             QString::fromLatin1(method));
    QCOMPARE(model->index(0, HistoryModel::PathColumn).data().toString(),
             QString::fromLatin1(target));
    QCOMPARE(model->index(0, HistoryModel::StatusColumn).data().toString(), u"200"_s);
    QCOMPARE(model->index(0, HistoryModel::ContentTypeColumn).data().toString(),
             QString::fromLatin1(contentType));

    history->tableView()->selectRow(0);
    DeliveryInspector *inspector = window.inspector();
    QTRY_VERIFY(inspector->delivery().has_value());
    QCOMPARE(inspector->delivery()->body, body);
    QVERIFY(inspector->summaryText().contains(QString::fromLatin1(method)));

    // The header appears with the case it was sent in.
    HeaderListModel *headers = inspector->headersModel();
    bool found = false;
    for (int row = 0; row < headers->rowCount(); ++row) {
        if (headers->index(row, HeaderListModel::NameColumn).data().toString()
            == u"X-Hookbench-Test"_s) {
            QCOMPARE(headers->index(row, HeaderListModel::ValueColumn).data().toString(),
                     u"Hello Case"_s);
            found = true;
        }
    }
    QVERIFY(found);
    QTRY_COMPARE(inspector->bodyText(), bodyText);
    QCOMPARE(inspector->hexView()->data(), body);
    QVERIFY(inspector->responseText().contains(u"200"_s));

    window.stopReceiver();
    QTRY_COMPARE(receiver.state(), Receiver::State::Stopped);
    QVERIFY(history->isShowingEmptyState() == false);
    QVERIFY(window.receiverStateText().contains(u"Stopped"_s));
}

void tst_MainWindow::layoutPersists()
{
    TestDatabase database;
    AsyncStore store;
    store.open(database.path());
    Receiver receiver;
    QList<int> sizes;
    {
        MainWindow window(&store, &receiver);
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *splitter = window.findChild<QSplitter *>(u"mainSplitter"_s);
        QVERIFY(splitter);
        splitter->setSizes({300, 700});
        sizes = splitter->sizes();
        window.close();
    }
    MainWindow window(&store, &receiver);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(1000, 700));
    QCOMPARE(window.findChild<QSplitter *>(u"mainSplitter"_s)->sizes(), sizes);
}

void tst_MainWindow::databaseFailureIsWhatTheEmptyPageSays()
{
    // A folder where the database file should be: nothing can be opened or stored, and the
    // receiver, which writes to the same file, fails for that reason too.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    AsyncStore store;
    QSignalSpy failed(&store, &AsyncStore::failed);
    store.open(dir.path());
    Receiver receiver;
    MainWindow window(&store, &receiver);
    window.setListenOverride(QHostAddress::LocalHost, 0);
    window.show();
    QVERIFY(failed.wait(5000));
    const QString error = failed.constFirst().constFirst().toString();
    QVERIFY(!error.isEmpty());
    window.startReceiver();
    QTRY_VERIFY_WITH_TIMEOUT(receiver.state() != Receiver::State::Starting, 10000);

    HistoryView *history = window.historyView();
    QTRY_VERIFY(history->isShowingEmptyState());
    QVERIFY2(history->emptyState()->title().contains(u"database"_s),
             qPrintable(history->emptyState()->title()));
    QVERIFY2(history->emptyState()->explanation().contains(error),
             qPrintable(history->emptyState()->explanation()));
    QVERIFY(!history->emptyState()->title().contains(u"receiver"_s));
}

void tst_MainWindow::selectedDeliveryIsOverviewedAndCompared()
{
    TestDatabase database;
    Delivery older = makeDelivery(QByteArrayLiteral("POST"), QByteArrayLiteral("/hooks/a"));
    older.body = QByteArrayLiteral(R"({"n":1,"same":true})");
    Delivery newer = makeDelivery(QByteArrayLiteral("POST"), QByteArrayLiteral("/hooks/a"));
    newer.body = QByteArrayLiteral(R"({"n":2,"same":true})");
    newer.headers.append(QByteArrayLiteral("X-Retry"), QByteArrayLiteral("1"));
    database.insert({older, newer});

    AsyncStore store;
    store.open(database.path());
    Receiver receiver;
    MainWindow window(&store, &receiver);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    HistoryModel *model = window.historyModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 5000);

    // One row: the Overview tab comes first and fills in from the analysis; the actions apply.
    QTableView *table = window.historyView()->tableView();
    table->selectRow(0);
    DeliveryInspector *inspector = window.inspector();
    QCOMPARE(inspector->tabs()->widget(0), inspector->overviewPane());
    QTRY_VERIFY(inspector->analysis().has_value());
    QCOMPARE(inspector->overviewPane()->fieldText(OverviewPane::Field::Remote), u"127.0.0.1"_s);
    QVERIFY(inspector->overviewPane()
                    ->fieldText(OverviewPane::Field::Content)
                    .contains(u"Valid JSON"_s));
    QVERIFY(window.deliveryActions()->saveBodyAction()->isEnabled());
    QVERIFY(DeliveryActions::curlFor(*inspector->delivery(), {}).contains(u"/hooks/a"_s));

    // Two rows and Ctrl+D: the older delivery is the old side.
    table->selectionModel()->select(model->index(1, 0),
                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(window.historyView()->selectedDeliveryIds().size(), 2);
    table->setFocus();
    QTest::keyClick(table, Qt::Key_D, Qt::ControlModifier);
    CompareDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<CompareDialog *>()) != nullptr);
    QTRY_COMPARE(dialog->bodyMode(), CompareDialog::BodyMode::Json);
    QCOMPARE(dialog->bodyTable()->rowCount(), 1);
    QCOMPARE(dialog->bodyTable()->item(0, 1)->text(), u"/n"_s);
    QCOMPARE(dialog->bodyTable()->item(0, 2)->text(), u"1"_s);
    QCOMPARE(dialog->bodyTable()->item(0, 3)->text(), u"2"_s);
    QCOMPARE(dialog->headerTable()->rowCount(), 1);
    dialog->close();
}

QTEST_MAIN(tst_MainWindow)
#include "tst_main_window.moc"
