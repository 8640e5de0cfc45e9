#include "delivery.h"

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
QByteArray pathOf(const QByteArray &target)
{
    const qsizetype question = target.indexOf('?');
    return question < 0 ? target : target.first(question);
}

QByteArray queryOf(const QByteArray &target)
{
    const qsizetype question = target.indexOf('?');
    return question < 0 ? QByteArray() : target.sliced(question + 1);
}
} // namespace

QString deliveryStateName(DeliveryState state)
{
    switch (state) {
    case DeliveryState::Stored:
        return u"stored"_s;
    case DeliveryState::Rejected:
        return u"rejected"_s;
    }
    return u"stored"_s;
}

std::optional<DeliveryState> deliveryStateFromName(QStringView name)
{
    if (name == u"stored")
        return DeliveryState::Stored;
    if (name == u"rejected")
        return DeliveryState::Rejected;
    return std::nullopt;
}

QByteArray Delivery::path() const
{
    return pathOf(target);
}

QByteArray Delivery::query() const
{
    return queryOf(target);
}

QByteArray DeliverySummary::path() const
{
    return pathOf(target);
}

QByteArray DeliverySummary::query() const
{
    return queryOf(target);
}

} // namespace hookbench
