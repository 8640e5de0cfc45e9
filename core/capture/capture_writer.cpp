#include "capture_writer.h"

#include "http/http_request.h"

#include <QMutexLocker>

namespace hookbench {

CaptureWriter::CaptureWriter(QObject *parent)
    : QObject(parent)
{
    // Endpoints may be edited by another process (the CLI while the GUI serves, or the reverse).
    m_endpointPoll.setInterval(1000);
    connect(&m_endpointPoll, &QTimer::timeout, this, &CaptureWriter::checkEndpoints);
}

void CaptureWriter::enqueue(quint64 ticket, Delivery delivery, qint64 startedNs)
{
    QMutexLocker locker(&m_mutex);
    m_queuedTickets.append(ticket);
    m_queued.append(std::move(delivery));
    m_queuedStarts.append(startedNs);
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        QMetaObject::invokeMethod(this, &CaptureWriter::flush, Qt::QueuedConnection);
    }
}

void CaptureWriter::open(const QString &location)
{
    if (!m_database.open(location)) {
        emit openFailed(m_database.errorString());
        return;
    }
    m_endpointRevision = m_endpoints.revision();
    m_endpointPoll.start();
    emit opened(m_endpoints.endpoints(), m_endpoints.unknownPathPolicy());
}

void CaptureWriter::flush()
{
    QList<quint64> tickets;
    QList<Delivery> batch;
    QList<qint64> starts;
    {
        QMutexLocker locker(&m_mutex);
        tickets.swap(m_queuedTickets);
        batch.swap(m_queued);
        starts.swap(m_queuedStarts);
        m_flushScheduled = false;
    }
    if (batch.isEmpty())
        return;

    const qint64 now = steadyNowNs();
    for (qsizetype index = 0; index < batch.size(); ++index)
        batch[index].processingUs = qMax<qint64>(0, (now - starts.at(index)) / 1000);
    if (!m_database.isOpen()) {
        emit committed(tickets, {}, tr("The database is not open."));
        return;
    }
    if (!m_deliveries.insert(batch)) {
        emit committed(tickets, {}, m_deliveries.errorString());
        return;
    }
    QList<qint64> ids;
    ids.reserve(batch.size());
    for (const Delivery &delivery : batch)
        ids.append(delivery.id);
    emit committed(tickets, ids, QString());
}

void CaptureWriter::close()
{
    flush();
    m_endpointPoll.stop();
    m_database.close();
}

void CaptureWriter::checkEndpoints()
{
    const qint64 revision = m_endpoints.revision();
    if (revision == m_endpointRevision)
        return;
    m_endpointRevision = revision;
    emit endpointsChanged(m_endpoints.endpoints(), m_endpoints.unknownPathPolicy());
}

} // namespace hookbench
