// Outgoing delivery throughput: N messages in the outbox, our own receiver as the target, the
// delivery engine draining them. Prints the enqueue time, messages/s and the time to drain.
//   delivery_bench [messages=10000] [subscriptions=1] [concurrency per subscription=8]
#include "capture/receiver.h"
#include "delivery/delivery_engine.h"
#include "store/database.h"
#include "store/endpoint_store.h"
#include "store/outbox_store.h"
#include "store/subscription_store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace hookbench;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "delivery_bench: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const int messages = arguments.value(1, u"10000"_s).toInt();
    const int subscriptions = arguments.value(2, u"1"_s).toInt();
    const int concurrency = arguments.value(3, u"8"_s).toInt();
    if (messages <= 0 || subscriptions <= 0 || concurrency <= 0)
        return fail(u"usage: delivery_bench [messages] [subscriptions] [concurrency]"_s);
    qputenv("HOOKBENCH_SECRETS", "database");

    QTemporaryDir dir;
    const QString targetLocation = dir.filePath(u"target.sqlite"_s);
    const QString senderLocation = dir.filePath(u"sender.sqlite"_s);
    Receiver receiver;
    ReceiverConfig receiverConfig;
    receiverConfig.port = 0;
    receiverConfig.databaseLocation = targetLocation;
    receiver.start(receiverConfig);
    if (!QTest::qWaitFor([&] { return receiver.state() != Receiver::State::Starting; }, 10000)
        || receiver.state() != Receiver::State::Listening)
        return fail(u"the target did not start: "_s + receiver.errorString());

    QFile bodyFile(QStringLiteral(HOOKBENCH_BENCH_DIR "/webhook_body.json"));
    if (!bodyFile.open(QIODevice::ReadOnly))
        return fail(u"cannot read webhook_body.json"_s);
    const QByteArray body = bodyFile.readAll();

    Database sender;
    if (!sender.open(senderLocation))
        return fail(sender.errorString());
    QList<qint64> subscriptionIds;
    {
        SubscriptionStore store(sender, SecretVault::Choice::Database);
        for (int index = 0; index < subscriptions; ++index) {
            Subscription subscription;
            subscription.name = u"bench-%1"_s.arg(index);
            subscription.url = receiver.baseUrl().resolved(QUrl(u"/bench/%1"_s.arg(index)));
            subscription.schemeId = u"github"_s;
            subscription.secret = "bench-secret";
            subscription.retrySchedule = {std::chrono::milliseconds(100)};
            if (!store.add(subscription))
                return fail(store.errorString());
            subscriptionIds.append(subscription.id);
        }
    }
    QList<OutboxMessage> outbox(messages);
    for (int index = 0; index < messages; ++index) {
        outbox[index].subscriptionId = subscriptionIds.at(index % subscriptions);
        outbox[index].eventType = u"bench"_s;
        outbox[index].payload = body;
        outbox[index].contentType = "application/json";
    }
    QElapsedTimer clock;
    clock.start();
    OutboxStore store(sender);
    if (!store.enqueue(outbox))
        return fail(store.errorString());
    const qint64 enqueueMs = clock.elapsed();

    DeliveryEngineConfig config;
    config.databaseLocation = senderLocation;
    config.maxConcurrencyPerSubscription = concurrency;
    config.secrets = SecretVault::Choice::Database;
    DeliveryEngine engine(config);
    int delivered = 0;
    int failed = 0;
    QObject::connect(&engine, &DeliveryEngine::messageSettled, &app,
                     [&](qint64, MessageState state) {
                         (state == MessageState::Delivered ? delivered : failed) += 1;
                     });
    clock.restart();
    if (!engine.start())
        return fail(engine.errorString());
    const bool drained
            = QTest::qWaitFor([&] { return delivered + failed == messages; }, 10 * 60 * 1000);
    const qint64 drainMs = std::max<qint64>(1, clock.elapsed());
    engine.stop();
    receiver.stop();

    std::printf("messages       %d to %d subscription(s), %d in flight each, ~%lld-byte body\n",
                messages, subscriptions, concurrency, static_cast<long long>(body.size()));
    std::printf("enqueue        %lld ms (one transaction)\n", static_cast<long long>(enqueueMs));
    std::printf("drain          %lld ms%s\n", static_cast<long long>(drainMs),
                drained ? "" : " (gave up)");
    std::printf("throughput     %.0f messages/s\n", 1000.0 * (delivered + failed) / drainMs);
    std::printf("delivered      %d, failed %d, pending %lld\n", delivered, failed,
                static_cast<long long>(store.count(MessageState::Pending)));
    return drained && failed == 0 ? 0 : 1;
}
