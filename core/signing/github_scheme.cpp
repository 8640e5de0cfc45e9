#include "github_scheme.h"

using namespace Qt::StringLiterals;

namespace hookbench {

QString GithubScheme::id() const
{
    return m_variant == Variant::Sha256 ? u"github"_s : u"github-sha1"_s;
}

QString GithubScheme::displayName() const
{
    return m_variant == Variant::Sha256 ? tr("GitHub (X-Hub-Signature-256)")
                                        : tr("GitHub legacy SHA-1 (X-Hub-Signature)");
}

std::variant<HmacRecipe, QString> GithubScheme::recipeFor(const SchemeConfig &) const
{
    HmacRecipe recipe;
    if (m_variant == Variant::Sha256) {
        recipe.header = QByteArrayLiteral("X-Hub-Signature-256");
        recipe.prefix = QByteArrayLiteral("sha256=");
    } else {
        recipe.algorithm = crypto::HashAlgorithm::Sha1;
        recipe.header = QByteArrayLiteral("X-Hub-Signature");
        recipe.prefix = QByteArrayLiteral("sha1=");
    }
    return recipe;
}

} // namespace hookbench
