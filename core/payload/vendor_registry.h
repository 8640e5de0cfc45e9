#pragma once

#include "vendor_profile.h"

#include <QString>
#include <memory>
#include <vector>

namespace hookbench {

struct PayloadAnalysis;

// The vendor profiles Hookbench knows, and the choice between them for a payload.
class VendorRegistry
{
public:
    VendorRegistry() = default;
    VendorRegistry(VendorRegistry &&) = default;
    VendorRegistry &operator=(VendorRegistry &&) = default;

    // Every built-in profile; immutable, safe to use from any thread.
    static const VendorRegistry &builtIn();

    void add(std::unique_ptr<VendorProfile> profile);
    const VendorProfile *profile(QStringView id) const;
    QList<const VendorProfile *> profiles() const;
    // The most confident profile, or nullptr when none recognises the payload. On a tie the one
    // added first wins (vendor-specific profiles are added before generic ones).
    const VendorProfile *detect(const PayloadAnalysis &payload) const;

private:
    std::vector<std::unique_ptr<VendorProfile>> m_profiles;
};

} // namespace hookbench
