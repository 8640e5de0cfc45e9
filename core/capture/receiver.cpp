#include "receiver.h"

#include "capture_handler.h"
#include "capture_writer.h"
#include "http/http_server.h"
#include "http/tls_certificate.h"
#include "store/database.h"

#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>

using namespace Qt::StringLiterals;

namespace hookbench {

struct Receiver::Private
{
    QThread networkThread;
    QThread storeThread;
    CaptureWriter *writer = nullptr;   // lives on storeThread, deleted when it finishes
    CaptureHandler *handler = nullptr; // lives on networkThread, parent of the server
    HttpServer *server = nullptr;

    ~Private()
    {
        networkThread.quit();
        networkThread.wait();
        storeThread.quit();
        storeThread.wait();
    }
};

Receiver::Receiver(QObject *parent)
    : QObject(parent)
{}

Receiver::~Receiver()
{
    stop();
}

void Receiver::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void Receiver::start(const ReceiverConfig &config)
{
    stop();
    m_config = config;
    m_error.clear();
    m_baseUrl.clear();
    if (m_config.databaseLocation.isEmpty())
        m_config.databaseLocation = Database::defaultLocation();
    setState(State::Starting);

    d = std::make_unique<Private>();
    d->networkThread.setObjectName(u"hookbench-network"_s);
    d->storeThread.setObjectName(u"hookbench-writer"_s);

    d->writer = new CaptureWriter; // deleted on the store thread when it finishes
    d->writer->moveToThread(&d->storeThread);
    connect(&d->storeThread, &QThread::finished, d->writer, &QObject::deleteLater);

    d->handler = new CaptureHandler(d->writer);
    d->server = new HttpServer(d->handler, d->handler);
    d->handler->moveToThread(&d->networkThread);
    connect(&d->networkThread, &QThread::finished, d->handler, &QObject::deleteLater);

    CaptureWriter *writer = d->writer;
    CaptureHandler *handler = d->handler;
    connect(writer, &CaptureWriter::committed, handler, &CaptureHandler::onCommitted);
    connect(writer, &CaptureWriter::endpointsChanged, handler, &CaptureHandler::setEndpoints);
    connect(handler, &CaptureHandler::stored, this, &Receiver::deliveriesStored);
    connect(handler, &CaptureHandler::storageFailed, this, &Receiver::warning);
    connect(d->server, &HttpServer::connectionRefused, this, &Receiver::warning);
    connect(writer, &CaptureWriter::openFailed, this, [this](const QString &error) {
        m_error = error;
        setState(State::Failed);
    });
    connect(writer, &CaptureWriter::opened, this,
            [this](const QList<Endpoint> &endpoints, UnknownPathPolicy policy) {
                listen(endpoints, policy);
            });

    d->storeThread.start();
    d->networkThread.start();
    const QString location = m_config.databaseLocation;
    QMetaObject::invokeMethod(
            writer, [writer, location] { writer->open(location); }, Qt::QueuedConnection);
}

void Receiver::listen(const QList<Endpoint> &endpoints, UnknownPathPolicy policy)
{
    if (!d)
        return;
    std::optional<QSslConfiguration> tls;
    QString error;
    if (m_config.tls != TlsMode::Off) {
        QString certificatePath = m_config.certificatePath;
        QString keyPath = m_config.keyPath;
        if (m_config.tls == TlsMode::SelfSigned) {
            const QString folder
                    = m_config.databaseLocation == QLatin1StringView(Database::memoryLocation)
                              ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                              : QFileInfo(m_config.databaseLocation).absolutePath();
            if (!TlsCertificate::ensureSelfSigned(folder, &certificatePath, &keyPath, &error)) {
                m_error = error;
                setState(State::Failed);
                return;
            }
            m_config.certificatePath = certificatePath;
            m_config.keyPath = keyPath;
        }
        tls = TlsCertificate::load(certificatePath, keyPath, &error);
        if (!tls) {
            m_error = error;
            setState(State::Failed);
            return;
        }
    }

    HttpServer::Settings settings;
    settings.connection.limits.maxBodyBytes = m_config.maxBodyBytes;
    settings.connection.limits.maxHeaderBytes = m_config.maxHeaderBytes;
    settings.connection.readTimeoutMs = m_config.readTimeoutMs;
    settings.maxConnections = m_config.maxConnections;

    // The server object lives on the network thread: bind it there and report back.
    HttpServer *server = d->server;
    CaptureHandler *handler = d->handler;
    const QHostAddress address = m_config.address;
    const quint16 port = m_config.port;
    QPointer<Receiver> self(this);
    QMetaObject::invokeMethod(
            handler,
            [self, server, handler, settings, endpoints, policy, tls, address, port] {
                handler->setEndpoints(endpoints, policy);
                server->setSettings(settings);
                const bool ok = server->listen(address, port, tls);
                const quint16 bound = server->serverPort();
                const QString listenError = server->errorString();
                QMetaObject::invokeMethod(
                        self.data(),
                        [self, ok, bound, listenError] {
                            if (self)
                                self->onListenResult(ok, bound, listenError);
                        },
                        Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
}

void Receiver::onListenResult(bool ok, quint16 port, const QString &error)
{
    if (!d)
        return;
    if (!ok) {
        m_error = error;
        setState(State::Failed);
        return;
    }
    m_config.port = port;
    QUrl url;
    url.setScheme(m_config.tls == TlsMode::Off ? u"http"_s : u"https"_s);
    QHostAddress shown = m_config.address;
    if (shown == QHostAddress::AnyIPv4 || shown == QHostAddress::Any)
        shown = QHostAddress::LocalHost;
    url.setHost(shown.toString());
    url.setPort(port);
    url.setPath(u"/"_s);
    m_baseUrl = url;
    setState(State::Listening);
}

void Receiver::stop()
{
    if (!d)
        return;
    // Close the sockets on their own thread, then let the writer flush what is queued.
    HttpServer *server = d->server;
    QMetaObject::invokeMethod(
            server, [server] { server->close(); }, Qt::BlockingQueuedConnection);
    d->networkThread.quit();
    d->networkThread.wait();
    CaptureWriter *writer = d->writer;
    QMetaObject::invokeMethod(
            writer, [writer] { writer->close(); }, Qt::BlockingQueuedConnection);
    d.reset();
    m_baseUrl.clear();
    if (m_state != State::Failed)
        setState(State::Stopped);
}

} // namespace hookbench
