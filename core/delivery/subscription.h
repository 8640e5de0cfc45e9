#pragma once

#include "http/header_list.h"
#include "signing/scheme_options.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <chrono>
#include <optional>
#include <variant>

namespace hookbench {

enum class SubscriptionState { Enabled, Disabled };
enum class AuthKind { None, Basic, Bearer };
// Multipart with attachments (Remedy's attach-<field> callbacks) is not built yet.
enum class BodyFormat { Json, Form };
enum class TlsVerification { Verify, Skip };
enum class VendorPreset { None, Compass, Foundries, Remedy, StandardWebhooks };

// The Authorization a subscription sends. The password or token is a secret: the store keeps
// it in the SecretVault, never in the subscriptions table.
struct SubscriptionAuth
{
    AuthKind kind = AuthKind::None;
    QString user;      // Basic only
    QByteArray secret; // Basic password or Bearer token

    friend bool operator==(const SubscriptionAuth &, const SubscriptionAuth &) = default;
};

using RetrySchedule = QList<std::chrono::milliseconds>;

// An outgoing webhook: which events go where, shaped, signed and retried how. Modelled on
// HCL Compass's WebhookConfig, BMC Remedy's webhook definitions and Foundries' factory webhooks.
struct Subscription
{
    Q_DECLARE_TR_FUNCTIONS(Subscription)

public:
    qint64 id = 0;
    QString name;
    QString description;
    QUrl url;
    SubscriptionState state = SubscriptionState::Enabled;
    QStringList eventTypes = {QStringLiteral("*")}; // "*" all, "issue.*" a prefix
    QString condition;                              // Condition text; empty matches everything
    QString payloadFields;                          // PayloadFields list; empty sends all
    QString schemeId;                               // a SchemeRegistry id, or empty
    SchemeConfig schemeConfig;
    QByteArray secret;
    SubscriptionAuth auth;
    HeaderList headers; // extra headers, sent as given
    BodyFormat bodyFormat = BodyFormat::Json;
    std::chrono::milliseconds timeout{30000};
    TlsVerification tls = TlsVerification::Verify;
    // Delays before each retry; the first attempt is immediate. Empty: one attempt only.
    RetrySchedule retrySchedule;
    VendorPreset preset = VendorPreset::None;
    int disableAfterFailures = 0; // failed messages in a row that disable it; 0: never
    int failureStreak = 0;        // failed messages in a row, kept by the delivery engine
    qint64 createdAtMs = 0;

    friend bool operator==(const Subscription &, const Subscription &) = default;

    bool isEnabled() const { return state == SubscriptionState::Enabled; }
    bool matchesEventType(QStringView eventType) const;
    // A subscription failing this many messages in a row is flagged in lists and the UI.
    static constexpr int flagAfterFailures = 3;
    bool isFlagged() const { return failureStreak >= flagAfterFailures; }

    // Fills scheme, auth, format and schedule the way the vendor does; keeps name, URL, events,
    // condition and fields.
    void applyPreset(VendorPreset vendor);

    // Empty when valid, else one sentence per problem.
    QStringList validate() const;
};

QString vendorPresetName(VendorPreset preset); // "compass", "foundries", ...; "" for None
std::optional<VendorPreset> vendorPresetFromName(QStringView name);
QString authKindName(AuthKind kind); // "none", "basic", "bearer"
std::optional<AuthKind> authKindFromName(QStringView name);
QString bodyFormatName(BodyFormat format); // "json", "form"
std::optional<BodyFormat> bodyFormatFromName(QStringView name);

// "100ms", "5s", "5m", "2h" (and a bare number of seconds).
std::optional<std::chrono::milliseconds> parseDuration(QStringView text);
QString formatDuration(std::chrono::milliseconds duration);
// "1s,5s,5m" — nullopt on any bad item.
std::optional<RetrySchedule> parseRetrySchedule(QStringView text);
QString formatRetrySchedule(const RetrySchedule &schedule);

} // namespace hookbench
