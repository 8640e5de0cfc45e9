#pragma once

#include "endpoint.h"
#include "secret_vault.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlQuery>
#include <optional>

namespace hookbench {

class Database;

// Every SQL statement about endpoints and the settings that go with them. Removing an endpoint
// keeps its row (marked removed) so the deliveries it captured still show its name.
class EndpointStore
{
    Q_DECLARE_TR_FUNCTIONS(EndpointStore)

public:
    explicit EndpointStore(Database &database);
    EndpointStore(Database &database, SecretVault::Choice secrets);

    // Fills in id and creation time. Fails when the name or path is taken or invalid.
    bool add(Endpoint &endpoint);
    bool update(const Endpoint &endpoint);
    bool remove(qint64 id);

    QList<Endpoint> endpoints() const;
    std::optional<Endpoint> endpoint(qint64 id) const;
    // By name first, then by path: what a user types on the command line.
    std::optional<Endpoint> find(const QString &nameOrPath) const;

    UnknownPathPolicy unknownPathPolicy() const;
    bool setUnknownPathPolicy(UnknownPathPolicy policy);

    // Bumped by every change above: a server in another process polls it to reload.
    qint64 revision() const;

    // Where the endpoint's secret is kept; nullopt when it has none.
    std::optional<SecretBackend> secretBackend(qint64 endpointId) const;
    // Where new secrets go (backend(), backendDescription()): what the UI shows.
    const SecretVault &secretVault() const { return m_vault; }

    QString errorString() const { return m_error; }

private:
    enum class Secrets { Load, Skip };

    bool validate(const Endpoint &endpoint);
    QList<Endpoint> activeEndpoints(Secrets secrets) const;
    // A secret the keychain cannot give here leaves the endpoint without one: its requests
    // are then recorded as "not configured" instead of failing to load at all.
    void loadSecret(Endpoint &endpoint) const;
    bool bumpRevision();
    // Secrets are kept apart (SecretVault: the OS keychain, or their own table of the
    // owner-only file) so that no listing of endpoints can leak them by accident.
    bool storeSecret(qint64 endpointId, const QByteArray &secret);
    static void bindVerification(QSqlQuery &query, const EndpointVerification &verification);

    Database &m_database;
    SecretVault m_vault;
    mutable QString m_error;
};

} // namespace hookbench
