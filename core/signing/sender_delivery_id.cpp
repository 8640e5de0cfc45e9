#include "sender_delivery_id.h"

namespace hookbench {

QByteArray senderDeliveryId(const HeaderList &headers)
{
    // In order of how specific they are; the first present wins.
    static constexpr const char *idHeaders[] = {
            "webhook-id",                 // Standard Webhooks
            "svix-id",                    // Svix before the standard
            "X-GitHub-Delivery",          // GitHub
            "X-Shopify-Webhook-Id",       // Shopify
            "X-Twilio-Idempotency-Token", // Twilio
            "X-Request-Id",
    };
    for (const char *name : idHeaders) {
        if (const auto value = headers.value(name); value && !value->trimmed().isEmpty())
            return value->trimmed().left(256);
    }
    return {};
}

} // namespace hookbench
