#pragma once

#include "payload/vendor_profile.h"

#include <QCoreApplication>

namespace hookbench {

// Twilio status and incoming-message callbacks (forms), and Event Streams (JSON CloudEvents).
class TwilioProfile : public VendorProfile
{
    Q_DECLARE_TR_FUNCTIONS(hookbench::TwilioProfile)

public:
    QString id() const override;
    QString displayName() const override;
    int detect(const PayloadAnalysis &payload) const override;
    VendorSummary summarize(const PayloadAnalysis &payload) const override;
};

} // namespace hookbench
