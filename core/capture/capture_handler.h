#pragma once

#include "http/request_handler.h"
#include "signing/verification_result.h"
#include "store/endpoint.h"

#include <QHash>
#include <QObject>

namespace hookbench {

class CaptureWriter;
struct Delivery;

// Decides what each request is (which endpoint, or the inbox, or a rejection), hands it to the
// writer, and answers only once the writer has committed it: the server never says 2xx for a
// request it did not store. Lives on the network thread.
class CaptureHandler : public QObject, public RequestHandler
{
    Q_OBJECT

public:
    explicit CaptureHandler(CaptureWriter *writer, QObject *parent = nullptr);

    void setEndpoints(const QList<hookbench::Endpoint> &endpoints,
                      hookbench::UnknownPathPolicy policy);

    void handleRequest(HttpRequest request, const ConnectionInfo &connection,
                       Respond respond) override;
    void handleRejected(RejectedMessage message, const ConnectionInfo &connection,
                        Respond respond) override;

    // Slot for CaptureWriter::committed (queued onto this thread).
    void onCommitted(const QList<quint64> &tickets, const QList<qint64> &ids, const QString &error);

    // The answer when no canned response is configured.
    static HttpResponse defaultResponse();

signals:
    void stored(const QList<qint64> &ids);
    void storageFailed(const QString &error);

private:
    struct Waiting
    {
        Respond respond;
        HttpResponse response;
        int delayMs = 0;
    };

    const Endpoint *route(QByteArrayView path) const;
    VerificationResult verify(const Endpoint &endpoint, const Delivery &delivery,
                              const ConnectionInfo &connection) const;
    void submit(Delivery delivery, qint64 startedNs, HttpResponse response, int delayMs,
                Respond respond);

    CaptureWriter *m_writer;
    QList<Endpoint> m_endpoints;
    UnknownPathPolicy m_unknownPathPolicy = UnknownPathPolicy::CaptureToInbox;
    QHash<quint64, Waiting> m_waiting;
    quint64 m_nextTicket = 1;
};

} // namespace hookbench
