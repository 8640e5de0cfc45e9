#include "endpoint_sidebar.h"

#include "endpoint_dialog.h"
#include "models/endpoint_list_model.h"
#include "standard_icon.h"
#include "store/async_store.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QListView>
#include <QMessageBox>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hookbench {

EndpointSidebar::EndpointSidebar(AsyncStore *store, EndpointListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_add = new QAction(themeIconOrNone(u"list-add"_s), tr("&Add Endpoint…"), this);
    m_add->setShortcut(QKeySequence::New);
    m_add->setToolTip(tr("Add an endpoint with its own path and response (%1)")
                              .arg(m_add->shortcut().toString(QKeySequence::NativeText)));
    m_edit = new QAction(themeIconOrNone(u"document-edit"_s), tr("&Edit Endpoint…"), this);
    m_edit->setShortcut(Qt::Key_F2);
    m_edit->setToolTip(tr("Rename the endpoint or change its response (F2)"));
    m_remove = new QAction(themeIconOrNone(u"list-remove"_s), tr("&Remove Endpoint"), this);
    m_remove->setShortcut(QKeySequence::Delete);
    m_remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copyUrl = new QAction(themeIconOrNone(u"edit-copy"_s), tr("&Copy Endpoint URL"), this);
    m_copyUrl->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));

    // Short labels: the sidebar is narrow, and the menu items carry the long names.
    m_add->setIconText(tr("Add"));
    m_edit->setIconText(tr("Edit"));
    m_remove->setIconText(tr("Remove"));
    m_copyUrl->setIconText(tr("Copy URL"));
    auto *toolBar = new QToolBar(this);
    toolBar->setIconSize(QSize(16, 16));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->setAccessibleName(tr("Endpoint actions"));
    toolBar->addAction(m_add);
    toolBar->addAction(m_edit);
    toolBar->addAction(m_remove);
    toolBar->addAction(m_copyUrl);
    layout->addWidget(toolBar);

    m_list = new QListView(this);
    m_list->setModel(model);
    m_list->setAccessibleName(tr("Endpoints"));
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Style fallback icons come in mixed sizes; one size keeps the rows even.
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_list->setIconSize(QSize(iconSize, iconSize));
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_list->addActions({m_add, m_edit, m_remove, m_copyUrl});
    m_list->setCurrentIndex(model->index(EndpointListModel::allRow));
    layout->addWidget(m_list, 1);
    // Delete must only remove an endpoint while the list has focus, never while typing elsewhere.
    addAction(m_remove);

    connect(m_add, &QAction::triggered, this, &EndpointSidebar::addEndpoint);
    connect(m_edit, &QAction::triggered, this, &EndpointSidebar::editEndpoint);
    connect(m_remove, &QAction::triggered, this, &EndpointSidebar::removeEndpoint);
    connect(m_copyUrl, &QAction::triggered, this, &EndpointSidebar::copyUrl);
    connect(m_list, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        if (m_model->endpoint(index))
            editEndpoint();
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateActions();
        emit filterChanged(currentFilter());
    });
    connect(model, &EndpointListModel::refreshed, this, [this] {
        if (m_pendingSelection != 0) {
            const QModelIndex added
                    = m_model->indexOfFilter(DeliveryFilter::endpoint(m_pendingSelection));
            if (added.isValid()) {
                m_pendingSelection = 0;
                m_list->setCurrentIndex(added);
            }
        }
        updateActions();
    });
    // A removed endpoint's row vanishes; the list then falls back to showing everything.
    connect(model, &EndpointListModel::rowsRemoved, this, [this] {
        if (!m_list->currentIndex().isValid())
            m_list->setCurrentIndex(m_model->index(EndpointListModel::allRow));
    });
    connect(model, &EndpointListModel::dataChanged, this, &EndpointSidebar::updateActions);
    updateActions();
}

