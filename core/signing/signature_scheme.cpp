#include "signature_scheme.h"

namespace hookbench {

SignatureScheme::Timestamps SignatureScheme::timestamps(const SchemeConfig &) const
{
    return Timestamps::NotSigned;
}

SignResult SignatureScheme::sign(const SignedRequest &request, const QByteArray &secret,
                                 const SchemeOptions &options) const
{
    if (secret.isEmpty())
        return {{}, {}, tr("No secret given: the %1 scheme needs one to sign.").arg(id())};
    return signRequest(request, secret, options);
}

VerificationResult SignatureScheme::verify(const SignedRequest &request, const QByteArray &secret,
                                           const SchemeOptions &options) const
{
    VerificationResult result
            = secret.isEmpty() ? VerificationResult::notConfigured(
                      VerificationResult::Reason::MissingSecret,
                      tr("No secret is configured, so the signature cannot be checked."))
                               : verifyRequest(request, secret, options);
    result.schemeId = id();
    result.toleranceSeconds = options.toleranceSeconds;
    return result;
}

} // namespace hookbench
