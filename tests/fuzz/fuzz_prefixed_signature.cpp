// The generic "prefix + digest" parser: the first line of the input is the prefix, every
// further line one occurrence of the header. Never crashes; every signature it returns is
// non-empty and, when values are split, free of separators.
#include "signing/prefixed_signature_parser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace hookbench;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QList<QByteArray> lines = input.split('\n');
    const QByteArray prefix = lines.takeFirst();
    const auto parsed = PrefixedSignatureParser::parse(lines, prefix);
    const auto *signatures = std::get_if<QList<QByteArray>>(&parsed);
    if (!signatures)
        return 0;
    const bool split = !prefix.contains(',') && !prefix.contains(' ');
    for (const QByteArray &signature : *signatures) {
        if (signature.isEmpty())
            std::abort();
        if (split && (signature.contains(',') || signature.contains(' ')))
            std::abort();
    }
    return 0;
}
