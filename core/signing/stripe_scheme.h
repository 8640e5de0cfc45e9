#pragma once

#include "signature_scheme.h"

#include <variant>

namespace hookbench {

// Stripe: Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>[,v1=...].
// The whole "whsec_..." string is the key; several v1 entries exist while a secret is rolled;
// other keys (v0 test signatures) are ignored.
class StripeScheme : public SignatureScheme
{
public:
    struct Header
    {
        qint64 timestamp = 0;
        QList<QByteArray> signatures;
    };

    QString id() const override;
    QString displayName() const override;
    QString recipe(const SchemeConfig &config = {}) const override;
    Timestamps timestamps(const SchemeConfig &config = {}) const override;

    static std::variant<Header, QString> parseHeader(QByteArrayView value);

protected:
    SignResult signRequest(const SignedRequest &request, const QByteArray &secret,
                           const SchemeOptions &options) const override;
    VerificationResult verifyRequest(const SignedRequest &request, const QByteArray &secret,
                                     const SchemeOptions &options) const override;
};

} // namespace hookbench
