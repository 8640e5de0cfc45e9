#include "hex_view.h"

#include <QEvent>
#include <QFontDatabase>
#include <QPainter>
#include <QScrollBar>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
constexpr int offsetDigits = 8;
constexpr int columnGap = 2;
// offset, gap, 16 "xx " cells plus the gap between the two halves, gap, 16 ASCII characters
constexpr int charactersPerLine = offsetDigits + columnGap + HexView::bytesPerLine * 3 + 1
                                  + columnGap + HexView::bytesPerLine;
constexpr int margin = 4;
} // namespace

HexView::HexView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    updateScrollBars();
}

void HexView::setData(const QByteArray &data)
{
    m_data = data;
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
}

qint64 HexView::lineCount() const
{
    return (m_data.size() + bytesPerLine - 1) / bytesPerLine;
}

QString HexView::lineText(qint64 line) const
{
    static constexpr char digits[] = "0123456789abcdef";
    const qint64 offset = line * bytesPerLine;
    if (offset < 0 || offset >= m_data.size())
        return {};
    const qint64 count = std::min<qint64>(bytesPerLine, m_data.size() - offset);

    QString text = QString::number(offset, 16).rightJustified(offsetDigits, u'0');
    text.reserve(charactersPerLine);
    text += QString(columnGap, u' ');
    QString ascii;
    ascii.reserve(bytesPerLine);
    for (qint64 i = 0; i < bytesPerLine; ++i) {
        if (i == bytesPerLine / 2)
            text += u' ';
        if (i < count) {
            const auto byte = static_cast<unsigned char>(m_data.at(offset + i));
            text += QLatin1Char(digits[byte >> 4]);
            text += QLatin1Char(digits[byte & 0x0f]);
            text += u' ';
            ascii += (byte >= 0x20 && byte < 0x7f) ? QLatin1Char(static_cast<char>(byte))
                                                   : QLatin1Char('.');
        } else {
            text += u"   "_s;
        }
    }
    text += QString(columnGap - 1, u' ');
    text += ascii;
    return text;
}

QSize HexView::sizeHint() const
{
    return {lineWidth() + verticalScrollBar()->sizeHint().width() + 2 * frameWidth(),
            lineHeight() * 16};
}

int HexView::lineHeight() const
{
    return fontMetrics().lineSpacing();
}

int HexView::lineWidth() const
{
    return fontMetrics().horizontalAdvance(QString(charactersPerLine, u'0')) + 2 * margin;
}

void HexView::updateScrollBars()
{
    const int visibleLines = std::max(1, viewport()->height() / std::max(1, lineHeight()));
    // A scroll bar value is an int: with 16 bytes a line that still covers 32 GiB.
    const int lines = static_cast<int>(std::min<qint64>(lineCount(), INT_MAX));
    verticalScrollBar()->setRange(0, std::max(0, lines - visibleLines));
    verticalScrollBar()->setPageStep(visibleLines);
    verticalScrollBar()->setSingleStep(1);
    horizontalScrollBar()->setRange(0, std::max(0, lineWidth() - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
}

void HexView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const int height = lineHeight();
    const int x = margin - horizontalScrollBar()->value();

    if (m_data.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect(), Qt::AlignCenter, tr("No bytes"));
        return;
    }

    const qint64 first = verticalScrollBar()->value();
    const qint64 visible = viewport()->height() / height + 2;
    const int offsetWidth = fontMetrics().horizontalAdvance(QString(offsetDigits, u'0'));
    const QColor offsetColor = palette().color(QPalette::PlaceholderText);
    const QColor textColor = palette().color(QPalette::Text);
    for (qint64 line = first; line < std::min(first + visible, lineCount()); ++line) {
        const int baseline = static_cast<int>(line - first) * height + fontMetrics().ascent();
        const QString text = lineText(line);
        painter.setPen(offsetColor);
        painter.drawText(x, baseline, text.left(offsetDigits));
        painter.setPen(textColor);
        painter.drawText(x + offsetWidth, baseline, text.mid(offsetDigits));
    }
}

void HexView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void HexView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateScrollBars();
}

} // namespace hookbench
