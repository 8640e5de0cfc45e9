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

QString deliveryDirectionName(DeliveryDirection direction)
{
    return direction == DeliveryDirection::Outgoing ? u"out"_s : u"in"_s;
}

std::optional<DeliveryDirection> deliveryDirectionFromName(QStringView name)
{
    if (name == u"in")
        return DeliveryDirection::Incoming;
    if (name == u"out")
        return DeliveryDirection::Outgoing;
    return std::nullopt;
}

QString messageStateName(MessageState state)
{
    switch (state) {
    case MessageState::Pending:
        return u"pending"_s;
    case MessageState::Delivered:
        return u"delivered"_s;
    case MessageState::Failed:
        return u"failed"_s;
    }
    return u"pending"_s;
}

std::optional<MessageState> messageStateFromName(QStringView name)
{
    for (const MessageState state :
         {MessageState::Pending, MessageState::Delivered, MessageState::Failed}) {
        if (name == messageStateName(state))
            return state;
    }
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
