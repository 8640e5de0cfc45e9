#include "async_store.h"

#include "database.h"
#include "delivery_store.h"
#include "endpoint_store.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace hookbench {

// Lives on AsyncStore's thread; owns that thread's connection.
class StoreWorker : public QObject
{
    Q_OBJECT

public:
    Database database;
    DeliveryStore deliveries{database};
    EndpointStore endpoints{database};
    qint64 latestId = -1;
    qint64 endpointRevision = -1;
    QTimer pollTimer{this};

    void open(const QString &location)
    {
        if (!database.open(location)) {
            emit failed(database.errorString());
            return;
        }
        latestId = deliveries.latestId();
        endpointRevision = endpoints.revision();
        // Another process may write the file: a cheap max(id) a few times a second is what
        // keeps the history live without a notification channel between processes.
        pollTimer.setInterval(250);
        connect(&pollTimer, &QTimer::timeout, this, &StoreWorker::checkForChanges);
        pollTimer.start();
        emit opened();
    }

    void checkForChanges()
    {
        if (!database.isOpen())
            return;
        const qint64 latest = deliveries.latestId();
        if (latest != latestId) {
            latestId = latest;
            emit deliveriesAdded(latest);
        }
        const qint64 revision = endpoints.revision();
        if (revision != endpointRevision) {
            endpointRevision = revision;
            emit endpointsChanged();
        }
    }

signals:
    void opened();
    void failed(const QString &error);
    void deliveriesAdded(qint64 latestId);
    void endpointsChanged();
};

