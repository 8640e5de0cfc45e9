#include "json_tree_view.h"

#include "models/delivery_text.h"
#include "models/json_tree_loader.h"
#include "models/json_tree_model.h"
#include "models/json_tree_search.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMetaObject>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTextCursor>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {

// Showing a 50 MB invalid body in a text editor would freeze it for seconds; the reason and
// position are above, and the Raw and Hex panes have every byte.
constexpr qsizetype maxRawTextBytes = 4 * 1024 * 1024;

QToolButton *toolButton(const QString &text, const QString &toolTip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAccessibleName(text);
    button->setAutoRaise(true);
    return button;
}

} // namespace

JsonTreeView::JsonTreeView(QWidget *parent)
    : QWidget(parent)
    , m_loader(new JsonTreeLoader(this))
    , m_model(new JsonTreeModel(this))
{
    setAccessibleName(tr("JSON body"));

    m_expandButton = toolButton(tr("Expand all"), tr("Expand every node"), this);
    m_collapseButton = toolButton(tr("Collapse all"), tr("Collapse every node"), this);
    m_findField = new QLineEdit(this);
    m_findField->setPlaceholderText(tr("Find in keys and values (Ctrl+F)"));
    m_findField->setAccessibleName(tr("Find in JSON"));
    m_findField->setClearButtonEnabled(true);
    m_previousButton = toolButton(tr("Previous"), tr("Previous match (Shift+F3)"), this);
    m_nextButton = toolButton(tr("Next"), tr("Next match (F3)"), this);
    m_matchLabel = new QLabel(this);
    m_matchLabel->setAccessibleName(tr("Matches"));
    m_matchLabel->setMinimumWidth(m_matchLabel->fontMetrics().horizontalAdvance(u"0000 / 0000"_s));

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_expandButton);
    bar->addWidget(m_collapseButton);
    bar->addStretch(1);
    bar->addWidget(m_findField, 2);
    bar->addWidget(m_matchLabel);
    bar->addWidget(m_previousButton);
    bar->addWidget(m_nextButton);

    m_tree = new QTreeView(this);
    m_tree->setAccessibleName(tr("JSON tree"));
    m_tree->setModel(m_model);
    // Uniform heights let the view skip measuring every row of a large array.
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::KeyColumn, QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::ValueColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::TypeColumn,
                                           QHeaderView::ResizeToContents);
    m_tree->setColumnWidth(JsonTreeModel::KeyColumn, 220);

    m_emptyLabel = new QLabel(tr("No JSON body"), this);
    m_emptyLabel->setAlignment(Qt::AlignCenter);

    auto *loadingPage = new QWidget(this);
    m_loadingLabel = new QLabel(loadingPage);
    m_loadingLabel->setAlignment(Qt::AlignCenter);
    m_progress = new QProgressBar(loadingPage);
    m_progress->setRange(0, 0); // one parser call: busy, not a percentage
    m_progress->setAccessibleName(tr("Parsing"));
    auto *loadingLayout = new QVBoxLayout(loadingPage);
    loadingLayout->addStretch(1);
    loadingLayout->addWidget(m_loadingLabel);
    loadingLayout->addWidget(m_progress);
    loadingLayout->addStretch(1);

    auto *invalidPage = new QWidget(this);
    m_errorLabel = new QLabel(invalidPage);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->setAccessibleName(tr("JSON error"));
    m_rawView = new QPlainTextEdit(invalidPage);
    m_rawView->setReadOnly(true);
    m_rawView->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_rawView->setAccessibleName(tr("Raw body"));
    m_rawView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *invalidLayout = new QVBoxLayout(invalidPage);
    invalidLayout->setContentsMargins(0, 0, 0, 0);
    invalidLayout->addWidget(m_errorLabel);
    invalidLayout->addWidget(m_rawView, 1);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(loadingPage);
    m_stack->addWidget(m_tree);
    m_stack->addWidget(invalidPage);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setAccessibleName(tr("JSON status"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_statusLabel);

    m_copyValueAction = new QAction(tr("Copy value"), this);
    m_copyValueAction->setShortcut(QKeySequence::Copy);
    m_copyPointerAction = new QAction(tr("Copy JSON Pointer"), this);
    m_copyPointerAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyJqAction = new QAction(tr("Copy as jq path"), this);
    m_copyJqAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    for (QAction *action : {m_copyValueAction, m_copyPointerAction, m_copyJqAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_tree->addAction(action);
    }
    connect(m_copyValueAction, &QAction::triggered, this, &JsonTreeView::copyValue);
    connect(m_copyPointerAction, &QAction::triggered, this, &JsonTreeView::copyJsonPointer);
    connect(m_copyJqAction, &QAction::triggered, this, &JsonTreeView::copyJqPath);

    auto *findAction = new QAction(tr("Find"), this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(findAction);
    connect(findAction, &QAction::triggered, this, [this] {
        m_findField->setFocus(Qt::ShortcutFocusReason);
        m_findField->selectAll();
    });
    auto *nextAction = new QAction(tr("Find next"), this);
    nextAction->setShortcut(QKeySequence::FindNext);
    nextAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(nextAction);
    connect(nextAction, &QAction::triggered, this, &JsonTreeView::findNext);
    auto *previousAction = new QAction(tr("Find previous"), this);
    previousAction->setShortcut(QKeySequence::FindPrevious);
    previousAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(previousAction);
    connect(previousAction, &QAction::triggered, this, &JsonTreeView::findPrevious);

    // Typing waits for a pause before scanning a large document again.
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(250);
    connect(m_searchTimer, &QTimer::timeout, this, &JsonTreeView::startSearch);
    connect(m_findField, &QLineEdit::textEdited, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_findField, &QLineEdit::returnPressed, this, [this] {
        if (m_searchTimer->isActive() || m_findField->text() != m_searchedText)
            find(m_findField->text());
        else if (QApplication::keyboardModifiers() & Qt::ShiftModifier)
            findPrevious();
        else
            findNext();
    });
    connect(m_nextButton, &QToolButton::clicked, this, &JsonTreeView::findNext);
    connect(m_previousButton, &QToolButton::clicked, this, &JsonTreeView::findPrevious);
    connect(m_expandButton, &QToolButton::clicked, this, &JsonTreeView::expandAll);
    connect(m_collapseButton, &QToolButton::clicked, this, &JsonTreeView::collapseAll);
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &JsonTreeView::showContextMenu);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &JsonTreeView::updateActions);
    connect(m_loader, &JsonTreeLoader::finished, this, &JsonTreeView::onLoaded);
    // QAbstractItemView fetches more top-level rows at the end of the scroll range only; a long
    // array inside an expanded node needs the same when its last fetched row comes into view.
    // Deferred to the event loop: while the view is still laying out inserted rows, the row at
    // its bottom edge is not yet the one it will show.
    m_fetchTimer = new QTimer(this);
    m_fetchTimer->setSingleShot(true);
    m_fetchTimer->setInterval(0);
    connect(m_fetchTimer, &QTimer::timeout, this, &JsonTreeView::fetchNearViewportEnd);
    connect(m_tree->verticalScrollBar(), &QScrollBar::valueChanged, m_fetchTimer,
            qOverload<>(&QTimer::start));
    connect(m_tree->verticalScrollBar(), &QScrollBar::rangeChanged, m_fetchTimer,
            qOverload<>(&QTimer::start));

    showPage(Page::Empty);
    updateMatchLabel();
    updateActions();
}

