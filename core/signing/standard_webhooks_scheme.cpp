#include "standard_webhooks_scheme.h"

#include "signature_check.h"

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
struct HeaderNames
{
    QByteArray id;
    QByteArray timestamp;
    QByteArray signature;
};

const HeaderNames standardNames{QByteArrayLiteral("webhook-id"),
                                QByteArrayLiteral("webhook-timestamp"),
                                QByteArrayLiteral("webhook-signature")};
const HeaderNames svixNames{QByteArrayLiteral("svix-id"), QByteArrayLiteral("svix-timestamp"),
                            QByteArrayLiteral("svix-signature")};

QByteArray signedContent(const QByteArray &id, const QByteArray &timestamp, const QByteArray &body)
{
    return id + '.' + timestamp + '.' + body;
}
} // namespace

QString StandardWebhooksScheme::id() const
{
    return u"standard-webhooks"_s;
}

QString StandardWebhooksScheme::displayName() const
{
    return tr("Standard Webhooks / Svix (webhook-signature)");
}

QString StandardWebhooksScheme::recipe(const SchemeConfig &) const
{
    return tr("webhook-signature: v1,<base64 HMAC-SHA256(base64-decoded whsec_ secret, "
              "\"<webhook-id>.<webhook-timestamp>.<body>\")>");
}

SignatureScheme::Timestamps StandardWebhooksScheme::timestamps(const SchemeConfig &) const
{
    return Timestamps::Signed;
}

std::variant<QList<QByteArray>, QString>
StandardWebhooksScheme::parseSignatureHeader(QByteArrayView value)
{
    QList<QByteArray> signatures;
    const QList<QByteArray> entries = value.toByteArray().simplified().split(' ');
    for (const QByteArray &entry : entries) {
        if (entry.isEmpty())
            continue;
        const qsizetype comma = entry.indexOf(',');
        if (comma <= 0 || comma == entry.size() - 1)
            return tr("\"%1\" is not a version,signature pair.")
                    .arg(QString::fromLatin1(entry.left(40)));
        if (entry.first(comma) == "v1")
            signatures.append(entry.sliced(comma + 1));
    }
    if (signatures.isEmpty())
        return tr("It has no v1 signature.");
    return signatures;
}

std::optional<QByteArray> StandardWebhooksScheme::keyFromSecret(const QByteArray &secret)
{
    QByteArray text = secret.trimmed();
    if (text.startsWith("whsec_"))
        text = text.sliced(6);
    return crypto::decodeBase64(text);
}

SignResult StandardWebhooksScheme::signRequest(const SignedRequest &request,
                                               const QByteArray &secret,
                                               const SchemeOptions &options) const
{
    const auto key = keyFromSecret(secret);
    if (!key)
        return {{},
                {},
                tr("A Standard Webhooks secret is \"whsec_\" and base64; this one does "
                   "not decode.")};
    SignResult result;
    const QByteArray timestamp = QByteArray::number(options.now);
    const auto existingId = request.headers.value(standardNames.id);
    const QByteArray messageId
            = existingId.value_or(SignatureCheck::derivedMessageId(options.now, request.body));
    if (!existingId)
        result.headers.append(standardNames.id, messageId);
    result.headers.append(standardNames.timestamp, timestamp);
    result.signedString = signedContent(messageId, timestamp, request.body);
    const QByteArray digest
            = crypto::hmac(crypto::HashAlgorithm::Sha256, *key, result.signedString);
    result.headers.append(standardNames.signature, "v1," + digest.toBase64());
    return result;
}

VerificationResult StandardWebhooksScheme::verifyRequest(const SignedRequest &request,
                                                         const QByteArray &secret,
                                                         const SchemeOptions &options) const
{
    const HeaderList &headers = request.headers;
    const HeaderNames &names
            = !headers.contains(standardNames.signature) && headers.contains(svixNames.signature)
                      ? svixNames
                      : standardNames;
    const auto key = keyFromSecret(secret);
    if (!key)
        return VerificationResult::notConfigured(
                VerificationResult::Reason::InvalidConfiguration,
                tr("A Standard Webhooks secret is \"whsec_\" followed by base64; this one does not "
                   "decode. If the sender uses the secret as typed, verify with the hmac scheme."));

    const QList<QByteArray> values = headers.values(names.signature);
    if (values.isEmpty())
        return SignatureCheck::headerMissing(names.signature, headers);
    const QByteArray value = values.join(' ');
    const auto parsed = parseSignatureHeader(value);
    if (const auto *error = std::get_if<QString>(&parsed))
        return SignatureCheck::headerMalformed(names.signature, value, *error);
    const auto messageId = headers.value(names.id);
    if (!messageId)
        return SignatureCheck::headerMissing(names.id, headers);
    const auto timestampText = headers.value(names.timestamp);
    if (!timestampText)
        return SignatureCheck::headerMissing(names.timestamp, headers);
    const auto timestamp = SignatureCheck::parseTimestamp(*timestampText);
    if (!timestamp)
        return SignatureCheck::headerMalformed(names.timestamp, *timestampText,
                                               tr("It is not a Unix time in seconds."));

    SignatureCheck check(*key, request.body, options);
    check.secret = secret;
    check.encoding = crypto::SignatureEncoding::Base64;
    const QByteArray id = *messageId;
    const QByteArray stamp = timestampText->trimmed();
    check.message = [id, stamp](const QByteArray &body) {
        return signedContent(id, stamp, body);
    };
    check.headerName = names.signature;
    check.prefix = QByteArrayLiteral("v1,");
    check.received = std::get<QList<QByteArray>>(parsed);
    check.timestamp = timestamp;
    return check.run();
}

} // namespace hookbench
