#pragma once

#include "payload/vendor_profile.h"

#include <QCoreApplication>

namespace hookbench {

// HCL Compass: record payloads of the Webhooks package, {"webUrl", "content": {field: {value,
// truncated[, url]}}}.
class CompassProfile : public VendorProfile
{
    Q_DECLARE_TR_FUNCTIONS(hookbench::CompassProfile)

public:
    QString id() const override;
    QString displayName() const override;
    int detect(const PayloadAnalysis &payload) const override;
    VendorSummary summarize(const PayloadAnalysis &payload) const override;
};

} // namespace hookbench
