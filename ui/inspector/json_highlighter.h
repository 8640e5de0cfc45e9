#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace hookbench {

// Syntax colouring for the Body pane's indented JSON text: keys, strings, numbers and the
// literals true, false and null, in colours that read on the light and the dark palette.
// Works line by line, which is enough for the pretty-printed text the pane shows (a JSON string
// never spans lines there).
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit JsonHighlighter(QObject *parent = nullptr);

    // Colouring re-runs over the whole document on every change, so very large texts are left
    // plain rather than stalling the window.
    static constexpr qsizetype maxHighlightedCharacters = 512 * 1024;

protected:
    void highlightBlock(const QString &text) override;

private:
    void updateFormats();

    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
};

} // namespace hookbench
