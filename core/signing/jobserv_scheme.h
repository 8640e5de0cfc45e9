#pragma once

#include "hmac_header_scheme.h"

namespace hookbench {

// Foundries.io CI (JobServ): X-JobServ-Sig: sha256:<hex HMAC-SHA256(secret, body)>. The seed
// document (Foundries CI webhooks) names the header and the HMAC-SHA256; the "sha256:" prefix
// is the value format of issue 3.
class JobservScheme : public HmacHeaderScheme
{
public:
    QString id() const override;
    QString displayName() const override;
    std::variant<HmacRecipe, QString> recipeFor(const SchemeConfig &config) const override;
};

} // namespace hookbench
