#include "generic_hmac_scheme.h"

using namespace Qt::StringLiterals;

namespace hookbench {

QString GenericHmacScheme::id() const
{
    return u"hmac"_s;
}

QString GenericHmacScheme::displayName() const
{
    return tr("Generic HMAC (configurable)");
}

SchemeConfig GenericHmacScheme::defaultConfig() const
{
    return HmacRecipe().toConfig();
}

std::variant<HmacRecipe, QString> GenericHmacScheme::recipeFor(const SchemeConfig &config) const
{
    return HmacRecipe::fromConfig(config);
}

} // namespace hookbench
