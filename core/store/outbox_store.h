#pragma once

#include "delivery.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

namespace hookbench {

class Database;

// One event on its way to one subscription (Compass's WebhookData): written before anything is
// sent, so a restart or a crash resumes it. The payload is already shaped for the subscription.
struct OutboxMessage
{
    qint64 id = 0;
    qint64 subscriptionId = 0;
    QString eventType;
    QByteArray payload;
    QByteArray contentType;
    MessageState state = MessageState::Pending;
    int attempts = 0;
    qint64 nextAttemptAtMs = 0;
    QString lastError;
    qint64 createdAtMs = 0;

    friend bool operator==(const OutboxMessage &, const OutboxMessage &) = default;
};

// Every SQL statement about the outbox (the messages table).
class OutboxStore
{
    Q_DECLARE_TR_FUNCTIONS(OutboxStore)

public:
    explicit OutboxStore(Database &database);

    // All or none, in one transaction; fills in ids and creation times.
    bool enqueue(QList<OutboxMessage> &messages);
    std::optional<OutboxMessage> message(qint64 id) const;
    // One subscription's pending messages due at `nowMs`, soonest first, without payloads
    // (message() has them): the engine asks this after every finished attempt.
    QList<OutboxMessage> due(qint64 subscriptionId, qint64 nowMs, int limit) const;
    // When the next pending message falls due; nullopt when none is pending.
    std::optional<qint64> nextDueAt() const;
    // Moves messages being sent out of due()'s way until `untilMs`: if the process dies
    // mid-request, they come back then.
    bool lease(const QList<qint64> &ids, qint64 untilMs);
    // After an attempt: the new state, attempt count, next time and error.
    bool update(const OutboxMessage &message);
    // A removed subscription's pending messages will never go out: failed, with the reason.
    bool failPending(qint64 subscriptionId, const QString &reason);
    qint64 count(std::optional<MessageState> state,
                 std::optional<qint64> subscriptionId = std::nullopt) const;

    QString errorString() const { return m_error; }

private:
    Database &m_database;
    mutable QString m_error;
};

} // namespace hookbench
