#pragma once

#include "json_tree.h"
#include "vendor_summary.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace hookbench {

struct PayloadAnalysis;

// Knows one vendor's webhooks: recognises them and summarises them. Profiles are stateless and
// thread-safe; each lives in core/payload/profiles/<vendor>_profile.cpp.
class VendorProfile
{
public:
    // Detection confidence, highest wins: a vendor-specific header is proof, a documented URL
    // shape is strong, a payload shape alone is a good guess.
    static constexpr int NotDetected = 0;
    static constexpr int ShapeMatch = 40;
    static constexpr int UrlMatch = 70;
    static constexpr int GenericHeaderMatch = 80;
    static constexpr int HeaderMatch = 100;

    virtual ~VendorProfile() = default;

    // Stable id: compass, rally, devlake, remedy, foundries, github, stripe, slack, shopify,
    // twilio, standard-webhooks.
    virtual QString id() const = 0;
    virtual QString displayName() const = 0;
    virtual int detect(const PayloadAnalysis &payload) const = 0;
    // Called for a detected (or user-chosen) payload; must cope with any input all the same.
    virtual VendorSummary summarize(const PayloadAnalysis &payload) const = 0;

protected:
    // The JSON document of a payload: the body's, or the "payload" form field's (GitHub and
    // Slack interactive messages send JSON that way).
    static JsonTree payloadJson(const PayloadAnalysis &payload);
    // A value for a summary cell: scalars as text, {value, units} as "32.0 Points", objects with
    // a name as that name, anything else as compact JSON.
    static QString displayValue(const JsonTree &tree, JsonTree::NodeId node);
    static std::optional<QString> header(const PayloadAnalysis &payload, QByteArrayView name);
    // "1h 2m 3s" between two ISO 8601 timestamps, if both parse.
    static std::optional<QString> duration(const QString &from, const QString &to);
    VendorSummary startSummary() const;
};

} // namespace hookbench
