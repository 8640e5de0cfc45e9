#include "basic_auth_scheme.h"

#include "crypto.h"
#include "signature_check.h"

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
const QByteArray headerName = QByteArrayLiteral("Authorization");
} // namespace

QString BasicAuthScheme::id() const
{
    return u"basic"_s;
}

QString BasicAuthScheme::displayName() const
{
    return tr("HTTP Basic authentication");
}

QString BasicAuthScheme::recipe(const SchemeConfig &) const
{
    return tr("Authorization: Basic <base64 user:password>; the secret is user:password");
}

std::variant<BasicAuthScheme::Credentials, QString>
BasicAuthScheme::parse(QByteArrayView authorization)
{
    const auto encoded = SignatureCheck::authorizationCredentials(authorization, "Basic");
    if (const auto *error = std::get_if<QString>(&encoded))
        return *error;
    const auto decoded = crypto::decodeBase64(std::get<QByteArray>(encoded));
    if (!decoded)
        return tr("The credentials after \"Basic\" are not base64.");
    const qsizetype colon = decoded->indexOf(':');
    if (colon < 0)
        return tr("The decoded credentials have no \":\" between user and password.");
    return Credentials{decoded->first(colon), decoded->sliced(colon + 1)};
}

SignResult BasicAuthScheme::signRequest(const SignedRequest &, const QByteArray &secret,
                                        const SchemeOptions &) const
{
    if (!secret.contains(':'))
        return {{}, {}, tr("The secret for Basic authentication is \"user:password\".")};
    SignResult result;
    result.headers.append(headerName, "Basic " + secret.toBase64());
    return result;
}

VerificationResult BasicAuthScheme::verifyRequest(const SignedRequest &request,
                                                  const QByteArray &secret,
                                                  const SchemeOptions &) const
{
    const qsizetype colon = secret.indexOf(':');
    if (colon < 0)
        return VerificationResult::notConfigured(
                VerificationResult::Reason::InvalidConfiguration,
                tr("The secret for Basic authentication is \"user:password\"."));
    const auto value = request.headers.value(headerName);
    if (!value)
        return SignatureCheck::headerMissing(headerName, request.headers);
    const auto parsed = parse(*value);
    if (const auto *error = std::get_if<QString>(&parsed)) {
        VerificationResult result = SignatureCheck::headerMalformed(
                headerName, SignatureCheck::masked(*value), *error);
        return result;
    }
    const Credentials &credentials = std::get<Credentials>(parsed);
    VerificationResult result = SignatureCheck::checkCredential(
            headerName, credentials.user + ':' + credentials.password, secret,
            tr("user name and password"));
    // The user name is no secret, and saying which half differs is most of the diagnosis.
    const QByteArray expectedUser = secret.first(colon);
    result.expected = expectedUser + ':' + SignatureCheck::masked(secret.sliced(colon + 1));
    result.received = {credentials.user + ':' + SignatureCheck::masked(credentials.password)};
    if (!result.isValid() && !result.matchedSuspect()) {
        result.explanation = credentials.user == expectedUser
                                     ? tr("The user name matches; the password does not.")
                                     : tr("The user name \"%1\" is not the configured \"%2\".")
                                               .arg(QString::fromUtf8(credentials.user),
                                                    QString::fromUtf8(expectedUser));
    }
    return result;
}

} // namespace hookbench
