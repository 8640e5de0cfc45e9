#include "body_pane.h"

#include "body_formatter.h"
#include "hex_view.h"
#include "inspector_views.h"
#include "json_highlighter.h"
#include "json_tree_view.h"
#include "models/delivery_text.h"
#include "payload/charset_decoder.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTabBar>
#include <QTabWidget>
#include <QThreadPool>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
struct BodyText
{
    QString text;
    bool truncated = false;
};

// JSON is indented (order, duplicates and number spelling kept); other text is decoded in the
// charset Content-Type names, which BodyFormatter, working on bytes, does not know.
BodyText decodedText(const QByteArray &body, const QByteArray &charset, ContentKind kind)
{
    if (body.isEmpty())
        return {BodyPane::tr("(no body)"), false};
    if (kind == ContentKind::Binary || kind == ContentKind::Json
        || CharsetDecoder::isUtf8Compatible(charset)) {
        FormattedBody formatted = BodyFormatter::format(body);
        return {std::move(formatted.text), formatted.truncated};
    }
    const qsizetype limit = BodyFormatter::defaultMaxBytes;
    return {CharsetDecoder::decode(QByteArrayView(body).first(qMin(body.size(), limit)), charset)
                    .text,
            body.size() > limit};
}
} // namespace

BodyPane::BodyPane(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabPosition(QTabWidget::South);
    layout->addWidget(m_tabs);

    m_tree = new JsonTreeView(m_tabs);
    m_tabs->addTab(m_tree, tr("Tree"));

    auto *textPage = new QWidget(m_tabs);
    auto *textLayout = new QVBoxLayout(textPage);
    textLayout->setContentsMargins(0, 0, 0, 0);
    m_textNote = new QLabel(textPage);
    m_textNote->setWordWrap(true);
    m_textNote->setContentsMargins(6, 2, 6, 2);
    m_textNote->hide();
    textLayout->addWidget(m_textNote);
    m_textView = makeInspectorTextView(textPage, tr("Request body"));
    m_highlighter = new JsonHighlighter(this);
    textLayout->addWidget(m_textView, 1);
    m_tabs->addTab(textPage, tr("Text"));

    m_rawView = makeInspectorTextView(m_tabs, tr("Request body as received"));
    m_tabs->addTab(m_rawView, tr("Raw"));

    m_hexView = new HexView(m_tabs);
    m_hexView->setAccessibleName(tr("Request body as hex"));
    m_tabs->addTab(m_hexView, tr("Hex"));
    m_tabs->setCurrentIndex(TextTab);
    // A sub-tab the user picked stays picked from one delivery to the next.
    connect(m_tabs->tabBar(), &QTabBar::tabBarClicked, this, [this](int index) {
        if (index >= 0)
            m_chosenTab = SubTab(index);
    });
}

void BodyPane::setRawBody(qint64 id, const QByteArray &body)
{
    m_id = id;
    m_tree->clear();
    m_tabs->setTabEnabled(TreeTab, false);
    m_textNote->hide();
    m_highlighter->setDocument(nullptr);
    m_textIsJson = false;
    m_textView->setPlainText(body.isEmpty() ? tr("(no body)") : tr("Formatting…"));
    // The raw view is for reading headers-like text bodies; the hex view has every byte.
    const qsizetype limit = BodyFormatter::defaultMaxBytes;
    m_rawView->setPlainText(
            body.isEmpty() ? tr("(no body)")
                           : displayText(QByteArrayView(body).first(qMin(body.size(), limit))));
    m_hexView->setData(body);
}

void BodyPane::setAnalysis(qint64 id, const PayloadAnalysis &analysis)
{
    if (id != m_id)
        return;
    const bool json = analysis.kind == ContentKind::Json || analysis.jsonError.has_value();
    m_tabs->setTabEnabled(TreeTab, json);
    if (json)
        m_tree->setParseResult({analysis.json, analysis.jsonError}, analysis.body);
    // Unless the user picked another sub-tab, JSON opens on its tree and anything else on its
    // text; a body without a tree falls back to text.
    SubTab tab = m_chosenTab.value_or(json ? TreeTab : TextTab);
    if (tab == TreeTab && !json)
        tab = TextTab;
    m_tabs->setCurrentIndex(tab);

    const QByteArray body = analysis.body;
    const QByteArray charset = analysis.charset;
    const ContentKind kind = analysis.kind;
    m_textIsJson = kind == ContentKind::Json && analysis.valid;
    QPointer<BodyPane> self(this);
    QThreadPool::globalInstance()->start([self, id, body, charset, kind] {
        BodyText text = decodedText(body, charset, kind);
        // Answered through the application object, which outlives the pane; the pointer is
        // only looked at back on the GUI thread.
        QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, id, text = std::move(text)] {
                    if (self)
                        self->showText(id, text.text, text.truncated);
                },
                Qt::QueuedConnection);
    });
}

void BodyPane::showText(qint64 id, const QString &text, bool truncated)
{
    if (id != m_id)
        return;
    // Detached while the text is set, so a long body is not coloured twice.
    m_highlighter->setDocument(nullptr);
    m_textView->setPlainText(text);
    if (m_textIsJson && text.size() <= JsonHighlighter::maxHighlightedCharacters)
        m_highlighter->setDocument(m_textView->document());
    if (truncated) {
        m_textNote->setText(tr("Only the first %1 are shown as text; the Hex tab has all of it.")
                                    .arg(displaySize(BodyFormatter::defaultMaxBytes)));
    }
    m_textNote->setVisible(truncated);
    emit textShown(id);
}

void BodyPane::clear()
{
    m_id = 0;
    m_tree->clear();
    m_textNote->hide();
    m_textView->clear();
    m_rawView->clear();
    m_hexView->setData({});
}

QString BodyPane::text() const
{
    return m_textView->toPlainText();
}

QString BodyPane::rawText() const
{
    return m_rawView->toPlainText();
}

} // namespace hookbench
