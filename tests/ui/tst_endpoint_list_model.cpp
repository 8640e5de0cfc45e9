#include "models/endpoint_list_model.h"
#include "store/async_store.h"
#include "store_fixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace hookbench;
using namespace hookbench::test;
using namespace Qt::StringLiterals;

class tst_EndpointListModel : public QObject
{
    Q_OBJECT

private slots:
    void fixedRowsAndEndpoints();
    void editsApplyWithoutReset();
    void urls_data();
    void urls();
};

void tst_EndpointListModel::fixedRowsAndEndpoints()
{
    TestDatabase database;
    const Endpoint github = database.addEndpoint(u"github"_s, u"/hooks/github"_s);
    const Endpoint stripe = database.addEndpoint(u"stripe"_s, u"/hooks/stripe"_s);
    AsyncStore store;
    openAndWait(store, database.path());
    EndpointListModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model.rowCount(), 4);

    QCOMPARE(model.index(EndpointListModel::allRow).data().toString(), u"All deliveries"_s);
    QCOMPARE(model.index(EndpointListModel::inboxRow).data().toString(), u"Inbox"_s);
    QCOMPARE(model.index(2).data().toString(), u"github"_s);
    QCOMPARE(model.index(3).data().toString(), u"stripe"_s);
    QCOMPARE(model.index(3).data(EndpointListModel::PathRole).toString(), u"/hooks/stripe"_s);

    QCOMPARE(model.filter(model.index(EndpointListModel::allRow)), DeliveryFilter::all());
    QCOMPARE(model.filter(model.index(EndpointListModel::inboxRow)), DeliveryFilter::inbox());
    QCOMPARE(model.filter(model.index(2)), DeliveryFilter::endpoint(github.id));
    QCOMPARE(model.indexOfFilter(DeliveryFilter::endpoint(stripe.id)), model.index(3));
    QVERIFY(!model.endpoint(model.index(EndpointListModel::inboxRow)));
    QCOMPARE(model.endpoint(model.index(2))->id, github.id);
}

void tst_EndpointListModel::editsApplyWithoutReset()
{
    TestDatabase database;
    const Endpoint github = database.addEndpoint(u"github"_s, u"/hooks/github"_s);
    AsyncStore store;
    openAndWait(store, database.path());
    EndpointListModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model.rowCount(), 3);
    QSignalSpy resets(&model, &EndpointListModel::modelAboutToBeReset);
    QSignalSpy changed(&model, &EndpointListModel::dataChanged);
    const QPersistentModelIndex githubRow = model.index(2);

    // Added through the store, as the sidebar does.
    Endpoint shopify;
    shopify.name = u"shopify"_s;
    shopify.path = u"/hooks/shopify"_s;
    bool added = false;
    store.addEndpoint(shopify, this,
                      [&added](const std::optional<Endpoint> &endpoint, const QString &) {
                          added = endpoint.has_value();
                      });
    QTRY_VERIFY(added);
    QTRY_COMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(3).data().toString(), u"shopify"_s);

    // Renamed by another process (the CLI): the store's poll notices the revision.
    Endpoint renamed = github;
    renamed.name = u"github-prod"_s;
    QVERIFY(EndpointStore(database.database()).update(renamed));
    store.checkForChanges();
    QTRY_COMPARE(model.index(2).data().toString(), u"github-prod"_s);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(githubRow.row(), 2);

    QVERIFY(EndpointStore(database.database()).remove(github.id));
    store.checkForChanges();
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(2).data().toString(), u"shopify"_s);
    QVERIFY(!githubRow.isValid());
    QCOMPARE(resets.count(), 0);
}

void tst_EndpointListModel::urls_data()
{
    QTest::addColumn<QUrl>("base");
    QTest::addColumn<int>("row");
    QTest::addColumn<QUrl>("expected");
    const QUrl base(u"http://127.0.0.1:8090"_s);
    QTest::newRow("all") << base << int(EndpointListModel::allRow)
                         << QUrl(u"http://127.0.0.1:8090/"_s);
    QTest::newRow("inbox") << base << int(EndpointListModel::inboxRow)
                           << QUrl(u"http://127.0.0.1:8090/"_s);
    QTest::newRow("endpoint") << base << 2 << QUrl(u"http://127.0.0.1:8090/hooks/github"_s);
    QTest::newRow("https") << QUrl(u"https://[::1]:9443"_s) << 2
                           << QUrl(u"https://[::1]:9443/hooks/github"_s);
    QTest::newRow("not listening") << QUrl() << 2 << QUrl();
}

void tst_EndpointListModel::urls()
{
    QFETCH(QUrl, base);
    QFETCH(int, row);
    QFETCH(QUrl, expected);
    TestDatabase database;
    database.addEndpoint(u"github"_s, u"/hooks/github"_s);
    AsyncStore store;
    openAndWait(store, database.path());
    EndpointListModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model.rowCount(), 3);
    model.setBaseUrl(base);
    QCOMPARE(model.url(model.index(row)), expected);
    QCOMPARE(model.index(row).data(EndpointListModel::UrlRole).toUrl(), expected);
    if (row == 2 && !base.isEmpty())
        QCOMPARE(model.index(row).data(Qt::ToolTipRole).toString(), expected.toString());
}

QTEST_MAIN(tst_EndpointListModel)
#include "tst_endpoint_list_model.moc"
