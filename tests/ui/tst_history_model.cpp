#include "models/history_model.h"
#include "store/async_store.h"
#include "store_fixture.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTest>

using namespace hookbench;
using namespace hookbench::test;
using namespace Qt::StringLiterals;

class tst_HistoryModel : public QObject
{
    Q_OBJECT

private slots:
    void paging_data();
    void paging();
    void pagingUnderModelTester();
    void liveInsertion_data();
    void liveInsertion();
    void liveBurstBeyondBatchPagesForward();
    void filter_data();
    void filter();
    void rejectedRowsAreMarked();
    void verificationColumnAndFilter_data();
    void verificationColumnAndFilter();

private:
    static QList<qint64> shownIds(const HistoryModel &model)
    {
        QList<qint64> ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.append(model.index(row, 0).data(HistoryModel::IdRole).toLongLong());
        return ids;
    }
};

void tst_HistoryModel::paging_data()
{
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("pageSize");
    QTest::newRow("empty") << 0 << 200;
    QTest::newRow("less than a page") << 5 << 200;
    QTest::newRow("exactly one page") << 200 << 200;
    QTest::newRow("two pages and a bit") << 450 << 200;
    QTest::newRow("small pages") << 101 << 25;
}

void tst_HistoryModel::paging()
{
    QFETCH(int, total);
    QFETCH(int, pageSize);
    TestDatabase database;
    QList<qint64> ids = database.insertMany(total);
    std::reverse(ids.begin(), ids.end());

    AsyncStore store;
    openAndWait(store, database.path());
    // No model tester here: it calls fetchMore() after every insertion, which would pull in
    // every page by itself; pagingUnderModelTester covers that.
    HistoryModel model(&store);
    model.setPageSize(pageSize);
    model.reload();
    QTRY_VERIFY(model.isLoaded());
    QCOMPARE(model.rowCount(), std::min(total, pageSize));

    // Each fetchMore brings exactly one more page, until the last one.
    int expected = std::min(total, pageSize);
    while (model.canFetchMore({})) {
        model.fetchMore({});
        QVERIFY(!model.canFetchMore({})); // one page in flight at a time
        expected = std::min(total, expected + pageSize);
        QTRY_COMPARE(model.rowCount(), expected);
        QTRY_VERIFY(model.canFetchMore({}) || expected == total);
        if (expected == total && total % pageSize != 0)
            QVERIFY(!model.canFetchMore({}));
    }
    QCOMPARE(model.rowCount(), total);
    QCOMPARE(shownIds(model), ids); // newest first, nothing twice, nothing missing
}

void tst_HistoryModel::pagingUnderModelTester()
{
    TestDatabase database;
    QList<qint64> ids = database.insertMany(130);
    std::reverse(ids.begin(), ids.end());
    AsyncStore store;
    openAndWait(store, database.path());
    HistoryModel model(&store);
    model.setPageSize(20);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QDeadlineTimer deadline(10000);
    while (model.rowCount() < 130 && !deadline.hasExpired()) {
        if (model.canFetchMore({}))
            model.fetchMore({});
        QTest::qWait(5);
    }
    QCOMPARE(model.rowCount(), 130);
    QTRY_VERIFY(!model.canFetchMore({}));
    QCOMPARE(shownIds(model), ids);
}

void tst_HistoryModel::liveInsertion_data()
{
    QTest::addColumn<int>("initial");
    QTest::addColumn<int>("added");
    QTest::newRow("into an empty list") << 0 << 1;
    QTest::newRow("one on top of a few") << 3 << 1;
    QTest::newRow("a burst on top of a page") << 250 << 40;
}

