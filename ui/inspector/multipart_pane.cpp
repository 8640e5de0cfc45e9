#include "multipart_pane.h"

#include "body_formatter.h"
#include "hex_view.h"
#include "inspector_views.h"
#include "json_tree_view.h"
#include "models/delivery_text.h"
#include "models/header_list_model.h"
#include "models/multipart_parts_model.h"
#include "payload/content_kind.h"
#include "payload/media_type.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QThreadPool>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
// QSaveFile: a failed write leaves no half-written attachment behind.
std::optional<QString> writeBytes(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return file.errorString();
    return std::nullopt;
}

MultipartPane::PartView viewFor(const MultipartPart &part)
{
    const std::optional<MediaType> type = MediaType::parse(part.contentType);
    std::optional<ContentKind> kind;
    if (type)
        kind = ContentClassifier::fromMediaType(*type);
    if (!kind || *kind == ContentKind::Text || *kind == ContentKind::Binary)
        kind = ContentClassifier::sniff(part.body);
    switch (*kind) {
    case ContentKind::Json:
        return MultipartPane::PartView::Json;
    case ContentKind::Binary:
        return MultipartPane::PartView::Hex;
    default:
        return BodyFormatter::looksBinary(part.body) ? MultipartPane::PartView::Hex
                                                     : MultipartPane::PartView::Text;
    }
}
} // namespace

MultipartPane::MultipartPane(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    layout->addWidget(splitter, 1);

    m_model = new MultipartPartsModel(this);
    m_partsView = makeInspectorTable(m_model, splitter, tr("Multipart parts"));
    m_partsView->setSelectionMode(QAbstractItemView::SingleSelection);
    // The content type is the long column; the size stays next to it, not at the far edge.
    m_partsView->horizontalHeader()->setStretchLastSection(false);
    m_partsView->horizontalHeader()->setSectionResizeMode(MultipartPartsModel::ContentTypeColumn,
                                                          QHeaderView::Stretch);
    splitter->addWidget(m_partsView);

    auto *detail = new QWidget(splitter);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 2, 6, 2);
    m_status = new QLabel(detail);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bar->addWidget(m_status, 1);
    m_saveButton = new QPushButton(tr("Save &attachment…"), detail);
    m_saveButton->setEnabled(false);
    bar->addWidget(m_saveButton);
    detailLayout->addLayout(bar);

    auto *partSplitter = new QSplitter(Qt::Vertical, detail);
    m_headersModel = new HeaderListModel(this);
    m_headersView = makeInspectorTable(m_headersModel, partSplitter, tr("Part headers"));
    partSplitter->addWidget(m_headersView);

    m_bodyStack = new QStackedWidget(partSplitter);
    m_textView = makeInspectorTextView(m_bodyStack, tr("Part body"));
    m_bodyStack->addWidget(m_textView);
    m_jsonView = new JsonTreeView(m_bodyStack);
    m_bodyStack->addWidget(m_jsonView);
    m_hexView = new HexView(m_bodyStack);
    m_hexView->setAccessibleName(tr("Part body as hex"));
    m_bodyStack->addWidget(m_hexView);
    partSplitter->addWidget(m_bodyStack);
    partSplitter->setStretchFactor(1, 3);
    detailLayout->addWidget(partSplitter, 1);
    splitter->addWidget(detail);
    splitter->setStretchFactor(1, 3);

    connect(m_partsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showPart(current.row()); });
    connect(m_saveButton, &QPushButton::clicked, this, &MultipartPane::chooseFileAndSave);
    connect(this, &MultipartPane::saved, this,
            [this](const QString &path) { m_status->setText(tr("Saved to %1").arg(path)); });
    connect(this, &MultipartPane::saveFailed, this,
            [this](const QString &path, const QString &reason) {
                m_status->setText(tr("Could not save %1: %2").arg(path, reason));
            });
}

void MultipartPane::setParts(const QList<MultipartPart> &parts)
{
    m_model->setParts(parts);
    m_partsView->resizeColumnsToContents();
    // A Remedy callback has three parts: all of them should show without scrolling.
    const int rows = int(qBound(qsizetype(1), parts.size(), qsizetype(6)));
    m_partsView->setMinimumHeight(m_partsView->horizontalHeader()->sizeHint().height()
                                  + rows * m_partsView->verticalHeader()->defaultSectionSize()
                                  + 2 * m_partsView->frameWidth());
    m_status->clear();
    showPart(-1);
    if (!parts.isEmpty())
        selectPart(0);
}

void MultipartPane::clear()
{
    setParts({});
}

void MultipartPane::selectPart(int row)
{
    m_partsView->setCurrentIndex(m_model->index(row, MultipartPartsModel::NameColumn));
}

int MultipartPane::currentRow() const
{
    const QModelIndex current = m_partsView->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void MultipartPane::showPart(int row)
{
    const MultipartPart *part = m_model->part(row);
    m_saveButton->setEnabled(part != nullptr);
    if (!part) {
        m_headersModel->setHeaders({});
        m_textView->clear();
        m_jsonView->clear();
        m_hexView->setData({});
        m_partView = PartView::None;
        m_bodyStack->setCurrentWidget(m_textView);
        return;
    }
    m_headersModel->setHeaders(part->headers);
    m_headersView->resizeColumnToContents(HeaderListModel::NameColumn);
    m_partView = viewFor(*part);
    switch (m_partView) {
    case PartView::Json:
        m_jsonView->setJson(part->body);
        m_bodyStack->setCurrentWidget(m_jsonView);
        break;
    case PartView::Text:
        m_textView->setPlainText(displayText(
                QByteArrayView(part->body)
                        .first(qMin(part->body.size(), BodyFormatter::defaultMaxBytes))));
        m_bodyStack->setCurrentWidget(m_textView);
        break;
    case PartView::Hex:
    case PartView::None:
        m_hexView->setData(part->body);
        m_bodyStack->setCurrentWidget(m_hexView);
        break;
    }
}

void MultipartPane::chooseFileAndSave()
{
    const int row = currentRow();
    const MultipartPart *part = m_model->part(row);
    if (!part)
        return;
    QString suggested = QFileInfo(part->filename).fileName();
    if (suggested.isEmpty())
        suggested = displayText(part->name);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Attachment"),
                                                      QDir::home().filePath(suggested));
    if (!path.isEmpty())
        savePart(row, path);
}

void MultipartPane::savePart(int row, const QString &path)
{
    const MultipartPart *part = m_model->part(row);
    if (!part) {
        emit saveFailed(path, tr("No such part."));
        return;
    }
    const QByteArray bytes = part->body;
    if (bytes.size() <= asyncSaveBytes) {
        reportSave(path, writeBytes(path, bytes));
        return;
    }
    m_status->setText(tr("Saving %1…").arg(displaySize(bytes.size())));
    QPointer<MultipartPane> self(this);
    QThreadPool::globalInstance()->start([self, path, bytes] {
        std::optional<QString> error = writeBytes(path, bytes);
        QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, path, error = std::move(error)] {
                    if (self)
                        self->reportSave(path, error);
                },
                Qt::QueuedConnection);
    });
}

void MultipartPane::reportSave(const QString &path, const std::optional<QString> &error)
{
    if (error)
        emit saveFailed(path, *error);
    else
        emit saved(path);
}

} // namespace hookbench
