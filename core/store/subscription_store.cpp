#include "subscription_store.h"

#include "database.h"
#include "outbox_store.h"
#include "sql_values.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {

const QString columns = u"id, name, description, url, enabled, event_types, condition, "
                        "payload_fields, sign_scheme, sign_config, auth_kind, auth_user, headers, "
                        "body_format, timeout_ms, tls_verify, retry_schedule, preset, "
                        "disable_after, failure_streak, created_at"_s;

QString secretName(qint64 id)
{
    return u"subscription/"_s + QString::number(id);
}

QString authSecretName(qint64 id)
{
    return secretName(id) + u"/auth"_s;
}

// A scheme's few settings as a query string: readable in the table, no JSON needed.
QString configText(const SchemeConfig &config)
{
    QUrlQuery query;
    for (auto it = config.cbegin(); it != config.cend(); ++it)
        query.addQueryItem(it.key(), it.value());
    return query.toString(QUrl::FullyEncoded);
}

SchemeConfig configOf(const QString &text)
{
    SchemeConfig config;
    const QUrlQuery query(text);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        config.insert(key, value);
    return config;
}

Subscription readSubscription(const QSqlQuery &query)
{
    Subscription subscription;
    subscription.id = query.value(0).toLongLong();
    subscription.name = query.value(1).toString();
    subscription.description = query.value(2).toString();
    subscription.url = QUrl(query.value(3).toString());
    subscription.state = query.value(4).toInt() != 0 ? SubscriptionState::Enabled
                                                     : SubscriptionState::Disabled;
    subscription.eventTypes = query.value(5).toString().split(u',', Qt::SkipEmptyParts);
    subscription.condition = query.value(6).toString();
    subscription.payloadFields = query.value(7).toString();
    subscription.schemeId = query.value(8).toString();
    subscription.schemeConfig = configOf(query.value(9).toString());
    subscription.auth.kind = authKindFromName(query.value(10).toString()).value_or(AuthKind::None);
    subscription.auth.user = query.value(11).toString();
    subscription.headers = HeaderList::fromWireFormat(query.value(12).toByteArray());
    subscription.bodyFormat
            = bodyFormatFromName(query.value(13).toString()).value_or(BodyFormat::Json);
    subscription.timeout = std::chrono::milliseconds(query.value(14).toLongLong());
    subscription.tls
            = query.value(15).toInt() != 0 ? TlsVerification::Verify : TlsVerification::Skip;
    subscription.retrySchedule
            = parseRetrySchedule(query.value(16).toString()).value_or(RetrySchedule());
    subscription.preset
            = vendorPresetFromName(query.value(17).toString()).value_or(VendorPreset::None);
    subscription.disableAfterFailures = query.value(18).toInt();
    subscription.failureStreak = query.value(19).toInt();
    subscription.createdAtMs = query.value(20).toLongLong();
    return subscription;
}

void bindFields(QSqlQuery &query, const Subscription &subscription)
{
    query.addBindValue(sql::text(subscription.name));
    query.addBindValue(sql::text(subscription.description));
    query.addBindValue(subscription.url.toString(QUrl::FullyEncoded));
    query.addBindValue(subscription.isEnabled() ? 1 : 0);
    query.addBindValue(sql::text(subscription.eventTypes.join(u',')));
    query.addBindValue(sql::text(subscription.condition));
    query.addBindValue(sql::text(subscription.payloadFields));
    query.addBindValue(sql::text(subscription.schemeId));
    query.addBindValue(sql::text(configText(subscription.schemeConfig)));
    query.addBindValue(authKindName(subscription.auth.kind));
    query.addBindValue(sql::text(subscription.auth.user));
    query.addBindValue(sql::blob(subscription.headers.toWireFormat()));
    query.addBindValue(bodyFormatName(subscription.bodyFormat));
    query.addBindValue(qint64(subscription.timeout.count()));
    query.addBindValue(subscription.tls == TlsVerification::Verify ? 1 : 0);
    query.addBindValue(sql::text(formatRetrySchedule(subscription.retrySchedule)));
    query.addBindValue(sql::text(vendorPresetName(subscription.preset)));
    query.addBindValue(subscription.disableAfterFailures);
}

} // namespace

SubscriptionStore::SubscriptionStore(Database &database, SecretVault::Choice secrets)
    : m_database(database)
    , m_vault(database, secrets)
{}

