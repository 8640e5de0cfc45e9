#pragma once

#include "payload/multipart_parser.h"

#include <QWidget>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace hookbench {

class HeaderListModel;
class HexView;
class JsonTreeView;
class MultipartPartsModel;

// The Parts tab: the parts of a multipart body in a table, the selected part's headers and body
// below (a JSON part as a tree, text as text, anything else as hex), and saving a part's bytes.
// BMC Remedy sends an `entry` JSON part and one `attach-<field>` part per attachment.
class MultipartPane : public QWidget
{
    Q_OBJECT

public:
    enum class PartView { None, Json, Text, Hex };

    explicit MultipartPane(QWidget *parent = nullptr);

    void setParts(const QList<MultipartPart> &parts);
    void clear();
    void selectPart(int row);

    MultipartPartsModel *partsModel() const { return m_model; }
    QTableView *partsView() const { return m_partsView; }
    HeaderListModel *partHeadersModel() const { return m_headersModel; }
    JsonTreeView *partJsonView() const { return m_jsonView; }
    QPlainTextEdit *partTextView() const { return m_textView; }
    HexView *partHexView() const { return m_hexView; }
    QPushButton *saveButton() const { return m_saveButton; }
    PartView partView() const { return m_partView; }
    int currentRow() const;

    // Writes the selected part's exact bytes to path; parts over asyncSaveBytes are written on the
    // thread pool. saved() or saveFailed() follows either way.
    void savePart(int row, const QString &path);
    static constexpr qsizetype asyncSaveBytes = 8 * 1024 * 1024;

signals:
    void saved(const QString &path);
    void saveFailed(const QString &path, const QString &reason);

private:
    void showPart(int row);
    void chooseFileAndSave();
    void reportSave(const QString &path, const std::optional<QString> &error);

    MultipartPartsModel *m_model = nullptr;
    QTableView *m_partsView = nullptr;
    HeaderListModel *m_headersModel = nullptr;
    QTableView *m_headersView = nullptr;
    QStackedWidget *m_bodyStack = nullptr;
    JsonTreeView *m_jsonView = nullptr;
    QPlainTextEdit *m_textView = nullptr;
    HexView *m_hexView = nullptr;
    QPushButton *m_saveButton = nullptr;
    QLabel *m_status = nullptr;
    PartView m_partView = PartView::None;
};

} // namespace hookbench
