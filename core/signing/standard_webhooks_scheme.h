#pragma once

#include "signature_scheme.h"

#include <variant>

namespace hookbench {

// Standard Webhooks (and Svix, which sends the same under svix-* names): webhook-id,
// webhook-timestamp and webhook-signature: "v1,<base64 HMAC-SHA256(key, "<id>.<ts>.<body>")>",
// space-separated when several keys are in rotation. The key is the base64-decoded part of a
// "whsec_..." secret.
class StandardWebhooksScheme : public SignatureScheme
{
public:
    QString id() const override;
    QString displayName() const override;
    QString recipe(const SchemeConfig &config = {}) const override;
    Timestamps timestamps(const SchemeConfig &config = {}) const override;

    // The v1 signatures (base64, without "v1,"), or why the header is malformed. Entries of
    // other versions (v1a, asymmetric) are skipped.
    static std::variant<QList<QByteArray>, QString> parseSignatureHeader(QByteArrayView value);
    // The HMAC key of a secret: "whsec_" removed, the rest base64-decoded.
    static std::optional<QByteArray> keyFromSecret(const QByteArray &secret);

protected:
    SignResult signRequest(const SignedRequest &request, const QByteArray &secret,
                           const SchemeOptions &options) const override;
    VerificationResult verifyRequest(const SignedRequest &request, const QByteArray &secret,
                                     const SchemeOptions &options) const override;
};

} // namespace hookbench
