#include "scheme_registry.h"

#include "basic_auth_scheme.h"
#include "bearer_scheme.h"
#include "compass_scheme.h"
#include "generic_hmac_scheme.h"
#include "github_scheme.h"
#include "jobserv_scheme.h"
#include "shopify_scheme.h"
#include "slack_scheme.h"
#include "standard_webhooks_scheme.h"
#include "stripe_scheme.h"
#include "twilio_scheme.h"

namespace hookbench {

SchemeRegistry::SchemeRegistry()
{
    m_schemes.push_back(std::make_unique<GithubScheme>(GithubScheme::Variant::Sha256));
    m_schemes.push_back(std::make_unique<GithubScheme>(GithubScheme::Variant::LegacySha1));
    m_schemes.push_back(std::make_unique<JobservScheme>());
    m_schemes.push_back(std::make_unique<CompassScheme>());
    m_schemes.push_back(std::make_unique<StripeScheme>());
    m_schemes.push_back(std::make_unique<SlackScheme>());
    m_schemes.push_back(std::make_unique<StandardWebhooksScheme>());
    m_schemes.push_back(std::make_unique<ShopifyScheme>());
    m_schemes.push_back(std::make_unique<TwilioScheme>());
    m_schemes.push_back(std::make_unique<BasicAuthScheme>());
    m_schemes.push_back(std::make_unique<BearerScheme>());
    m_schemes.push_back(std::make_unique<GenericHmacScheme>());
}

const SchemeRegistry &SchemeRegistry::instance()
{
    static const SchemeRegistry registry;
    return registry;
}

const SignatureScheme *SchemeRegistry::scheme(QStringView id) const
{
    for (const auto &scheme : m_schemes) {
        if (scheme->id() == id)
            return scheme.get();
    }
    return nullptr;
}

QList<const SignatureScheme *> SchemeRegistry::schemes() const
{
    QList<const SignatureScheme *> result;
    for (const auto &scheme : m_schemes)
        result.append(scheme.get());
    return result;
}

QStringList SchemeRegistry::ids() const
{
    QStringList result;
    for (const auto &scheme : m_schemes)
        result.append(scheme->id());
    return result;
}

} // namespace hookbench
