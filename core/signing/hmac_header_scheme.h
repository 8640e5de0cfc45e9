#pragma once

#include "hmac_recipe.h"
#include "signature_scheme.h"

#include <variant>

namespace hookbench {

// A scheme that is one HmacRecipe: a digest in one header, perhaps over a timestamp or an id
// from other headers. GitHub, JobServ, Compass, Shopify, Slack and the generic `hmac` are all
// this, differing only in the recipe they hold or read from the configuration.
class HmacHeaderScheme : public SignatureScheme
{
public:
    // The recipe in force for this configuration, or why the configuration is unusable.
    virtual std::variant<HmacRecipe, QString> recipeFor(const SchemeConfig &config) const = 0;

    QString recipe(const SchemeConfig &config = {}) const override;
    Timestamps timestamps(const SchemeConfig &config = {}) const override;

protected:
    SignResult signRequest(const SignedRequest &request, const QByteArray &secret,
                           const SchemeOptions &options) const override;
    VerificationResult verifyRequest(const SignedRequest &request, const QByteArray &secret,
                                     const SchemeOptions &options) const override;
};

} // namespace hookbench
