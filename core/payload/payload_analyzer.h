#pragma once

#include "payload_analysis.h"

#include <QString>

namespace hookbench {

class VendorRegistry;

// The one entry point the CLI and the inspector call: decode, classify, parse, and recognise
// the vendor. Pure and thread-safe; run it off the GUI thread for large bodies.
class PayloadAnalyzer
{
public:
    struct Options
    {
        // Cap on a decompressed body (decompression bombs).
        qint64 maxDecodedSize = qint64(64) * 1024 * 1024;
        // A profile id to use instead of detection (an endpoint configured for one vendor).
        QString vendor;
        bool detectVendor = true;
        int maxJsonDepth = 1024;
    };

    static PayloadAnalysis analyze(const HeaderList &headers, const QByteArray &body,
                                   const QByteArray &target, const Options &options);
    // One multipart part as a payload of its own (a JSON part is inspectable like a body).
    static PayloadAnalysis analyzePart(const MultipartPart &part, const Options &options);
};

inline PayloadAnalysis analyzePayload(const HeaderList &headers, const QByteArray &body,
                                      const QByteArray &target = {},
                                      const PayloadAnalyzer::Options &options = {})
{
    return PayloadAnalyzer::analyze(headers, body, target, options);
}

} // namespace hookbench
