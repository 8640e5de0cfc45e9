#include "twilio_scheme.h"

#include "prefixed_signature_parser.h"
#include "signature_check.h"

#include <QUrlQuery>
#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
const QByteArray headerName = QByteArrayLiteral("X-Twilio-Signature");

bool isForm(const HeaderList &headers)
{
    const auto contentType = headers.value("Content-Type");
    if (!contentType)
        return true;
    return contentType->toLower().contains("application/x-www-form-urlencoded");
}

QByteArray formDecode(QByteArray text)
{
    return QByteArray::fromPercentEncoding(text.replace('+', ' '));
}
} // namespace

QString TwilioScheme::id() const
{
    return u"twilio"_s;
}

QString TwilioScheme::displayName() const
{
    return tr("Twilio (X-Twilio-Signature)");
}

QString TwilioScheme::recipe(const SchemeConfig &) const
{
    return tr("X-Twilio-Signature: base64 HMAC-SHA1(auth token, URL + sorted POST parameters "
              "as name and value)");
}

QByteArray TwilioScheme::signedString(const QByteArray &url, const QByteArray &body,
                                      const HeaderList &headers)
{
    QByteArray out = url;
    if (body.isEmpty() || !isForm(headers))
        return out;
    QList<std::pair<QByteArray, QByteArray>> parameters;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        if (equals < 0)
            parameters.append({formDecode(pair), {}});
        else
            parameters.append(
                    {formDecode(pair.first(equals)), formDecode(pair.sliced(equals + 1))});
    }
    // Sorted by name; a repeated name keeps its values in order of value, as Twilio's own
    // helper libraries do.
    std::sort(parameters.begin(), parameters.end());
    for (const auto &[name, value] : parameters) {
        out += name;
        out += value;
    }
    return out;
}

SignResult TwilioScheme::signRequest(const SignedRequest &request, const QByteArray &secret,
                                     const SchemeOptions &) const
{
    if (request.url.isEmpty())
        return {{}, {}, tr("Twilio signs the URL: give the full URL the request goes to.")};
    SignResult result;
    result.signedString = signedString(request.url.toEncoded(), request.body, request.headers);
    result.headers.append(
            headerName,
            crypto::hmac(crypto::HashAlgorithm::Sha1, secret, result.signedString).toBase64());
    return result;
}

VerificationResult TwilioScheme::verifyRequest(const SignedRequest &request,
                                               const QByteArray &secret,
                                               const SchemeOptions &options) const
{
    if (request.url.isEmpty())
        return VerificationResult::notConfigured(
                VerificationResult::Reason::InvalidConfiguration,
                tr("Twilio signs the URL: give the full URL the request was sent to."));
    const QList<QByteArray> values = request.headers.values(headerName);
    if (values.isEmpty())
        return SignatureCheck::headerMissing(headerName, request.headers);
    const auto parsed = PrefixedSignatureParser::parse(values, {});
    if (const auto *error = std::get_if<QString>(&parsed))
        return SignatureCheck::headerMalformed(headerName, values.join(", "), *error);

    SignatureCheck check(secret, request.body, options);
    check.algorithm = crypto::HashAlgorithm::Sha1;
    check.encoding = crypto::SignatureEncoding::Base64;
    const QByteArray url = request.url.toEncoded();
    const HeaderList headers = request.headers;
    check.message = [url, headers](const QByteArray &body) {
        return signedString(url, body, headers);
    };
    check.headerName = headerName;
    check.received = std::get<QList<QByteArray>>(parsed);
    VerificationResult result = check.run();
    if (!result.isValid() || isForm(request.headers))
        return result;

    // A JSON (or other non-form) body is not in the signed string; Twilio covers it by adding
    // bodySHA256=<hex SHA-256 of the body> to the signed URL instead.
    const QString bodyHash
            = QUrlQuery(request.url).queryItemValue(u"bodySHA256"_s, QUrl::FullyDecoded);
    if (bodyHash.isEmpty()) {
        if (!request.body.isEmpty())
            result.explanation += u' '
                                  + tr("The body is not a form and the URL has no bodySHA256, so "
                                       "the signature "
                                       "does not cover the body.");
        return result;
    }
    const QByteArray actual = crypto::digest(crypto::HashAlgorithm::Sha256, request.body).toHex();
    if (crypto::constantTimeEquals(actual, bodyHash.toLatin1().toLower()))
        return result;
    result.outcome = VerificationResult::Outcome::Invalid;
    result.reason = VerificationResult::Reason::BodyChanged;
    result.explanation = tr("The URL is signed correctly, but its bodySHA256 does not match the "
                            "SHA-256 of the body: the body was changed after signing.");
    result.expected = "bodySHA256=" + bodyHash.toLatin1();
    result.received = {"bodySHA256=" + actual};
    return result;
}

} // namespace hookbench
