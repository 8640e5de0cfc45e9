#pragma once

#include "endpoint.h"

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

    QString errorString() const { return m_error; }

private:
    bool validate(const Endpoint &endpoint);
    bool bumpRevision();
    // Secrets sit in their own table so that no listing of endpoints can leak them by
    // accident; the database file is owner-only (see Database).
    bool storeSecret(qint64 endpointId, const QByteArray &secret);
    static void bindVerification(QSqlQuery &query, const EndpointVerification &verification);

    Database &m_database;
    mutable QString m_error;
};

} // namespace hookbench
