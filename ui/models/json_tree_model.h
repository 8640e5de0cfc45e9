#pragma once

#include "payload/json_tree.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>

namespace hookbench {

// A JsonTree as a three-column tree (key, value, type). The model holds no per-row state: an
// index's internalId is its NodeId, so index() and rowCount() are O(1) and parent() is
// O(log n). Containers with more than fetchBatch children start with no rows and are fetched in
// batches (canFetchMore / fetchMore, which QTreeView calls when it lays a parent out): a view lays
// out every row it is given, so a flat array of millions of elements would otherwise cost seconds
// and hundreds of MB on the GUI thread the moment it is shown or expanded.
// A container document shows its members as the top-level rows; a scalar document is one row.
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { KeyColumn, ValueColumn, TypeColumn, ColumnCount };
    enum Role {
        NodeIdRole = Qt::UserRole + 1, // JsonTree::NodeId (quint32)
        NodeTypeRole,                  // JsonNodeType as int
        JsonPointerRole,               // RFC 6901, "/data/items/0/id"
        JqPathRole,                    // .data.items[0].id
        FullValueRole,                 // scalar text in full, or the subtree as indented JSON
        DuplicateKeyRole,              // bool: another member of the same object has this key
    };

    explicit JsonTreeModel(QObject *parent = nullptr);

    void setTree(const JsonTree &tree);
    void clear();
    const JsonTree &tree() const { return m_tree; }

    // The index of a node in the given column (invalid for NoNode, for the root of a
    // container document, which has no row of its own, and for rows not fetched yet).
    QModelIndex indexForNode(JsonTree::NodeId node, int column = KeyColumn) const;
    // Fetches the batches that hold the node and its ancestors, then returns its index.
    QModelIndex fetchNode(JsonTree::NodeId node);
    JsonTree::NodeId nodeForIndex(const QModelIndex &index) const;

    // Longest value text shown in a cell; FullValueRole and the tooltip have more.
    static constexpr qsizetype maxDisplayLength = 512;
    static constexpr int fetchBatch = 2000;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    static QString typeName(JsonNodeType type);

private:
    // The node whose children are the top-level rows, or NoNode for a scalar document.
    JsonTree::NodeId topNode() const;
    // The container whose children are the rows under parent (NoNode for a scalar document).
    JsonTree::NodeId containerFor(const QModelIndex &parent) const;
    int fetchedRows(JsonTree::NodeId container) const;
    void fetchRows(const QModelIndex &parent, JsonTree::NodeId container, qsizetype rows);
    QString keyText(JsonTree::NodeId node) const;
    QString valueText(JsonTree::NodeId node, qsizetype maxLength) const;
    QString duplicateKeyToolTip(JsonTree::NodeId node) const;

    JsonTree m_tree;
    // Rows fetched so far, only for containers with more than fetchBatch children.
    QHash<JsonTree::NodeId, int> m_fetched;
    mutable QIcon m_warningIcon;
};

} // namespace hookbench
