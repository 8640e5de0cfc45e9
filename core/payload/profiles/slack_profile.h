#pragma once

#include "payload/vendor_profile.h"

#include <QCoreApplication>

namespace hookbench {

// Slack: Events API callbacks (JSON), slash commands and interactive payloads (forms).
class SlackProfile : public VendorProfile
{
    Q_DECLARE_TR_FUNCTIONS(hookbench::SlackProfile)

public:
    QString id() const override;
    QString displayName() const override;
    int detect(const PayloadAnalysis &payload) const override;
    VendorSummary summarize(const PayloadAnalysis &payload) const override;
};

} // namespace hookbench
