#include "foundries_profile.h"

#include "payload/payload_analysis.h"

namespace hookbench {

QString FoundriesProfile::id() const
{
    return QStringLiteral("foundries");
}

QString FoundriesProfile::displayName() const
{
    return tr("Foundries.io CI");
}

int FoundriesProfile::detect(const PayloadAnalysis &payload) const
{
    if (payload.headers.contains("X-JobServ-Sig"))
        return HeaderMatch;
    const JsonTree &tree = payload.json;
    const JsonTree::NodeId root = tree.root();
    const bool buildShape = tree.member(root, "build_id") != JsonTree::NoNode
                            && tree.type(tree.member(root, "runs")) == JsonNodeType::Array
                            && tree.member(root, "status") != JsonTree::NoNode;
    return buildShape ? ShapeMatch : NotDetected;
}

VendorSummary FoundriesProfile::summarize(const PayloadAnalysis &payload) const
{
    VendorSummary summary = startSummary();
    const JsonTree &tree = payload.json;
    const JsonTree::NodeId root = tree.root();

    const std::optional<QString> status = tree.scalarAt(root, {"status"});
    summary.event = QStringLiteral("build.") + status.value_or(QStringLiteral("unknown")).toLower();
    const std::optional<QString> created = tree.scalarAt(root, {"created"});
    const std::optional<QString> completed = tree.scalarAt(root, {"completed"});
    summary.addFact(QStringLiteral("build_id"), tr("Build"), tree.scalarAt(root, {"build_id"}));
    summary.addFact(QStringLiteral("status"), tr("Status"), status);
    summary.addFact(QStringLiteral("trigger"), tr("Trigger"),
                    tree.scalarAt(root, {"trigger_name"}));
    summary.addFact(QStringLiteral("created"), tr("Created"), created);
    summary.addFact(QStringLiteral("completed"), tr("Completed"), completed);
    if (created && completed)
        summary.addFact(QStringLiteral("duration"), tr("Duration"), duration(*created, *completed));
    summary.addFact(QStringLiteral("url"), tr("API URL"), tree.scalarAt(root, {"url"}));
    summary.addFact(QStringLiteral("web_url"), tr("Web URL"), tree.scalarAt(root, {"web_url"}));

    const JsonTree::NodeId runs = tree.member(root, "runs");
    SummaryTable table{QStringLiteral("runs"),
                       tr("Runs"),
                       {tr("Name"), tr("Status"), tr("Host tag"), tr("Created"), tr("Completed"),
                        tr("Duration"), tr("Links")},
                       {}};
    qsizetype failed = 0;
    for (qsizetype row = 0; row < tree.childCount(runs); ++row) {
        const JsonTree::NodeId run = tree.child(runs, row);
        const QString runStatus = tree.scalarAt(run, {"status"}).value_or(QString());
        failed += runStatus == u"FAILED" ? 1 : 0;
        const QString runCreated = tree.scalarAt(run, {"created"}).value_or(QString());
        const QString runCompleted = tree.scalarAt(run, {"completed"}).value_or(QString());
        QStringList links;
        for (QByteArrayView key : {QByteArrayView("web_url"), QByteArrayView("log_url"),
                                   QByteArrayView("url"), QByteArrayView("tests")}) {
            if (const auto link = tree.scalarAt(run, {key}))
                links.append(*link);
        }
        table.rows.append({tree.scalarAt(run, {"name"}).value_or(QString()), runStatus,
                           tree.scalarAt(run, {"host_tag"}).value_or(QString()), runCreated,
                           runCompleted, duration(runCreated, runCompleted).value_or(QString()),
                           links.join(u' ')});
    }
    summary.addFact(QStringLiteral("run_count"), tr("Runs"), QString::number(table.rows.size()));
    if (failed > 0)
        summary.addFact(QStringLiteral("failed_runs"), tr("Failed runs"), QString::number(failed));
    summary.tables.append(table);
    return summary;
}

} // namespace hookbench
