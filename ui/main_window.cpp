#include "main_window.h"

#include "compare/compare_dialog.h"
#include "endpoints/endpoint_sidebar.h"
#include "history/history_view.h"
#include "inspector/delivery_actions.h"
#include "inspector/delivery_inspector.h"
#include "models/endpoint_list_model.h"
#include "models/history_model.h"
#include "settings/settings_dialog.h"
#include "standard_icon.h"
#include "store/async_store.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
const auto geometryKey = u"window/geometry"_s;
const auto stateKey = u"window/state"_s;
const auto mainSplitterKey = u"window/mainSplitter"_s;
const auto historySplitterKey = u"window/historySplitter"_s;
const auto historyHeaderKey = u"window/historyHeader"_s;
const auto inspectorTabKey = u"window/inspectorTab"_s;
} // namespace

MainWindow::MainWindow(AsyncStore *store, Receiver *receiver, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_receiver(receiver)
    , m_settings(AppSettings::load(QSettings()))
{
    setWindowTitle(tr("Hookbench"));
    setObjectName(u"MainWindow"_s);

    m_historyModel = new HistoryModel(store, this);
    m_endpointModel = new EndpointListModel(store, this);

    m_sidebar = new EndpointSidebar(store, m_endpointModel, this);
    m_historyView = new HistoryView(m_historyModel, this);
    m_inspector = new DeliveryInspector(store, this);
    m_deliveryActions = new DeliveryActions(this);
    auto *inspectorTools = new QToolBar(m_inspector->tabs());
    inspectorTools->setAccessibleName(tr("Delivery actions"));
    inspectorTools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    inspectorTools->setIconSize(QSize(16, 16));
    inspectorTools->addActions(m_deliveryActions->actions());
    m_inspector->tabs()->setCornerWidget(inspectorTools, Qt::TopRightCorner);
    m_historyView->tableView()->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_historyView->tableView()->addActions(m_deliveryActions->actions());
    m_compare = new QAction(tr("&Compare Selected Deliveries"), this);
    m_compare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_compare->setToolTip(tr("Select two deliveries in the history and compare them"));
    connect(m_compare, &QAction::triggered, this, &MainWindow::compareSelected);
    addAction(m_compare);
    m_historyView->tableView()->addAction(m_compare);

    m_historySplitter = new QSplitter(Qt::Vertical, this);
    m_historySplitter->setObjectName(u"historySplitter"_s);
    m_historySplitter->addWidget(m_historyView);
    m_historySplitter->addWidget(m_inspector);
    m_historySplitter->setStretchFactor(0, 3);
    m_historySplitter->setStretchFactor(1, 2);
    m_historySplitter->setChildrenCollapsible(false);

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->addWidget(m_sidebar);
    m_mainSplitter->addWidget(m_historySplitter);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({260, 940});
    setCentralWidget(m_mainSplitter);

    createActions();
    createMenus();
    createToolBar();

    m_stateIcon = new QLabel(this);
    m_stateLabel = new QLabel(this);
    m_stateLabel->setAccessibleName(tr("Receiver state"));
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_stateIcon);
    statusBar()->addPermanentWidget(m_stateLabel, 1);

    connect(m_sidebar, &EndpointSidebar::filterChanged, this, [this](DeliveryFilter filter) {
        // The sidebar picks where; the history's own signature filter stays as it is.
        filter.verification = m_historyModel->filter().verification;
        m_historyModel->setFilter(filter);
        updateReceiverUrl();
    });
    connect(m_sidebar, &EndpointSidebar::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    connect(m_historyView, &HistoryView::currentDeliveryChanged, this, [this](qint64 id) {
        if (id == 0) {
            m_inspector->clear();
            m_deliveryActions->setDelivery(std::nullopt);
        } else
            m_inspector->showDelivery(id);
    });
    connect(m_inspector, &DeliveryInspector::deliveryShown, this,
            [this] { m_deliveryActions->setDelivery(m_inspector->delivery()); });
    connect(m_inspector, &DeliveryInspector::analysisReady, this, [this] {
        if (const auto analysis = m_inspector->analysis())
            m_deliveryActions->setContentKind(analysis->kind);
    });
    connect(m_deliveryActions, &DeliveryActions::problem, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(store, &AsyncStore::failed, this, &MainWindow::showStoreError);
    connect(receiver, &Receiver::stateChanged, this, &MainWindow::onReceiverStateChanged);
    connect(receiver, &Receiver::warning, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15000); });

    resize(1200, 760);
    restoreLayout();
    onReceiverStateChanged(receiver->state());
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_startStop = new QAction(this);
    m_startStop->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_startStop, &QAction::triggered, this, [this] {
        if (!m_receiver)
            return;
        if (m_receiver->state() == Receiver::State::Listening
            || m_receiver->state() == Receiver::State::Starting)
            stopReceiver();
        else
            startReceiver();
    });

    m_copyUrl = new QAction(themeIconOrNone(u"edit-copy"_s), tr("&Copy Receiver URL"), this);
    m_copyUrl->setIconText(tr("Copy URL"));
    m_copyUrl->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyUrl->setToolTip(tr("Copy the URL senders post to (Ctrl+Shift+C)"));
    connect(m_copyUrl, &QAction::triggered, this, &MainWindow::copyReceiverUrl);

    m_settingsAction = new QAction(themeIconOrNone(u"configure"_s), tr("&Settings…"), this);
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openSettings);

    m_quit = new QAction(tr("&Quit"), this);
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu *receiver = menuBar()->addMenu(tr("&Receiver"));
    receiver->addAction(m_startStop);
    receiver->addAction(m_copyUrl);

    QMenu *endpoints = menuBar()->addMenu(tr("&Endpoints"));
    endpoints->addAction(m_sidebar->addEndpointAction());
    endpoints->addAction(m_sidebar->editEndpointAction());
    endpoints->addAction(m_sidebar->copyUrlAction());

    QMenu *delivery = menuBar()->addMenu(tr("&Delivery"));
    delivery->addActions(m_deliveryActions->actions());
    delivery->addSeparator();
    delivery->addAction(m_compare);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const auto addFocusAction
            = [this, view](const QString &text, QKeySequence shortcut, QWidget *target) {
                  QAction *action = view->addAction(text);
                  action->setShortcut(shortcut);
                  connect(action, &QAction::triggered, target,
                          [target] { target->setFocus(Qt::ShortcutFocusReason); });
              };
    addFocusAction(tr("Go to &Endpoints"), QKeySequence(Qt::CTRL | Qt::Key_1),
                   m_sidebar->listView());
    addFocusAction(tr("Go to &History"), QKeySequence(Qt::CTRL | Qt::Key_2),
                   m_historyView->tableView());
    addFocusAction(tr("Go to &Inspector"), QKeySequence(Qt::CTRL | Qt::Key_3), m_inspector->tabs());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Hookbench"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Hookbench"),
                           tr("<h3>Hookbench %1</h3><p>A desktop workbench for webhooks: "
                              "receive, inspect, verify, send and replay them.</p>")
                                   .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::createToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Receiver"));
    toolBar->setObjectName(u"receiverToolBar"_s);
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_startStop);
    toolBar->addSeparator();

    m_urlEdit = new QLineEdit(toolBar);
    m_urlEdit->setReadOnly(true);
    m_urlEdit->setAccessibleName(tr("Receiver URL"));
    m_urlEdit->setMinimumWidth(fontMetrics().averageCharWidth() * 28);
    m_urlEdit->setMaximumWidth(fontMetrics().averageCharWidth() * 60);
    toolBar->addWidget(m_urlEdit);
    toolBar->addAction(m_copyUrl);

    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    toolBar->addAction(m_settingsAction);
}

