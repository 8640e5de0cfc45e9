// JSON open benchmark, one process per measurement so each peak RSS is its own:
//   bench_json generate BYTES FILE [flat]   writes a webhook-like JSON document of about BYTES
//                                           bytes (flat: one top-level array of numbers)
//   bench_json measure FILE          reads, parses and shows FILE; prints one line of key=value
// tests/bench/json_bench.sh runs it next to `jq . > /dev/null` on the same files.

#include "models/json_tree_model.h"
#include "models/json_tree_search.h"
#include "payload/json_tree.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTreeView>
#include <cstdio>
#include <cstring>
#include <random>

using namespace hookbench;
using namespace Qt::StringLiterals;

namespace {

// Peak resident set size so far, in KiB, as the kernel counts it.
qint64 peakRssKb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Deliveries as a CI or tracker would send them: ids beyond 2^53, escaped and non-ASCII strings,
// nested objects, arrays of numbers, booleans, nulls and decimals.
QByteArray record(std::mt19937_64 &random, int index)
{
    QByteArray out;
    out += R"({"id":)" + QByteArray::number(quint64(random()) | (1ull << 62));
    out += R"(,"event":"build.finished","sequence":)" + QByteArray::number(index);
    out += R"(,"status":")" + QByteArray(random() % 3 ? "passed" : "failed") + '"';
    out += R"(,"duration":)" + QByteArray::number(double(random() % 100000) / 100.0, 'f', 2);
    out += R"(,"trigger":{"type":"git","ref":"refs/heads/main","sha":")"
           + QByteArray::number(quint64(random()), 16) + QByteArray::number(quint64(random()), 16)
           + R"(","author":"J\u00fcrgen M\u00fcller <jm@example.com>"})";
    out += R"(,"message":"Merge \"feature\" into main\n\nSigned-off-by: Zo\u00eb\t\u2713")";
    out += R"(,"runs":[)";
    for (int run = 0; run < 3; ++run) {
        if (run)
            out += ',';
        out += R"({"name":"run-)" + QByteArray::number(run) + R"(","host_tag":"amd64",)"
               + R"("created":"2024-03-01T12:00:0)" + QByteArray::number(run)
               + R"(Z","completed":null,"ok":)" + (random() % 2 ? "true" : "false")
               + R"(,"timings":[)" + QByteArray::number(random() % 1000) + ','
               + QByteArray::number(random() % 1000) + ',' + QByteArray::number(random() % 1000)
               + R"(],"url":"https://ci.example.com/projects/bench/builds/)"
               + QByteArray::number(index) + "/runs/" + QByteArray::number(run) + R"("})";
    }
    out += "]}";
    return out;
}

enum class Shape { Records, Flat };

int generate(qint64 bytes, const QString &path, Shape shape)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "bench_json: cannot write %s\n", qPrintable(path));
        return 2;
    }
    std::mt19937_64 random(42);
    QByteArray out;
    if (shape == Shape::Flat) {
        // The worst shape for a tree view: one array of millions of numbers at the top.
        out = "[";
        for (quint64 index = 0; out.size() < bytes - 2; ++index)
            out += (index ? "," : "") + QByteArray::number(index * 7919);
        out += "]";
        file.write(out);
        return 0;
    }
    out = R"({"source":"hookbench bench","deliveries":[)"
          "\n";
    for (int index = 0; out.size() < bytes - 2000; ++index) {
        if (index)
            out += ",\n";
        out += record(random, index);
    }
    out += "\n]}\n";
    file.write(out);
    return 0;
}

int measure(int argc, char **argv, const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bench_json: cannot read %s\n", qPrintable(path));
        return 2;
    }
    // The padding lets the parser read the buffer in place instead of copying it.
    QByteArray json;
    json.reserve(file.size() + JsonTree::requiredPadding());
    json.append(file.readAll());
    const qint64 readMs = timer.restart();

    JsonParseResult result = JsonTree::parse(json);
    const qint64 parseMs = timer.restart();
    if (!result.isValid()) {
        std::fprintf(stderr, "bench_json: %s is not valid JSON: %s\n", qPrintable(path),
                     qPrintable(result.error->reason));
        return 1;
    }
    const qint64 parsePeakKb = peakRssKb();

    // What a user waits for after the parse: the model reset and the first screen of rows,
    // rendered by a real QTreeView (offscreen).
    QApplication app(argc, argv);
    timer.restart();
    JsonTreeModel model;
    model.setTree(result.tree);
    QTreeView view;
    view.setUniformRowHeights(true);
    view.setModel(&model);
    view.resize(1000, 700);
    view.expandToDepth(0);
    view.show();
    const QPixmap frame = view.grab();
    const qint64 firstRowsMs = timer.restart();
    const int visibleRows = view.viewport()->height() / std::max(1, view.sizeHintForRow(0));

    const std::vector<JsonTree::NodeId> matches = JsonTreeSearch::find(result.tree, u"zoë"_s);
    const qint64 findMs = timer.restart();

    std::printf("bytes=%lld nodes=%lld read_ms=%lld parse_ms=%lld parse_peak_kb=%lld "
                "first_rows_ms=%lld visible_rows=%d find_ms=%lld find_matches=%zu "
                "held_kb=%lld peak_kb=%lld\n",
                qint64(json.size()), qint64(result.tree.nodeCount()), readMs, parseMs, parsePeakKb,
                firstRowsMs, visibleRows, findMs, matches.size(),
                qint64(result.tree.source().size() + result.tree.memoryUsage()) / 1024,
                peakRssKb());
    return frame.isNull() ? 1 : 0;
}

} // namespace

int main(int argc, char **argv)
{
    if ((argc == 4 || argc == 5) && std::strcmp(argv[1], "generate") == 0)
        return generate(QByteArray(argv[2]).toLongLong(), QString::fromLocal8Bit(argv[3]),
                        argc == 5 && std::strcmp(argv[4], "flat") == 0 ? Shape::Flat
                                                                       : Shape::Records);
    if (argc == 3 && std::strcmp(argv[1], "measure") == 0)
        return measure(argc, argv, QString::fromLocal8Bit(argv[2]));
    std::fprintf(stderr,
                 "usage: bench_json generate BYTES FILE [flat] | bench_json measure FILE\n");
    return 2;
}
