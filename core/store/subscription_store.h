#pragma once

#include "delivery/subscription.h"
#include "secret_vault.h"

#include <QCoreApplication>
#include <QList>
#include <optional>

namespace hookbench {

class Database;

// Every SQL statement about subscriptions. Secrets (the signing secret, the Basic password or
// Bearer token) go to the SecretVault as "subscription/<id>" and "subscription/<id>/auth", so
// no listing of subscriptions can leak them. Removing keeps the row (marked removed): the
// history still names the subscription its attempts went to.
class SubscriptionStore
{
    Q_DECLARE_TR_FUNCTIONS(SubscriptionStore)

public:
    explicit SubscriptionStore(Database &database,
                               SecretVault::Choice secrets = SecretVault::choiceFromEnvironment());

    // Validates, then fills in id and creation time. Fails when the name is taken.
    bool add(Subscription &subscription);
    bool update(const Subscription &subscription);
    bool remove(qint64 id);
    bool setState(qint64 id, SubscriptionState state);

    // Active subscriptions, by name, secrets loaded.
    QList<Subscription> subscriptions() const;
    // Also a removed one: its pending messages still need to know where they were going.
    std::optional<Subscription> subscription(qint64 id) const;
    std::optional<Subscription> find(const QString &name) const;

    // A failed message lengthens the streak; the new length, or nullopt on error.
    std::optional<int> recordFailure(qint64 id);
    bool resetFailures(qint64 id);

    QString errorString() const { return m_error; }

private:
    bool storeSecrets(const Subscription &subscription);
    void loadSecrets(Subscription &subscription) const;
    QList<Subscription> select(const QString &where, const QVariant &value) const;

    Database &m_database;
    SecretVault m_vault;
    mutable QString m_error;
};

} // namespace hookbench