JsonTreeView::~JsonTreeView()
{
    if (m_searchCancel)
        m_searchCancel->store(true);
}

void JsonTreeView::setJson(const QByteArray &json)
{
    clear();
    m_loadingLabel->setText(tr("Parsing %1 of JSON\u2026").arg(displaySize(json.size())));
    showPage(Page::Loading);
    m_loader->load(json);
}

void JsonTreeView::clear()
{
    m_loader->cancel();
    if (m_searchCancel)
        m_searchCancel->store(true);
    ++m_searchGeneration;
    m_matches.clear();
    m_currentMatch = -1;
    m_searchedText.clear();
    m_syntaxError.reset();
    m_model->clear();
    m_rawView->clear();
    m_errorLabel->clear();
    m_statusLabel->clear();
    showPage(Page::Empty);
    updateMatchLabel();
    updateActions();
}

void JsonTreeView::showPage(Page page)
{
    m_page = page;
    switch (page) {
    case Page::Empty:
        m_stack->setCurrentWidget(m_emptyLabel);
        break;
    case Page::Loading:
        m_stack->setCurrentWidget(m_loadingLabel->parentWidget());
        break;
    case Page::Tree:
        m_stack->setCurrentWidget(m_tree);
        break;
    case Page::Invalid:
        m_stack->setCurrentWidget(m_errorLabel->parentWidget());
        break;
    }
    const bool tree = page == Page::Tree;
    for (QWidget *widget : std::initializer_list<QWidget *>{
                 m_expandButton, m_collapseButton, m_findField, m_previousButton, m_nextButton})
        widget->setEnabled(tree);
}

void JsonTreeView::setParseResult(const JsonParseResult &result, const QByteArray &source)
{
    clear();
    display(result, source, std::nullopt);
}

void JsonTreeView::onLoaded()
{
    display(m_loader->result(), m_loader->source(), m_loader->elapsedMs());
}

