#include "bearer_scheme.h"

#include "signature_check.h"

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
const QByteArray headerName = QByteArrayLiteral("Authorization");
} // namespace

QString BearerScheme::id() const
{
    return u"bearer"_s;
}

QString BearerScheme::displayName() const
{
    return tr("Bearer token");
}

QString BearerScheme::recipe(const SchemeConfig &) const
{
    return tr("Authorization: Bearer <token>; the secret is the token");
}

std::variant<QByteArray, QString> BearerScheme::parse(QByteArrayView authorization)
{
    auto token = SignatureCheck::authorizationCredentials(authorization, "Bearer");
    if (const auto *value = std::get_if<QByteArray>(&token); value && value->isEmpty())
        return tr("No token follows \"Bearer\".");
    return token;
}

SignResult BearerScheme::signRequest(const SignedRequest &, const QByteArray &secret,
                                     const SchemeOptions &) const
{
    SignResult result;
    result.headers.append(headerName, "Bearer " + secret);
    return result;
}

VerificationResult BearerScheme::verifyRequest(const SignedRequest &request,
                                               const QByteArray &secret,
                                               const SchemeOptions &) const
{
    const auto value = request.headers.value(headerName);
    if (!value)
        return SignatureCheck::headerMissing(headerName, request.headers);
    const auto parsed = parse(*value);
    if (const auto *error = std::get_if<QString>(&parsed))
        return SignatureCheck::headerMalformed(headerName, SignatureCheck::masked(*value), *error);
    return SignatureCheck::checkCredential(headerName, std::get<QByteArray>(parsed), secret,
                                           tr("token"));
}

} // namespace hookbench
