#pragma once

#include "signature_scheme.h"

namespace hookbench {

// Twilio: X-Twilio-Signature: <base64 HMAC-SHA1(auth token, URL + each POST parameter's name
// and value, sorted by name)>. The URL is the full one Twilio called, query string included.
// A body that is not a form adds nothing after the URL; Twilio then puts its SHA-256 in the
// URL's bodySHA256 parameter, which verify() checks. sign() signs the URL as given, so a
// caller signing a JSON body puts bodySHA256 in the URL first.
class TwilioScheme : public SignatureScheme
{
public:
    QString id() const override;
    QString displayName() const override;
    QString recipe(const SchemeConfig &config = {}) const override;

    // The string Twilio signs for this URL and body.
    static QByteArray signedString(const QByteArray &url, const QByteArray &body,
                                   const HeaderList &headers);

protected:
    SignResult signRequest(const SignedRequest &request, const QByteArray &secret,
                           const SchemeOptions &options) const override;
    VerificationResult verifyRequest(const SignedRequest &request, const QByteArray &secret,
                                     const SchemeOptions &options) const override;
};

} // namespace hookbench