void JsonTreeView::display(const JsonParseResult &result, const QByteArray &source,
                           std::optional<qint64> parseMs)
{
    if (!result.isValid()) {
        const JsonSyntaxError &error = *result.error;
        m_syntaxError = error;
        m_errorLabel->setText(tr("Not valid JSON: line %1, column %2: %3")
                                      .arg(error.line)
                                      .arg(error.column)
                                      .arg(error.reason));
        const bool cut = source.size() > maxRawTextBytes;
        m_rawView->setPlainText(QString::fromUtf8(cut ? source.first(maxRawTextBytes) : source));
        const QTextBlock block = m_rawView->document()->findBlockByNumber(error.line - 1);
        if (block.isValid()) {
            QTextCursor cursor(block);
            cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                                std::min(error.column - 1, block.length() - 1));
            m_rawView->setTextCursor(cursor);
            m_rawView->centerCursor();
        }
        m_statusLabel->setText(
                cut ? tr("Only the first %1 of %2 are shown.")
                                .arg(displaySize(maxRawTextBytes), displaySize(source.size()))
                    : QString());
        showPage(Page::Invalid);
        emit loaded();
        return;
    }
    m_model->setTree(result.tree);
    const qsizetype duplicates = result.tree.duplicateKeyCount();
    const QString nodes = QLocale().toString(result.tree.nodeCount());
    QString status = parseMs ? tr("%1 nodes, parsed in %2 ms").arg(nodes).arg(*parseMs)
                             : tr("%1 nodes").arg(nodes);
    if (duplicates > 0)
        status += u" \u2014 "_s
                  + tr("%1 members share a key with another member; jq keeps the last")
                            .arg(duplicates);
    m_statusLabel->setText(status);
    showPage(Page::Tree);
    // Small documents open expanded one level, which is what one looks at first anyway.
    if (result.tree.nodeCount() <= 1000)
        m_tree->expandToDepth(0);
    emit loaded();
    if (!m_findField->text().isEmpty())
        find(m_findField->text());
}

QString JsonTreeView::errorText() const
{
    return m_errorLabel->text();
}

QString JsonTreeView::rawText() const
{
    return m_rawView->toPlainText();
}

void JsonTreeView::find(const QString &text)
{
    m_searchTimer->stop();
    if (m_findField->text() != text)
        m_findField->setText(text);
    startSearch();
}

void JsonTreeView::startSearch()
{
    if (m_searchCancel)
        m_searchCancel->store(true);
    const quint64 generation = ++m_searchGeneration;
    const QString text = m_findField->text();
    m_searchedText = text;
    m_matches.clear();
    m_currentMatch = -1;
    if (text.isEmpty() || m_model->tree().isEmpty()) {
        updateMatchLabel();
        emit searchFinished(0);
        return;
    }
    m_matchLabel->setText(tr("Searching\u2026"));
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_searchCancel = cancel;
    QPointer<JsonTreeView> self(this);
    const JsonTree tree = m_model->tree();
    QThreadPool::globalInstance()->start([self, generation, tree, text, cancel] {
        std::vector<JsonTree::NodeId> matches = JsonTreeSearch::find(tree, text, cancel.get());
        if (cancel->load())
            return;
        QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, generation, matches = std::move(matches)]() mutable {
                    if (self)
                        self->onSearchDone(generation, std::move(matches));
                },
                Qt::QueuedConnection);
    });
}

void JsonTreeView::onSearchDone(quint64 generation, std::vector<JsonTree::NodeId> matches)
{
    if (generation != m_searchGeneration)
        return;
    m_matches = std::move(matches);
    // Continue from where the user is, as an editor's find does.
    const JsonTree::NodeId current = selectedNode();
    int first = 0;
    if (current != JsonTree::NoNode) {
        const auto it = std::lower_bound(m_matches.begin(), m_matches.end(), current);
        first = it == m_matches.end() ? 0 : int(it - m_matches.begin());
    }
    if (m_matches.empty())
        updateMatchLabel();
    else
        moveToMatch(first);
    emit searchFinished(matchCount());
}

void JsonTreeView::findNext()
{
    if (!m_matches.empty())
        moveToMatch((m_currentMatch + 1) % matchCount());
}

void JsonTreeView::findPrevious()
{
    if (!m_matches.empty())
        moveToMatch((m_currentMatch + matchCount() - 1) % matchCount());
}

void JsonTreeView::moveToMatch(int match)
{
    m_currentMatch = match;
    selectNode(m_matches[std::size_t(match)]);
    updateMatchLabel();
}

void JsonTreeView::selectNode(JsonTree::NodeId node)
{
    const QModelIndex index = m_model->fetchNode(node);
    if (!index.isValid())
        return;
    QList<QModelIndex> ancestors;
    for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
        ancestors.prepend(parent);
    for (const QModelIndex &ancestor : ancestors)
        m_tree->expand(ancestor);
    m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                             | QItemSelectionModel::Rows);
    m_tree->scrollTo(index);
}

