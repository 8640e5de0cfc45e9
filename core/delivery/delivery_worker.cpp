#include "delivery_worker.h"

#include "outgoing_request.h"
#include "retry_policy.h"
#include "store/delivery_store.h"
#include "store/outbox_store.h"
#include "store/subscription_store.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace hookbench {

namespace {

// How long a message being sent stays out of the outbox's way beyond its timeout: if the process
// dies mid-request, the message is due again after that.
constexpr qint64 leaseMarginMs = 5000;

QByteArray targetOf(const QUrl &url)
{
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    return target;
}

} // namespace

DeliveryWorker::DeliveryWorker(DeliveryEngineConfig config)
    : m_config(std::move(config))
    , m_random(QRandomGenerator::securelySeeded())
{}

DeliveryWorker::~DeliveryWorker() = default;

QString DeliveryWorker::open()
{
    if (!m_database.open(m_config.databaseLocation))
        return m_database.errorString();
    m_subscriptions = std::make_unique<SubscriptionStore>(m_database, m_config.secrets);
    m_outbox = std::make_unique<OutboxStore>(m_database);
    m_deliveries = std::make_unique<DeliveryStore>(m_database);
    m_network = std::make_unique<QNetworkAccessManager>();
    connect(m_network.get(), &QNetworkAccessManager::finished, this, &DeliveryWorker::onFinished);
    m_wake = std::make_unique<QTimer>();
    m_wake->setSingleShot(true);
    connect(m_wake.get(), &QTimer::timeout, this, &DeliveryWorker::pump);
    m_sinceCacheRefresh.start();
    // Whatever was pending when the last run stopped or crashed goes out now.
    schedulePump();
    return {};
}

void DeliveryWorker::shutdown()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<qint64> interrupted;
    for (auto it = m_flights.cbegin(); it != m_flights.cend(); ++it) {
        disconnect(it.key(), nullptr, this, nullptr);
        it.key()->abort();
        it.key()->deleteLater();
        interrupted.append(it.value().message.id);
    }
    m_flights.clear();
    m_inFlight.clear();
    if (m_outbox)
        m_outbox->lease(interrupted, now);
    m_wake.reset();
    m_network.reset();
    m_deliveries.reset();
    m_outbox.reset();
    m_subscriptions.reset();
    m_database.close();
}

RouteResult DeliveryWorker::fire(const QString &eventType, const QByteArray &payload,
                                 const QByteArray &contentType)
{
    RouteResult result;
    if (!m_outbox)
        return result;
    m_active = m_subscriptions->subscriptions();
    m_subscriptionCache.clear();
    m_sinceCacheRefresh.restart();
    result = MessageRouter::route(m_active, eventType, payload, contentType);
    if (!m_outbox->enqueue(result.messages)) {
        emit warning(m_outbox->errorString());
        result.messages.clear();
        return result;
    }
    schedulePump();
    return result;
}

void DeliveryWorker::schedulePump()
{
    if (m_pumpQueued)
        return;
    m_pumpQueued = true;
    QMetaObject::invokeMethod(this, &DeliveryWorker::pump, Qt::QueuedConnection);
}

std::optional<Subscription> DeliveryWorker::subscription(qint64 id)
{
    auto it = m_subscriptionCache.find(id);
    if (it == m_subscriptionCache.end())
        it = m_subscriptionCache.insert(id, m_subscriptions->subscription(id));
    return *it;
}

void DeliveryWorker::pump()
{
    m_pumpQueued = false;
    if (!m_outbox)
        return;
    // Edits made elsewhere (the CLI, the editor) are seen within one poll interval.
    if (m_active.isEmpty() || m_sinceCacheRefresh.elapsed() >= m_config.pollInterval.count()) {
        m_subscriptionCache.clear();
        m_active = m_subscriptions->subscriptions();
        m_sinceCacheRefresh.restart();
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Subscription &target : std::as_const(m_active)) {
        // A disabled subscription keeps its messages pending until it is enabled again.
        if (!target.isEnabled())
            continue;
        const int free = m_config.maxConcurrencyPerSubscription - m_inFlight.value(target.id);
        if (free <= 0)
            continue;
        QList<qint64> leased;
        for (const OutboxMessage &due : m_outbox->due(target.id, now, free)) {
            const std::optional<OutboxMessage> message = m_outbox->message(due.id);
            if (message && send(*message, target))
                leased.append(message->id);
        }
        if (!m_outbox->lease(leased, now + target.timeout.count() + leaseMarginMs))
            emit warning(m_outbox->errorString());
    }
    // Sleep until the next message falls due, but look again within the poll interval for
    // messages another process wrote.
    qint64 wait = m_config.pollInterval.count();
    if (const auto next = m_outbox->nextDueAt())
        wait = std::clamp<qint64>(*next - QDateTime::currentMSecsSinceEpoch(), 0, wait);
    m_wake->start(static_cast<int>(wait));
}

