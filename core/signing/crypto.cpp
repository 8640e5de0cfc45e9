#include "crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

using namespace Qt::StringLiterals;

namespace hookbench::crypto {

namespace {
const EVP_MD *messageDigest(HashAlgorithm algorithm)
{
    switch (algorithm) {
    case HashAlgorithm::Sha1:
        return EVP_sha1();
    case HashAlgorithm::Sha256:
        return EVP_sha256();
    case HashAlgorithm::Sha512:
        return EVP_sha512();
    }
    return EVP_sha256();
}

// OpenSSL rejects a null pointer even for empty input, and an empty QByteArrayView may be null.
const unsigned char *bytes(QByteArrayView view)
{
    static const unsigned char empty = 0;
    return view.isEmpty() ? &empty : reinterpret_cast<const unsigned char *>(view.data());
}
} // namespace

QByteArray hmac(HashAlgorithm algorithm, QByteArrayView key, QByteArrayView message)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    const unsigned char *result
            = HMAC(messageDigest(algorithm), bytes(key), static_cast<int>(key.size()),
                   bytes(message), static_cast<size_t>(message.size()), out, &length);
    if (!result)
        return {};
    return QByteArray(reinterpret_cast<const char *>(out), static_cast<qsizetype>(length));
}

QByteArray digest(HashAlgorithm algorithm, QByteArrayView message)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes(message), static_cast<size_t>(message.size()), out, &length,
                   messageDigest(algorithm), nullptr)
        != 1)
        return {};
    return QByteArray(reinterpret_cast<const char *>(out), static_cast<qsizetype>(length));
}

qsizetype digestLength(HashAlgorithm algorithm)
{
    return EVP_MD_get_size(messageDigest(algorithm));
}

bool constantTimeEquals(QByteArrayView left, QByteArrayView right)
{
    if (left.size() != right.size())
        return false;
    if (left.isEmpty())
        return true;
    return CRYPTO_memcmp(left.data(), right.data(), static_cast<size_t>(left.size())) == 0;
}

QByteArray encode(const QByteArray &bytes, SignatureEncoding encoding)
{
    return encoding == SignatureEncoding::Hex ? bytes.toHex() : bytes.toBase64();
}

std::optional<QByteArray> decode(QByteArrayView text, SignatureEncoding encoding)
{
    return encoding == SignatureEncoding::Hex ? decodeHex(text) : decodeBase64(text);
}

std::optional<QByteArray> decodeHex(QByteArrayView text)
{
    // QByteArray::fromHex skips invalid characters silently; a signature with a stray character
    // must not decode.
    if (text.isEmpty() || text.size() % 2 != 0)
        return std::nullopt;
    for (const char c : text) {
        const bool digit
                = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!digit)
            return std::nullopt;
    }
    return QByteArray::fromHex(text.toByteArray());
}

std::optional<QByteArray> decodeBase64(QByteArrayView text)
{
    if (text.isEmpty())
        return std::nullopt;
    const bool urlSafe = text.contains('-') || text.contains('_');
    const auto options = (urlSafe ? QByteArray::Base64UrlEncoding : QByteArray::Base64Encoding)
                         | QByteArray::AbortOnBase64DecodingErrors;
    const auto result = QByteArray::fromBase64Encoding(text.toByteArray(), options);
    if (result.decodingStatus != QByteArray::Base64DecodingStatus::Ok)
        return std::nullopt;
    return result.decoded;
}

QString algorithmName(HashAlgorithm algorithm)
{
    switch (algorithm) {
    case HashAlgorithm::Sha1:
        return u"sha1"_s;
    case HashAlgorithm::Sha256:
        return u"sha256"_s;
    case HashAlgorithm::Sha512:
        return u"sha512"_s;
    }
    return {};
}

std::optional<HashAlgorithm> algorithmFromName(QStringView name)
{
    for (const HashAlgorithm algorithm :
         {HashAlgorithm::Sha1, HashAlgorithm::Sha256, HashAlgorithm::Sha512}) {
        if (name.compare(algorithmName(algorithm), Qt::CaseInsensitive) == 0)
            return algorithm;
    }
    return std::nullopt;
}

QString encodingName(SignatureEncoding encoding)
{
    return encoding == SignatureEncoding::Hex ? u"hex"_s : u"base64"_s;
}

std::optional<SignatureEncoding> encodingFromName(QStringView name)
{
    for (const SignatureEncoding encoding : {SignatureEncoding::Hex, SignatureEncoding::Base64}) {
        if (name.compare(encodingName(encoding), Qt::CaseInsensitive) == 0)
            return encoding;
    }
    return std::nullopt;
}

} // namespace hookbench::crypto
