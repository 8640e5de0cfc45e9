#pragma once

#include "delivery_engine_config.h"
#include "message_router.h"
#include "store/delivery.h"

#include <QObject>
#include <QThread>
#include <memory>

namespace hookbench {

class DeliveryWorker;

// Reliable outgoing delivery. A fired event becomes one outbox message per matching
// subscription, written before anything is sent; the engine then sends them with
// QNetworkAccessManager on its own thread, a bounded number at a time per subscription,
// retrying on the subscription's schedule (with jitter; Retry-After on 429 and 503) until a
// 2xx (delivered) or the end of the schedule (failed). Every attempt is recorded as an outgoing
// delivery with the exact bytes sent and the response. Pending messages survive a restart:
// start() resumes them. The GUI owns one, `hookbench-cli serve` owns one.
class DeliveryEngine : public QObject
{
    Q_OBJECT

public:
    explicit DeliveryEngine(DeliveryEngineConfig config, QObject *parent = nullptr);
    ~DeliveryEngine() override;

    // Opens the store on the engine's thread and resumes pending messages.
    bool start();
    // Interrupted requests stay pending and go out first on the next start.
    void stop();
    bool isRunning() const { return m_worker != nullptr; }
    QString errorString() const { return m_error; }

    // Routes and enqueues (waits for the outbox write, never for the network). The messages
    // carry their ids; the decisions say why each subscription did or did not match.
    RouteResult fire(const QString &eventType, const QByteArray &payload,
                     const QByteArray &contentType);

signals:
    void attemptFinished(qint64 messageId, int attempt, int status, const QString &error);
    void messageSettled(qint64 messageId, hookbench::MessageState state);
    // Failed messages in a row reached Subscription::flagAfterFailures.
    void subscriptionFailing(qint64 subscriptionId, const QString &name, int failureStreak);
    // The subscription's own threshold was reached and it was disabled: worth a notification.
    void subscriptionDisabled(qint64 subscriptionId, const QString &name, int failureStreak);
    void warning(const QString &message);

private:
    DeliveryEngineConfig m_config;
    QThread m_thread;
    DeliveryWorker *m_worker = nullptr;
    QString m_error;
};

} // namespace hookbench
