#include "capture_handler.h"

#include "capture_writer.h"
#include "delivery_signed_request.h"
#include "signing/scheme_registry.h"
#include "signing/sender_delivery_id.h"
#include "store/delivery.h"

#include <QTimer>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace hookbench {

CaptureHandler::CaptureHandler(CaptureWriter *writer, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
{}

void CaptureHandler::setEndpoints(const QList<Endpoint> &endpoints, UnknownPathPolicy policy)
{
    m_endpoints = endpoints;
    // Longest prefix first, so "/hooks/github" wins over "/hooks".
    std::sort(m_endpoints.begin(), m_endpoints.end(),
              [](const Endpoint &a, const Endpoint &b) { return a.path.size() > b.path.size(); });
    m_unknownPathPolicy = policy;
}

HttpResponse CaptureHandler::defaultResponse()
{
    HttpResponse response;
    response.status = 200;
    return response;
}

const Endpoint *CaptureHandler::route(QByteArrayView path) const
{
    for (const Endpoint &endpoint : m_endpoints) {
        if (endpoint.matches(path))
            return &endpoint;
    }
    return nullptr;
}

void CaptureHandler::handleRequest(HttpRequest request, const ConnectionInfo &connection,
                                   Respond respond)
{
    Delivery delivery;
    delivery.receivedAtMs = request.firstByteAtMs;
    delivery.method = request.method;
    delivery.target = request.target;
    delivery.httpVersion = request.httpVersion();
    delivery.remoteAddress = connection.remoteAddress;
    delivery.contentType = request.headers.value("content-type").value_or(QByteArray());
    delivery.bodySize = request.body.size();
    delivery.senderDeliveryId = senderDeliveryId(request.headers);
    delivery.headers = std::move(request.headers);
    delivery.body = std::move(request.body);

    const QByteArray path = delivery.path();
    HttpResponse response = defaultResponse();
    int delayMs = 0;
    if (const Endpoint *endpoint = route(path)) {
        delivery.endpointId = endpoint->id;
        delivery.endpointName = endpoint->name;
        response.status = endpoint->response.status;
        response.headers = endpoint->response.headers;
        response.body = endpoint->response.body;
        delayMs = endpoint->response.delayMs;
        if (endpoint->verification.isConfigured()) {
            const VerificationResult result = verify(*endpoint, delivery, connection);
            delivery.verification = {VerificationResult::outcomeName(result.outcome),
                                     VerificationResult::reasonName(result.reason),
                                     endpoint->verification.schemeId, result.summary()};
            if (!result.isValid() && endpoint->verification.rejectInvalid) {
                // What a real receiver does; the row still keeps the request and the reason.
                response.status = 401;
                response.headers = {};
                response.body = result.summary().toUtf8() + '\n';
                delayMs = 0;
            }
        }
    } else if (!m_endpoints.isEmpty() && m_unknownPathPolicy == UnknownPathPolicy::Reject404) {
        delivery.state = DeliveryState::Rejected;
        delivery.rejectReason = tr("No endpoint has the path %1, and unknown paths are answered "
                                   "with 404.")
                                        .arg(QString::fromUtf8(path));
        response.status = 404;
        response.body = "No Hookbench endpoint at this path.\n";
    }
    response.closeConnection = !request.keepAlive;
    delivery.response = {response.status, response.headers, response.body};
    submit(std::move(delivery), request.startedNs, std::move(response), delayMs,
           std::move(respond));
}

VerificationResult CaptureHandler::verify(const Endpoint &endpoint, const Delivery &delivery,
                                          const ConnectionInfo &connection) const
{
    const SignatureScheme *scheme
            = SchemeRegistry::instance().scheme(endpoint.verification.schemeId);
    if (!scheme) {
        VerificationResult unknown = VerificationResult::notConfigured(
                VerificationResult::Reason::InvalidConfiguration,
                tr("The endpoint names the unknown signature scheme '%1'.")
                        .arg(endpoint.verification.schemeId));
        unknown.schemeId = endpoint.verification.schemeId;
        return unknown;
    }
    const SignedRequest request = signedRequestOf(delivery, connection.encrypted);
    SchemeOptions options;
    options.now = delivery.receivedAtMs / 1000;
    options.toleranceSeconds = endpoint.verification.toleranceSeconds;
    options.config = endpoint.verification.config;
    return scheme->verify(request, endpoint.verification.secret, options);
}

void CaptureHandler::handleRejected(RejectedMessage message, const ConnectionInfo &connection,
                                    Respond respond)
{
    Delivery delivery;
    delivery.receivedAtMs = message.firstByteAtMs;
    delivery.state = DeliveryState::Rejected;
    delivery.rejectReason = message.reason;
    delivery.method = message.method;
    delivery.target = message.target;
    delivery.remoteAddress = connection.remoteAddress;
    // For a rejected message the body column holds the first bytes that arrived, headers and
    // all: that is what a user needs to see why a webhook "never arrived".
    delivery.body = message.firstBytes;
    delivery.bodySize = message.firstBytes.size();

    HttpResponse response;
    response.status = message.status;
    response.body = message.reason.toUtf8() + '\n';
    response.closeConnection = true;
    delivery.response = {response.status, response.headers, response.body};
    submit(std::move(delivery), message.startedNs, std::move(response), 0, std::move(respond));
}

void CaptureHandler::submit(Delivery delivery, qint64 startedNs, HttpResponse response, int delayMs,
                            Respond respond)
{
    const quint64 ticket = m_nextTicket++;
    m_waiting.insert(ticket, {std::move(respond), std::move(response), delayMs});
    m_writer->enqueue(ticket, std::move(delivery), startedNs);
}

void CaptureHandler::onCommitted(const QList<quint64> &tickets, const QList<qint64> &ids,
                                 const QString &error)
{
    if (!error.isEmpty())
        emit storageFailed(error);
    for (const quint64 ticket : tickets) {
        Waiting waiting = m_waiting.take(ticket);
        if (!waiting.respond)
            continue;
        if (!error.isEmpty()) {
            // Not stored, so never a 2xx: a sender retries a 503 and loses nothing.
            HttpResponse failure;
            failure.status = 503;
            failure.headers.append("Retry-After", "5");
            failure.body = "Hookbench could not store this request: " + error.toUtf8() + '\n';
            failure.closeConnection = waiting.response.closeConnection;
            waiting.respond(std::move(failure));
            continue;
        }
        if (waiting.delayMs > 0) {
            QTimer::singleShot(waiting.delayMs, this,
                               [respond = std::move(waiting.respond),
                                response = std::move(waiting.response)]() mutable {
                                   respond(std::move(response));
                               });
        } else {
            waiting.respond(std::move(waiting.response));
        }
    }
    if (!ids.isEmpty())
        emit stored(ids);
}

} // namespace hookbench
