#include "subscription.h"

#include "condition.h"
#include "payload_fields.h"
#include "signing/scheme_registry.h"

#include <array>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace hookbench {

namespace {

template<typename Enum, std::size_t size>
QString nameOf(const std::array<std::pair<Enum, const char *>, size> &names, Enum value)
{
    for (const auto &[candidate, name] : names) {
        if (candidate == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template<typename Enum, std::size_t size>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char *>, size> &names,
                            QStringView text)
{
    for (const auto &[value, name] : names) {
        if (text == QLatin1StringView(name))
            return value;
    }
    return std::nullopt;
}

constexpr std::array presetNames = {
        std::pair{VendorPreset::None, ""},
        std::pair{VendorPreset::Compass, "compass"},
        std::pair{VendorPreset::Foundries, "foundries"},
        std::pair{VendorPreset::Remedy, "remedy"},
        std::pair{VendorPreset::StandardWebhooks, "standard-webhooks"},
};

constexpr std::array authNames = {
        std::pair{AuthKind::None, "none"},
        std::pair{AuthKind::Basic, "basic"},
        std::pair{AuthKind::Bearer, "bearer"},
};

constexpr std::array formatNames = {
        std::pair{BodyFormat::Json, "json"},
        std::pair{BodyFormat::Form, "form"},
};

} // namespace

QString vendorPresetName(VendorPreset preset)
{
    return nameOf(presetNames, preset);
}

std::optional<VendorPreset> vendorPresetFromName(QStringView name)
{
    return valueOf(presetNames, name);
}

QString authKindName(AuthKind kind)
{
    return nameOf(authNames, kind);
}

std::optional<AuthKind> authKindFromName(QStringView name)
{
    return valueOf(authNames, name);
}

QString bodyFormatName(BodyFormat format)
{
    return nameOf(formatNames, format);
}

std::optional<BodyFormat> bodyFormatFromName(QStringView name)
{
    return valueOf(formatNames, name);
}

bool Subscription::matchesEventType(QStringView eventType) const
{
    for (const QString &pattern : eventTypes) {
        if (pattern == u"*" || pattern == eventType)
            return true;
        if (pattern.endsWith(u'*') && eventType.startsWith(QStringView(pattern).chopped(1)))
            return true;
    }
    return false;
}

void Subscription::applyPreset(VendorPreset vendor)
{
    preset = vendor;
    switch (vendor) {
    case VendorPreset::None:
        break;
    case VendorPreset::Compass:
        // Compass's WebhookData retries a failed post once a minute, ten times.
        schemeId = u"compass"_s;
        schemeConfig = SchemeRegistry::instance().scheme(schemeId)->defaultConfig();
        bodyFormat = BodyFormat::Json;
        retrySchedule = RetrySchedule(10, 60s);
        break;
    case VendorPreset::Foundries:
        // jobserv's webhook sender: three retries, backing off 1, 2 and 4 seconds.
        schemeId = u"jobserv"_s;
        schemeConfig.clear();
        bodyFormat = BodyFormat::Json;
        retrySchedule = {1s, 2s, 4s};
        break;
    case VendorPreset::Remedy:
        // Remedy authenticates its callbacks with Basic auth and signs nothing.
        schemeId.clear();
        schemeConfig.clear();
        auth.kind = AuthKind::Basic;
        bodyFormat = BodyFormat::Json;
        break;
    case VendorPreset::StandardWebhooks:
        // Svix's schedule: immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h.
        schemeId = u"standard-webhooks"_s;
        schemeConfig.clear();
        bodyFormat = BodyFormat::Json;
        retrySchedule = {5s, 5min, 30min, 2h, 5h, 10h};
        break;
    }
}

QStringList Subscription::validate() const
{
    QStringList problems;
    if (name.trimmed().isEmpty())
        problems << tr("A subscription needs a name.");
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")
        || url.host().isEmpty())
        problems << tr("The target URL must be an http:// or https:// URL with a host.");
    if (eventTypes.isEmpty())
        problems << tr("A subscription needs at least one event type (\"*\" for all).");
    if (const auto parsed = Condition::parse(condition); !parsed.isValid())
        problems << tr("The condition does not parse: %1").arg(parsed.error->toString());
    if (const auto fields = PayloadFields::parseList(payloadFields); !fields.isValid())
        problems << tr("The payload fields do not parse: %1").arg(fields.error->toString());
    if (!schemeId.isEmpty() && !SchemeRegistry::instance().scheme(schemeId))
        problems << tr("There is no signing scheme \"%1\".").arg(schemeId);
    if (!schemeId.isEmpty() && secret.isEmpty())
        problems << tr("Signing with %1 needs a secret.").arg(schemeId);
    if (auth.kind == AuthKind::Basic && auth.user.isEmpty())
        problems << tr("Basic authentication needs a user name.");
    if (auth.kind != AuthKind::None && auth.secret.isEmpty())
        problems << tr("The authentication needs a password or token.");
    if (timeout <= 0ms)
        problems << tr("The timeout must be positive.");
    if (disableAfterFailures < 0)
        problems << tr("The failure threshold cannot be negative.");
    return problems;
}

std::optional<std::chrono::milliseconds> parseDuration(QStringView text)
{
    text = text.trimmed();
    constexpr std::array units = {std::pair{"ms", 1LL}, std::pair{"s", 1000LL},
                                  std::pair{"m", 60'000LL}, std::pair{"h", 3'600'000LL}};
    qint64 factor = 1000;
    for (const auto &[suffix, milliseconds] : units) {
        if (text.endsWith(QLatin1StringView(suffix))) {
            text.chop(qsizetype(qstrlen(suffix)));
            factor = milliseconds;
            break;
        }
    }
    bool ok = false;
    const qint64 number = text.toLongLong(&ok);
    if (!ok || number < 0 || number > std::numeric_limits<qint64>::max() / factor)
        return std::nullopt;
    return std::chrono::milliseconds(number * factor);
}

QString formatDuration(std::chrono::milliseconds duration)
{
    const qint64 ms = duration.count();
    if (ms != 0 && ms % 3'600'000 == 0)
        return u"%1h"_s.arg(ms / 3'600'000);
    if (ms != 0 && ms % 60'000 == 0)
        return u"%1m"_s.arg(ms / 60'000);
    if (ms % 1000 == 0)
        return u"%1s"_s.arg(ms / 1000);
    return u"%1ms"_s.arg(ms);
}

std::optional<RetrySchedule> parseRetrySchedule(QStringView text)
{
    RetrySchedule schedule;
    if (text.trimmed().isEmpty())
        return schedule;
    for (const QStringView item : text.split(u',')) {
        const auto delay = parseDuration(item);
        if (!delay)
            return std::nullopt;
        schedule.append(*delay);
    }
    return schedule;
}

QString formatRetrySchedule(const RetrySchedule &schedule)
{
    QStringList items;
    for (const auto delay : schedule)
        items << formatDuration(delay);
    return items.join(u',');
}

} // namespace hookbench
