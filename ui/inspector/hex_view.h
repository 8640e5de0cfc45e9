#pragma once

#include <QAbstractScrollArea>
#include <QByteArray>

namespace hookbench {

// Offset, hex and ASCII columns over a byte array of any size. Only the lines in view are
// formatted and painted, so a 16 MiB body scrolls as fast as a 16-byte one and no giant string is
// ever built.
class HexView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    static constexpr int bytesPerLine = 16;

    explicit HexView(QWidget *parent = nullptr);

    void setData(const QByteArray &data);
    QByteArray data() const { return m_data; }

    qint64 lineCount() const;
    // One line as painted: "00000010  7b 22 61 22 ...  {"a"...".
    QString lineText(qint64 line) const;

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateScrollBars();
    int lineHeight() const;
    int lineWidth() const;

    QByteArray m_data;
};

} // namespace hookbench
