#pragma once

#include "payload/json_tree.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>

namespace hookbench {

// Parses a body into a JsonTree on the global thread pool and hands the result back on the
// thread the loader lives in. The parse is one simdjson call, so progress is indeterminate:
// started, then finished. A later load() supersedes one still running (its result is dropped).
class JsonTreeLoader : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Failed };
    Q_ENUM(State)

    explicit JsonTreeLoader(QObject *parent = nullptr);
    ~JsonTreeLoader() override;

    void load(const QByteArray &json);
    // Drops any running load and forgets the last result.
    void cancel();

    State state() const { return m_state; }
    const JsonParseResult &result() const { return m_result; }
    // The bytes of the last load(), kept so an invalid document can still be shown as text.
    const QByteArray &source() const { return m_source; }
    // Wall time of the last finished load, parse and hand-over, in milliseconds.
    qint64 elapsedMs() const { return m_elapsedMs; }

signals:
    void started(qint64 bytes);
    // result() holds the tree or the syntax error.
    void finished();

private:
    void deliver(quint64 generation, JsonParseResult result);

    State m_state = State::Idle;
    JsonParseResult m_result;
    quint64 m_generation = 0;
    QByteArray m_source;
    qint64 m_elapsedMs = 0;
    QElapsedTimer m_timer;
};

} // namespace hookbench
