#include "shopify_scheme.h"

using namespace Qt::StringLiterals;

namespace hookbench {

QString ShopifyScheme::id() const
{
    return u"shopify"_s;
}

QString ShopifyScheme::displayName() const
{
    return tr("Shopify (X-Shopify-Hmac-Sha256)");
}

std::variant<HmacRecipe, QString> ShopifyScheme::recipeFor(const SchemeConfig &) const
{
    HmacRecipe recipe;
    recipe.header = QByteArrayLiteral("X-Shopify-Hmac-Sha256");
    recipe.encoding = crypto::SignatureEncoding::Base64;
    return recipe;
}

} // namespace hookbench
