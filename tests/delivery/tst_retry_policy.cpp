#include "delivery/retry_policy.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

using namespace hookbench;

class tst_RetryPolicy : public QObject
{
    Q_OBJECT

private slots:
    void delayAfter_data();
    void delayAfter();
    void jitterOnlyDelays();
    void parseRetryAfter_data();
    void parseRetryAfter();
};

namespace {
const QDateTime now = QDateTime::fromString(u"2026-11-23T10:00:00Z"_s, Qt::ISODate);
}

void tst_RetryPolicy::delayAfter_data()
{
    QTest::addColumn<QString>("schedule");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<qint64>("expectedMs"); // -1: failed

    QTest::newRow("first retry") << u"1s,2s,4s"_s << 1 << 500 << QByteArray() << qint64(1000);
    QTest::newRow("third retry") << u"1s,2s,4s"_s << 3 << 0 << QByteArray() << qint64(4000);
    QTest::newRow("schedule used up") << u"1s,2s,4s"_s << 4 << 500 << QByteArray() << qint64(-1);
    QTest::newRow("no schedule") << QString() << 1 << 500 << QByteArray() << qint64(-1);
    QTest::newRow("429 seconds") << u"1s"_s << 1 << 429 << QByteArray("120") << qint64(120000);
    QTest::newRow("503 date") << u"1s"_s << 1 << 503 << QByteArray("Mon, 23 Nov 2026 10:00:30 GMT")
                              << qint64(30000);
    QTest::newRow("503 date past")
            << u"1s"_s << 1 << 503 << QByteArray("Mon, 23 Nov 2026 09:00:00 GMT") << qint64(0);
    QTest::newRow("500 ignores Retry-After")
            << u"1s"_s << 1 << 500 << QByteArray("120") << qint64(1000);
    QTest::newRow("429 garbage") << u"1s"_s << 1 << 429 << QByteArray("soon") << qint64(1000);
    QTest::newRow("Retry-After does not extend the schedule")
            << u"1s"_s << 2 << 429 << QByteArray("5") << qint64(-1);
}

void tst_RetryPolicy::delayAfter()
{
    QFETCH(QString, schedule);
    QFETCH(int, attempts);
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QFETCH(qint64, expectedMs);
    QRandomGenerator random(1);
    const auto delay = RetryPolicy::delayAfter(*parseRetrySchedule(schedule), attempts, status,
                                               retryAfter, now, 0.0, random);
    QCOMPARE(delay.has_value(), expectedMs >= 0);
    if (delay)
        QCOMPARE(delay->count(), expectedMs);
}

void tst_RetryPolicy::jitterOnlyDelays()
{
    QRandomGenerator random(7);
    qint64 smallest = std::numeric_limits<qint64>::max();
    qint64 largest = 0;
    for (int round = 0; round < 200; ++round) {
        const auto delay = RetryPolicy::delayAfter({10s}, 1, 500, {}, now, 0.1, random);
        smallest = std::min<qint64>(smallest, delay->count());
        largest = std::max<qint64>(largest, delay->count());
    }
    QVERIFY(smallest >= 10000);
    QVERIFY(largest <= 11000);
    QVERIFY(largest > smallest); // it does spread
}

void tst_RetryPolicy::parseRetryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expectedMs");
    QTest::newRow("seconds") << QByteArray("3") << qint64(3000);
    QTest::newRow("spaces") << QByteArray(" 3 ") << qint64(3000);
    QTest::newRow("negative") << QByteArray("-3") << qint64(-1);
    QTest::newRow("empty") << QByteArray() << qint64(-1);
    QTest::newRow("imf date") << QByteArray("Mon, 23 Nov 2026 10:01:00 GMT") << qint64(60000);
}

void tst_RetryPolicy::parseRetryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expectedMs);
    const auto parsed = RetryPolicy::parseRetryAfter(value, now);
    QCOMPARE(parsed.has_value(), expectedMs >= 0);
    if (parsed)
        QCOMPARE(parsed->count(), expectedMs);
}

QTEST_GUILESS_MAIN(tst_RetryPolicy)
#include "tst_retry_policy.moc"