void JsonTreeView::fetchNearViewportEnd()
{
    // A batch is far taller than the viewport, so only the rows near its bottom edge can be among
    // the last fetched rows of a container (or inside the subtree of one that is). The rows that
    // follow such a container (its parent's next members) are visible below it, so a few rows
    // above the edge are looked at too.
    constexpr int margin = 20;
    // The key column's cell excludes the indentation, so probe the value column, which has none.
    const int x = m_tree->columnViewportPosition(JsonTreeModel::ValueColumn) + 1;
    QModelIndex row = m_tree->indexAt(QPoint(x, m_tree->viewport()->height() - 1));
    for (int above = 0; above < margin && row.isValid(); ++above, row = m_tree->indexAbove(row)) {
        for (QModelIndex index = row; index.isValid(); index = index.parent()) {
            const QModelIndex parent = index.parent();
            if (index.row() >= m_model->rowCount(parent) - margin
                && m_model->canFetchMore(parent)) {
                // The insertion changes the scroll range, which runs this again for the next.
                m_model->fetchMore(parent);
                return;
            }
        }
    }
}

void JsonTreeView::updateMatchLabel()
{
    if (m_searchedText.isEmpty())
        m_matchLabel->clear();
    else if (m_matches.empty())
        m_matchLabel->setText(tr("No matches"));
    else
        m_matchLabel->setText(tr("%1 of %2").arg(m_currentMatch + 1).arg(matchCount()));
    m_previousButton->setEnabled(m_page == Page::Tree && matchCount() > 1);
    m_nextButton->setEnabled(m_page == Page::Tree && matchCount() > 1);
}

void JsonTreeView::expandAll()
{
    const JsonTree &tree = m_model->tree();
    if (tree.nodeCount() <= maxExpandAllNodes) {
        m_tree->expandAll();
        return;
    }
    // Parents precede their children in the node array, so one pass gives every depth.
    std::vector<quint16> depth(std::size_t(tree.nodeCount()), 0);
    std::vector<qsizetype> perDepth(1, 1);
    for (JsonTree::NodeId node = 1; node < JsonTree::NodeId(tree.nodeCount()); ++node) {
        const quint16 level = quint16(std::min(depth[tree.parent(node)] + 1, 0xffff));
        depth[node] = level;
        if (perDepth.size() <= level)
            perDepth.resize(level + 1, 0);
        ++perDepth[level];
    }
    // The top-level rows are depth 1; expandToDepth(n) shows depth n + 2.
    qsizetype shown = perDepth.size() > 1 ? perDepth[1] : 0;
    int levels = -1;
    for (std::size_t level = 2; level < perDepth.size(); ++level) {
        shown += perDepth[level];
        if (shown > maxExpandAllNodes)
            break;
        levels = int(level) - 2;
    }
    if (levels >= 0)
        m_tree->expandToDepth(levels);
    m_statusLabel->setText(tr("Too large to expand everything (%1 nodes): %n level(s) opened; "
                              "expand further by hand or use Find.",
                              nullptr, levels + 1)
                                   .arg(QLocale().toString(tree.nodeCount())));
}

void JsonTreeView::collapseAll()
{
    m_tree->collapseAll();
}

JsonTree::NodeId JsonTreeView::selectedNode() const
{
    return m_model->nodeForIndex(m_tree->currentIndex());
}

void JsonTreeView::updateActions()
{
    const bool hasNode = m_page == Page::Tree && selectedNode() != JsonTree::NoNode;
    for (QAction *action : {m_copyValueAction, m_copyPointerAction, m_copyJqAction})
        action->setEnabled(hasNode);
}

void JsonTreeView::copyRole(int role)
{
    const QModelIndex index = m_model->indexForNode(selectedNode());
    if (!index.isValid())
        return;
    QApplication::clipboard()->setText(index.data(role).toString());
}

void JsonTreeView::copyValue()
{
    copyRole(JsonTreeModel::FullValueRole);
}

void JsonTreeView::copyJsonPointer()
{
    copyRole(JsonTreeModel::JsonPointerRole);
}

void JsonTreeView::copyJqPath()
{
    copyRole(JsonTreeModel::JqPathRole);
}

void JsonTreeView::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_tree->indexAt(position);
    if (!index.isValid())
        return;
    m_tree->setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(m_copyValueAction);
    menu.addAction(m_copyPointerAction);
    menu.addAction(m_copyJqAction);
    menu.addSeparator();
    menu.addAction(tr("Expand all"), this, &JsonTreeView::expandAll);
    menu.addAction(tr("Collapse all"), this, &JsonTreeView::collapseAll);
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

} // namespace hookbench
