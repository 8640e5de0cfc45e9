#pragma once

#include "http/header_list.h"
#include "store/outbox_store.h"
#include "subscription.h"

#include <QCoreApplication>
#include <QUrl>
#include <variant>

namespace hookbench {

// Exactly what one attempt sends: the headers in order (signature included) and the body.
struct OutgoingRequest
{
    Q_DECLARE_TR_FUNCTIONS(OutgoingRequest)

public:
    QUrl url;
    HeaderList headers;
    QByteArray body;

    // Signs at `nowSeconds`: each attempt is signed afresh, so timestamped schemes (Standard
    // Webhooks, Stripe, Slack) stay within the receiver's tolerance on late retries. The
    // Standard Webhooks id is the message's, so a receiver can tell a retry from a new event.
    // The error says why the subscription cannot sign (a malformed secret, say).
    static std::variant<OutgoingRequest, QString>
    build(const Subscription &subscription, const OutboxMessage &message, qint64 nowSeconds);
};

} // namespace hookbench
