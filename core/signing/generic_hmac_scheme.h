#pragma once

#include "hmac_header_scheme.h"

namespace hookbench {

// `hmac`: any vendor whose recipe is an HMAC in a header, described entirely by the
// configuration (HmacRecipe::fromConfig keys).
class GenericHmacScheme : public HmacHeaderScheme
{
public:
    QString id() const override;
    QString displayName() const override;
    Configuration configuration() const override { return Configuration::Configurable; }
    SchemeConfig defaultConfig() const override;
    std::variant<HmacRecipe, QString> recipeFor(const SchemeConfig &config) const override;
};

} // namespace hookbench
