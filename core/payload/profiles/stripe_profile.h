#pragma once

#include "payload/vendor_profile.h"

#include <QCoreApplication>

namespace hookbench {

// Stripe events: {"object": "event", "type": ..., "data": {"object": ...}}, signed in
// Stripe-Signature.
class StripeProfile : public VendorProfile
{
    Q_DECLARE_TR_FUNCTIONS(hookbench::StripeProfile)

public:
    QString id() const override;
    QString displayName() const override;
    int detect(const PayloadAnalysis &payload) const override;
    VendorSummary summarize(const PayloadAnalysis &payload) const override;
};

} // namespace hookbench
