#pragma once

#include "payload/vendor_profile.h"

#include <QCoreApplication>

namespace hookbench {

// Foundries.io CI build notifications, signed in X-JobServ-Sig.
class FoundriesProfile : public VendorProfile
{
    Q_DECLARE_TR_FUNCTIONS(hookbench::FoundriesProfile)

public:
    QString id() const override;
    QString displayName() const override;
    int detect(const PayloadAnalysis &payload) const override;
    VendorSummary summarize(const PayloadAnalysis &payload) const override;
};

} // namespace hookbench
