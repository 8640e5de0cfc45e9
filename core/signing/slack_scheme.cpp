#include "slack_scheme.h"

using namespace Qt::StringLiterals;

namespace hookbench {

QString SlackScheme::id() const
{
    return u"slack"_s;
}

QString SlackScheme::displayName() const
{
    return tr("Slack (X-Slack-Signature)");
}

std::variant<HmacRecipe, QString> SlackScheme::recipeFor(const SchemeConfig &) const
{
    HmacRecipe recipe;
    recipe.header = QByteArrayLiteral("X-Slack-Signature");
    recipe.prefix = QByteArrayLiteral("v0=");
    recipe.signedTemplate = QByteArrayLiteral("v0:{timestamp}:{body}");
    recipe.timestampHeader = QByteArrayLiteral("X-Slack-Request-Timestamp");
    return recipe;
}

} // namespace hookbench
