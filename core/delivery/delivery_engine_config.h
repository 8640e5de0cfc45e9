#pragma once

#include "store/secret_vault.h"

#include <QString>
#include <chrono>

namespace hookbench {

struct DeliveryEngineConfig
{
    QString databaseLocation;
    // Requests in flight to one subscription at most: a slow target is not flooded, and one
    // subscription cannot use up the sender.
    int maxConcurrencyPerSubscription = 4;
    // How often the outbox is read for messages written by another process (`fire` while
    // `serve` runs) and subscription changes are picked up.
    std::chrono::milliseconds pollInterval{1000};
    double jitter = 0.1; // see RetryPolicy::delayAfter
    SecretVault::Choice secrets = SecretVault::choiceFromEnvironment();
};

} // namespace hookbench
