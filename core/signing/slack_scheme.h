#pragma once

#include "hmac_header_scheme.h"

namespace hookbench {

// Slack: X-Slack-Signature: v0=<hex HMAC-SHA256(secret, "v0:<ts>:<body>")>, with <ts> from
// X-Slack-Request-Timestamp.
class SlackScheme : public HmacHeaderScheme
{
public:
    QString id() const override;
    QString displayName() const override;
    std::variant<HmacRecipe, QString> recipeFor(const SchemeConfig &config) const override;
};

} // namespace hookbench
