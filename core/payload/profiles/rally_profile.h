#pragma once

#include "payload/vendor_profile.h"

#include <QCoreApplication>

namespace hookbench {

// Rally / Agile Central: a rich "message" whose "state" and "changes" are keyed by attribute UUID.
class RallyProfile : public VendorProfile
{
    Q_DECLARE_TR_FUNCTIONS(hookbench::RallyProfile)

public:
    QString id() const override;
    QString displayName() const override;
    int detect(const PayloadAnalysis &payload) const override;
    VendorSummary summarize(const PayloadAnalysis &payload) const override;
};

} // namespace hookbench
