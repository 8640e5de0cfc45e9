#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <chrono>

namespace hookbench {

// What one keychain operation came to.
struct KeychainReply
{
    enum class Status {
        Done,
        NotFound,
        Unavailable, // no keychain service answers in this session
        Failed,      // one answered and refused (locked, denied, ...)
        TimedOut,
    };

    Status status = Status::Failed;
    QByteArray data; // what a read found
    QString error;   // why, for every status but Done; never contains a secret
};

// A synchronous front for QtKeychain. QtKeychain's jobs are asynchronous and pass through one
// process-wide queue that is neither thread-safe nor usable from a thread that has gone away,
// so every job runs on one thread of ours and a caller on any other thread waits for the
// answer with a timeout: a keychain that never answers costs the timeout, never a hang.
class KeychainClient
{
    Q_DECLARE_TR_FUNCTIONS(KeychainClient)

public:
    static KeychainClient &instance();

    KeychainReply read(const QString &key, std::chrono::milliseconds timeout);
    KeychainReply write(const QString &key, const QByteArray &data,
                        std::chrono::milliseconds timeout);
    KeychainReply remove(const QString &key, std::chrono::milliseconds timeout);

    // Whether a keychain answers in this session. Without a D-Bus session bus (a headless
    // server, CI) the answer is no at once; otherwise one read is tried and the answer is
    // remembered for this bus, so only the first caller in a process waits for it.
    bool answers();
    // After a keychain timed out or refused a write, it is left alone for a while instead of
    // making every later caller wait for it again.
    void reportSilent();

    // The service name entries are filed under, as a keychain manager shows it.
    static QString serviceName();

private:
    KeychainClient() = default;
};

} // namespace hookbench
