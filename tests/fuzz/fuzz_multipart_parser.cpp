// Feeds arbitrary bytes to the multipart parser. The first line of the input is the boundary, the
// rest the body; every part's body must be the exact bytes at its offset.
#include "payload/multipart_parser.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QByteArray boundary = newline < 0 ? QByteArray("b") : input.first(newline);
    const QByteArray body = newline < 0 ? input : input.sliced(newline + 1);
    const hookbench::MultipartParser::Result result
            = hookbench::MultipartParser::parse(body, boundary);
    for (const hookbench::MultipartPart &part : result.parts) {
        if (part.offset < 0 || part.offset + part.size() > body.size()
            || body.mid(part.offset, part.size()) != part.body)
            std::abort();
    }
    return 0;
}