void MainWindow::setListenOverride(const QHostAddress &address, quint16 port)
{
    m_listenOverride = std::pair(address, port);
}

ReceiverConfig MainWindow::receiverConfig() const
{
    ReceiverConfig config = m_settings.receiver;
    if (m_listenOverride) {
        config.address = m_listenOverride->first;
        config.port = m_listenOverride->second;
    }
    if (m_store)
        config.databaseLocation = m_store->location();
    return config;
}

void MainWindow::startReceiver()
{
    if (!m_receiver)
        return;
    const ReceiverConfig config = receiverConfig();
    const Receiver::State state = m_receiver->state();
    if (state == Receiver::State::Listening || state == Receiver::State::Starting) {
        m_pendingStart = config;
        m_receiver->stop();
        return;
    }
    m_receiver->start(config);
}

void MainWindow::stopReceiver()
{
    m_pendingStart.reset();
    if (m_receiver)
        m_receiver->stop();
}

QString MainWindow::receiverStateText() const
{
    return m_stateLabel->text();
}

void MainWindow::onReceiverStateChanged(Receiver::State state)
{
    if (state == Receiver::State::Stopped && m_pendingStart && m_receiver) {
        const ReceiverConfig config = *std::exchange(m_pendingStart, std::nullopt);
        m_receiver->start(config);
        return;
    }

    // Colours that read on the light and the dark palette alike.
    const QColor green(0x2e, 0xa0, 0x43);
    const QColor grey(0x8a, 0x8f, 0x98);
    const QColor red(0xe0, 0x4f, 0x3f);
    QColor stateColor = grey;
    switch (state) {
    case Receiver::State::Stopped:
        m_stateLabel->setText(tr("Stopped"));
        break;
    case Receiver::State::Starting:
        m_stateLabel->setText(tr("Starting on %1…").arg(receiverConfig().listenAddress()));
        break;
    case Receiver::State::Listening:
        m_stateLabel->setText(tr("Listening on %1").arg(m_receiver->baseUrl().toString()));
        stateColor = green;
        break;
    case Receiver::State::Failed:
        m_stateLabel->setText(tr("Failed: %1").arg(m_receiver->errorString()));
        stateColor = red;
        break;
    }
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_stateIcon->setPixmap(shapeIcon(IconShape::Dot, stateColor).pixmap(iconSize, iconSize));

    const bool running = state == Receiver::State::Listening || state == Receiver::State::Starting;
    m_startStop->setText(running ? tr("&Stop") : tr("&Start"));
    m_startStop->setIcon(running ? shapeIcon(IconShape::Square, red)
                                 : shapeIcon(IconShape::Triangle, green));
    m_startStop->setToolTip(running ? tr("Stop the receiver (Ctrl+R)")
                                    : tr("Start the receiver (Ctrl+R)"));
    updateReceiverUrl();
}

