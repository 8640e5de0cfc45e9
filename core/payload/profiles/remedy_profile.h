#pragma once

#include "payload/vendor_profile.h"

#include <QCoreApplication>

namespace hookbench {

// BMC Remedy AR System webhook callbacks: JSON, or multipart with an "entry" part and
// "attach-<field>" attachment parts.
class RemedyProfile : public VendorProfile
{
    Q_DECLARE_TR_FUNCTIONS(hookbench::RemedyProfile)

public:
    QString id() const override;
    QString displayName() const override;
    int detect(const PayloadAnalysis &payload) const override;
    VendorSummary summarize(const PayloadAnalysis &payload) const override;
};

} // namespace hookbench
