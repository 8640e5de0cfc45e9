#pragma once

#include "payload/vendor_profile.h"

#include <QCoreApplication>

namespace hookbench {

// Shopify webhooks: X-Shopify-Topic names the event.
class ShopifyProfile : public VendorProfile
{
    Q_DECLARE_TR_FUNCTIONS(hookbench::ShopifyProfile)

public:
    QString id() const override;
    QString displayName() const override;
    int detect(const PayloadAnalysis &payload) const override;
    VendorSummary summarize(const PayloadAnalysis &payload) const override;
};

} // namespace hookbench
