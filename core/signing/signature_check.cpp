#include "signature_check.h"

#include <QJsonDocument>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
using crypto::HashAlgorithm;
using crypto::SignatureEncoding;

constexpr HashAlgorithm allAlgorithms[]
        = {HashAlgorithm::Sha1, HashAlgorithm::Sha256, HashAlgorithm::Sha512};

bool hasDigestLength(const QByteArray &bytes)
{
    return std::any_of(std::begin(allAlgorithms), std::end(allAlgorithms),
                       [&bytes](HashAlgorithm algorithm) {
                           return bytes.size() == crypto::digestLength(algorithm);
                       });
}

bool looksLikeDigest(const QByteArray &token)
{
    for (const SignatureEncoding encoding : {SignatureEncoding::Hex, SignatureEncoding::Base64}) {
        const auto decoded = crypto::decode(token, encoding);
        if (decoded && hasDigestLength(*decoded))
            return true;
    }
    return false;
}

SignatureEncoding otherEncoding(SignatureEncoding encoding)
{
    return encoding == SignatureEncoding::Hex ? SignatureEncoding::Base64 : SignatureEncoding::Hex;
}

QString algorithmLabel(HashAlgorithm algorithm)
{
    return u"HMAC-"_s + crypto::algorithmName(algorithm).toUpper();
}

QList<QByteArray> words(QByteArrayView name)
{
    QList<QByteArray> result;
    for (const QByteArray &word : name.toByteArray().toLower().split('-')) {
        if (word.size() >= 3 && word != "request" && word != "content")
            result.append(word);
    }
    return result;
}

bool isBodyKind(SuspectTrial::Kind kind)
{
    using Kind = SuspectTrial::Kind;
    return kind == Kind::TrailingNewlineRemoved || kind == Kind::TrailingNewlineAdded
           || kind == Kind::CrlfToLf || kind == Kind::LfToCrlf || kind == Kind::JsonCompact
           || kind == Kind::JsonIndented;
}

bool isSecretKind(SuspectTrial::Kind kind)
{
    using Kind = SuspectTrial::Kind;
    return kind == Kind::SecretTrimmed || kind == Kind::SecretBase64Decoded
           || kind == Kind::SecretRaw || kind == Kind::SecretWithoutWhsecPrefix;
}
} // namespace

SignatureCheck::SignatureCheck(const QByteArray &givenSecret, const QByteArray &requestBody,
                               const SchemeOptions &options)
    : key(givenSecret)
    , secret(givenSecret)
    , body(requestBody)
    , now(options.now)
    , toleranceSeconds(options.toleranceSeconds)
    , diagnosis(options.diagnosis)
{}

bool SignatureCheck::matches(const QByteArray &digest, SignatureEncoding as) const
{
    bool any = false;
    // Every candidate is compared, so the time taken does not depend on which one matched.
    for (const QByteArray &token : received) {
        const auto decoded = crypto::decode(token, as);
        if (decoded && crypto::constantTimeEquals(*decoded, digest))
            any = true;
    }
    return any;
}

