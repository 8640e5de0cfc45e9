#include "retry_policy.h"

#include <QRandomGenerator>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace hookbench {

std::optional<std::chrono::milliseconds>
RetryPolicy::delayAfter(const RetrySchedule &schedule, int attemptsMade, int status,
                        QByteArrayView retryAfter, const QDateTime &now, double jitter,
                        QRandomGenerator &random)
{
    if (attemptsMade < 1 || attemptsMade > schedule.size())
        return std::nullopt;
    if (status == 429 || status == 503) {
        if (const auto asked = parseRetryAfter(retryAfter, now))
            return *asked;
    }
    const std::chrono::milliseconds delay = schedule.at(attemptsMade - 1);
    const auto spread = static_cast<qint64>(static_cast<double>(delay.count()) * jitter);
    return spread > 0 ? delay + std::chrono::milliseconds(random.bounded(spread + 1)) : delay;
}

std::optional<std::chrono::milliseconds> RetryPolicy::parseRetryAfter(QByteArrayView value,
                                                                      const QDateTime &now)
{
    const QByteArray text = value.toByteArray().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = text.toLongLong(&ok);
    if (ok)
        return seconds >= 0 ? std::optional(std::chrono::milliseconds(seconds * 1000))
                            : std::nullopt;
    // HTTP writes IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT"; Qt's RFC 2822 reader wants the
    // zone as an offset.
    QString date = QString::fromLatin1(text);
    if (date.endsWith(u" GMT"))
        date = date.chopped(3) + u"+0000"_s;
    const QDateTime when = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    return std::chrono::milliseconds(std::max<qint64>(0, now.msecsTo(when)));
}

} // namespace hookbench
