#include "vendor_summary.h"

namespace hookbench {

void VendorSummary::addFact(const QString &key, const QString &label,
                            const std::optional<QString> &value)
{
    if (value && !value->isEmpty())
        facts.append({key, label, *value});
}

std::optional<QString> VendorSummary::fact(QStringView key) const
{
    for (const SummaryFact &item : facts) {
        if (item.key == key)
            return item.value;
    }
    return std::nullopt;
}

const SummaryTable *VendorSummary::table(QStringView key) const
{
    for (const SummaryTable &item : tables) {
        if (item.key == key)
            return &item;
    }
    return nullptr;
}

} // namespace hookbench
