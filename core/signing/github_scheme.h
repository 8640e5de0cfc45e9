#pragma once

#include "hmac_header_scheme.h"

namespace hookbench {

// GitHub: X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, body)>, and the legacy
// X-Hub-Signature: sha1=<hex HMAC-SHA1> that GitHub still sends beside it (`github-sha1`).
class GithubScheme : public HmacHeaderScheme
{
public:
    enum class Variant { Sha256, LegacySha1 };

    explicit GithubScheme(Variant variant = Variant::Sha256)
        : m_variant(variant)
    {}

    QString id() const override;
    QString displayName() const override;
    std::variant<HmacRecipe, QString> recipeFor(const SchemeConfig &config) const override;

private:
    Variant m_variant;
};

} // namespace hookbench