void tst_HistoryModel::liveInsertion()
{
    QFETCH(int, initial);
    QFETCH(int, added);
    TestDatabase database;
    database.insertMany(initial);

    AsyncStore store;
    openAndWait(store, database.path());
    HistoryModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(model.isLoaded());
    const int before = model.rowCount();
    const qint64 previousTop = before > 0 ? model.summary(0).id : 0;

    QSignalSpy resets(&model, &HistoryModel::modelAboutToBeReset);
    QSignalSpy inserted(&model, &HistoryModel::rowsInserted);
    QList<qint64> newIds = database.insertMany(added);
    store.checkForChanges();
    QTRY_VERIFY(model.rowCount() > 0 && model.summary(0).id == newIds.last());

    // The model tester may page in older rows at the bottom meanwhile; the new ones all go on
    // top, in insertions at row 0, never through a reset.
    QCOMPARE(resets.count(), 0);
    int insertedOnTop = 0;
    for (const QList<QVariant> &arguments : inserted) {
        if (arguments.at(1).toInt() == 0)
            insertedOnTop += arguments.at(2).toInt() - arguments.at(1).toInt() + 1;
    }
    QCOMPARE(insertedOnTop, added);
    QVERIFY(model.rowCount() >= before + added);
    QCOMPARE(model.summary(added - 1).id, newIds.first());
    if (before > 0)
        QCOMPARE(model.summary(added).id, previousTop);
}

void tst_HistoryModel::liveBurstBeyondBatchPagesForward()
{
    TestDatabase database;
    QList<qint64> ids = database.insertMany(3);
    AsyncStore store;
    openAndWait(store, database.path());
    HistoryModel model(&store); // no model tester: it would fetch every older page
    QTRY_VERIFY(model.isLoaded());

    // More than one live batch at once: it comes in batches, with no gap and no reset, so
    // the selection survives.
    ids += database.insertMany(HistoryModel::liveBatchSize * 2 + 5);
    std::reverse(ids.begin(), ids.end());
    QSignalSpy resets(&model, &HistoryModel::modelReset);
    QSignalSpy inserted(&model, &HistoryModel::rowsInserted);
    store.checkForChanges();
    QTRY_COMPARE(model.rowCount(), static_cast<int>(ids.size()));
    QCOMPARE(shownIds(model), ids);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(inserted.count(), 3);
}

void tst_HistoryModel::filter_data()
{
    QTest::addColumn<int>("scope"); // 0 all, 1 inbox, 2 first endpoint
    QTest::addColumn<int>("expected");
    QTest::newRow("all") << 0 << 6;
    QTest::newRow("inbox") << 1 << 1;
    QTest::newRow("endpoint") << 2 << 3;
}

void tst_HistoryModel::filter()
{
    QFETCH(int, scope);
    QFETCH(int, expected);
    TestDatabase database;
    const Endpoint github = database.addEndpoint(u"github"_s, u"/hooks/github"_s);
    const Endpoint stripe = database.addEndpoint(u"stripe"_s, u"/hooks/stripe"_s);
    database.insertMany(1);
    database.insertMany(3, github.id);
    database.insertMany(2, stripe.id);

    AsyncStore store;
    openAndWait(store, database.path());
    HistoryModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(model.isLoaded());

    const DeliveryFilter filter = scope == 0   ? DeliveryFilter::all()
                                  : scope == 1 ? DeliveryFilter::inbox()
                                               : DeliveryFilter::endpoint(github.id);
    QSignalSpy resets(&model, &HistoryModel::modelReset);
    model.setFilter(filter);
    QCOMPARE(resets.count(), 1);
    QTRY_VERIFY(model.isLoaded());
    QCOMPARE(model.rowCount(), expected);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString endpoint = model.index(row, HistoryModel::EndpointColumn).data().toString();
        if (scope == 1)
            QCOMPARE(endpoint, u"Inbox"_s);
        if (scope == 2)
            QCOMPARE(endpoint, u"github"_s);
    }

    // Live rows that do not match the filter stay out.
    database.insertMany(2, stripe.id);
    const QList<qint64> matching = database.insertMany(1, github.id);
    store.checkForChanges();
    const int grown = expected + (scope == 1 ? 0 : 1) + (scope == 0 ? 2 : 0);
    QTRY_COMPARE(model.rowCount(), grown);
    if (scope != 1)
        QCOMPARE(model.summary(0).id, matching.first());
}

