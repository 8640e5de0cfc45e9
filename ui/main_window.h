#pragma once

#include "capture/receiver.h"
#include "settings/app_settings.h"

#include <QMainWindow>
#include <QPointer>
#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QSplitter;

namespace hookbench {

class AsyncStore;
class DeliveryActions;
class DeliveryInspector;
class EndpointListModel;
class EndpointSidebar;
class HistoryModel;
class HistoryView;

// Endpoints on the left, the history in the middle, the selected delivery below it. The window
// only arranges the panes, which talk through the selection, and drives the receiver's
// start/stop/restart; the panes own their behaviour.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(AsyncStore *store, Receiver *receiver, QWidget *parent = nullptr);
    ~MainWindow() override;

    // --listen: used instead of the saved address for this run; the Settings dialog clears it.
    void setListenOverride(const QHostAddress &address, quint16 port);
    // Starts (or restarts) the receiver with the saved settings and the override.
    void startReceiver();
    void stopReceiver();

    AppSettings settings() const { return m_settings; }
    ReceiverConfig receiverConfig() const;

    HistoryModel *historyModel() const { return m_historyModel; }
    HistoryView *historyView() const { return m_historyView; }
    DeliveryInspector *inspector() const { return m_inspector; }
    DeliveryActions *deliveryActions() const { return m_deliveryActions; }
    EndpointSidebar *sidebar() const { return m_sidebar; }
    QString receiverStateText() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void restoreLayout();
    void saveLayout() const;
    void onReceiverStateChanged(Receiver::State state);
    void updateReceiverUrl();
    void compareSelected();
    void copyReceiverUrl();
    void openSettings();
    void showStoreError(const QString &error);

    QPointer<AsyncStore> m_store;
    QPointer<Receiver> m_receiver;
    AppSettings m_settings;
    std::optional<std::pair<QHostAddress, quint16>> m_listenOverride;
    // Set while a restart waits for the receiver to stop.
    std::optional<ReceiverConfig> m_pendingStart;

    HistoryModel *m_historyModel = nullptr;
    EndpointListModel *m_endpointModel = nullptr;
    EndpointSidebar *m_sidebar = nullptr;
    HistoryView *m_historyView = nullptr;
    DeliveryInspector *m_inspector = nullptr;
    DeliveryActions *m_deliveryActions = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_historySplitter = nullptr;

    QAction *m_startStop = nullptr;
    QAction *m_copyUrl = nullptr;
    QAction *m_compare = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_quit = nullptr;
    QLineEdit *m_urlEdit = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_stateIcon = nullptr;
};

} // namespace hookbench
