#include "delivery_engine.h"

#include "delivery_worker.h"

using namespace Qt::StringLiterals;

namespace hookbench {

DeliveryEngine::DeliveryEngine(DeliveryEngineConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    m_thread.setObjectName(u"hookbench-delivery"_s);
}

DeliveryEngine::~DeliveryEngine()
{
    stop();
}

bool DeliveryEngine::start()
{
    if (m_worker)
        return true;
    m_error.clear();
    m_worker = new DeliveryWorker(m_config);
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &DeliveryWorker::attemptFinished, this, &DeliveryEngine::attemptFinished);
    connect(m_worker, &DeliveryWorker::messageSettled, this, &DeliveryEngine::messageSettled);
    connect(m_worker, &DeliveryWorker::subscriptionFailing, this,
            &DeliveryEngine::subscriptionFailing);
    connect(m_worker, &DeliveryWorker::subscriptionDisabled, this,
            &DeliveryEngine::subscriptionDisabled);
    connect(m_worker, &DeliveryWorker::warning, this, &DeliveryEngine::warning);
    m_thread.start();
    QString error;
    QMetaObject::invokeMethod(
            m_worker, [this] { return m_worker->open(); }, Qt::BlockingQueuedConnection, &error);
    if (!error.isEmpty()) {
        m_error = error;
        stop();
        return false;
    }
    return true;
}

void DeliveryEngine::stop()
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(
            m_worker, [this] { m_worker->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
    m_worker = nullptr;
}

RouteResult DeliveryEngine::fire(const QString &eventType, const QByteArray &payload,
                                 const QByteArray &contentType)
{
    RouteResult result;
    if (!m_worker)
        return result;
    QMetaObject::invokeMethod(
            m_worker, [&] { return m_worker->fire(eventType, payload, contentType); },
            Qt::BlockingQueuedConnection, &result);
    return result;
}

} // namespace hookbench
