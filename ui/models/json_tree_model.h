#pragma once

#include "payload/json_tree.h"

#include <QAbstractItemModel>
#include <QIcon>

namespace hookbench {

// A JsonTree as a three-column tree (key, value, type). The model holds no per-row state: an
// index's internalId is its NodeId, so index() and rowCount() are O(1) and parent() is
// O(log n), and a 50 MB document costs the view only the rows it lays out.
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

    // The index of a node in the given column (invalid for NoNode, or for the root of a
    // container document, which has no row of its own).
    QModelIndex indexForNode(JsonTree::NodeId node, int column = KeyColumn) const;
    JsonTree::NodeId nodeForIndex(const QModelIndex &index) const;

    // Longest value text shown in a cell; FullValueRole and the tooltip have more.
    static constexpr qsizetype maxDisplayLength = 512;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    static QString typeName(JsonNodeType type);

private:
    // The node whose children are the top-level rows, or NoNode for a scalar document.
    JsonTree::NodeId topNode() const;
    QString keyText(JsonTree::NodeId node) const;
    QString valueText(JsonTree::NodeId node, qsizetype maxLength) const;
    QString duplicateKeyToolTip(JsonTree::NodeId node) const;

    JsonTree m_tree;
    mutable QIcon m_warningIcon;
};

} // namespace hookbench