QList<SignatureCheck::Candidate> SignatureCheck::suspects() const
{
    using Kind = SuspectTrial::Kind;
    QList<Candidate> candidates;
    const auto addBody = [&](Kind kind, const QString &description, const QByteArray &variant) {
        if (variant != body)
            candidates.append(
                    {kind, description, crypto::hmac(algorithm, key, message(variant)), encoding});
    };

    if (body.endsWith('\n'))
        addBody(Kind::TrailingNewlineRemoved, tr("body with its trailing newline removed"),
                body.chopped(body.endsWith("\r\n") ? 2 : 1));
    else
        addBody(Kind::TrailingNewlineAdded, tr("body with a trailing newline added"), body + '\n');
    if (body.contains("\r\n"))
        addBody(Kind::CrlfToLf, tr("body with CRLF line endings turned into LF"),
                QByteArray(body).replace("\r\n", "\n"));
    else if (body.contains('\n'))
        addBody(Kind::LfToCrlf, tr("body with LF line endings turned into CRLF"),
                QByteArray(body).replace('\n', "\r\n"));
    const QJsonDocument json = QJsonDocument::fromJson(body);
    if (!json.isNull()) {
        addBody(Kind::JsonCompact, tr("body re-serialised as compact JSON"),
                json.toJson(QJsonDocument::Compact));
        addBody(Kind::JsonIndented, tr("body re-serialised as indented JSON"),
                json.toJson(QJsonDocument::Indented));
    }

    const QByteArray digest = crypto::hmac(algorithm, key, message(body));
    candidates.append({Kind::OtherEncoding,
                       tr("signature read as %1 instead of %2")
                               .arg(crypto::encodingName(otherEncoding(encoding)),
                                    crypto::encodingName(encoding)),
                       digest, otherEncoding(encoding)});

    QList<QByteArray> keysTried{key};
    const auto addSecret
            = [&](Kind kind, const QString &description, const std::optional<QByteArray> &variant) {
                  if (!variant || variant->isEmpty() || keysTried.contains(*variant))
                      return;
                  keysTried.append(*variant);
                  candidates.append({kind, description,
                                     crypto::hmac(algorithm, *variant, message(body)), encoding});
              };
    if (secret.trimmed() != secret)
        addSecret(Kind::SecretTrimmed, tr("secret with surrounding whitespace trimmed"),
                  secret.trimmed());
    addSecret(Kind::SecretRaw, tr("secret used as typed, not decoded"), secret);
    addSecret(Kind::SecretBase64Decoded, tr("secret base64-decoded"),
              crypto::decodeBase64(secret.trimmed()));
    if (secret.startsWith("whsec_")) {
        addSecret(Kind::SecretWithoutWhsecPrefix, tr("secret without its whsec_ prefix"),
                  secret.sliced(6));
        addSecret(Kind::SecretBase64Decoded, tr("secret base64-decoded after its whsec_ prefix"),
                  crypto::decodeBase64(secret.sliced(6)));
    }

    for (const HashAlgorithm other : allAlgorithms) {
        if (other == algorithm)
            continue;
        const QByteArray otherDigest = crypto::hmac(other, key, message(body));
        for (const SignatureEncoding as : {encoding, otherEncoding(encoding)}) {
            candidates.append({Kind::OtherAlgorithm,
                               tr("%1 instead of %2, %3")
                                       .arg(algorithmLabel(other), algorithmLabel(algorithm),
                                            crypto::encodingName(as)),
                               otherDigest, as});
        }
    }
    return candidates;
}