bool SubscriptionStore::add(Subscription &subscription)
{
    if (const QStringList problems = subscription.validate(); !problems.isEmpty()) {
        m_error = problems.join(u' ');
        return false;
    }
    if (find(subscription.name)) {
        m_error = tr("A subscription named \"%1\" exists already.").arg(subscription.name);
        return false;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery query(m_database.connection());
    query.prepare(u"INSERT INTO subscriptions (name, description, url, enabled, event_types, "
                  "condition, payload_fields, sign_scheme, sign_config, auth_kind, auth_user, "
                  "headers, body_format, timeout_ms, tls_verify, retry_schedule, preset, "
                  "disable_after, created_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    bindFields(query, subscription);
    query.addBindValue(now);
    if (!query.exec()) {
        m_error = tr("Cannot store the subscription: %1").arg(query.lastError().text());
        return false;
    }
    subscription.id = query.lastInsertId().toLongLong();
    subscription.createdAtMs = now;
    return storeSecrets(subscription);
}

bool SubscriptionStore::update(const Subscription &subscription)
{
    if (const QStringList problems = subscription.validate(); !problems.isEmpty()) {
        m_error = problems.join(u' ');
        return false;
    }
    if (const auto other = find(subscription.name); other && other->id != subscription.id) {
        m_error = tr("A subscription named \"%1\" exists already.").arg(subscription.name);
        return false;
    }
    QSqlQuery query(m_database.connection());
    query.prepare(u"UPDATE subscriptions SET name = ?, description = ?, url = ?, enabled = ?, "
                  "event_types = ?, condition = ?, payload_fields = ?, sign_scheme = ?, "
                  "sign_config = ?, auth_kind = ?, auth_user = ?, headers = ?, body_format = ?, "
                  "timeout_ms = ?, tls_verify = ?, retry_schedule = ?, preset = ?, "
                  "disable_after = ? WHERE id = ? AND removed_at IS NULL"_s);
    bindFields(query, subscription);
    query.addBindValue(subscription.id);
    if (!query.exec()) {
        m_error = tr("Cannot update the subscription: %1").arg(query.lastError().text());
        return false;
    }
    if (query.numRowsAffected() != 1) {
        m_error = tr("There is no subscription with id %1.").arg(subscription.id);
        return false;
    }
    return storeSecrets(subscription);
}

bool SubscriptionStore::remove(qint64 id)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"UPDATE subscriptions SET removed_at = ?, enabled = 0 "
                  "WHERE id = ? AND removed_at IS NULL"_s);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(id);
    if (!query.exec() || query.numRowsAffected() != 1) {
        m_error = query.lastError().isValid()
                          ? tr("Cannot remove the subscription: %1").arg(query.lastError().text())
                          : tr("There is no subscription with id %1.").arg(id);
        return false;
    }
    OutboxStore outbox(m_database);
    if (!outbox.failPending(id, tr("The subscription was removed."))) {
        m_error = outbox.errorString();
        return false;
    }
    if (m_vault.remove(secretName(id)) && m_vault.remove(authSecretName(id)))
        return true;
    m_error = m_vault.errorString();
    return false;
}

bool SubscriptionStore::setState(qint64 id, SubscriptionState state)
{
    QSqlQuery query(m_database.connection());
    // Enabling again starts a fresh streak: the user has looked at the target.
    query.prepare(state == SubscriptionState::Enabled
                          ? u"UPDATE subscriptions SET enabled = 1, failure_streak = 0 "
                            "WHERE id = ? AND removed_at IS NULL"_s
                          : u"UPDATE subscriptions SET enabled = 0 "
                            "WHERE id = ? AND removed_at IS NULL"_s);
    query.addBindValue(id);
    if (!query.exec() || query.numRowsAffected() != 1) {
        m_error = query.lastError().isValid()
                          ? tr("Cannot change the subscription: %1").arg(query.lastError().text())
                          : tr("There is no subscription with id %1.").arg(id);
        return false;
    }
    return true;
}

QList<Subscription> SubscriptionStore::subscriptions() const
{
    return select(u"removed_at IS NULL ORDER BY name"_s, {});
}

std::optional<Subscription> SubscriptionStore::subscription(qint64 id) const
{
    const QList<Subscription> found = select(u"id = ?"_s, id);
    if (found.isEmpty()) {
        if (m_error.isEmpty())
            m_error = tr("There is no subscription with id %1.").arg(id);
        return std::nullopt;
    }
    return found.constFirst();
}

std::optional<Subscription> SubscriptionStore::find(const QString &name) const
{
    const QList<Subscription> found = select(u"name = ? AND removed_at IS NULL"_s, name);
    if (found.isEmpty()) {
        if (m_error.isEmpty())
            m_error = tr("There is no subscription named \"%1\".").arg(name);
        return std::nullopt;
    }
    return found.constFirst();
}

std::optional<int> SubscriptionStore::recordFailure(qint64 id)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"UPDATE subscriptions SET failure_streak = failure_streak + 1 WHERE id = ? "
                  "RETURNING failure_streak"_s);
    query.addBindValue(id);
    if (!query.exec() || !query.next()) {
        m_error = tr("Cannot count a failure: %1").arg(query.lastError().text());
        return std::nullopt;
    }
    return query.value(0).toInt();
}

bool SubscriptionStore::resetFailures(qint64 id)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"UPDATE subscriptions SET failure_streak = 0 WHERE id = ? "
                  "AND failure_streak != 0"_s);
    query.addBindValue(id);
    if (!query.exec()) {
        m_error = tr("Cannot reset the failure streak: %1").arg(query.lastError().text());
        return false;
    }
    return true;
}

QList<Subscription> SubscriptionStore::select(const QString &where, const QVariant &value) const
{
    m_error.clear();
    QList<Subscription> rows;
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT "_s + columns + u" FROM subscriptions WHERE "_s + where);
    if (value.isValid())
        query.addBindValue(value);
    if (!query.exec()) {
        m_error = tr("Cannot read subscriptions: %1").arg(query.lastError().text());
        return rows;
    }
    while (query.next()) {
        Subscription subscription = readSubscription(query);
        loadSecrets(subscription);
        rows.append(subscription);
    }
    return rows;
}

bool SubscriptionStore::storeSecrets(const Subscription &subscription)
{
    const QList<std::pair<QString, QByteArray>> secrets
            = {{secretName(subscription.id), subscription.secret},
               {authSecretName(subscription.id), subscription.auth.secret}};
    for (const auto &[name, secret] : secrets) {
        // An unchanged secret is not rewritten: no keychain prompt for an edit of the URL.
        if (const auto current = m_vault.load(name); current && current->value == secret)
            continue;
        if (!m_vault.store(name, secret)) {
            m_error = m_vault.errorString();
            return false;
        }
    }
    return true;
}

void SubscriptionStore::loadSecrets(Subscription &subscription) const
{
    if (const auto secret = m_vault.load(secretName(subscription.id)))
        subscription.secret = secret->value;
    if (const auto secret = m_vault.load(authSecretName(subscription.id)))
        subscription.auth.secret = secret->value;
}

} // namespace hookbench