bool DeliveryWorker::send(const OutboxMessage &message, const Subscription &target)
{
    Flight flight;
    flight.message = message;
    flight.message.attempts += 1;
    Delivery &attempt = flight.attempt;
    attempt.direction = DeliveryDirection::Outgoing;
    attempt.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    attempt.method = "POST";
    attempt.target = targetOf(target.url);
    attempt.httpVersion = "HTTP/1.1";
    attempt.remoteAddress = target.url.authority();
    attempt.outgoing.messageId = message.id;
    attempt.outgoing.attempt = flight.message.attempts;
    attempt.outgoing.subscriptionId = target.id;
    attempt.outgoing.url = target.url.toString(QUrl::FullyEncoded);

    const auto built = OutgoingRequest::build(target, message, attempt.receivedAtMs / 1000);
    if (const QString *error = std::get_if<QString>(&built)) {
        // Nothing can be sent: a retry would fail the same way until the user fixes it.
        attempt.outgoing.error = *error;
        attempt.body = message.payload;
        attempt.bodySize = message.payload.size();
        flight.message.nextAttemptAtMs = attempt.receivedAtMs;
        settle(flight.message, attempt, {});
        return false;
    }
    const OutgoingRequest &request = std::get<OutgoingRequest>(built);
    attempt.headers = request.headers;
    // Qt adds Content-Length itself; the history shows it as sent.
    attempt.headers.append("Content-Length", QByteArray::number(request.body.size()));
    attempt.body = request.body;
    attempt.bodySize = request.body.size();
    attempt.contentType = request.headers.value("Content-Type").value_or(QByteArray());

    QNetworkRequest networkRequest(request.url);
    for (const HeaderField &field : request.headers)
        networkRequest.setRawHeader(field.name, field.value);
    networkRequest.setTransferTimeout(static_cast<int>(target.timeout.count()));
    // A webhook is one request: a redirect is the target's answer, not a new address.
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    // HTTP/1.1 keeps what the history shows identical to what went over the wire.
    networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    QNetworkReply *reply = m_network->post(networkRequest, request.body);
    if (target.tls == TlsVerification::Skip) {
        connect(reply, &QNetworkReply::sslErrors, reply,
                [reply](const QList<QSslError> &) { reply->ignoreSslErrors(); });
    }
    flight.clock.start();
    m_flights.insert(reply, std::move(flight));
    m_inFlight[target.id] += 1;
    return true;
}

void DeliveryWorker::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    const auto it = m_flights.find(reply);
    if (it == m_flights.end())
        return;
    Flight flight = std::move(it.value());
    m_flights.erase(it);
    if (--m_inFlight[flight.message.subscriptionId] <= 0)
        m_inFlight.remove(flight.message.subscriptionId);

    Delivery &attempt = flight.attempt;
    attempt.outgoing.durationUs = flight.clock.nsecsElapsed() / 1000;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid()) {
        attempt.response.status = status.toInt();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            attempt.response.headers.append(name, value);
        attempt.response.body = reply->readAll();
    } else {
        attempt.outgoing.error = reply->error() == QNetworkReply::OperationCanceledError
                                         ? tr("No answer within the timeout.")
                                         : reply->errorString();
    }
    const QByteArray retryAfter
            = attempt.response.headers.value("Retry-After").value_or(QByteArray());
    settle(flight.message, attempt, retryAfter);
    schedulePump();
}

void DeliveryWorker::settle(OutboxMessage message, Delivery attempt, const QByteArray &retryAfter)
{
    const int status = attempt.response.status;
    const bool delivered = status >= 200 && status < 300;
    if (!delivered && attempt.outgoing.error.isEmpty())
        attempt.outgoing.error = tr("The target answered %1.").arg(status);
    QList<Delivery> rows = {attempt};
    if (!m_deliveries->insert(rows))
        emit warning(m_deliveries->errorString());

    const std::optional<Subscription> target = subscription(message.subscriptionId);
    if (delivered) {
        message.state = MessageState::Delivered;
        message.lastError.clear();
        if (target && target->failureStreak > 0) {
            m_subscriptions->resetFailures(target->id);
            m_subscriptionCache.remove(target->id);
        }
    } else {
        message.lastError = attempt.outgoing.error;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto delay
                = target ? RetryPolicy::delayAfter(target->retrySchedule, message.attempts, status,
                                                   retryAfter, now, m_config.jitter, m_random)
                         : std::nullopt;
        if (delay) {
            message.nextAttemptAtMs = now.toMSecsSinceEpoch() + delay->count();
        } else {
            message.state = MessageState::Failed;
        }
    }
    if (!m_outbox->update(message))
        emit warning(m_outbox->errorString());
    emit attemptFinished(message.id, attempt.outgoing.attempt, status, attempt.outgoing.error);
    if (message.state != MessageState::Pending)
        emit messageSettled(message.id, message.state);
    if (message.state == MessageState::Failed)
        countFailure(message.subscriptionId);
}

void DeliveryWorker::countFailure(qint64 subscriptionId)
{
    const auto streak = m_subscriptions->recordFailure(subscriptionId);
    m_subscriptionCache.remove(subscriptionId);
    const std::optional<Subscription> target = subscription(subscriptionId);
    if (!streak || !target)
        return;
    if (*streak >= Subscription::flagAfterFailures)
        emit subscriptionFailing(target->id, target->name, *streak);
    if (target->disableAfterFailures > 0 && *streak >= target->disableAfterFailures
        && target->isEnabled()) {
        if (m_subscriptions->setState(target->id, SubscriptionState::Disabled)) {
            m_subscriptionCache.remove(subscriptionId);
            emit subscriptionDisabled(target->id, target->name, *streak);
        }
    }
}

} // namespace hookbench
