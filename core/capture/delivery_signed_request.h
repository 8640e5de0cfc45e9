#pragma once

#include "signing/signed_request.h"
#include "store/delivery.h"

namespace hookbench {

// A stored delivery as the sender signed it: its headers, body, method, and the URL it used
// (its Host header and our scheme), for the schemes that sign the URL (Twilio, {url} templates).
// The capture path knows whether the connection was TLS; later readers of the store assume
// plain HTTP, which is what a local receiver gets unless a certificate is configured.
SignedRequest signedRequestOf(const Delivery &delivery, bool encrypted = false);

} // namespace hookbench
