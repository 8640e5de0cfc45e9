#include "json_tree_model.h"

#include "standard_icon.h"

#include <QBrush>
#include <QColor>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {

// Line breaks and tabs would break the one-line cell; they are shown as visible symbols and kept
// as they are in FullValueRole.
QString oneLine(QString text)
{
    text.replace(u"\r\n"_s, u"\u21b5"_s);
    text.replace(u'\n', u'\u21b5');
    text.replace(u'\r', u'\u21b5');
    text.replace(u'\t', u'\u21e5');
    return text;
}

} // namespace

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void JsonTreeModel::setTree(const JsonTree &tree)
{
    beginResetModel();
    m_tree = tree;
    m_fetched.clear();
    endResetModel();
}

void JsonTreeModel::clear()
{
    setTree(JsonTree());
}

JsonTree::NodeId JsonTreeModel::topNode() const
{
    const JsonTree::NodeId root = m_tree.root();
    return m_tree.isContainer(root) ? root : JsonTree::NoNode;
}

JsonTree::NodeId JsonTreeModel::containerFor(const QModelIndex &parent) const
{
    return parent.isValid() ? nodeForIndex(parent) : topNode();
}

int JsonTreeModel::fetchedRows(JsonTree::NodeId container) const
{
    const qsizetype children = m_tree.childCount(container);
    if (children <= fetchBatch)
        return int(children);
    // None until a view asks (QTreeView fetches when it lays a parent out), so a reset or a
    // collapsed array costs nothing.
    return m_fetched.value(container, 0);
}

QModelIndex JsonTreeModel::indexForNode(JsonTree::NodeId node, int column) const
{
    if (node == JsonTree::NoNode || node >= m_tree.nodeCount() || node == topNode())
        return {};
    if (column < 0 || column >= ColumnCount)
        return {};
    const qsizetype row = m_tree.row(node);
    const JsonTree::NodeId parentNode = m_tree.parent(node);
    if (parentNode != JsonTree::NoNode && row >= fetchedRows(parentNode))
        return {};
    return createIndex(int(row), column, quintptr(node));
}

QModelIndex JsonTreeModel::fetchNode(JsonTree::NodeId node)
{
    if (node == JsonTree::NoNode || node >= m_tree.nodeCount() || node == topNode())
        return {};
    QList<JsonTree::NodeId> chain;
    for (JsonTree::NodeId current = node; m_tree.parent(current) != JsonTree::NoNode;
         current = m_tree.parent(current))
        chain.prepend(current);
    for (JsonTree::NodeId current : chain) {
        const JsonTree::NodeId container = m_tree.parent(current);
        const qsizetype row = m_tree.row(current);
        if (row < fetchedRows(container))
            continue;
        // Whole batches, so the rows after the match are there too when the view scrolls on.
        const qsizetype rows = (row / fetchBatch + 1) * fetchBatch;
        fetchRows(indexForNode(container), container, rows);
    }
    return indexForNode(node);
}

void JsonTreeModel::fetchRows(const QModelIndex &parent, JsonTree::NodeId container, qsizetype rows)
{
    const int fetched = fetchedRows(container);
    const int target = int(std::min(rows, m_tree.childCount(container)));
    if (target <= fetched)
        return;
    beginInsertRows(parent, fetched, target - 1);
    m_fetched.insert(container, target);
    endInsertRows();
}

bool JsonTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != KeyColumn)
        return false;
    const JsonTree::NodeId container = containerFor(parent);
    return container != JsonTree::NoNode && fetchedRows(container) < m_tree.childCount(container);
}

void JsonTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const JsonTree::NodeId container = containerFor(parent);
    fetchRows(parent, container, qsizetype(fetchedRows(container)) + fetchBatch);
}

JsonTree::NodeId JsonTreeModel::nodeForIndex(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return JsonTree::NoNode;
    return JsonTree::NodeId(index.internalId());
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent))
        return {};
    if (!parent.isValid() && topNode() == JsonTree::NoNode)
        return createIndex(0, column, quintptr(m_tree.root()));
    const JsonTree::NodeId node = m_tree.child(containerFor(parent), row);
    return node == JsonTree::NoNode ? QModelIndex() : createIndex(row, column, quintptr(node));
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    const JsonTree::NodeId node = nodeForIndex(child);
    if (node == JsonTree::NoNode)
        return {};
    return indexForNode(m_tree.parent(node), KeyColumn);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (m_tree.isEmpty())
        return 0;
    if (parent.isValid() && parent.column() != KeyColumn)
        return 0;
    if (!parent.isValid() && topNode() == JsonTree::NoNode)
        return 1;
    return fetchedRows(containerFor(parent));
}

int JsonTreeModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

bool JsonTreeModel::hasChildren(const QModelIndex &parent) const
{
    // Children not fetched yet still count: the view shows an expander and fetches on expand.
    if (!parent.isValid())
        return !m_tree.isEmpty();
    return parent.column() == KeyColumn && m_tree.childCount(nodeForIndex(parent)) > 0;
}

Qt::ItemFlags JsonTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!m_tree.isContainer(nodeForIndex(index)))
        result |= Qt::ItemNeverHasChildren;
    return result;
}

QString JsonTreeModel::typeName(JsonNodeType type)
{
    switch (type) {
    case JsonNodeType::Null:
        return tr("null");
    case JsonNodeType::Boolean:
        return tr("boolean");
    case JsonNodeType::Number:
        return tr("number");
    case JsonNodeType::String:
        return tr("string");
    case JsonNodeType::Object:
        return tr("object");
    case JsonNodeType::Array:
        return tr("array");
    }
    return {};
}

QString JsonTreeModel::keyText(JsonTree::NodeId node) const
{
    if (m_tree.hasKey(node))
        return m_tree.keyString(node);
    if (m_tree.parent(node) == JsonTree::NoNode)
        return tr("(document)");
    return u"[%1]"_s.arg(m_tree.row(node));
}

QString JsonTreeModel::valueText(JsonTree::NodeId node, qsizetype maxLength) const
{
    switch (m_tree.type(node)) {
    case JsonNodeType::Object:
        return u"{%1}"_s.arg(m_tree.childCount(node));
    case JsonNodeType::Array:
        return u"[%1]"_s.arg(m_tree.childCount(node));
    default:
        break;
    }
    QByteArrayView text = m_tree.text(node);
    // Cut in bytes first so a 10 MB base64 string is not decoded to be shown as 512 characters;
    // 4 bytes per character is the UTF-8 worst case.
    const bool cut = text.size() > maxLength * 4;
    if (cut)
        text = text.first(maxLength * 4);
    QString value = QString::fromUtf8(text);
    if (cut || value.size() > maxLength) {
        value.truncate(maxLength);
        value.append(u'\u2026');
    }
    return value;
}

QString JsonTreeModel::duplicateKeyToolTip(JsonTree::NodeId node) const
{
    const bool kept = m_tree.member(m_tree.parent(node), m_tree.key(node)) == node;
    return kept ? tr("Duplicate key: jq and most parsers keep this one, the last")
                : tr("Duplicate key: jq keeps the last one, not this one");
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const JsonTree::NodeId node = nodeForIndex(index);
    const bool duplicate = m_tree.isDuplicateKey(node);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn:
            return oneLine(keyText(node));
        case ValueColumn:
            return oneLine(valueText(node, maxDisplayLength));
        case TypeColumn:
            return typeName(m_tree.type(node));
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == KeyColumn && duplicate)
            return duplicateKeyToolTip(node);
        if (index.column() == ValueColumn && !m_tree.isContainer(node))
            return valueText(node, 4 * maxDisplayLength);
        return {};
    case Qt::DecorationRole:
        if (index.column() != KeyColumn || !duplicate)
            return {};
        if (m_warningIcon.isNull())
            m_warningIcon = standardIcon(u"dialog-warning"_s, QStyle::SP_MessageBoxWarning);
        return m_warningIcon;
    case Qt::ForegroundRole:
        // An orange that reads on both the light and the dark palette.
        if (index.column() == KeyColumn && duplicate)
            return QBrush(QColor(0xd0, 0x70, 0x10));
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == KeyColumn && duplicate)
            return tr("%1 (duplicate key)").arg(keyText(node));
        return {};
    case NodeIdRole:
        return QVariant::fromValue(node);
    case NodeTypeRole:
        return int(m_tree.type(node));
    case JsonPointerRole:
        return m_tree.jsonPointer(node);
    case JqPathRole:
        return m_tree.jqPath(node);
    case FullValueRole:
        if (m_tree.isContainer(node))
            return QString::fromUtf8(m_tree.toJson(node));
        return m_tree.textString(node);
    case DuplicateKeyRole:
        return duplicate;
    }
    return {};
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    }
    return {};
}

} // namespace hookbench
