#pragma once

#include "delivery.h"

#include <QCoreApplication>
#include <QList>
#include <optional>

namespace hookbench {

class Database;

// Every SQL statement about deliveries. Works on the Database of the calling thread.
class DeliveryStore
{
    Q_DECLARE_TR_FUNCTIONS(DeliveryStore)

public:
    explicit DeliveryStore(Database &database);

    // Writes all of them in one transaction (group commit) and fills in their ids. Either all
    // are stored or none is; on failure errorString() says why.
    bool insert(QList<Delivery> &deliveries);

    std::optional<Delivery> delivery(qint64 id) const;

    // Newest first. A keyset page: rows with an id below `beforeId` (0: from the newest).
    QList<DeliverySummary> page(const DeliveryFilter &filter, qint64 beforeId, int limit) const;
    // The first `limit` rows that arrived after `afterId`, oldest first: a live view pages
    // forward from what it shows, so a burst larger than one batch leaves no gap.
    QList<DeliverySummary> newerThan(const DeliveryFilter &filter, qint64 afterId, int limit) const;
    // Earlier deliveries that carried the same sender id: the replay-attack warning.
    QList<qint64> earlierWithSenderId(const QByteArray &senderDeliveryId, qint64 beforeId,
                                      int limit = 10) const;
    // The attempts made for an outbox message, first attempt first, with bytes and responses.
    QList<Delivery> attemptsOf(qint64 messageId) const;
    qint64 latestId() const;
    qint64 count(const DeliveryFilter &filter) const;

    QString errorString() const { return m_error; }

private:
    Database &m_database;
    mutable QString m_error;
};

} // namespace hookbench
