// The promise behind every 2xx: the request is committed before the answer leaves. Here the
// server is killed with SIGKILL in the middle of a load, and every request that was answered
// with a 2xx must then be in the database, byte for byte, in a file that passes integrity_check.
#include "http/header_list.h"
#include "support/serve_process.h"

#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <functional>
#include <memory>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

using BodiesById = QHash<QByteArray, QByteArray>;

// What the database holds, keyed by the X-Test-Id each request carried.
struct StoredRows
{
    BodiesById bodies;
    QStringList problems; // rows the check cannot attribute, or attributes twice
};

// Every acknowledged request must be stored with exactly the body that was sent; a stored row
// that was never acknowledged is fine (the server died between commit and answer), but its body
// must still be the one sent.
QStringList findLosses(const BodiesById &sent, const QList<QByteArray> &acknowledged,
                       const StoredRows &stored)
{
    QStringList problems = stored.problems;
    for (const QByteArray &id : acknowledged) {
        const auto row = stored.bodies.constFind(id);
        if (row == stored.bodies.cend())
            problems << u"acknowledged %1 is not stored"_s.arg(QString::fromLatin1(id));
        else if (*row != sent.value(id))
            problems << u"acknowledged %1 is stored with another body (%2 bytes, sent %3)"_s
                                .arg(QString::fromLatin1(id))
                                .arg(row->size())
                                .arg(sent.value(id).size());
    }
    for (auto row = stored.bodies.cbegin(); row != stored.bodies.cend(); ++row) {
        if (!sent.contains(row.key()))
            problems << u"stored %1 was never sent"_s.arg(QString::fromLatin1(row.key()));
        else if (sent.value(row.key()) != row.value())
            problems << u"stored %1 has another body than the one sent"_s.arg(
                    QString::fromLatin1(row.key()));
    }
    return problems;
}

// Varied sizes (a few span several SQLite pages), bytes beyond ASCII, every id inside its body.
QByteArray bodyFor(const QByteArray &id, int sequence)
{
    QRandomGenerator random(static_cast<quint32>(qHash(id)));
    const int padding = sequence % 97 == 0 ? 48 * 1024 : 64 + random.bounded(3000);
    QByteArray pad;
    pad.reserve(padding);
    static const QByteArray alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 \xc3\xa9\xe2\x82\xac";
    for (int i = 0; i < padding; ++i)
        pad += alphabet.at(random.bounded(alphabet.size()));
    return "{\"id\":\"" + id + "\",\"sequence\":" + QByteArray::number(sequence) + ",\"pad\":\""
           + pad + "\"}";
}

// One keep-alive connection sending one request at a time, as webhook senders do.
class LoadClient
{
public:
    LoadClient(int index, quint16 port, BodiesById *sent)
        : m_index(index)
        , m_port(port)
        , m_sent(sent)
    {}

    void start(std::function<void(const QByteArray &)> onAcknowledged)
    {
        m_onAcknowledged = std::move(onAcknowledged);
        QObject::connect(&m_socket, &QTcpSocket::connected, &m_socket, [this] { sendNext(); });
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { readAnswers(); });
        m_socket.connectToHost(u"127.0.0.1"_s, m_port);
    }

    void stopSending() { m_stopped = true; }
    bool isWaiting() const { return !m_inFlight.isEmpty(); }
    bool isClosed() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }
    int nonSuccessAnswers() const { return m_nonSuccess; }

