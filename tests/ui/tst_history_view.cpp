#include "history/empty_state_widget.h"
#include "history/history_view.h"
#include "models/history_model.h"
#include "store/async_store.h"
#include "store_fixture.h"

#include <QComboBox>
#include <QTableView>
#include <QTest>

using namespace hookbench;
using namespace hookbench::test;
using namespace Qt::StringLiterals;

class tst_HistoryView : public QObject
{
    Q_OBJECT

private slots:
    void signatureFilter_data();
    void signatureFilter();
    void storeFailureShowsThePage();
};

void tst_HistoryView::signatureFilter_data()
{
    QTest::addColumn<QString>("choice"); // item data of the combo
    QTest::addColumn<int>("rows");
    QTest::newRow("all") << QString() << 3;
    QTest::newRow("invalid") << u"invalid"_s << 2;
    QTest::newRow("valid") << u"valid"_s << 1;
    // None of them: an empty table, not the getting-started page.
    QTest::newRow("not configured") << u"not-configured"_s << 0;
}

void tst_HistoryView::signatureFilter()
{
    QFETCH(QString, choice);
    QFETCH(int, rows);
    TestDatabase database;
    const Endpoint github = database.addEndpoint(u"github"_s, u"/hooks/github"_s);
    QList<Delivery> deliveries;
    for (const QString &outcome : {u"valid"_s, u"invalid"_s, u"invalid"_s}) {
        Delivery delivery = makeDelivery("POST", "/hooks/github", github.id);
        delivery.verification = {outcome, QString(), u"github"_s, QString()};
        deliveries.append(delivery);
    }
    database.insert(deliveries);
    AsyncStore store;
    openAndWait(store, database.path());
    HistoryModel model(&store);
    HistoryView view(&model);
    model.setFilter(DeliveryFilter::endpoint(github.id));
    QTRY_VERIFY(model.isLoaded());

    QComboBox *combo = view.verificationFilter();
    const int index = combo->findData(choice);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
    // The scope chosen in the sidebar is kept; only the signature narrows it.
    QCOMPARE(model.filter().scope, DeliveryFilter::Scope::Endpoint);
    QCOMPARE(model.filter().endpointId, github.id);
    QCOMPARE(model.filter().verification, choice);
    QTRY_VERIFY(model.isLoaded());
    QCOMPARE(model.rowCount(), rows);
    QVERIFY(!view.isShowingEmptyState());
}

void tst_HistoryView::storeFailureShowsThePage()
{
    HistoryModel model(nullptr);
    HistoryView view(&model);
    QVERIFY(!view.isShowingEmptyState()); // not loaded yet: no flash of the page
    view.setReceiverUrl({}, u"Address already in use"_s);
    view.setStoreFailure(u"unable to open database file"_s);
    QVERIFY(view.isShowingEmptyState());
    QVERIFY(view.emptyState()->title().contains(u"database"_s));
    QVERIFY(view.emptyState()->explanation().contains(u"unable to open database file"_s));
    view.setStoreFailure({});
    QVERIFY(view.emptyState()->title().contains(u"receiver"_s));
    QVERIFY(view.emptyState()->explanation().contains(u"Address already in use"_s));
}

QTEST_MAIN(tst_HistoryView)
#include "tst_history_view.moc"
