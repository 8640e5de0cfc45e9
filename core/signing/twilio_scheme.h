#pragma once

#include "signature_scheme.h"

namespace hookbench {

// Twilio: X-Twilio-Signature: <base64 HMAC-SHA1(auth token, URL + each POST parameter's name
// and value, sorted by name)>. The URL is the full one Twilio called, query string included;
// bodies that are not forms add nothing after the URL.
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
