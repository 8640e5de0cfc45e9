#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>

// The project's small interface over OpenSSL: everything in core/signing that touches a digest
// or compares secrets goes through here, so the primitives are audited in one place.
namespace hookbench::crypto {

enum class HashAlgorithm { Sha1, Sha256, Sha512 };
enum class SignatureEncoding { Hex, Base64 };

// HMAC(key, message) as raw bytes.
QByteArray hmac(HashAlgorithm algorithm, QByteArrayView key, QByteArrayView message);
QByteArray digest(HashAlgorithm algorithm, QByteArrayView message);
qsizetype digestLength(HashAlgorithm algorithm);

// CRYPTO_memcmp over equal lengths; buffers of different lengths are simply unequal (the length
// of a digest is no secret).
bool constantTimeEquals(QByteArrayView left, QByteArrayView right);

QByteArray encode(const QByteArray &bytes, SignatureEncoding encoding);
// Strict decoding: nullopt on any character outside the alphabet or on bad padding. Hex is
// case-insensitive; base64 accepts the standard and the URL-safe alphabet, padded or not.
std::optional<QByteArray> decode(QByteArrayView text, SignatureEncoding encoding);
std::optional<QByteArray> decodeHex(QByteArrayView text);
std::optional<QByteArray> decodeBase64(QByteArrayView text);

// Stable lower-case names used in configuration maps and reports: "sha1", "hex", ...
QString algorithmName(HashAlgorithm algorithm);
std::optional<HashAlgorithm> algorithmFromName(QStringView name);
QString encodingName(SignatureEncoding encoding);
std::optional<SignatureEncoding> encodingFromName(QStringView name);

} // namespace hookbench::crypto
