#include "stripe_scheme.h"

#include "signature_check.h"

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
const QByteArray headerName = QByteArrayLiteral("Stripe-Signature");

QByteArray signedPayload(qint64 timestamp, const QByteArray &body)
{
    return QByteArray::number(timestamp) + '.' + body;
}
} // namespace

QString StripeScheme::id() const
{
    return u"stripe"_s;
}

QString StripeScheme::displayName() const
{
    return tr("Stripe (Stripe-Signature)");
}

QString StripeScheme::recipe(const SchemeConfig &) const
{
    return tr("Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, \"<t>.<body>\")>");
}

SignatureScheme::Timestamps StripeScheme::timestamps(const SchemeConfig &) const
{
    return Timestamps::Signed;
}

std::variant<StripeScheme::Header, QString> StripeScheme::parseHeader(QByteArrayView value)
{
    Header header;
    bool haveTimestamp = false;
    for (const QByteArray &rawItem : value.toByteArray().split(',')) {
        const QByteArray item = rawItem.trimmed();
        if (item.isEmpty())
            continue;
        const qsizetype equals = item.indexOf('=');
        if (equals <= 0)
            return tr("\"%1\" is not a key=value pair.").arg(QString::fromLatin1(item.left(40)));
        const QByteArray key = item.first(equals);
        const QByteArray itemValue = item.sliced(equals + 1);
        if (key == "t") {
            const auto timestamp = SignatureCheck::parseTimestamp(itemValue);
            if (!timestamp)
                return tr("The timestamp t=%1 is not a Unix time in seconds.")
                        .arg(QString::fromLatin1(itemValue.left(40)));
            if (haveTimestamp)
                return tr("The timestamp t= appears twice.");
            header.timestamp = *timestamp;
            haveTimestamp = true;
        } else if (key == "v1" && !itemValue.isEmpty()) {
            header.signatures.append(itemValue);
        }
    }
    if (!haveTimestamp)
        return tr("It has no timestamp (t=).");
    if (header.signatures.isEmpty())
        return tr("It has no v1= signature.");
    return header;
}

SignResult StripeScheme::signRequest(const SignedRequest &request, const QByteArray &secret,
                                     const SchemeOptions &options) const
{
    SignResult result;
    result.signedString = signedPayload(options.now, request.body);
    const QByteArray digest
            = crypto::hmac(crypto::HashAlgorithm::Sha256, secret, result.signedString);
    result.headers.append(headerName,
                          "t=" + QByteArray::number(options.now) + ",v1=" + digest.toHex());
    return result;
}

VerificationResult StripeScheme::verifyRequest(const SignedRequest &request,
                                               const QByteArray &secret,
                                               const SchemeOptions &options) const
{
    const QList<QByteArray> values = request.headers.values(headerName);
    if (values.isEmpty())
        return SignatureCheck::headerMissing(headerName, request.headers);
    const QByteArray value = values.join(',');
    const auto parsed = parseHeader(value);
    if (const auto *error = std::get_if<QString>(&parsed))
        return SignatureCheck::headerMalformed(headerName, value, *error);
    const Header &header = std::get<Header>(parsed);

    SignatureCheck check(secret, request.body, options);
    const qint64 timestamp = header.timestamp;
    check.message = [timestamp](const QByteArray &body) {
        return signedPayload(timestamp, body);
    };
    check.headerName = headerName;
    check.prefix = QByteArrayLiteral("v1=");
    check.received = header.signatures;
    check.timestamp = timestamp;
    return check.run();
}

} // namespace hookbench