void tst_HistoryModel::rejectedRowsAreMarked()
{
    TestDatabase database;
    database.insert({makeDelivery("POST", "/ok"),
                     makeDelivery("GARBAGE", "/bad", std::nullopt, DeliveryState::Rejected,
                                  u"malformed request line"_s)});
    AsyncStore store;
    openAndWait(store, database.path());
    HistoryModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model.rowCount(), 2);

    const QModelIndex rejected = model.index(0, HistoryModel::PathColumn);
    const QModelIndex stored = model.index(1, HistoryModel::PathColumn);
    QCOMPARE(rejected.data().toString(), u"/bad"_s);
    QCOMPARE(rejected.data(HistoryModel::StateRole).value<DeliveryState>(),
             DeliveryState::Rejected);
    QVERIFY(rejected.data(Qt::ToolTipRole).toString().contains(u"malformed request line"_s));
    QVERIFY(rejected.data(Qt::ForegroundRole).isValid());
    QVERIFY(!model.index(0, HistoryModel::TimeColumn).data(Qt::DecorationRole).isNull());
    QVERIFY(!stored.data(Qt::ForegroundRole).isValid());
    QCOMPARE(model.index(1, HistoryModel::MethodColumn).data().toString(), u"POST"_s);
    QCOMPARE(model.index(1, HistoryModel::StatusColumn).data().toString(), u"200"_s);
    QCOMPARE(model.index(1, HistoryModel::ContentTypeColumn).data().toString(),
             u"application/json"_s);
}

void tst_HistoryModel::verificationColumnAndFilter_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("shownBadges"); // newest first
    QTest::newRow("all") << QString()
                         << QStringList{QString(), u"not configured"_s, u"✗ invalid"_s,
                                        u"✓ valid"_s};
    QTest::newRow("valid") << u"valid"_s << QStringList{u"✓ valid"_s};
    QTest::newRow("invalid") << u"invalid"_s << QStringList{u"✗ invalid"_s};
    QTest::newRow("not configured") << u"not-configured"_s << QStringList{u"not configured"_s};
    QTest::newRow("unchecked") << u"unchecked"_s << QStringList{QString()};
}

void tst_HistoryModel::verificationColumnAndFilter()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, shownBadges);
    TestDatabase database;
    const Endpoint github = database.addEndpoint(u"github"_s, u"/hooks/github"_s);
    QList<Delivery> deliveries;
    for (const QString &outcome : {u"valid"_s, u"invalid"_s, u"not-configured"_s, QString()}) {
        Delivery delivery = makeDelivery("POST", "/hooks/github", github.id);
        if (!outcome.isEmpty()) {
            delivery.verification = {outcome, outcome == u"valid"_s ? u"none"_s : u"body-changed"_s,
                                     u"github"_s, u"explained"_s};
        }
        deliveries.append(delivery);
    }
    database.insert(deliveries);

    AsyncStore store;
    openAndWait(store, database.path());
    HistoryModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    DeliveryFilter deliveryFilter = DeliveryFilter::endpoint(github.id);
    deliveryFilter.verification = filter;
    model.setFilter(deliveryFilter);
    QTRY_VERIFY(model.isLoaded());
    QStringList badges;
    for (int row = 0; row < model.rowCount(); ++row)
        badges << model.index(row, HistoryModel::VerificationColumn).data().toString();
    QCOMPARE(badges, shownBadges);
    QCOMPARE(model.headerData(HistoryModel::VerificationColumn, Qt::Horizontal).toString(),
             u"Signature"_s);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex badge = model.index(row, HistoryModel::VerificationColumn);
        QVERIFY(!badge.data(Qt::ToolTipRole).toString().isEmpty());
        // Valid and invalid are coloured, and not alike.
        if (model.summary(row).verificationOutcome == u"invalid"_s) {
            QVERIFY(badge.data(Qt::ToolTipRole).toString().contains(u"Signature tab"_s));
            QCOMPARE(badge.data(Qt::ForegroundRole).value<QBrush>().color(),
                     QColor(0xe0, 0x4f, 0x3f));
        }
        if (model.summary(row).verificationOutcome == u"valid"_s) {
            QCOMPARE(badge.data(Qt::ForegroundRole).value<QBrush>().color(),
                     QColor(0x2e, 0x9d, 0x4f));
        }
    }
}

QTEST_MAIN(tst_HistoryModel)
#include "tst_history_model.moc"
