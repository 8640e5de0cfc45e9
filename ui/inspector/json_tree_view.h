#pragma once

#include "payload/json_tree.h"

#include <QWidget>
#include <atomic>
#include <memory>
#include <optional>
#include <vector>

class QAction;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QStackedWidget;
class QTimer;
class QToolButton;
class QTreeView;

namespace hookbench {

class JsonTreeLoader;
class JsonTreeModel;

// The Body pane's JSON tree: parses off the GUI thread (with a busy indicator), shows the tree
// lazily, finds text in keys and values, and copies a node's value, JSON Pointer or jq path.
// Invalid JSON shows where and why above the raw text.
class JsonTreeView : public QWidget
{
    Q_OBJECT

public:
    enum class Page { Empty, Loading, Tree, Invalid };

    explicit JsonTreeView(QWidget *parent = nullptr);
    ~JsonTreeView() override;

    // Parses on the thread pool; loaded() follows. A later call supersedes an earlier one.
    void setJson(const QByteArray &json);
    // Shows a document parsed elsewhere (PayloadAnalysis::json / jsonError, parsed off the GUI
    // thread already) without parsing it again; source is shown as text when it is not JSON.
    void setParseResult(const JsonParseResult &result, const QByteArray &source);
    void clear();

    Page page() const { return m_page; }
    JsonTreeModel *model() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }
    QLineEdit *findField() const { return m_findField; }
    std::optional<JsonSyntaxError> syntaxError() const { return m_syntaxError; }
    QString errorText() const;
    QString rawText() const;

    // Starts a search (on the thread pool); searchFinished() follows and the first match at or
    // after the current node is selected.
    void find(const QString &text);
    void findNext();
    void findPrevious();
    int matchCount() const { return int(m_matches.size()); }
    // 0-based position of the selected match, -1 when none is selected.
    int currentMatch() const { return m_currentMatch; }

    void expandAll();
    void collapseAll();
    // The selected node (the current index when nothing is selected), NoNode without one.
    JsonTree::NodeId selectedNode() const;
    void selectNode(JsonTree::NodeId node);

    void copyValue();
    void copyJsonPointer();
    void copyJqPath();

    // Above this many nodes expandAll() opens only as many levels as fit, so the view does not
    // lay out millions of rows at once.
    static constexpr qsizetype maxExpandAllNodes = 200000;

signals:
    // The tree (or the syntax error) is on screen.
    void loaded();
    void searchFinished(int matches);

private:
    void showPage(Page page);
    void onLoaded();
    void display(const JsonParseResult &result, const QByteArray &source,
                 std::optional<qint64> parseMs);
    void startSearch();
    void onSearchDone(quint64 generation, std::vector<JsonTree::NodeId> matches);
    void moveToMatch(int match);
    void fetchNearViewportEnd();
    void updateMatchLabel();
    void updateActions();
    void copyRole(int role);
    void showContextMenu(const QPoint &position);

    JsonTreeLoader *m_loader = nullptr;
    JsonTreeModel *m_model = nullptr;
    Page m_page = Page::Empty;
    std::optional<JsonSyntaxError> m_syntaxError;

    std::vector<JsonTree::NodeId> m_matches;
    int m_currentMatch = -1;
    quint64 m_searchGeneration = 0;
    std::shared_ptr<std::atomic<bool>> m_searchCancel;
    QString m_searchedText;

    QStackedWidget *m_stack = nullptr;
    QTreeView *m_tree = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QLabel *m_loadingLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPlainTextEdit *m_rawView = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLineEdit *m_findField = nullptr;
    QLabel *m_matchLabel = nullptr;
    QToolButton *m_previousButton = nullptr;
    QToolButton *m_nextButton = nullptr;
    QToolButton *m_expandButton = nullptr;
    QToolButton *m_collapseButton = nullptr;
    QTimer *m_searchTimer = nullptr;
    QTimer *m_fetchTimer = nullptr;
    QAction *m_copyValueAction = nullptr;
    QAction *m_copyPointerAction = nullptr;
    QAction *m_copyJqAction = nullptr;
};

} // namespace hookbench
