#pragma once

#include "signature_scheme.h"

#include <QList>
#include <QStringList>
#include <memory>
#include <vector>

namespace hookbench {

// Every scheme Hookbench knows, by id, in the order a picker shows them.
class SchemeRegistry
{
public:
    static const SchemeRegistry &instance();

    // nullptr for an unknown id.
    const SignatureScheme *scheme(QStringView id) const;
    QList<const SignatureScheme *> schemes() const;
    QStringList ids() const;

    SchemeRegistry(const SchemeRegistry &) = delete;
    SchemeRegistry &operator=(const SchemeRegistry &) = delete;

private:
    SchemeRegistry();

    std::vector<std::unique_ptr<SignatureScheme>> m_schemes;
};

} // namespace hookbench