namespace {
// Runs `work` on the worker's thread, then `deliver` with its result on `context`'s thread.
template<typename Work, typename Deliver>
void runOnWorker(StoreWorker *worker, QObject *context, Work work, Deliver deliver)
{
    if (!worker)
        return;
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
            worker,
            [worker, guard, work = std::move(work), deliver = std::move(deliver)]() mutable {
                auto result = work(*worker);
                if (!guard)
                    return;
                QMetaObject::invokeMethod(
                        guard.data(),
                        [result = std::move(result), deliver = std::move(deliver)]() mutable {
                            std::apply(deliver, std::move(result));
                        },
                        Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
}
} // namespace

AsyncStore::AsyncStore(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(u"hookbench-store"_s);
    auto *worker = new StoreWorker; // owned by the thread: deleted on its finished()
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &StoreWorker::opened, this, &AsyncStore::opened);
    connect(worker, &StoreWorker::failed, this, &AsyncStore::failed);
    connect(worker, &StoreWorker::deliveriesAdded, this, &AsyncStore::deliveriesAdded);
    connect(worker, &StoreWorker::endpointsChanged, this, &AsyncStore::endpointsChanged);
    m_worker = worker;
    m_thread.start();
}

AsyncStore::~AsyncStore()
{
    m_thread.quit();
    m_thread.wait();
}

void AsyncStore::open(const QString &location)
{
    m_location = location;
    QMetaObject::invokeMethod(
            m_worker.data(), [worker = m_worker.data(), location] { worker->open(location); },
            Qt::QueuedConnection);
}

void AsyncStore::fetchPage(const DeliveryFilter &filter, qint64 beforeId, int limit,
                           QObject *context, std::function<void(QList<DeliverySummary>)> done)
{
    runOnWorker(
            m_worker.data(), context,
            [filter, beforeId, limit](StoreWorker &worker) {
                return std::tuple(worker.deliveries.page(filter, beforeId, limit));
            },
            std::move(done));
}

void AsyncStore::fetchNewer(const DeliveryFilter &filter, qint64 afterId, int limit,
                            QObject *context, std::function<void(QList<DeliverySummary>)> done)
{
    runOnWorker(
            m_worker.data(), context,
            [filter, afterId, limit](StoreWorker &worker) {
                return std::tuple(worker.deliveries.newerThan(filter, afterId, limit));
            },
            std::move(done));
}

void AsyncStore::fetchDelivery(qint64 id, QObject *context,
                               std::function<void(std::optional<Delivery>, QString)> done)
{
    runOnWorker(
            m_worker.data(), context,
            [id](StoreWorker &worker) {
                std::optional<Delivery> delivery = worker.deliveries.delivery(id);
                return std::tuple(delivery, delivery ? QString() : worker.deliveries.errorString());
            },
            std::move(done));
}

void AsyncStore::fetchEndpoints(QObject *context, std::function<void(QList<Endpoint>)> done)
{
    runOnWorker(
            m_worker.data(), context,
            [](StoreWorker &worker) { return std::tuple(worker.endpoints.endpoints()); },
            std::move(done));
}

void AsyncStore::fetchEarlierWithSenderId(const QByteArray &senderDeliveryId, qint64 beforeId,
                                          QObject *context, std::function<void(QList<qint64>)> done)
{
    runOnWorker(
            m_worker.data(), context,
            [senderDeliveryId, beforeId](StoreWorker &worker) {
                return std::tuple(
                        worker.deliveries.earlierWithSenderId(senderDeliveryId, beforeId));
            },
            std::move(done));
}

void AsyncStore::fetchCount(const DeliveryFilter &filter, QObject *context,
                            std::function<void(qint64)> done)
{
    runOnWorker(
            m_worker.data(), context,
            [filter](StoreWorker &worker) { return std::tuple(worker.deliveries.count(filter)); },
            std::move(done));
}

void AsyncStore::fetchSecretBackendDescription(QObject *context, std::function<void(QString)> done)
{
    runOnWorker(
            m_worker.data(), context,
            [](StoreWorker &worker) {
                return std::tuple(worker.endpoints.secretVault().backendDescription());
            },
            std::move(done));
}

void AsyncStore::fetchEndpointSecretBackend(
        qint64 endpointId, QObject *context,
        std::function<void(std::optional<SecretBackend>, QString)> done)
{
    runOnWorker(
            m_worker.data(), context,
            [endpointId](StoreWorker &worker) {
                const std::optional<SecretBackend> backend
                        = worker.endpoints.secretBackend(endpointId);
                return std::tuple(backend,
                                  backend ? worker.endpoints.secretVault().describe(*backend)
                                          : QString());
            },
            std::move(done));
}

void AsyncStore::addEndpoint(const Endpoint &endpoint, QObject *context,
                             std::function<void(std::optional<Endpoint>, QString)> done)
{
    runOnWorker(
            m_worker.data(), context,
            [endpoint](StoreWorker &worker) {
                Endpoint added = endpoint;
                const bool ok = worker.endpoints.add(added);
                if (ok)
                    worker.checkForChanges();
                return std::tuple(ok ? std::optional<Endpoint>(added) : std::nullopt,
                                  ok ? QString() : worker.endpoints.errorString());
            },
            std::move(done));
}

void AsyncStore::updateEndpoint(const Endpoint &endpoint, QObject *context,
                                std::function<void(bool, QString)> done)
{
    runOnWorker(
            m_worker.data(), context,
            [endpoint](StoreWorker &worker) {
                const bool ok = worker.endpoints.update(endpoint);
                if (ok)
                    worker.checkForChanges();
                return std::tuple(ok, ok ? QString() : worker.endpoints.errorString());
            },
            std::move(done));
}

void AsyncStore::removeEndpoint(qint64 id, QObject *context,
                                std::function<void(bool, QString)> done)
{
    runOnWorker(
            m_worker.data(), context,
            [id](StoreWorker &worker) {
                const bool ok = worker.endpoints.remove(id);
                if (ok)
                    worker.checkForChanges();
                return std::tuple(ok, ok ? QString() : worker.endpoints.errorString());
            },
            std::move(done));
}

void AsyncStore::fetchUnknownPathPolicy(QObject *context,
                                        std::function<void(UnknownPathPolicy)> done)
{
    runOnWorker(
            m_worker.data(), context,
            [](StoreWorker &worker) { return std::tuple(worker.endpoints.unknownPathPolicy()); },
            std::move(done));
}

void AsyncStore::setUnknownPathPolicy(UnknownPathPolicy policy)
{
    QMetaObject::invokeMethod(
            m_worker.data(),
            [worker = m_worker.data(), policy] {
                worker->endpoints.setUnknownPathPolicy(policy);
                worker->checkForChanges();
            },
            Qt::QueuedConnection);
}

void AsyncStore::checkForChanges()
{
    QMetaObject::invokeMethod(
            m_worker.data(), [worker = m_worker.data()] { worker->checkForChanges(); },
            Qt::QueuedConnection);
}

} // namespace hookbench

#include "async_store.moc"
