#include "devlake_profile.h"

#include "payload/payload_analysis.h"

#include <QRegularExpression>
#include <QUrl>

namespace hookbench {

namespace {

enum class Kind { Unknown, Deployment, Issue, CloseIssue };

struct Route
{
    Kind kind = Kind::Unknown;
    bool documentedPath = false; // .../plugins/webhook/<connection>/...
    QString connection;
    QString issueKey;
};

Route routeFor(const QByteArray &target)
{
    const QString path = QUrl::fromPercentEncoding(
            target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?')));
    // The DevLake docs: POST <devlake-host>/api/rest/plugins/webhook/1/deployments,
    // .../issues and .../issue/:issueId/close.
    static const QRegularExpression documented(
            QStringLiteral("/plugins/webhook/([^/]+)/(deployments|issues|issue/([^/]+)/close)/?$"));
    static const QRegularExpression generic(
            QStringLiteral("/(deployments|issues|issue/([^/]+)/close)/?$"));
    Route route;
    QRegularExpressionMatch match = documented.match(path);
    QString kind;
    if (match.hasMatch()) {
        route.documentedPath = true;
        route.connection = match.captured(1);
        kind = match.captured(2);
        route.issueKey = match.captured(3);
    } else if (match = generic.match(path); match.hasMatch()) {
        kind = match.captured(1);
        route.issueKey = match.captured(2);
    }
    if (kind == u"deployments")
        route.kind = Kind::Deployment;
    else if (kind == u"issues")
        route.kind = Kind::Issue;
    else if (!kind.isEmpty())
        route.kind = Kind::CloseIssue;
    return route;
}

Kind kindFromShape(const JsonTree &tree)
{
    const JsonTree::NodeId root = tree.root();
    if (tree.type(root) != JsonNodeType::Object)
        return Kind::Unknown;
    if (tree.member(root, "deploymentCommits") != JsonTree::NoNode
        || (tree.member(root, "commit_sha") != JsonTree::NoNode
            && tree.member(root, "repo_url") != JsonTree::NoNode))
        return Kind::Deployment;
    if (tree.member(root, "issue_key") != JsonTree::NoNode
        && tree.member(root, "original_status") != JsonTree::NoNode)
        return Kind::Issue;
    return Kind::Unknown;
}

// The documented example is 2020-01-01T12:00:00+00:00; DevLake also takes Z and +0000 (its own
// CircleCI example uses date '+%Y-%m-%dT%H:%M:%S%z') and fractional seconds.
bool isDevLakeTime(const QString &text)
{
    static const QRegularExpression format(QStringLiteral(
            "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})$"));
    return format.match(text).hasMatch();
}

class Checker
{
    Q_DECLARE_TR_FUNCTIONS(hookbench::DevLakeProfile)

public:
    Checker(const JsonTree &tree, QStringList &problems)
        : m_tree(tree)
        , m_problems(problems)
    {}

    void required(JsonTree::NodeId object, QByteArrayView key, const QString &where = {})
    {
        const JsonTree::NodeId node = m_tree.member(object, key);
        if (node == JsonTree::NoNode || m_tree.type(node) == JsonNodeType::Null) {
            m_problems.append(tr("%1%2 is required").arg(where, QString::fromUtf8(key)));
        } else if (m_tree.type(node) == JsonNodeType::String
                   && m_tree.text(node).trimmed().isEmpty()) {
            m_problems.append(tr("%1%2 is required but empty").arg(where, QString::fromUtf8(key)));
        }
    }
    void string(JsonTree::NodeId object, QByteArrayView key, const QString &where = {})
    {
        const JsonTree::NodeId node = m_tree.member(object, key);
        if (node != JsonTree::NoNode && m_tree.type(node) != JsonNodeType::String
            && m_tree.type(node) != JsonNodeType::Null)
            m_problems.append(tr("%1%2 must be a string").arg(where, QString::fromUtf8(key)));
    }
    void number(JsonTree::NodeId object, QByteArrayView key)
    {
        const JsonTree::NodeId node = m_tree.member(object, key);
        if (node != JsonTree::NoNode && m_tree.type(node) != JsonNodeType::Number
            && m_tree.type(node) != JsonNodeType::Null)
            m_problems.append(tr("%1 must be a number").arg(QString::fromUtf8(key)));
    }
    void time(JsonTree::NodeId object, QByteArrayView key)
    {
        const JsonTree::NodeId node = m_tree.member(object, key);
        if (node == JsonTree::NoNode || m_tree.type(node) == JsonNodeType::Null)
            return;
        const QString text = m_tree.textString(node);
        if (m_tree.type(node) != JsonNodeType::String || !isDevLakeTime(text))
            m_problems.append(tr("%1 is not a time like 2020-01-01T12:00:00+00:00: %2")
                                      .arg(QString::fromUtf8(key), text));
    }
    void oneOf(JsonTree::NodeId object, QByteArrayView key, const QStringList &allowed)
    {
        const JsonTree::NodeId node = m_tree.member(object, key);
        if (node == JsonTree::NoNode || m_tree.type(node) == JsonNodeType::Null)
            return;
        const QString value = m_tree.textString(node);
        if (m_tree.type(node) != JsonNodeType::String || !allowed.contains(value))
            m_problems.append(tr("%1 must be one of %2, not %3")
                                      .arg(QString::fromUtf8(key), allowed.join(u", "), value));
    }

private:
    const JsonTree &m_tree;
    QStringList &m_problems;
};

void checkDeployment(const JsonTree &tree, QStringList &problems)
{
    Checker check(tree, problems);
    const JsonTree::NodeId root = tree.root();
    const JsonTree::NodeId commits = tree.member(root, "deploymentCommits");
    if (commits != JsonTree::NoNode) {
        if (tree.type(commits) != JsonNodeType::Array || tree.childCount(commits) == 0) {
            problems.append(Checker::tr("deploymentCommits must be a non-empty array"));
        }
        for (qsizetype row = 0; row < tree.childCount(commits); ++row) {
            const JsonTree::NodeId commit = tree.child(commits, row);
            const QString where = QStringLiteral("deploymentCommits[%1].").arg(row);
            check.required(commit, "repo_url", where);
            check.required(commit, "commit_sha", where);
            for (QByteArrayView key :
                 {QByteArrayView("repo_url"), QByteArrayView("commit_sha"),
                  QByteArrayView("commit_msg"), QByteArrayView("name"), QByteArrayView("ref_name")})
                check.string(commit, key, where);
        }
    } else {
        check.required(root, "repo_url");
        check.required(root, "commit_sha");
    }
    check.required(root, "start_time");
    for (QByteArrayView key :
         {QByteArrayView("create_time"), QByteArrayView("start_time"), QByteArrayView("end_time")})
        check.time(root, key);
    check.oneOf(root, "result",
                {QStringLiteral("SUCCESS"), QStringLiteral("FAILURE"), QStringLiteral("ABORT"),
                 QStringLiteral("MANUAL")});
    for (QByteArrayView key :
         {QByteArrayView("pipeline_id"), QByteArrayView("environment"), QByteArrayView("repo_url"),
          QByteArrayView("repo_id"), QByteArrayView("name"), QByteArrayView("ref_name"),
          QByteArrayView("commit_sha"), QByteArrayView("commit_msg")})
        check.string(root, key);
}

void checkIssue(const JsonTree &tree, QStringList &problems)
{
    Checker check(tree, problems);
    const JsonTree::NodeId root = tree.root();
    for (QByteArrayView key :
         {QByteArrayView("issue_key"), QByteArrayView("title"), QByteArrayView("status"),
          QByteArrayView("original_status"), QByteArrayView("created_date")})
        check.required(root, key);
    check.oneOf(root, "status",
                {QStringLiteral("TODO"), QStringLiteral("DONE"), QStringLiteral("IN_PROGRESS")});
    for (QByteArrayView key : {QByteArrayView("resolution_date"), QByteArrayView("created_date"),
                               QByteArrayView("updated_date")})
        check.time(root, key);
    for (QByteArrayView key :
         {QByteArrayView("story_point"), QByteArrayView("lead_time_minutes"),
          QByteArrayView("original_estimate_minutes"), QByteArrayView("time_spent_minutes"),
          QByteArrayView("time_remaining_minutes")})
        check.number(root, key);
}

} // namespace

QString DevLakeProfile::id() const
{
    return QStringLiteral("devlake");
}

QString DevLakeProfile::displayName() const
{
    return tr("Apache DevLake");
}

int DevLakeProfile::detect(const PayloadAnalysis &payload) const
{
    const Route route = routeFor(payload.target);
    if (route.documentedPath)
        return UrlMatch;
    const Kind shape = kindFromShape(payload.json);
    if (route.kind != Kind::Unknown && (shape == route.kind || route.kind == Kind::CloseIssue))
        return UrlMatch - 10;
    return shape != Kind::Unknown ? ShapeMatch : NotDetected;
}

VendorSummary DevLakeProfile::summarize(const PayloadAnalysis &payload) const
{
    VendorSummary summary = startSummary();
    const Route route = routeFor(payload.target);
    const JsonTree &tree = payload.json;
    const JsonTree::NodeId root = tree.root();
    const Kind kind = route.kind != Kind::Unknown ? route.kind : kindFromShape(tree);

    summary.addFact(QStringLiteral("connection"), tr("Connection"), route.connection);
    const bool needsJson = kind == Kind::Deployment || kind == Kind::Issue;
    if (needsJson && tree.type(root) != JsonNodeType::Object)
        summary.problems.append(
                payload.jsonError
                        ? tr("the body is not valid JSON: %1").arg(payload.jsonError->reason)
                        : tr("the body must be a JSON object"));

    switch (kind) {
    case Kind::Deployment: {
        summary.event = QStringLiteral("deployment");
        if (tree.type(root) == JsonNodeType::Object)
            checkDeployment(tree, summary.problems);
        summary.addFact(QStringLiteral("repo_url"), tr("Repository"),
                        tree.scalarAt(root, {"repo_url"}));
        summary.addFact(QStringLiteral("commit_sha"), tr("Commit"),
                        tree.scalarAt(root, {"commit_sha"}));
        summary.addFact(QStringLiteral("environment"), tr("Environment"),
                        tree.scalarAt(root, {"environment"}));
        summary.addFact(QStringLiteral("result"), tr("Result"), tree.scalarAt(root, {"result"}));
        summary.addFact(QStringLiteral("start_time"), tr("Started"),
                        tree.scalarAt(root, {"start_time"}));
        summary.addFact(QStringLiteral("end_time"), tr("Ended"), tree.scalarAt(root, {"end_time"}));
        const JsonTree::NodeId commits = tree.member(root, "deploymentCommits");
        if (tree.childCount(commits) > 0) {
            SummaryTable table{QStringLiteral("deployment_commits"),
                               tr("Deployment commits"),
                               {tr("Repository"), tr("Commit"), tr("Ref"), tr("Name")},
                               {}};
            for (qsizetype row = 0; row < tree.childCount(commits); ++row) {
                const JsonTree::NodeId commit = tree.child(commits, row);
                table.rows.append({tree.scalarAt(commit, {"repo_url"}).value_or(QString()),
                                   tree.scalarAt(commit, {"commit_sha"}).value_or(QString()),
                                   tree.scalarAt(commit, {"ref_name"}).value_or(QString()),
                                   tree.scalarAt(commit, {"name"}).value_or(QString())});
            }
            summary.tables.append(table);
        }
        break;
    }
    case Kind::Issue:
        summary.event = QStringLiteral("issue");
        if (tree.type(root) == JsonNodeType::Object)
            checkIssue(tree, summary.problems);
        summary.addFact(QStringLiteral("issue_key"), tr("Issue key"),
                        tree.scalarAt(root, {"issue_key"}));
        summary.addFact(QStringLiteral("title"), tr("Title"), tree.scalarAt(root, {"title"}));
        summary.addFact(QStringLiteral("type"), tr("Type"), tree.scalarAt(root, {"type"}));
        summary.addFact(QStringLiteral("status"), tr("Status"), tree.scalarAt(root, {"status"}));
        summary.addFact(QStringLiteral("original_status"), tr("Original status"),
                        tree.scalarAt(root, {"original_status"}));
        summary.addFact(QStringLiteral("created_date"), tr("Created"),
                        tree.scalarAt(root, {"created_date"}));
        break;
    case Kind::CloseIssue:
        summary.event = QStringLiteral("close-issue");
        summary.addFact(QStringLiteral("issue_key"), tr("Issue key"), route.issueKey);
        // The docs: "Replace :issueId with specific strings and keep the body empty."
        if (!payload.body.trimmed().isEmpty())
            summary.problems.append(tr("the close-issue body should be empty"));
        if (route.issueKey.isEmpty())
            summary.problems.append(tr("the URL names no issue"));
        break;
    case Kind::Unknown:
        summary.problems.append(
                tr("neither the URL nor the body says whether this is a deployment or an issue"));
        break;
    }
    summary.addFact(QStringLiteral("valid"), tr("Schema"),
                    summary.problems.isEmpty()
                            ? tr("valid")
                            : tr("%n problem(s)", nullptr, int(summary.problems.size())));
    return summary;
}

} // namespace hookbench
