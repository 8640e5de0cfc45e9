// Stripe-Signature parser: never crashes, and what it accepts survives a round trip through
// the canonical "t=...,v1=..." form.
#include "signing/stripe_scheme.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace hookbench;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto parsed = StripeScheme::parseHeader(input);
    const auto *header = std::get_if<StripeScheme::Header>(&parsed);
    if (!header)
        return 0;
    if (header->signatures.isEmpty() || header->timestamp < 0)
        std::abort();
    QByteArray canonical = "t=" + QByteArray::number(header->timestamp);
    for (const QByteArray &signature : header->signatures) {
        if (signature.isEmpty() || signature.contains(','))
            std::abort();
        canonical += ",v1=" + signature;
    }
    const auto again = StripeScheme::parseHeader(canonical);
    const auto *reparsed = std::get_if<StripeScheme::Header>(&again);
    if (!reparsed || reparsed->timestamp != header->timestamp)
        std::abort();
    // Surrounding whitespace of a v1 value is trimmed by the parser, so compare trimmed values.
    if (reparsed->signatures.size() != header->signatures.size())
        std::abort();
    for (qsizetype index = 0; index < header->signatures.size(); ++index) {
        if (reparsed->signatures.at(index).trimmed() != header->signatures.at(index).trimmed())
            std::abort();
    }
    return 0;
}
