#include "compass_scheme.h"

using namespace Qt::StringLiterals;

namespace hookbench {

QString CompassScheme::id() const
{
    return u"compass"_s;
}

QString CompassScheme::displayName() const
{
    return tr("HCL Compass (HMAC-SHA1)");
}

HmacRecipe CompassScheme::defaultRecipe()
{
    // Where the default comes from: HCL's own article on Compass webhooks (seed 000, "HCL
    // Compass Webhooks in Action") says the secret "is used to hash the payload by using the
    // HMAC-SHA1 hash function and sent via signature header", and the Compass 2.0.x help page
    // "Creating a webhook" only says the hash is sent "as part of the HTTP headers". No public
    // source we could find names the header otherwise, so the default is the one the vendor's
    // wording gives, "Signature", with a bare hex digest; the setting is there for any other,
    // and the scheme finder discovers it from a captured request.
    HmacRecipe recipe;
    recipe.algorithm = crypto::HashAlgorithm::Sha1;
    recipe.header = QByteArrayLiteral("Signature");
    return recipe;
}

SchemeConfig CompassScheme::defaultConfig() const
{
    return defaultRecipe().toConfig();
}

std::variant<HmacRecipe, QString> CompassScheme::recipeFor(const SchemeConfig &config) const
{
    return HmacRecipe::fromConfig(config, defaultRecipe());
}

} // namespace hookbench