void MainWindow::compareSelected()
{
    const QList<qint64> ids = m_historyView->selectedDeliveryIds();
    if (ids.size() != 2 || !m_store) {
        statusBar()->showMessage(tr("Select exactly two deliveries to compare (Ctrl+click)."),
                                 8000);
        return;
    }
    // The table lists the newest first; the older delivery is the "old" side.
    const qint64 older = qMin(ids.at(0), ids.at(1));
    const qint64 newer = qMax(ids.at(0), ids.at(1));
    m_store->fetchDelivery(
            older, this, [this, newer](const std::optional<Delivery> &left, const QString &error) {
                if (!left || !m_store) {
                    statusBar()->showMessage(tr("Cannot compare: %1").arg(error), 8000);
                    return;
                }
                m_store->fetchDelivery(newer, this,
                                       [this, left](const std::optional<Delivery> &right,
                                                    const QString &rightError) {
                                           if (!right) {
                                               statusBar()->showMessage(
                                                       tr("Cannot compare: %1").arg(rightError),
                                                       8000);
                                               return;
                                           }
                                           auto *dialog = new CompareDialog(*left, *right, this);
                                           dialog->setAttribute(Qt::WA_DeleteOnClose);
                                           dialog->show();
                                       });
            });
}

void MainWindow::updateReceiverUrl()
{
    const bool listening = m_receiver && m_receiver->state() == Receiver::State::Listening;
    const QUrl base = listening ? m_receiver->baseUrl() : QUrl();
    m_urlEdit->setText(base.toString());
    m_urlEdit->setPlaceholderText(tr("not listening"));
    m_copyUrl->setEnabled(listening);
    m_endpointModel->setBaseUrl(base);
    if (listening) {
        m_deliveryActions->setBaseUrl(base);
    } else {
        // cURL replays against the configured address even while the receiver is stopped.
        const ReceiverConfig config = receiverConfig();
        QUrl configured;
        configured.setScheme(config.tls == TlsMode::Off ? u"http"_s : u"https"_s);
        configured.setHost(config.address.toString());
        configured.setPort(config.port);
        m_deliveryActions->setBaseUrl(configured);
    }
    const bool failed = m_receiver && m_receiver->state() == Receiver::State::Failed;
    m_historyView->setReceiverUrl(listening ? m_sidebar->currentUrl() : QUrl(),
                                  failed ? m_receiver->errorString() : QString());
}

