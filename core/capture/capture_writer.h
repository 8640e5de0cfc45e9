#pragma once

#include "store/database.h"
#include "store/delivery_store.h"
#include "store/endpoint_store.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QTimer>

namespace hookbench {

// Lives on the store thread and writes captured requests with group commit: whatever queued up
// while the previous transaction ran goes into the next one. Under load that is one fsync-free
// WAL commit for dozens of requests; idle, a request is written as soon as it arrives.
class CaptureWriter : public QObject
{
    Q_OBJECT

public:
    explicit CaptureWriter(QObject *parent = nullptr);

    // Thread-safe: called on the network thread. `startedNs` (steadyNowNs() at the request's
    // first byte) lets the row record its processing time up to the write.
    void enqueue(quint64 ticket, Delivery delivery, qint64 startedNs);

    // Called on the store thread (queued).
    void open(const QString &location);
    void flush();
    void close();

signals:
    void opened(const QList<hookbench::Endpoint> &endpoints, hookbench::UnknownPathPolicy policy);
    void openFailed(const QString &error);
    // ids[i] belongs to tickets[i]; on failure ids is empty and error says why.
    void committed(const QList<quint64> &tickets, const QList<qint64> &ids, const QString &error);
    void endpointsChanged(const QList<hookbench::Endpoint> &endpoints,
                          hookbench::UnknownPathPolicy policy);

private:
    void checkEndpoints();

    Database m_database;
    DeliveryStore m_deliveries{m_database};
    EndpointStore m_endpoints{m_database};
    QTimer m_endpointPoll{this}; // a child, so it moves to the store thread with us
    qint64 m_endpointRevision = -1;

    QMutex m_mutex;
    QList<quint64> m_queuedTickets;
    QList<Delivery> m_queued;
    QList<qint64> m_queuedStarts;
    bool m_flushScheduled = false;
};

} // namespace hookbench
