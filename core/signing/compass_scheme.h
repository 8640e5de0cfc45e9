#pragma once

#include "hmac_header_scheme.h"

namespace hookbench {

// HCL Compass: hex HMAC-SHA1(secret, body) in a signature header. Every HmacRecipe setting can
// be overridden through the configuration, the header name first of all (see defaultRecipe()).
class CompassScheme : public HmacHeaderScheme
{
public:
    QString id() const override;
    QString displayName() const override;
    Configuration configuration() const override { return Configuration::Configurable; }
    SchemeConfig defaultConfig() const override;
    std::variant<HmacRecipe, QString> recipeFor(const SchemeConfig &config) const override;

    static HmacRecipe defaultRecipe();
};

} // namespace hookbench