VerificationResult SignatureCheck::run() const
{
    const QByteArray signedString = message(body);
    const QByteArray digest = crypto::hmac(algorithm, key, signedString);
    QList<QByteArray> shown;
    for (const QByteArray &token : received)
        shown.append(prefix + token);

    const auto fill = [&](VerificationResult result) {
        result.headerName = headerName;
        result.signedString = signedString;
        result.expected = prefix + crypto::encode(digest, encoding);
        result.received = shown;
        if (timestamp)
            result.timestampSkewSeconds = now - *timestamp;
        return result;
    };

    if (std::none_of(received.cbegin(), received.cend(), looksLikeDigest)) {
        return fill(headerMalformed(
                headerName, shown.join(", "),
                tr("No value in it is a hex or base64 HMAC digest (20, 32 or 64 bytes).")));
    }

    if (matches(digest, encoding)) {
        if (timestamp) {
            if (auto stale = checkTimestamp(*timestamp, now, toleranceSeconds))
                return fill(*stale);
        }
        return fill(VerificationResult::valid(
                received.size() > 1
                        ? tr("One of the %n signatures matches %1 of the body with this secret.",
                             nullptr, static_cast<int>(received.size()))
                                  .arg(algorithmLabel(algorithm))
                        : tr("The signature matches %1 of the body with this secret.")
                                  .arg(algorithmLabel(algorithm))));
    }

    VerificationResult result = fill(VerificationResult::invalid(
            VerificationResult::Reason::SignatureMismatch,
            tr("No signature matches. Either the secret differs from the sender's or the body "
               "was changed after signing: both are possible, and none of the usual suspects "
               "explains it.")));
    if (diagnosis == Diagnosis::None)
        return result;

    for (const Candidate &candidate : suspects()) {
        const bool hit = matches(candidate.digest, candidate.encoding);
        result.suspects.append(
                {candidate.kind,
                 hit ? SuspectTrial::Verdict::Matched : SuspectTrial::Verdict::NoMatch,
                 candidate.description,
                 prefix + crypto::encode(candidate.digest, candidate.encoding)});
    }
    const auto matched = result.matchedSuspect();
    if (!matched)
        return result;
    using Reason = VerificationResult::Reason;
    if (isBodyKind(matched->kind)) {
        result.reason = Reason::BodyChanged;
        result.explanation = tr("The signature matches the %1: the sender signed that version, "
                                "so the body was changed on the way; the secret is right.")
                                     .arg(matched->description);
    } else if (isSecretKind(matched->kind)) {
        result.reason = Reason::SecretMismatch;
        result.explanation = tr("The signature matches with the %1: the secret is right but is "
                                "used in the wrong form.")
                                     .arg(matched->description);
    } else if (matched->kind == SuspectTrial::Kind::OtherEncoding) {
        result.reason = Reason::EncodingMismatch;
        result.explanation = tr("The signature matches when %1: the sender encodes the digest "
                                "differently, the secret and body are right.")
                                     .arg(matched->description);
    } else {
        result.reason = Reason::AlgorithmMismatch;
        result.explanation = tr("The signature matches with %1: the sender uses another "
                                "algorithm, the secret and body are right.")
                                     .arg(matched->description);
    }
    return result;
}

VerificationResult SignatureCheck::headerMissing(QByteArrayView name, const HeaderList &headers)
{
    VerificationResult result = VerificationResult::invalid(
            VerificationResult::Reason::HeaderMissing,
            tr("The request has no %1 header.").arg(QString::fromLatin1(name)));
    result.headerName = name.toByteArray();
    result.similarHeaders = similarHeaders(headers, name);
    if (!result.similarHeaders.isEmpty())
        result.explanation += u' '
                              + tr("Similar headers are present: %1.")
                                        .arg(QString::fromLatin1(result.similarHeaders.join(", ")));
    return result;
}

VerificationResult SignatureCheck::headerMalformed(QByteArrayView name, const QByteArray &value,
                                                   const QString &why)
{
    VerificationResult result = VerificationResult::invalid(
            VerificationResult::Reason::HeaderMalformed,
            tr("The %1 header is malformed. %2").arg(QString::fromLatin1(name), why));
    result.headerName = name.toByteArray();
    result.received = {value};
    return result;
}

VerificationResult SignatureCheck::checkCredential(QByteArrayView headerName,
                                                   const QByteArray &received,
                                                   const QByteArray &expected, const QString &what)
{
    VerificationResult result
            = crypto::constantTimeEquals(received, expected)
                      ? VerificationResult::valid(tr("The %1 matches.").arg(what))
                      : VerificationResult::invalid(
                              VerificationResult::Reason::SecretMismatch,
                              tr("The %1 does not match the configured one.").arg(what));
    result.headerName = headerName.toByteArray();
    result.expected = masked(expected);
    result.received = {masked(received)};
    if (result.isValid())
        return result;
    const bool trimmedMatches = crypto::constantTimeEquals(received.trimmed(), expected.trimmed());
    result.suspects.append(
            {SuspectTrial::Kind::SecretTrimmed,
             trimmedMatches ? SuspectTrial::Verdict::Matched : SuspectTrial::Verdict::NoMatch,
             tr("%1 with surrounding whitespace trimmed").arg(what), masked(expected.trimmed())});
    if (trimmedMatches)
        result.explanation = tr("The %1 matches once surrounding whitespace is trimmed: a stray "
                                "space or newline in the configured secret or in the header.")
                                     .arg(what);
    return result;
}

