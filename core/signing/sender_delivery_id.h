#pragma once

#include "http/header_list.h"

namespace hookbench {

// The id a sender gives each delivery (Standard Webhooks' webhook-id, GitHub's
// X-GitHub-Delivery...). Seeing one twice means a retry or a replayed request: signature schemes
// without a signed timestamp cannot tell the two apart, so the inspector warns.
QByteArray senderDeliveryId(const HeaderList &headers);

} // namespace hookbench
