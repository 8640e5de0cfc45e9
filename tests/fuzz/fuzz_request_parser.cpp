// Any byte sequence, split anywhere: the parser must never crash, hang or read out of bounds.
#include "http/request_parser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    hookbench::RequestParser parser({512, 4096});
    // The first byte chooses where to split, so reassembly across reads is fuzzed too.
    const qsizetype split = size > 0 ? qsizetype(data[0]) % (input.size() + 1) : 0;
    parser.feed(input.first(split));
    while (parser.hasRequest())
        parser.takeRequest();
    parser.feed(input.sliced(split));
    while (parser.hasRequest())
        parser.takeRequest();
    (void)parser.messagePrefix();
    (void)parser.messageTarget();
    return 0;
}
