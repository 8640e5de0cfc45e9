#pragma once

// Shared by the ui suites: a real database file in a temporary folder, written directly through
// core/store (tests may), and read by the models through AsyncStore as the GUI does.

#include "store/async_store.h"
#include "store/database.h"
#include "store/delivery.h"
#include "store/delivery_store.h"
#include "store/endpoint_store.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace hookbench::test {

inline Delivery makeDelivery(const QByteArray &method, const QByteArray &target,
                             std::optional<qint64> endpointId = std::nullopt,
                             DeliveryState state = DeliveryState::Stored,
                             const QString &rejectReason = {})
{
    Delivery delivery;
    delivery.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    delivery.endpointId = endpointId;
    delivery.state = state;
    delivery.rejectReason = rejectReason;
    delivery.method = method;
    delivery.target = target;
    delivery.httpVersion = QByteArrayLiteral("HTTP/1.1");
    delivery.remoteAddress = QStringLiteral("127.0.0.1");
    delivery.headers.append(QByteArrayLiteral("Content-Type"),
                            QByteArrayLiteral("application/json"));
    delivery.body = QByteArrayLiteral("{\"n\":1}");
    delivery.bodySize = delivery.body.size();
    delivery.contentType = QByteArrayLiteral("application/json");
    delivery.response.status = state == DeliveryState::Stored ? 200 : 400;
    return delivery;
}

// Opens `store` on `path` and waits until the worker thread has it open.
inline void openAndWait(AsyncStore &store, const QString &path)
{
    QSignalSpy opened(&store, &AsyncStore::opened);
    store.open(path);
    QVERIFY(opened.wait(5000));
}

// A database file the test writes with DeliveryStore/EndpointStore on its own connection.
class TestDatabase
{
public:
    TestDatabase()
    {
        QVERIFY2(m_dir.isValid(), "no temporary folder");
        QVERIFY2(m_database.open(path()), qPrintable(m_database.errorString()));
    }

    QString path() const { return m_dir.filePath(QStringLiteral("hookbench.sqlite")); }
    QString folder() const { return m_dir.path(); }
    Database &database() { return m_database; }

    QList<qint64> insert(QList<Delivery> deliveries)
    {
        DeliveryStore store(m_database);
        if (!store.insert(deliveries))
            qFatal("insert failed: %s", qPrintable(store.errorString()));
        QList<qint64> ids;
        for (const Delivery &delivery : deliveries)
            ids.append(delivery.id);
        return ids;
    }

    QList<qint64> insertMany(int count, std::optional<qint64> endpointId = std::nullopt)
    {
        QList<Delivery> deliveries;
        for (int i = 0; i < count; ++i) {
            deliveries.append(makeDelivery(QByteArrayLiteral("POST"),
                                           "/hooks/" + QByteArray::number(i), endpointId));
        }
        return insert(deliveries);
    }

    Endpoint addEndpoint(const QString &name, const QString &path)
    {
        Endpoint endpoint;
        endpoint.name = name;
        endpoint.path = path;
        EndpointStore store(m_database);
        if (!store.add(endpoint))
            qFatal("add endpoint failed: %s", qPrintable(store.errorString()));
        return endpoint;
    }

private:
    QTemporaryDir m_dir;
    Database m_database;
};

} // namespace hookbench::test
