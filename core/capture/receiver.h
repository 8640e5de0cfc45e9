#pragma once

#include "receiver_config.h"
#include "store/endpoint.h"

#include <QList>
#include <QObject>
#include <QUrl>
#include <memory>

namespace hookbench {

// The receiving server as one service: an HTTP(S) server on a network thread and a store
// writer on a database thread, wired so that a 2xx leaves only after its request is committed.
// The GUI owns one, `hookbench-cli serve` owns one; both only call start() and stop().
class Receiver : public QObject
{
    Q_OBJECT

public:
    enum class State { Stopped, Starting, Listening, Failed };
    Q_ENUM(State)

    explicit Receiver(QObject *parent = nullptr);
    ~Receiver() override;

    // Asynchronous: stateChanged(Listening) or stateChanged(Failed) follows.
    void start(const ReceiverConfig &config);
    // Closes the listening socket and open connections, flushes the writer, then Stopped.
    void stop();

    State state() const { return m_state; }
    ReceiverConfig config() const { return m_config; }
    // http(s)://address:port, with the port actually bound (useful with port 0).
    QUrl baseUrl() const { return m_baseUrl; }
    QString errorString() const { return m_error; }

signals:
    void stateChanged(hookbench::Receiver::State state);
    // Emitted after each group commit with the ids it wrote.
    void deliveriesStored(const QList<qint64> &ids);
    // Something the user should read in a log or status bar (storage errors, TLS problems).
    void warning(const QString &message);

private:
    struct Private;
    void setState(State state);
    void listen(const QList<Endpoint> &endpoints, UnknownPathPolicy policy);
    void onListenResult(bool ok, quint16 port, const QString &error);

    ReceiverConfig m_config;
    State m_state = State::Stopped;
    QUrl m_baseUrl;
    QString m_error;
    std::unique_ptr<Private> d;
};

} // namespace hookbench
