#pragma once

#include "signature_scheme.h"

#include <variant>

namespace hookbench {

// `basic`: HTTP Basic authentication (RFC 7617), as BMC Remedy AR System puts on its webhook
// callbacks and DevLake accepts. The secret is "user:password".
class BasicAuthScheme : public SignatureScheme
{
public:
    struct Credentials
    {
        QByteArray user;
        QByteArray password;
    };

    QString id() const override;
    QString displayName() const override;
    QString recipe(const SchemeConfig &config = {}) const override;

    // "Basic <base64 user:password>"; the scheme name is case-insensitive (RFC 9110 11.1).
    static std::variant<Credentials, QString> parse(QByteArrayView authorization);

protected:
    SignResult signRequest(const SignedRequest &request, const QByteArray &secret,
                           const SchemeOptions &options) const override;
    VerificationResult verifyRequest(const SignedRequest &request, const QByteArray &secret,
                                     const SchemeOptions &options) const override;
};

} // namespace hookbench
