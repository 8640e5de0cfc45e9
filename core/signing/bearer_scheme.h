#pragma once

#include "signature_scheme.h"

#include <variant>

namespace hookbench {

// `bearer`: Authorization: Bearer <token> (RFC 6750), as DevLake API keys are sent. The secret
// is the token.
class BearerScheme : public SignatureScheme
{
public:
    QString id() const override;
    QString displayName() const override;
    QString recipe(const SchemeConfig &config = {}) const override;

    // The token of "Bearer <token>"; the scheme name is case-insensitive.
    static std::variant<QByteArray, QString> parse(QByteArrayView authorization);

protected:
    SignResult signRequest(const SignedRequest &request, const QByteArray &secret,
                           const SchemeOptions &options) const override;
    VerificationResult verifyRequest(const SignedRequest &request, const QByteArray &secret,
                                     const SchemeOptions &options) const override;
};

} // namespace hookbench