void MainWindow::copyReceiverUrl()
{
    if (m_urlEdit->text().isEmpty())
        return;
    QApplication::clipboard()->setText(m_urlEdit->text());
    statusBar()->showMessage(tr("Copied %1").arg(m_urlEdit->text()), 5000);
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The policy lives in the database; the dialog opens once it is known.
    m_store->fetchUnknownPathPolicy(dialog, [this, dialog](UnknownPathPolicy policy) {
        // Shows what the receiver really uses, --listen included.
        AppSettings shown = m_settings;
        shown.receiver = receiverConfig();
        dialog->setSettings(shown, policy);
        connect(dialog, &QDialog::accepted, this, [this, dialog, policy] {
            const AppSettings chosen = dialog->settings();
            const ReceiverConfig before = receiverConfig();
            m_settings = chosen;
            m_listenOverride.reset();
            QSettings settings;
            m_settings.save(settings);
            applyAppTheme(m_settings.theme);
            if (dialog->unknownPathPolicy() != policy)
                m_store->setUnknownPathPolicy(dialog->unknownPathPolicy());
            const ReceiverConfig after = receiverConfig();
            if (before != after && m_receiver && m_receiver->state() != Receiver::State::Stopped)
                startReceiver();
        });
        dialog->open();
    });
}

void MainWindow::showStoreError(const QString &error)
{
    m_historyView->setStoreFailure(error);
    statusBar()->showMessage(tr("Database error: %1").arg(error));
    auto *box = new QMessageBox(QMessageBox::Critical, tr("Hookbench"),
                                tr("The database cannot be opened."), QMessageBox::Close, this);
    box->setInformativeText(error);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::restoreLayout()
{
    const QSettings settings;
    restoreGeometry(settings.value(geometryKey).toByteArray());
    restoreState(settings.value(stateKey).toByteArray());
    m_mainSplitter->restoreState(settings.value(mainSplitterKey).toByteArray());
    m_historySplitter->restoreState(settings.value(historySplitterKey).toByteArray());
    m_historyView->restoreState(settings.value(historyHeaderKey).toByteArray());
    m_inspector->selectTab(settings.value(inspectorTabKey, 0).toInt());
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
    settings.setValue(mainSplitterKey, m_mainSplitter->saveState());
    settings.setValue(historySplitterKey, m_historySplitter->saveState());
    settings.setValue(historyHeaderKey, m_historyView->saveState());
    settings.setValue(inspectorTabKey, m_inspector->tabs()->currentIndex());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

} // namespace hookbench
