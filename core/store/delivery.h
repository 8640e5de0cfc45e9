#pragma once

#include "http/header_list.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace hookbench {

enum class DeliveryState {
    Stored = 0,   // captured and acknowledged with the endpoint's response
    Rejected = 1, // not a request we could accept: malformed, too large, unknown path...
};

QString deliveryStateName(DeliveryState state); // stable, for --json and filters
std::optional<DeliveryState> deliveryStateFromName(QStringView name);

// Which way a delivery went: a request we captured, or an attempt we sent to a subscription.
enum class DeliveryDirection { Incoming, Outgoing };

QString deliveryDirectionName(DeliveryDirection direction); // "in", "out": stored and --json
std::optional<DeliveryDirection> deliveryDirectionFromName(QStringView name);

// Where an outbox message stands (the messages table's state column).
enum class MessageState { Pending = 0, Delivered = 1, Failed = 2 };

QString messageStateName(MessageState state); // "pending", "delivered", "failed"
std::optional<MessageState> messageStateFromName(QStringView name);

// An outgoing attempt: which message and subscription it served, where it went, how it ended.
// The request side (method, target, headers, body) and the response are the Delivery's own.
struct OutgoingAttempt
{
    qint64 messageId = 0;
    int attempt = 0; // 1 for the first try
    qint64 subscriptionId = 0;
    QString url;
    qint64 durationUs = 0;
    QString error; // the network error or timeout; empty when a response came back
    std::optional<qint64> replayOf;

    friend bool operator==(const OutgoingAttempt &, const OutgoingAttempt &) = default;
};

// What the server answered (or will answer) to a captured request.
struct HttpResponseRecord
{
    int status = 0;
    HeaderList headers;
    QByteArray body;

    friend bool operator==(const HttpResponseRecord &, const HttpResponseRecord &) = default;
};

// The signature check made on arrival, as stored with the delivery.
struct DeliveryVerification
{
    QString outcome; // "valid", "invalid", "not-configured" (VerificationResult::outcomeName)
    QString reason;  // VerificationResult::reasonName, "none" when valid
    QString schemeId;
    QString explanation;

    bool isChecked() const { return !schemeId.isEmpty(); }
    friend bool operator==(const DeliveryVerification &, const DeliveryVerification &) = default;
};

// One captured request with everything needed to show it, verify it and replay it.
// The body is the exact bytes received (after transfer decoding, before content decoding).
struct Delivery
{
    qint64 id = 0;
    qint64 receivedAtMs = 0;          // UTC, milliseconds since the epoch
    std::optional<qint64> endpointId; // none: the default inbox
    QString endpointName;             // resolved when read; empty for the inbox
    DeliveryState state = DeliveryState::Stored;
    QString rejectReason;
    QByteArray method;
    QByteArray target;      // path and query exactly as sent
    QByteArray httpVersion; // "HTTP/1.1"
    QString remoteAddress;
    HeaderList headers;
    QByteArray body;
    qint64 bodySize = 0;
    QByteArray contentType;
    HttpResponseRecord response;
    qint64 processingUs = 0; // first byte received to row written
    DeliveryVerification verification;
    // The sender's own id for this delivery (webhook-id, X-GitHub-Delivery...): a second
    // delivery with the same id is a retry or a replay attack.
    QByteArray senderDeliveryId;
    DeliveryDirection direction = DeliveryDirection::Incoming;
    OutgoingAttempt outgoing; // only for DeliveryDirection::Outgoing

    QByteArray path() const;
    QByteArray query() const; // without the '?'
};

// The columns the history list needs: no headers, no body, so pages stay small.
struct DeliverySummary
{
    qint64 id = 0;
    qint64 receivedAtMs = 0;
    std::optional<qint64> endpointId;
    QString endpointName;
    DeliveryState state = DeliveryState::Stored;
    QString rejectReason;
    QByteArray method;
    QByteArray target;
    int responseStatus = 0;
    qint64 bodySize = 0;
    QByteArray contentType;
    QString verificationOutcome; // empty when the endpoint checks nothing
    DeliveryDirection direction = DeliveryDirection::Incoming;
    // Outgoing rows only: the attempt, the subscription's name and its message's state now.
    OutgoingAttempt outgoing;
    QString subscriptionName;
    std::optional<MessageState> messageState;

    QByteArray path() const;
    QByteArray query() const;
};

// Which deliveries a list or page shows.
struct DeliveryFilter
{
    enum class Scope { All, Inbox, Endpoint };
    Scope scope = Scope::All;
    qint64 endpointId = 0;
    std::optional<DeliveryState> state;
    // "valid", "invalid", "not-configured", or "unchecked" (no scheme configured).
    QString verification;
    std::optional<DeliveryDirection> direction;

    static DeliveryFilter all() { return {}; }
    static DeliveryFilter inbox() { return {Scope::Inbox, 0, std::nullopt, {}, std::nullopt}; }
    static DeliveryFilter endpoint(qint64 id)
    {
        return {Scope::Endpoint, id, std::nullopt, {}, std::nullopt};
    }

    friend bool operator==(const DeliveryFilter &, const DeliveryFilter &) = default;
};

} // namespace hookbench
