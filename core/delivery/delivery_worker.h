#pragma once

#include "delivery_engine_config.h"
#include "message_router.h"
#include "store/database.h"
#include "store/delivery.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace hookbench {

class DeliveryStore;
class OutboxStore;
class SubscriptionStore;

// The delivery engine's worker: lives on the engine's thread with its own database connection
// and network access manager. DeliveryEngine is its only user.
class DeliveryWorker : public QObject
{
    Q_OBJECT

public:
    explicit DeliveryWorker(DeliveryEngineConfig config);
    ~DeliveryWorker() override;

    // On the worker thread: opens the store and resumes the pending messages. The error or "".
    QString open();
    RouteResult fire(const QString &eventType, const QByteArray &payload,
                     const QByteArray &contentType);
    // Aborts what is in flight (those messages stay pending, due at once) and closes the store.
    void shutdown();

signals:
    void attemptFinished(qint64 messageId, int attempt, int status, const QString &error);
    void messageSettled(qint64 messageId, hookbench::MessageState state);
    void subscriptionFailing(qint64 subscriptionId, const QString &name, int failureStreak);
    void subscriptionDisabled(qint64 subscriptionId, const QString &name, int failureStreak);
    void warning(const QString &message);

private:
    struct Flight
    {
        OutboxMessage message;
        Delivery attempt;
        QElapsedTimer clock;
    };

    void schedulePump();
    void pump();
    // A copy: the cache may be refreshed while the caller still needs it.
    std::optional<Subscription> subscription(qint64 id);
    bool send(const OutboxMessage &message, const Subscription &subscription);
    void onFinished(QNetworkReply *reply);
    void settle(OutboxMessage message, Delivery attempt, const QByteArray &retryAfter);
    void countFailure(qint64 subscriptionId);

    DeliveryEngineConfig m_config;
    Database m_database;
    std::unique_ptr<SubscriptionStore> m_subscriptions;
    std::unique_ptr<OutboxStore> m_outbox;
    std::unique_ptr<DeliveryStore> m_deliveries;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QTimer> m_wake;
    QList<Subscription> m_active; // what pump() sends for; refreshed every poll interval
    QHash<qint64, std::optional<Subscription>> m_subscriptionCache;
    QElapsedTimer m_sinceCacheRefresh;
    QHash<qint64, int> m_inFlight; // per subscription
    QHash<QNetworkReply *, Flight> m_flights;
    QRandomGenerator m_random;
    bool m_pumpQueued = false;
};

} // namespace hookbench
