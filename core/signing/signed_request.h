#pragma once

#include "http/header_list.h"

#include <QByteArray>
#include <QUrl>

namespace hookbench {

// What a signature covers: the raw request as received (or about to be sent). The URL matters
// only to schemes that sign it (Twilio, a generic template with {url}); it must be the full URL
// the sender used, scheme, host, port and query included.
struct SignedRequest
{
    HeaderList headers;
    QByteArray body;
    QUrl url;
    QByteArray method = QByteArrayLiteral("POST");
};

} // namespace hookbench
