#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <variant>

namespace hookbench {

// Reads "prefix + digest" signature headers such as "sha256=<hex>" or "v0=<hex>". A header may
// occur several times and a value may list several comma- or space-separated signatures (key
// rotation); tokens with another prefix ("sha1=" next to "sha256=") are skipped.
class PrefixedSignatureParser
{
    Q_DECLARE_TR_FUNCTIONS(PrefixedSignatureParser)

public:
    // The signatures without their prefix, or why the header is malformed.
    static std::variant<QList<QByteArray>, QString> parse(const QList<QByteArray> &values,
                                                          QByteArrayView prefix);
};

} // namespace hookbench
