#include "json_tree_loader.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>

namespace hookbench {

JsonTreeLoader::JsonTreeLoader(QObject *parent)
    : QObject(parent)
{}

JsonTreeLoader::~JsonTreeLoader() = default;

void JsonTreeLoader::load(const QByteArray &json)
{
    const quint64 generation = ++m_generation;
    m_state = State::Loading;
    m_result = {};
    m_source = json;
    m_timer.start();
    emit started(json.size());

    QPointer<JsonTreeLoader> self(this);
    QThreadPool::globalInstance()->start([self, generation, json] {
        JsonParseResult result = JsonTree::parse(json);
        // Through the application object, which outlives the loader: the pointer is only
        // looked at back on the GUI thread, where the loader may have been deleted meanwhile.
        QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, generation, result = std::move(result)]() mutable {
                    if (self)
                        self->deliver(generation, std::move(result));
                },
                Qt::QueuedConnection);
    });
}

void JsonTreeLoader::cancel()
{
    ++m_generation;
    m_state = State::Idle;
    m_result = {};
    m_source.clear();
}

void JsonTreeLoader::deliver(quint64 generation, JsonParseResult result)
{
    if (generation != m_generation)
        return;
    m_result = std::move(result);
    m_state = m_result.isValid() ? State::Loaded : State::Failed;
    m_elapsedMs = m_timer.elapsed();
    emit finished();
}

} // namespace hookbench
