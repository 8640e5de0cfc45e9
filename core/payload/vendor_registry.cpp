#include "vendor_registry.h"

#include "profiles/compass_profile.h"
#include "profiles/devlake_profile.h"
#include "profiles/foundries_profile.h"
#include "profiles/github_profile.h"
#include "profiles/rally_profile.h"
#include "profiles/remedy_profile.h"
#include "profiles/shopify_profile.h"
#include "profiles/slack_profile.h"
#include "profiles/standard_webhooks_profile.h"
#include "profiles/stripe_profile.h"
#include "profiles/twilio_profile.h"

#include <QList>

namespace hookbench {

const VendorRegistry &VendorRegistry::builtIn()
{
    static const VendorRegistry registry = [] {
        VendorRegistry result;
        result.add(std::make_unique<CompassProfile>());
        result.add(std::make_unique<RallyProfile>());
        result.add(std::make_unique<DevLakeProfile>());
        result.add(std::make_unique<RemedyProfile>());
        result.add(std::make_unique<FoundriesProfile>());
        result.add(std::make_unique<GitHubProfile>());
        result.add(std::make_unique<StripeProfile>());
        result.add(std::make_unique<SlackProfile>());
        result.add(std::make_unique<ShopifyProfile>());
        result.add(std::make_unique<TwilioProfile>());
        result.add(std::make_unique<StandardWebhooksProfile>());
        return result;
    }();
    return registry;
}

void VendorRegistry::add(std::unique_ptr<VendorProfile> profile)
{
    m_profiles.push_back(std::move(profile));
}

const VendorProfile *VendorRegistry::profile(QStringView id) const
{
    for (const auto &candidate : m_profiles) {
        if (candidate->id() == id)
            return candidate.get();
    }
    return nullptr;
}

QList<const VendorProfile *> VendorRegistry::profiles() const
{
    QList<const VendorProfile *> result;
    for (const auto &candidate : m_profiles)
        result.append(candidate.get());
    return result;
}

const VendorProfile *VendorRegistry::detect(const PayloadAnalysis &payload) const
{
    const VendorProfile *best = nullptr;
    int bestScore = VendorProfile::NotDetected;
    for (const auto &candidate : m_profiles) {
        const int score = candidate->detect(payload);
        if (score > bestScore) {
            best = candidate.get();
            bestScore = score;
        }
    }
    return best;
}

} // namespace hookbench