DeliveryFilter EndpointSidebar::currentFilter() const
{
    return m_model->filter(m_list->currentIndex());
}

void EndpointSidebar::setCurrentFilter(const DeliveryFilter &filter)
{
    const QModelIndex index = m_model->indexOfFilter(filter);
    if (index.isValid())
        m_list->setCurrentIndex(index);
}

QUrl EndpointSidebar::currentUrl() const
{
    return m_model->url(m_list->currentIndex());
}

void EndpointSidebar::updateActions()
{
    const bool isEndpoint = m_model->endpoint(m_list->currentIndex()).has_value();
    m_edit->setEnabled(isEndpoint);
    m_remove->setEnabled(isEndpoint);
    m_copyUrl->setEnabled(!currentUrl().isEmpty());
}

void EndpointSidebar::addEndpoint()
{
    EndpointDialog dialog(m_model->endpoints(), this);
    describeSecretStorage(dialog, 0);
    if (dialog.exec() != QDialog::Accepted || !m_store)
        return;
    m_store->addEndpoint(dialog.endpoint(), this,
                         [this](const std::optional<Endpoint> &added, const QString &error) {
                             if (!added) {
                                 QMessageBox::warning(this, tr("Add Endpoint"), error);
                                 return;
                             }
                             m_pendingSelection = added->id;
                             m_model->refresh();
                             emit message(tr("Endpoint “%1” added.").arg(added->name));
                         });
}

void EndpointSidebar::editEndpoint()
{
    const std::optional<Endpoint> current = m_model->endpoint(m_list->currentIndex());
    if (!current)
        return;
    EndpointDialog dialog(m_model->endpoints(), this);
    dialog.setEndpoint(*current);
    describeSecretStorage(dialog, current->id);
    dialog.focusName();
    if (dialog.exec() != QDialog::Accepted || !m_store)
        return;
    m_store->updateEndpoint(dialog.endpoint(), this, [this](bool ok, const QString &error) {
        if (!ok) {
            QMessageBox::warning(this, tr("Edit Endpoint"), error);
            return;
        }
        m_model->refresh();
    });
}

void EndpointSidebar::describeSecretStorage(EndpointDialog &dialog, qint64 endpointId)
{
    if (!m_store)
        return;
    // An endpoint's own secret is read back from where it was written, which may not be where
    // a new one would go today; the dialog says where this one is when it has one.
    m_store->fetchSecretBackendDescription(
            &dialog, [this, dialog = &dialog, endpointId](const QString &whereNew) {
                dialog->setSecretStorageNote(whereNew);
                if (endpointId == 0 || !m_store)
                    return;
                m_store->fetchEndpointSecretBackend(
                        endpointId, dialog,
                        [dialog](const std::optional<SecretBackend> &, const QString &whereNow) {
                            if (!whereNow.isEmpty())
                                dialog->setSecretStorageNote(whereNow);
                        });
            });
}

void EndpointSidebar::removeEndpoint()
{
    const std::optional<Endpoint> current = m_model->endpoint(m_list->currentIndex());
    if (!current || !m_store)
        return;
    const auto answer = QMessageBox::question(
            this, tr("Remove Endpoint"),
            tr("Remove the endpoint “%1”? Requests to %2 will then go to the inbox or be "
               "refused, as the settings say. Its deliveries stay in the history.")
                    .arg(current->name, current->path));
    if (answer != QMessageBox::Yes)
        return;
    m_store->removeEndpoint(current->id, this, [this](bool ok, const QString &error) {
        if (!ok) {
            QMessageBox::warning(this, tr("Remove Endpoint"), error);
            return;
        }
        m_model->refresh();
    });
}

void EndpointSidebar::copyUrl()
{
    const QUrl url = currentUrl();
    if (url.isEmpty())
        return;
    QApplication::clipboard()->setText(url.toString());
    emit message(tr("Copied %1").arg(url.toString()));
}

} // namespace hookbench
