// Standard Webhooks webhook-signature parser: never crashes, and the v1 signatures it returns
// come back unchanged from the canonical space-separated form.
#include "signing/standard_webhooks_scheme.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace hookbench;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto parsed = StandardWebhooksScheme::parseSignatureHeader(input);
    const auto *signatures = std::get_if<QList<QByteArray>>(&parsed);
    if (!signatures)
        return 0;
    QList<QByteArray> canonical;
    for (const QByteArray &signature : *signatures) {
        if (signature.isEmpty() || signature.contains(' '))
            std::abort();
        canonical.append("v1," + signature);
    }
    const auto again = StandardWebhooksScheme::parseSignatureHeader(canonical.join(' '));
    const auto *reparsed = std::get_if<QList<QByteArray>>(&again);
    if (!reparsed || *reparsed != *signatures)
        std::abort();
    return 0;
}
