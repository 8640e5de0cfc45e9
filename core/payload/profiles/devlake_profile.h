#pragma once

#include "payload/vendor_profile.h"

#include <QCoreApplication>

namespace hookbench {

// Apache DevLake incoming webhooks: deployments, issues and close-issue, checked against the
// documented payload schema; the URL (.../plugins/webhook/<connection>/<kind>) names the kind.
class DevLakeProfile : public VendorProfile
{
    Q_DECLARE_TR_FUNCTIONS(hookbench::DevLakeProfile)

public:
    QString id() const override;
    QString displayName() const override;
    int detect(const PayloadAnalysis &payload) const override;
    VendorSummary summarize(const PayloadAnalysis &payload) const override;
};

} // namespace hookbench
