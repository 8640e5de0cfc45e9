#pragma once

#include "scheme_options.h"
#include "signed_request.h"
#include "verification_result.h"

#include <QCoreApplication>
#include <QString>

namespace hookbench {

// What signing produced: the headers to add to the request, or why it could not sign.
struct SignResult
{
    HeaderList headers;
    QByteArray signedString;
    QString error;

    bool isOk() const { return error.isEmpty(); }
};

// One way a webhook sender proves who it is: a vendor's signature recipe or an auth header.
// Implementations are stateless; the registry owns one of each.
class SignatureScheme
{
    Q_DECLARE_TR_FUNCTIONS(SignatureScheme)

public:
    enum class Configuration { Fixed, Configurable };
    enum class Timestamps { NotSigned, Signed };

    virtual ~SignatureScheme() = default;

    // Stable id used on the command line and in the store: "github", "stripe", ...
    virtual QString id() const = 0;
    virtual QString displayName() const = 0;
    // The recipe in one line, for the scheme picker and for the finder's report.
    virtual QString recipe(const SchemeConfig &config = {}) const = 0;
    virtual Configuration configuration() const { return Configuration::Fixed; }
    virtual SchemeConfig defaultConfig() const { return {}; }
    virtual Timestamps timestamps(const SchemeConfig &config = {}) const;

    // The headers to add so that verify() accepts the request. options.now stamps the time.
    SignResult sign(const SignedRequest &request, const QByteArray &secret,
                    const SchemeOptions &options) const;
    // Never throws and never answers without a reason: an empty secret is NotConfigured.
    VerificationResult verify(const SignedRequest &request, const QByteArray &secret,
                              const SchemeOptions &options) const;

protected:
    SignatureScheme() = default;
    SignatureScheme(const SignatureScheme &) = default;
    SignatureScheme &operator=(const SignatureScheme &) = default;

    virtual SignResult signRequest(const SignedRequest &request, const QByteArray &secret,
                                   const SchemeOptions &options) const = 0;
    virtual VerificationResult verifyRequest(const SignedRequest &request, const QByteArray &secret,
                                             const SchemeOptions &options) const = 0;
};

} // namespace hookbench
