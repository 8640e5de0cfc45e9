#pragma once

#include "payload/payload_analysis.h"

#include <QWidget>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QTabWidget;

namespace hookbench {

class HexView;
class JsonHighlighter;
class JsonTreeView;

// The Body tab: the decoded body as a JSON tree, as text in its charset (indented when JSON),
// the raw bytes as received, and hex. The analysis comes from the inspector, already done off
// the GUI thread; the text is formatted on the thread pool too, because indenting 50 MB takes
// seconds.
class BodyPane : public QWidget
{
    Q_OBJECT

public:
    enum SubTab { TreeTab, TextTab, RawTab, HexTab };

    explicit BodyPane(QWidget *parent = nullptr);

    // The raw bytes of a delivery just selected; the decoded views wait for setAnalysis.
    void setRawBody(qint64 id, const QByteArray &body);
    void setAnalysis(qint64 id, const PayloadAnalysis &analysis);
    void clear();

    QTabWidget *subTabs() const { return m_tabs; }
    JsonTreeView *treeView() const { return m_tree; }
    HexView *hexView() const { return m_hexView; }
    QPlainTextEdit *textView() const { return m_textView; }
    QString text() const;
    QString rawText() const;

signals:
    // The Text sub-tab shows the decoded body of delivery id.
    void textShown(qint64 id);

private:
    void showText(qint64 id, const QString &text, bool truncated);

    qint64 m_id = 0;
    std::optional<SubTab> m_chosenTab;
    QTabWidget *m_tabs = nullptr;
    JsonTreeView *m_tree = nullptr;
    QLabel *m_textNote = nullptr;
    QPlainTextEdit *m_textView = nullptr;
    JsonHighlighter *m_highlighter = nullptr;
    bool m_textIsJson = false;
    QPlainTextEdit *m_rawView = nullptr;
    HexView *m_hexView = nullptr;
};

} // namespace hookbench
