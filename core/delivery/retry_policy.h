#pragma once

#include "subscription.h"

#include <QByteArrayView>
#include <QDateTime>
#include <chrono>
#include <optional>

class QRandomGenerator;

namespace hookbench {

// When to try a message again after a failed attempt, or not at all.
class RetryPolicy
{
public:
    // attemptsMade counts the attempt that just failed (1 after the first). The schedule's
    // delay grows by up to `jitter` of itself (0.1: up to 10 % later) so that retries of many
    // messages do not hit a recovering target all at once. On 429 and 503 a Retry-After header
    // replaces the schedule's delay. nullopt: the schedule is used up, the message failed.
    static std::optional<std::chrono::milliseconds> delayAfter(const RetrySchedule &schedule,
                                                               int attemptsMade, int status,
                                                               QByteArrayView retryAfter,
                                                               const QDateTime &now, double jitter,
                                                               QRandomGenerator &random);

    // RFC 9110 §10.2.3: delay-seconds or an HTTP-date, relative to now; nullopt when neither.
    static std::optional<std::chrono::milliseconds> parseRetryAfter(QByteArrayView value,
                                                                    const QDateTime &now);
};

} // namespace hookbench