private:
    void sendNext()
    {
        if (m_stopped)
            return;
        ++m_sequence;
        m_inFlight = "c" + QByteArray::number(m_index) + "-" + QByteArray::number(m_sequence);
        const QByteArray body = bodyFor(m_inFlight, m_sequence);
        m_sent->insert(m_inFlight, body);
        QByteArray request = "POST /hooks/crash?seq=" + QByteArray::number(m_sequence)
                             + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                               "X-Test-Id: "
                             + m_inFlight + "\r\n";
        if (m_sequence % 5 == 0) {
            // Some senders stream: the stored body is the decoded one.
            const qsizetype half = body.size() / 2;
            request += "Transfer-Encoding: chunked\r\n\r\n" + QByteArray::number(half, 16) + "\r\n"
                       + body.first(half) + "\r\n" + QByteArray::number(body.size() - half, 16)
                       + "\r\n" + body.sliced(half) + "\r\n0\r\n\r\n";
        } else {
            request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        }
        m_socket.write(request);
    }

    void readAnswers()
    {
        m_buffer += m_socket.readAll();
        while (true) {
            const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const qsizetype lineEnd = m_buffer.indexOf("\r\n");
            const int status = m_buffer.mid(9, 3).toInt();
            const hookbench::HeaderList headers = hookbench::HeaderList::fromWireFormat(
                    QByteArrayView(m_buffer).sliced(lineEnd + 2, headerEnd - lineEnd - 2));
            const qsizetype length = headers.value("content-length").value_or("0").toLongLong();
            if (m_buffer.size() < headerEnd + 4 + length)
                return;
            m_buffer.remove(0, headerEnd + 4 + length);
            const QByteArray id = std::exchange(m_inFlight, QByteArray());
            if (status >= 200 && status < 300)
                m_onAcknowledged(id);
            else
                ++m_nonSuccess;
            sendNext();
        }
    }

    int m_index;
    quint16 m_port;
    BodiesById *m_sent;
    std::function<void(const QByteArray &)> m_onAcknowledged;
    QTcpSocket m_socket;
    QByteArray m_buffer;
    QByteArray m_inFlight;
    int m_sequence = 0;
    int m_nonSuccess = 0;
    bool m_stopped = false;
};

