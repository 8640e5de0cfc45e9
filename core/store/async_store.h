#pragma once

#include "delivery.h"
#include "endpoint.h"
#include "secret_vault.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <functional>
#include <memory>
#include <optional>

namespace hookbench {

class StoreWorker;

// The store as the GUI sees it: every query runs on a thread of its own and the answer comes
// back to `context`'s thread through a callback, so no SQL ever runs on the GUI thread. It also
// watches the file, so deliveries written by another process (`hookbench-cli serve`) or by the
// in-process receiver show up live through deliveriesAdded().
class AsyncStore : public QObject
{
    Q_OBJECT

public:
    explicit AsyncStore(QObject *parent = nullptr);
    ~AsyncStore() override;

    // Opens (and migrates) the database on the worker thread; opened() or failed() follows.
    void open(const QString &location);
    QString location() const { return m_location; }

    void fetchPage(const DeliveryFilter &filter, qint64 beforeId, int limit, QObject *context,
                   std::function<void(QList<DeliverySummary>)> done);
    void fetchNewer(const DeliveryFilter &filter, qint64 afterId, int limit, QObject *context,
                    std::function<void(QList<DeliverySummary>)> done);
    void fetchDelivery(qint64 id, QObject *context,
                       std::function<void(std::optional<Delivery>, QString error)> done);
    void fetchEndpoints(QObject *context, std::function<void(QList<Endpoint>)> done);
    // Earlier deliveries that carried `senderDeliveryId`, newest first: the replay warning.
    void fetchEarlierWithSenderId(const QByteArray &senderDeliveryId, qint64 beforeId,
                                  QObject *context, std::function<void(QList<qint64>)> done);
    void fetchCount(const DeliveryFilter &filter, QObject *context,
                    std::function<void(qint64)> done);
    // Where new secrets go, as a sentence for the UI. Asking may wait for the keychain, which
    // is why it is asked here and not on the GUI thread.
    void fetchSecretBackendDescription(QObject *context, std::function<void(QString)> done);
    // Where one endpoint's secret is kept (nullopt: it has none), with that place described.
    void
    fetchEndpointSecretBackend(qint64 endpointId, QObject *context,
                               std::function<void(std::optional<SecretBackend>, QString)> done);

    // Endpoint edits; `done` gets the stored endpoint or an error message.
    void addEndpoint(const Endpoint &endpoint, QObject *context,
                     std::function<void(std::optional<Endpoint>, QString error)> done);
    void updateEndpoint(const Endpoint &endpoint, QObject *context,
                        std::function<void(bool ok, QString error)> done);
    void removeEndpoint(qint64 id, QObject *context,
                        std::function<void(bool ok, QString error)> done);
    void fetchUnknownPathPolicy(QObject *context, std::function<void(UnknownPathPolicy)> done);
    void setUnknownPathPolicy(UnknownPathPolicy policy);

    // Looks for changes now instead of at the next poll (the receiver calls it after a commit).
    void checkForChanges();

signals:
    void opened();
    void failed(const QString &error);
    // The newest delivery id grew: views fetch what is newer than what they show.
    void deliveriesAdded(qint64 latestId);
    void endpointsChanged();

private:
    QString m_location;
    QThread m_thread;
    QPointer<StoreWorker> m_worker;
};

} // namespace hookbench
