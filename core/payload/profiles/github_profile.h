#pragma once

#include "payload/vendor_profile.h"

#include <QCoreApplication>

namespace hookbench {

// GitHub webhooks: X-GitHub-Event names the event, the payload's "action" refines it.
class GitHubProfile : public VendorProfile
{
    Q_DECLARE_TR_FUNCTIONS(hookbench::GitHubProfile)

public:
    QString id() const override;
    QString displayName() const override;
    int detect(const PayloadAnalysis &payload) const override;
    VendorSummary summarize(const PayloadAnalysis &payload) const override;
};

} // namespace hookbench
