#include "jobserv_scheme.h"

using namespace Qt::StringLiterals;

namespace hookbench {

QString JobservScheme::id() const
{
    return u"jobserv"_s;
}

QString JobservScheme::displayName() const
{
    return tr("Foundries.io CI (X-JobServ-Sig)");
}

std::variant<HmacRecipe, QString> JobservScheme::recipeFor(const SchemeConfig &) const
{
    HmacRecipe recipe;
    recipe.header = QByteArrayLiteral("X-JobServ-Sig");
    recipe.prefix = QByteArrayLiteral("sha256:");
    return recipe;
}

} // namespace hookbench
