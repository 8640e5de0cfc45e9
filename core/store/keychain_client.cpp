#include "keychain_client.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QMutex>
#include <QThread>
#include <future>
#include <memory>
#include <optional>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace hookbench {

namespace {

// A keychain that is up answers a read in milliseconds (gnome-keyring: about 20 ms, measured);
// one that is not answers with an error just as fast. The wait only matters for a service that
// accepts the call and then stalls, and it keeps the decision under two seconds even then.
constexpr auto probeTimeout = 1500ms;
// How long a keychain that stalled or refused is left alone before it is asked again.
constexpr auto silentPeriod = 60s;

enum class Operation { Read, Write, Remove };

struct SharedState
{
    QMutex mutex;
    QThread *thread = nullptr;
    QObject *context = nullptr;
    bool stopped = false;
    QString probedBus; // the bus `answers` belongs to
    std::optional<bool> answers;
    std::chrono::steady_clock::time_point askAgainAt;
};

SharedState &shared()
{
    static SharedState state;
    return state;
}

// Where a keychain could answer: on Linux and the BSDs that is the Secret Service or KWallet
// on the session bus. Without one, QtKeychain's D-Bus layer would try to autolaunch a bus, which
// is slow at best; asking the environment first costs nothing.
QString sessionBusAddress()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
    const QString address = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
    if (!address.isEmpty())
        return address;
    // systemd's per-user bus, which libdbus and GDBus both find without the variable.
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QFileInfo::exists(runtime + u"/bus"_s))
        return u"unix:path="_s + runtime + u"/bus"_s;
    return {};
#else
    // The macOS Keychain and the Windows Credential Store need no bus.
    return u"native"_s;
#endif
}

// Called from ~QCoreApplication: the thread must end while Qt D-Bus still exists.
void stopKeychainThread()
{
    SharedState &state = shared();
    const QMutexLocker lock(&state.mutex);
    state.stopped = true;
    if (!state.thread)
        return;
    state.thread->quit();
    // A thread still inside a call after this is leaked rather than destroyed while running.
    if (state.thread->wait(QDeadlineTimer(3000)))
        delete state.thread;
    state.thread = nullptr;
    state.context = nullptr;
}

QObject *keychainThreadContext()
{
    SharedState &state = shared();
    const QMutexLocker lock(&state.mutex);
    if (state.stopped)
        return nullptr;
    if (!state.thread) {
        state.thread = new QThread;
        state.thread->setObjectName(u"hookbench-keychain"_s);
        state.context = new QObject;
        state.context->moveToThread(state.thread);
        QObject::connect(state.thread, &QThread::finished, state.context, &QObject::deleteLater);
        state.thread->start();
        qAddPostRoutine(stopKeychainThread);
    }
    return state.context;
}

QKeychain::Job *makeJob(Operation operation, const QString &key, const QByteArray &data)
{
    QKeychain::Job *job = nullptr;
    switch (operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(KeychainClient::serviceName());
        break;
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(KeychainClient::serviceName());
        write->setBinaryData(data);
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(KeychainClient::serviceName());
        break;
    }
    job->setKey(key);
    job->setAutoDelete(true);
    // QtKeychain's fallback is a plain-text QSettings file; ours is the owner-only database,
    // and the caller decides about it.
    job->setInsecureFallback(false);
    return job;
}

KeychainReply replyOf(const QKeychain::Job &job)
{
    KeychainReply reply;
    switch (job.error()) {
    case QKeychain::NoError:
        reply.status = KeychainReply::Status::Done;
        if (const auto *read = qobject_cast<const QKeychain::ReadPasswordJob *>(&job))
            reply.data = read->binaryData();
        return reply;
    case QKeychain::EntryNotFound:
        reply.status = KeychainReply::Status::NotFound;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        reply.status = KeychainReply::Status::Unavailable;
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
    case QKeychain::OtherError:
        reply.status = KeychainReply::Status::Failed;
        break;
    }
    reply.error = job.errorString();
    return reply;
}