StoredRows readStore(const QString &path, QString *integrity)
{
    StoredRows rows;
    const QString name = u"crash-check"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open()) {
            rows.problems << u"cannot open %1: %2"_s.arg(path, db.lastError().text());
        } else {
            QSqlQuery query(db);
            if (query.exec(u"PRAGMA integrity_check"_s) && query.next())
                *integrity = query.value(0).toString();
            query.finish();
            if (!query.exec(u"SELECT id, headers, body FROM deliveries"_s))
                rows.problems << u"cannot read deliveries: %1"_s.arg(query.lastError().text());
            while (query.next()) {
                const auto id = hookbench::HeaderList::fromWireFormat(query.value(1).toByteArray())
                                        .value("x-test-id");
                if (!id) {
                    rows.problems << u"row %1 has no X-Test-Id"_s.arg(query.value(0).toLongLong());
                } else if (rows.bodies.contains(*id)) {
                    rows.problems << u"%1 is stored twice"_s.arg(QString::fromLatin1(*id));
                } else {
                    rows.bodies.insert(*id, query.value(2).toByteArray());
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

} // namespace

class tst_CrashDurability : public QObject
{
    Q_OBJECT

private slots:
    void checkerReportsLossAndCorruption_data();
    void checkerReportsLossAndCorruption();
    void acknowledgedRequestsSurviveSigkill_data();
    void acknowledgedRequestsSurviveSigkill();
};

void tst_CrashDurability::checkerReportsLossAndCorruption_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<int>("problems");
    QTest::newRow("intact") << u"none"_s << 0;
    QTest::newRow("acknowledged row missing") << u"drop"_s << 1;
    QTest::newRow("one byte changed") << u"flip"_s << 2; // seen from both sides
    QTest::newRow("body truncated") << u"truncate"_s << 2;
    QTest::newRow("unacknowledged row stored") << u"extra"_s << 0;
    QTest::newRow("row without id") << u"anonymous"_s << 1;
}

// The check below only proves something if it can fail: feed it the damage it must see.
void tst_CrashDurability::checkerReportsLossAndCorruption()
{
    QFETCH(QString, damage);
    QFETCH(int, problems);
    BodiesById sent;
    for (int i = 1; i <= 20; ++i) {
        const QByteArray id = "c0-" + QByteArray::number(i);
        sent.insert(id, bodyFor(id, i));
    }
    const QList<QByteArray> acknowledged = {"c0-1", "c0-2", "c0-3", "c0-19"};
    StoredRows stored;
    for (const QByteArray &id : acknowledged)
        stored.bodies.insert(id, sent.value(id));
    if (damage == u"drop")
        stored.bodies.remove("c0-19");
    else if (damage == u"flip")
        stored.bodies["c0-2"][10] = static_cast<char>(stored.bodies["c0-2"][10] ^ 0x01);
    else if (damage == u"truncate")
        stored.bodies["c0-3"].chop(1);
    else if (damage == u"extra")
        stored.bodies.insert("c0-20", sent.value("c0-20"));
    else if (damage == u"anonymous")
        stored.problems << u"row 7 has no X-Test-Id"_s;
    const QStringList found = findLosses(sent, acknowledged, stored);
    QCOMPARE(found.size(), problems);
}

void tst_CrashDurability::acknowledgedRequestsSurviveSigkill_data()
{
    QTest::addColumn<int>("connections");
    QTest::addColumn<int>("killAfter"); // acknowledged requests before the kill
    QTest::newRow("4 connections, kill after 300") << 4 << 300;
    QTest::newRow("16 connections, kill after 2000") << 16 << 2000;
}

void tst_CrashDurability::acknowledgedRequestsSurviveSigkill()
{
    QFETCH(int, connections);
    QFETCH(int, killAfter);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString database = dir.filePath(u"crash.sqlite"_s);
    QProcess server;
    const quint16 port = hookbench::test::startServe(server, database);
    QVERIFY(port != 0);

    BodiesById sent;
    QList<QByteArray> acknowledged;
    std::vector<std::unique_ptr<LoadClient>> clients;
    bool killed = false;
    int inFlightAtKill = 0;
    QElapsedTimer clock;
    clock.start();
    const auto onAcknowledged = [&](const QByteArray &id) {
        acknowledged.append(id);
        if (killed || acknowledged.size() < killAfter)
            return;
        // Killed from inside the load: other requests are on the wire or mid-commit right now.
        server.kill();
        killed = true;
        for (const auto &client : clients) {
            client->stopSending();
            inFlightAtKill += client->isWaiting() ? 1 : 0;
        }
    };
    for (int index = 0; index < connections; ++index) {
        clients.push_back(std::make_unique<LoadClient>(index, port, &sent));
        clients.back()->start(onAcknowledged);
    }
    QTRY_VERIFY_WITH_TIMEOUT(killed, 15000);
    const qint64 loadMs = clock.elapsed();
    // Not waitForFinished(): the event loop above may already have seen the process end.
    QTRY_COMPARE_WITH_TIMEOUT(server.state(), QProcess::NotRunning, 5000);
    QCOMPARE(server.exitStatus(), QProcess::CrashExit);
    // Answers already in our receive buffers were sent by the server, so they count too.
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(clients.cbegin(), clients.cend(),
                                         [](const auto &client) { return client->isClosed(); }),
                             5000);
    for (const auto &client : clients)
        QCOMPARE(client->nonSuccessAnswers(), 0);
    QVERIFY2(acknowledged.size() >= killAfter, qPrintable(QString::number(acknowledged.size())));
    QVERIFY2(inFlightAtKill > 0, "the kill did not land in the middle of the load");

    QString integrity;
    const StoredRows stored = readStore(database, &integrity);
    QCOMPARE(integrity, u"ok"_s);
    const QStringList losses = findLosses(sent, acknowledged, stored);
    QVERIFY2(losses.isEmpty(), qPrintable(losses.mid(0, 10).join(u"; "_s)));
    QVERIFY(stored.bodies.size() >= acknowledged.size());
    qInfo("%lld acknowledged in %lld ms, %d in flight at the kill, %lld stored, %lld sent",
          qlonglong(acknowledged.size()), loadMs, inFlightAtKill, qlonglong(stored.bodies.size()),
          qlonglong(sent.size()));
}

QTEST_GUILESS_MAIN(tst_CrashDurability)
#include "tst_crash_durability.moc"
