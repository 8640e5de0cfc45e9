#include "endpoint_store.h"

#include "database.h"
#include "signing/scheme_registry.h"
#include "sql_values.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {

const QString endpointColumns = u"id, name, path, response_status, response_headers, "
                                "response_body, response_delay_ms, created_at, verify_scheme, "
                                "verify_config, verify_tolerance, verify_reject"_s;

QString secretName(qint64 endpointId)
{
    return u"endpoint/"_s + QString::number(endpointId);
}

QString configToText(const SchemeConfig &config)
{
    QJsonObject object;
    for (auto it = config.cbegin(); it != config.cend(); ++it)
        object.insert(it.key(), it.value());
    return config.isEmpty()
                   ? QString(u""_s)
                   : QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

SchemeConfig configFromText(const QString &text)
{
    SchemeConfig config;
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        config.insert(it.key(), it.value().toString());
    return config;
}
const QString revisionKey = u"endpoints.revision"_s;
const QString unknownPathKey = u"endpoints.unknown_path"_s;

Endpoint readEndpoint(const QSqlQuery &query)
{
    Endpoint endpoint;
    endpoint.id = query.value(0).toLongLong();
    endpoint.name = query.value(1).toString();
    endpoint.path = query.value(2).toString();
    endpoint.response.status = query.value(3).toInt();
    endpoint.response.headers = HeaderList::fromWireFormat(query.value(4).toByteArray());
    endpoint.response.body = query.value(5).toByteArray();
    endpoint.response.delayMs = query.value(6).toInt();
    endpoint.createdAtMs = query.value(7).toLongLong();
    endpoint.verification.schemeId = query.value(8).toString();
    endpoint.verification.config = configFromText(query.value(9).toString());
    endpoint.verification.toleranceSeconds = query.value(10).toLongLong();
    endpoint.verification.rejectInvalid = query.value(11).toBool();
    return endpoint;
}

std::optional<QString> settingValue(const QSqlDatabase &db, const QString &key)
{
    QSqlQuery query(db);
    query.prepare(u"SELECT value FROM settings WHERE key = ?"_s);
    query.addBindValue(key);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return query.value(0).toString();
}

bool setSettingValue(const QSqlDatabase &db, const QString &key, const QString &value)
{
    QSqlQuery query(db);
    query.prepare(u"INSERT INTO settings (key, value) VALUES (?, ?) "
                  "ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s);
    query.addBindValue(key);
    query.addBindValue(value);
    return query.exec();
}

} // namespace

EndpointStore::EndpointStore(Database &database)
    : m_database(database)
    , m_vault(database)
{}

EndpointStore::EndpointStore(Database &database, SecretVault::Choice secrets)
    : m_database(database)
    , m_vault(database, secrets)
{}

bool EndpointStore::validate(const Endpoint &endpoint)
{
    if (endpoint.name.trimmed().isEmpty()) {
        m_error = tr("An endpoint needs a name.");
        return false;
    }
    const QString path = Endpoint::normalizedPath(endpoint.path);
    if (path.contains(u'?') || path.contains(u'#') || path.contains(u' ')) {
        m_error = tr("The path %1 may not contain '?', '#' or spaces.").arg(endpoint.path);
        return false;
    }
    if (endpoint.response.status < 100 || endpoint.response.status > 599) {
        m_error = tr("The response status %1 is not between 100 and 599.")
                          .arg(endpoint.response.status);
        return false;
    }
    if (endpoint.verification.isConfigured()) {
        if (!SchemeRegistry::instance().scheme(endpoint.verification.schemeId)) {
            m_error = tr("Unknown signature scheme '%1'; known: %2.")
                              .arg(endpoint.verification.schemeId,
                                   SchemeRegistry::instance().ids().join(u", "_s));
            return false;
        }
        if (endpoint.verification.secret.isEmpty()) {
            m_error = tr("Verifying with %1 needs a secret.").arg(endpoint.verification.schemeId);
            return false;
        }
    }
    if (endpoint.verification.toleranceSeconds < 0) {
        m_error = tr("The timestamp tolerance cannot be negative.");
        return false;
    }
    if (endpoint.response.delayMs < 0 || endpoint.response.delayMs > 10 * 60 * 1000) {
        m_error = tr("The response delay must be between 0 and 600000 ms.");
        return false;
    }
    for (const Endpoint &other : activeEndpoints(Secrets::Skip)) {
        if (other.id == endpoint.id)
            continue;
        if (other.name == endpoint.name.trimmed()) {
            m_error = tr("There is already an endpoint named %1.").arg(other.name);
            return false;
        }
        if (other.path == path) {
            m_error = tr("The endpoint %1 already uses the path %2.").arg(other.name, path);
            return false;
        }
    }
    return true;
}

bool EndpointStore::add(Endpoint &endpoint)
{
    if (!validate(endpoint))
        return false;
    endpoint.name = endpoint.name.trimmed();
    endpoint.path = Endpoint::normalizedPath(endpoint.path);
    endpoint.createdAtMs = QDateTime::currentMSecsSinceEpoch();

    QSqlDatabase db = m_database.connection();
    db.transaction();
    QSqlQuery query(db);
    query.prepare(u"INSERT INTO endpoints (name, path, response_status, response_headers, "
                  "response_body, response_delay_ms, created_at, verify_scheme, verify_config, "
                  "verify_tolerance, verify_reject) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(endpoint.name);
    query.addBindValue(endpoint.path);
    query.addBindValue(endpoint.response.status);
    query.addBindValue(sql::blob(endpoint.response.headers.toWireFormat()));
    query.addBindValue(sql::blob(endpoint.response.body));
    query.addBindValue(endpoint.response.delayMs);
    query.addBindValue(endpoint.createdAtMs);
    bindVerification(query, endpoint.verification);
    if (!query.exec()) {
        m_error = tr("Cannot add the endpoint: %1").arg(query.lastError().text());
        db.rollback();
        return false;
    }
    endpoint.id = query.lastInsertId().toLongLong();
    const bool secretStored = storeSecret(endpoint.id, endpoint.verification.secret);
    if (!secretStored || !bumpRevision() || !db.commit()) {
        if (secretStored)
            m_error = tr("Cannot add the endpoint: %1").arg(db.lastError().text());
        db.rollback();
        endpoint.id = 0;
        return false;
    }
    return true;
}

bool EndpointStore::update(const Endpoint &endpoint)
{
    if (!validate(endpoint))
        return false;
    QSqlDatabase db = m_database.connection();
    db.transaction();
    QSqlQuery query(db);
    query.prepare(u"UPDATE endpoints SET name = ?, path = ?, response_status = ?, "
                  "response_headers = ?, response_body = ?, response_delay_ms = ?, "
                  "verify_scheme = ?, verify_config = ?, verify_tolerance = ?, verify_reject = ? "
                  "WHERE id = ? AND removed_at IS NULL"_s);
    query.addBindValue(endpoint.name.trimmed());
    query.addBindValue(Endpoint::normalizedPath(endpoint.path));
    query.addBindValue(endpoint.response.status);
    query.addBindValue(sql::blob(endpoint.response.headers.toWireFormat()));
    query.addBindValue(sql::blob(endpoint.response.body));
    query.addBindValue(endpoint.response.delayMs);
    bindVerification(query, endpoint.verification);
    query.addBindValue(endpoint.id);
    if (!query.exec() || query.numRowsAffected() != 1) {
        m_error = query.lastError().isValid()
                          ? tr("Cannot update the endpoint: %1").arg(query.lastError().text())
                          : tr("There is no endpoint with id %1.").arg(endpoint.id);
        db.rollback();
        return false;
    }
    const bool secretStored = storeSecret(endpoint.id, endpoint.verification.secret);
    if (!secretStored || !bumpRevision() || !db.commit()) {
        if (secretStored)
            m_error = tr("Cannot update the endpoint: %1").arg(db.lastError().text());
        db.rollback();
        return false;
    }
    return true;
}

bool EndpointStore::remove(qint64 id)
{
    QSqlDatabase db = m_database.connection();
    db.transaction();
    QSqlQuery query(db);
    query.prepare(u"UPDATE endpoints SET removed_at = ? WHERE id = ? AND removed_at IS NULL"_s);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(id);
    if (!query.exec() || query.numRowsAffected() != 1) {
        m_error = query.lastError().isValid()
                          ? tr("Cannot remove the endpoint: %1").arg(query.lastError().text())
                          : tr("There is no endpoint with id %1.").arg(id);
        db.rollback();
        return false;
    }
    const bool secretRemoved = storeSecret(id, {});
    if (!secretRemoved || !bumpRevision() || !db.commit()) {
        if (secretRemoved)
            m_error = tr("Cannot remove the endpoint: %1").arg(db.lastError().text());
        db.rollback();
        return false;
    }
    return true;
}

QList<Endpoint> EndpointStore::endpoints() const
{
    return activeEndpoints(Secrets::Load);
}

QList<Endpoint> EndpointStore::activeEndpoints(Secrets secrets) const
{
    QList<Endpoint> result;
    QSqlQuery query(m_database.connection());
    if (!query.exec(u"SELECT "_s + endpointColumns
                    + u" FROM endpoints WHERE removed_at IS NULL ORDER BY name COLLATE NOCASE"_s)) {
        m_error = tr("Cannot list endpoints: %1").arg(query.lastError().text());
        return result;
    }
    while (query.next())
        result.append(readEndpoint(query));
    if (secrets == Secrets::Load) {
        for (Endpoint &endpoint : result)
            loadSecret(endpoint);
    }
    return result;
}

void EndpointStore::loadSecret(Endpoint &endpoint) const
{
    const std::optional<StoredSecret> secret = m_vault.load(secretName(endpoint.id));
    endpoint.verification.secret = secret ? secret->value : QByteArray();
    if (!secret && !m_vault.errorString().isEmpty())
        m_error = m_vault.errorString();
}

std::optional<SecretBackend> EndpointStore::secretBackend(qint64 endpointId) const
{
    return m_vault.location(secretName(endpointId));
}

std::optional<Endpoint> EndpointStore::endpoint(qint64 id) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT "_s + endpointColumns
                  + u" FROM endpoints WHERE id = ? AND removed_at IS NULL"_s);
    query.addBindValue(id);
    if (query.exec() && query.next()) {
        Endpoint endpoint = readEndpoint(query);
        loadSecret(endpoint);
        return endpoint;
    }
    m_error = tr("There is no endpoint with id %1.").arg(id);
    return std::nullopt;
}