KeychainReply unavailable(const QString &why)
{
    return {KeychainReply::Status::Unavailable, {}, why};
}

KeychainReply run(Operation operation, const QString &key, const QByteArray &data,
                  std::chrono::milliseconds timeout)
{
    if (!QCoreApplication::instance())
        return unavailable(KeychainClient::tr("The keychain is only reachable while the "
                                              "application runs."));
    const QString bus = sessionBusAddress();
    if (bus.isEmpty())
        return unavailable(KeychainClient::tr("There is no D-Bus session bus, so no keychain "
                                              "can answer here."));
    {
        SharedState &state = shared();
        const QMutexLocker lock(&state.mutex);
        if (state.probedBus == bus && state.answers == false
            && std::chrono::steady_clock::now() < state.askAgainAt)
            return unavailable(KeychainClient::tr("The keychain did not answer a moment ago; "
                                                  "it is asked again in a minute."));
    }
    QObject *context = keychainThreadContext();
    if (!context)
        return unavailable(KeychainClient::tr("The application is shutting down."));
    if (QThread::currentThread() == context->thread())
        return {KeychainReply::Status::Failed,
                {},
                KeychainClient::tr("A keychain call cannot wait on its own thread.")};

    auto promise = std::make_shared<std::promise<KeychainReply>>();
    std::future<KeychainReply> answer = promise->get_future();
    QMetaObject::invokeMethod(
            context,
            [context, operation, key, data, promise] {
                QKeychain::Job *job = makeJob(operation, key, data);
                QObject::connect(job, &QKeychain::Job::finished, context,
                                 [promise](QKeychain::Job *finished) {
                                     promise->set_value(replyOf(*finished));
                                 });
                job->start();
            },
            Qt::QueuedConnection);
    if (answer.wait_for(timeout) != std::future_status::ready)
        return {KeychainReply::Status::TimedOut,
                {},
                KeychainClient::tr("The keychain did not answer within %1 ms.")
                        .arg(timeout.count())};
    return answer.get();
}

} // namespace

KeychainClient &KeychainClient::instance()
{
    static KeychainClient client;
    return client;
}

QString KeychainClient::serviceName()
{
    return u"Hookbench"_s;
}

KeychainReply KeychainClient::read(const QString &key, std::chrono::milliseconds timeout)
{
    return run(Operation::Read, key, {}, timeout);
}

KeychainReply KeychainClient::write(const QString &key, const QByteArray &data,
                                    std::chrono::milliseconds timeout)
{
    return run(Operation::Write, key, data, timeout);
}

KeychainReply KeychainClient::remove(const QString &key, std::chrono::milliseconds timeout)
{
    return run(Operation::Remove, key, {}, timeout);
}

bool KeychainClient::answers()
{
    const QString bus = sessionBusAddress();
    if (!QCoreApplication::instance() || bus.isEmpty())
        return false;
    SharedState &state = shared();
    {
        const QMutexLocker lock(&state.mutex);
        if (state.probedBus == bus && state.answers
            && (*state.answers || std::chrono::steady_clock::now() < state.askAgainAt))
            return *state.answers;
    }
    // Reading an entry nobody wrote is harmless and tells a working keychain ("not found")
    // from a missing or stalled one.
    const KeychainReply reply = read(u"probe"_s, probeTimeout);
    const bool answered = reply.status == KeychainReply::Status::Done
                          || reply.status == KeychainReply::Status::NotFound;
    const QMutexLocker lock(&state.mutex);
    state.probedBus = bus;
    state.answers = answered;
    state.askAgainAt = std::chrono::steady_clock::now() + silentPeriod;
    return answered;
}

void KeychainClient::reportSilent()
{
    SharedState &state = shared();
    const QMutexLocker lock(&state.mutex);
    state.probedBus = sessionBusAddress();
    state.answers = false;
    state.askAgainAt = std::chrono::steady_clock::now() + silentPeriod;
}

} // namespace hookbench