QByteArray SignatureCheck::masked(const QByteArray &secret)
{
    return "*** (" + QByteArray::number(secret.size()) + " bytes)";
}

std::variant<QByteArray, QString>
SignatureCheck::authorizationCredentials(QByteArrayView value, QByteArrayView expectedScheme)
{
    const QByteArrayView trimmed = value.trimmed();
    const qsizetype space = trimmed.indexOf(' ');
    const QByteArrayView scheme = space < 0 ? trimmed : trimmed.first(space);
    if (scheme.compare(expectedScheme, Qt::CaseInsensitive) != 0)
        return tr("It uses the \"%1\" scheme, not %2.")
                .arg(QString::fromLatin1(scheme.first(std::min<qsizetype>(scheme.size(), 20))),
                     QString::fromLatin1(expectedScheme));
    if (space < 0)
        return tr("Nothing follows \"%1\".").arg(QString::fromLatin1(expectedScheme));
    return trimmed.sliced(space + 1).trimmed().toByteArray();
}

QList<QByteArray> SignatureCheck::similarHeaders(const HeaderList &headers, QByteArrayView wanted)
{
    const QList<QByteArray> wantedWords = words(wanted);
    QList<QByteArray> result;
    for (const HeaderField &field : headers) {
        const QByteArray lower = field.name.toLower();
        if (lower == wanted.toByteArray().toLower())
            continue;
        const bool looksSigned = lower.contains("sig") || lower.contains("hmac")
                                 || lower.contains("auth") || lower.contains("token");
        const QList<QByteArray> fieldWords = words(lower);
        const bool sharesWord = std::any_of(
                fieldWords.cbegin(), fieldWords.cend(),
                [&wantedWords](const QByteArray &word) { return wantedWords.contains(word); });
        if ((looksSigned || sharesWord) && !result.contains(field.name))
            result.append(field.name);
    }
    return result;
}

std::optional<qint64> SignatureCheck::parseTimestamp(QByteArrayView text)
{
    const QByteArrayView trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 11)
        return std::nullopt;
    for (const char c : trimmed) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    return trimmed.toLongLong();
}

QByteArray SignatureCheck::derivedMessageId(qint64 now, const QByteArray &body)
{
    const QByteArray seed = QByteArray::number(now) + '.' + body;
    return QByteArrayLiteral("msg_")
           + crypto::digest(HashAlgorithm::Sha256, seed)
                     .left(16)
                     .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<VerificationResult> SignatureCheck::checkTimestamp(qint64 timestamp, qint64 now,
                                                                 qint64 toleranceSeconds)
{
    const qint64 skew = now - timestamp;
    if (toleranceSeconds <= 0 || (skew <= toleranceSeconds && skew >= -toleranceSeconds))
        return std::nullopt;
    VerificationResult result = VerificationResult::invalid(
            VerificationResult::Reason::TimestampOutsideTolerance,
            skew > 0 ? tr("The signature is right but its timestamp is %1 s old, %2 s beyond the "
                          "tolerance of %3 s (a replay, a queued retry, or a slow clock).")
                               .arg(skew)
                               .arg(skew - toleranceSeconds)
                               .arg(toleranceSeconds)
                     : tr("The signature is right but its timestamp is %1 s in the future, %2 s "
                          "beyond the tolerance of %3 s (a clock running ahead).")
                               .arg(-skew)
                               .arg(-skew - toleranceSeconds)
                               .arg(toleranceSeconds));
    result.timestampSkewSeconds = skew;
    return result;
}

} // namespace hookbench
