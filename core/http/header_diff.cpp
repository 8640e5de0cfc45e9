#include "header_diff.h"

namespace hookbench {

namespace {
QList<QByteArray> uniqueNames(const HeaderList &headers)
{
    QList<QByteArray> names;
    for (const HeaderField &field : headers) {
        const bool known = std::any_of(names.cbegin(), names.cend(), [&](const QByteArray &name) {
            return name.compare(field.name, Qt::CaseInsensitive) == 0;
        });
        if (!known)
            names.append(field.name);
    }
    return names;
}
} // namespace

QList<HeaderDifference> compareHeaders(const HeaderList &left, const HeaderList &right)
{
    QList<HeaderDifference> differences;
    const QList<QByteArray> leftNames = uniqueNames(left);
    for (const QByteArray &name : leftNames) {
        const QList<QByteArray> oldValues = left.values(name);
        const QList<QByteArray> newValues = right.values(name);
        if (newValues.isEmpty())
            differences.append({HeaderDifference::Kind::Removed, name, oldValues, {}});
        else if (oldValues != newValues)
            differences.append({HeaderDifference::Kind::Changed, name, oldValues, newValues});
    }
    for (const QByteArray &name : uniqueNames(right)) {
        if (!left.contains(name))
            differences.append({HeaderDifference::Kind::Added, name, {}, right.values(name)});
    }
    return differences;
}

} // namespace hookbench
