#include "outbox_store.h"

#include "database.h"
#include "sql_values.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {

const QString columns = u"id, subscription_id, event_type, payload, content_type, state, "
                        "attempts, next_attempt_at, last_error, created_at"_s;
// due() runs after every finished attempt: it reads no payloads, which are read one by one when
// sent.
const QString columnsWithoutPayload = u"id, subscription_id, event_type, x'', content_type, "
                                      "state, attempts, next_attempt_at, last_error, created_at"_s;

OutboxMessage readMessage(const QSqlQuery &query)
{
    OutboxMessage message;
    message.id = query.value(0).toLongLong();
    message.subscriptionId = query.value(1).toLongLong();
    message.eventType = query.value(2).toString();
    message.payload = query.value(3).toByteArray();
    message.contentType = query.value(4).toString().toLatin1();
    message.state = static_cast<MessageState>(query.value(5).toInt());
    message.attempts = query.value(6).toInt();
    message.nextAttemptAtMs = query.value(7).toLongLong();
    message.lastError = query.value(8).toString();
    message.createdAtMs = query.value(9).toLongLong();
    return message;
}

} // namespace

OutboxStore::OutboxStore(Database &database)
    : m_database(database)
{}

bool OutboxStore::enqueue(QList<OutboxMessage> &messages)
{
    QSqlDatabase db = m_database.connection();
    if (!db.transaction()) {
        m_error = tr("Cannot start a transaction: %1").arg(db.lastError().text());
        return false;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery query(db);
    query.prepare(u"INSERT INTO messages (subscription_id, event_type, payload, content_type, "
                  "state, attempts, next_attempt_at, last_error, created_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (OutboxMessage &message : messages) {
        message.createdAtMs = now;
        if (message.nextAttemptAtMs == 0)
            message.nextAttemptAtMs = now;
        query.addBindValue(message.subscriptionId);
        query.addBindValue(sql::text(message.eventType));
        query.addBindValue(sql::blob(message.payload));
        query.addBindValue(sql::text(message.contentType));
        query.addBindValue(static_cast<int>(message.state));
        query.addBindValue(message.attempts);
        query.addBindValue(message.nextAttemptAtMs);
        query.addBindValue(sql::text(message.lastError));
        query.addBindValue(message.createdAtMs);
        if (!query.exec()) {
            m_error = tr("Cannot store a message: %1").arg(query.lastError().text());
            db.rollback();
            return false;
        }
        message.id = query.lastInsertId().toLongLong();
    }
    if (!db.commit()) {
        m_error = tr("Cannot commit messages: %1").arg(db.lastError().text());
        db.rollback();
        return false;
    }
    return true;
}

std::optional<OutboxMessage> OutboxStore::message(qint64 id) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT "_s + columns + u" FROM messages WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec() || !query.next()) {
        m_error = query.lastError().isValid()
                          ? tr("Cannot read message %1: %2").arg(id).arg(query.lastError().text())
                          : tr("There is no message with id %1.").arg(id);
        return std::nullopt;
    }
    return readMessage(query);
}

QList<OutboxMessage> OutboxStore::due(qint64 subscriptionId, qint64 nowMs, int limit) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(u"SELECT "_s + columnsWithoutPayload
                  + u" FROM messages WHERE subscription_id = ? AND state = 0 "
                    "AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?"_s);
    query.addBindValue(subscriptionId);
    query.addBindValue(nowMs);
    query.addBindValue(limit);
    QList<OutboxMessage> messages;
    if (!query.exec()) {
        m_error = tr("Cannot read the outbox: %1").arg(query.lastError().text());
        return messages;
    }
    while (query.next())
        messages.append(readMessage(query));
    return messages;
}

std::optional<qint64> OutboxStore::nextDueAt() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(u"SELECT min(next_attempt_at) FROM messages WHERE state = 0"_s) || !query.next()
        || query.isNull(0))
        return std::nullopt;
    return query.value(0).toLongLong();
}

bool OutboxStore::lease(const QList<qint64> &ids, qint64 untilMs)
{
    if (ids.isEmpty())
        return true;
    QSqlDatabase db = m_database.connection();
    if (!db.transaction()) {
        m_error = tr("Cannot start a transaction: %1").arg(db.lastError().text());
        return false;
    }
    QSqlQuery query(db);
    query.prepare(u"UPDATE messages SET next_attempt_at = ? WHERE id = ? AND state = 0"_s);
    for (const qint64 id : ids) {
        query.addBindValue(untilMs);
        query.addBindValue(id);
        if (!query.exec()) {
            m_error = tr("Cannot lease a message: %1").arg(query.lastError().text());
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        m_error = tr("Cannot commit the lease: %1").arg(db.lastError().text());
        db.rollback();
        return false;
    }
    return true;
}

bool OutboxStore::update(const OutboxMessage &message)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"UPDATE messages SET state = ?, attempts = ?, next_attempt_at = ?, "
                  "last_error = ? WHERE id = ?"_s);
    query.addBindValue(static_cast<int>(message.state));
    query.addBindValue(message.attempts);
    query.addBindValue(message.nextAttemptAtMs);
    query.addBindValue(sql::text(message.lastError));
    query.addBindValue(message.id);
    if (!query.exec()) {
        m_error = tr("Cannot update message %1: %2").arg(message.id).arg(query.lastError().text());
        return false;
    }
    return true;
}

bool OutboxStore::failPending(qint64 subscriptionId, const QString &reason)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"UPDATE messages SET state = 2, last_error = ? "
                  "WHERE subscription_id = ? AND state = 0"_s);
    query.addBindValue(sql::text(reason));
    query.addBindValue(subscriptionId);
    if (!query.exec()) {
        m_error = tr("Cannot fail the pending messages: %1").arg(query.lastError().text());
        return false;
    }
    return true;
}

qint64 OutboxStore::count(std::optional<MessageState> state,
                          std::optional<qint64> subscriptionId) const
{
    QStringList conditions;
    if (state)
        conditions << u"state = ?"_s;
    if (subscriptionId)
        conditions << u"subscription_id = ?"_s;
    QSqlQuery query(m_database.connection());
    query.prepare(
            u"SELECT count(*) FROM messages"_s
            + (conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(u" AND "_s)));
    if (state)
        query.addBindValue(static_cast<int>(*state));
    if (subscriptionId)
        query.addBindValue(*subscriptionId);
    if (!query.exec() || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

} // namespace hookbench
