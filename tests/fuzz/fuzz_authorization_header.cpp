// Authorization header parsers (Basic and Bearer): never crash, and accepted credentials
// survive being written back in the canonical form.
#include "signing/basic_auth_scheme.h"
#include "signing/bearer_scheme.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace hookbench;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));

    const auto basic = BasicAuthScheme::parse(input);
    if (const auto *credentials = std::get_if<BasicAuthScheme::Credentials>(&basic)) {
        if (credentials->user.contains(':'))
            std::abort();
        const QByteArray canonical
                = "Basic " + QByteArray(credentials->user + ':' + credentials->password).toBase64();
        const auto again = BasicAuthScheme::parse(canonical);
        const auto *reparsed = std::get_if<BasicAuthScheme::Credentials>(&again);
        if (!reparsed || reparsed->user != credentials->user
            || reparsed->password != credentials->password)
            std::abort();
    }

    const auto bearer = BearerScheme::parse(input);
    if (const auto *token = std::get_if<QByteArray>(&bearer)) {
        if (token->isEmpty() || *token != token->trimmed())
            std::abort();
        const auto again = BearerScheme::parse(QByteArray("Bearer " + *token));
        const auto *reparsed = std::get_if<QByteArray>(&again);
        if (!reparsed || *reparsed != *token)
            std::abort();
    }
    return 0;
}
