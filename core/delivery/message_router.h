#pragma once

#include "store/outbox_store.h"
#include "subscription.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace hookbench {

// Why one subscription does or does not get an event: what the Fire dialog and `fire` show.
struct RouteDecision
{
    enum class Outcome { Matched, Disabled, OtherEventType, ConditionFalse, Unusable };

    qint64 subscriptionId = 0;
    QString subscriptionName;
    Outcome outcome = Outcome::Matched;
    QStringList reasons; // the condition's explanation, or why the payload cannot be used
};

struct RouteResult
{
    QList<OutboxMessage> messages;  // one per matched subscription, payload already shaped
    QList<RouteDecision> decisions; // one per subscription, in the order given
};

// Turns a fired event into outbox messages: a subscription takes it when it is enabled, one of
// its event types matches, and its condition holds for the payload. Each message carries the
// payload as that subscription sends it: cut down to its payload fields and in its body format.
// JSON and form payloads are understood; any other payload goes out unchanged to subscriptions
// without a condition or field list.
class MessageRouter
{
    Q_DECLARE_TR_FUNCTIONS(MessageRouter)

public:
    static RouteResult route(const QList<Subscription> &subscriptions, const QString &eventType,
                             const QByteArray &payload, const QByteArray &contentType);
};

} // namespace hookbench
