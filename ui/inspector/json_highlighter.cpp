#include "json_highlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace hookbench {

JsonHighlighter::JsonHighlighter(QObject *parent)
    : QSyntaxHighlighter(parent)
{
    updateFormats();
}

void JsonHighlighter::updateFormats()
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    m_key.setForeground(dark ? QColor(0x8c, 0xc8, 0xff) : QColor(0x1f, 0x4e, 0xa8));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(dark ? QColor(0x9c, 0xe0, 0x8c) : QColor(0x21, 0x7a, 0x21));
    m_number.setForeground(dark ? QColor(0xff, 0xb8, 0x6c) : QColor(0xa6, 0x4b, 0x00));
    m_literal.setForeground(dark ? QColor(0xe0, 0x9c, 0xf0) : QColor(0x80, 0x2a, 0x9e));
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    const qsizetype length = text.size();
    qsizetype position = 0;
    while (position < length) {
        const QChar character = text.at(position);
        if (character == u'"') {
            qsizetype end = position + 1;
            while (end < length && text.at(end) != u'"')
                end += text.at(end) == u'\\' ? 2 : 1;
            end = qMin(end + 1, length);
            // A string followed by a colon is an object key.
            qsizetype next = end;
            while (next < length && text.at(next).isSpace())
                ++next;
            const bool key = next < length && text.at(next) == u':';
            setFormat(int(position), int(end - position), key ? m_key : m_string);
            position = end;
        } else if (character == u'-' || character.isDigit()) {
            qsizetype end = position + 1;
            while (end < length
                   && (text.at(end).isDigit() || text.at(end) == u'.' || text.at(end) == u'e'
                       || text.at(end) == u'E' || text.at(end) == u'+' || text.at(end) == u'-'))
                ++end;
            setFormat(int(position), int(end - position), m_number);
            position = end;
        } else if (character.isLetter()) {
            qsizetype end = position + 1;
            while (end < length && text.at(end).isLetter())
                ++end;
            const QStringView word = QStringView(text).sliced(position, end - position);
            if (word == u"true" || word == u"false" || word == u"null")
                setFormat(int(position), int(end - position), m_literal);
            position = end;
        } else {
            ++position;
        }
    }
}

} // namespace hookbench
