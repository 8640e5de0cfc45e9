#pragma once

#include "payload/vendor_profile.h"

#include <QCoreApplication>

namespace hookbench {

// Standard Webhooks (standardwebhooks.com): webhook-id, webhook-timestamp and
// webhook-signature headers around a {"type", "timestamp", "data"} payload.
class StandardWebhooksProfile : public VendorProfile
{
    Q_DECLARE_TR_FUNCTIONS(hookbench::StandardWebhooksProfile)

public:
    QString id() const override;
    QString displayName() const override;
    int detect(const PayloadAnalysis &payload) const override;
    VendorSummary summarize(const PayloadAnalysis &payload) const override;
};

} // namespace hookbench
