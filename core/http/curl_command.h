#pragma once

#include "header_list.h"

#include <QByteArray>
#include <QString>

namespace hookbench {

// "Copy as cURL": a shell command that sends the same request again, byte for byte. Headers
// curl would add on its own (Accept, User-Agent, a form Content-Type) are switched off when the
// original did not have them, and bytes a shell would mangle are written with $'\xHH' quoting.
struct CurlRequest
{
    QByteArray method;
    QByteArray url; // absolute, e.g. "http://127.0.0.1:8090/hooks/x?y=1"
    HeaderList headers;
    QByteArray body;
};

QString curlCommand(const CurlRequest &request);

// POSIX-shell quoting of one word: '...' when that is enough, $'...' for control bytes.
QString shellQuote(QByteArrayView word);

} // namespace hookbench
