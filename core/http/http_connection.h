#pragma once

#include "request_handler.h"
#include "request_parser.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <deque>
#include <optional>

class QTcpSocket;

namespace hookbench {

// One client connection: feeds the parser, hands requests to the handler and writes the answers
// back in request order (pipelining), honouring keep-alive and Connection: close.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        ParserLimits limits;
        int readTimeoutMs = 30 * 1000;
    };

    // Takes ownership of the socket.
    HttpConnection(QTcpSocket *socket, RequestHandler *handler, const Settings &settings,
                   QObject *parent = nullptr);
    ~HttpConnection() override;

    // Stops reading, answers what is pending, then closes.
    void shutdown();

signals:
    void closed();

private:
    struct PendingResponse
    {
        quint64 sequence = 0;
        bool headRequest = false;
        bool closeAfter = false;
        std::optional<HttpResponse> response;
    };

    void readIncoming();
    void dispatchParsed();
    RequestHandler::Respond makeResponder(quint64 sequence);
    void deliverResponse(quint64 sequence, HttpResponse response);
    void writeReadyResponses();
    void onReadTimeout();
    void closeWhenWritten();

    QTcpSocket *m_socket;
    RequestHandler *m_handler;
    Settings m_settings;
    RequestParser m_parser;
    ConnectionInfo m_info;
    QTimer m_readTimer;
    std::deque<PendingResponse> m_pending;
    quint64 m_nextSequence = 1;
    bool m_readingStopped = false;
    bool m_closing = false;
};

} // namespace hookbench