std::optional<Endpoint> EndpointStore::find(const QString &nameOrPath) const
{
    // Only the endpoint found needs its secret: each may cost a keychain round trip.
    const QList<Endpoint> all = activeEndpoints(Secrets::Skip);
    const QString path = Endpoint::normalizedPath(nameOrPath);
    for (const bool byName : {true, false}) {
        for (Endpoint endpoint : all) {
            if (byName ? endpoint.name == nameOrPath : endpoint.path == path) {
                loadSecret(endpoint);
                return endpoint;
            }
        }
    }
    m_error = tr("There is no endpoint named or at %1.").arg(nameOrPath);
    return std::nullopt;
}

UnknownPathPolicy EndpointStore::unknownPathPolicy() const
{
    return settingValue(m_database.connection(), unknownPathKey) == u"404"_s
                   ? UnknownPathPolicy::Reject404
                   : UnknownPathPolicy::CaptureToInbox;
}

bool EndpointStore::setUnknownPathPolicy(UnknownPathPolicy policy)
{
    QSqlDatabase db = m_database.connection();
    db.transaction();
    const QString value = policy == UnknownPathPolicy::Reject404 ? u"404"_s : u"inbox"_s;
    if (!setSettingValue(db, unknownPathKey, value) || !bumpRevision() || !db.commit()) {
        m_error = tr("Cannot save the setting: %1").arg(db.lastError().text());
        db.rollback();
        return false;
    }
    return true;
}

qint64 EndpointStore::revision() const
{
    return settingValue(m_database.connection(), revisionKey).value_or(u"0"_s).toLongLong();
}

void EndpointStore::bindVerification(QSqlQuery &query, const EndpointVerification &verification)
{
    query.addBindValue(sql::text(verification.schemeId));
    query.addBindValue(configToText(verification.config));
    query.addBindValue(verification.toleranceSeconds);
    query.addBindValue(verification.rejectInvalid ? 1 : 0);
}

bool EndpointStore::storeSecret(qint64 endpointId, const QByteArray &secret)
{
    const QString name = secretName(endpointId);
    // An edit that keeps the secret neither rewrites nor moves it (no keychain write, and a
    // secret stays where the user saw it go).
    if (!secret.isEmpty()) {
        const std::optional<StoredSecret> current = m_vault.load(name);
        if (current && current->value == secret)
            return true;
    }
    if (m_vault.store(name, secret))
        return true;
    m_error = m_vault.errorString();
    return false;
}

bool EndpointStore::bumpRevision()
{
    return setSettingValue(m_database.connection(), revisionKey, QString::number(revision() + 1));
}

} // namespace hookbench
