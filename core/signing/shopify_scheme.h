#pragma once

#include "hmac_header_scheme.h"

namespace hookbench {

// Shopify: X-Shopify-Hmac-Sha256: <base64 HMAC-SHA256(secret, body)>.
class ShopifyScheme : public HmacHeaderScheme
{
public:
    QString id() const override;
    QString displayName() const override;
    std::variant<HmacRecipe, QString> recipeFor(const SchemeConfig &config) const override;
};

} // namespace hookbench
