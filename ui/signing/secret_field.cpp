#include "secret_field.h"

#include <QAction>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
// An eye drawn in the text colour: desktop themes name this icon differently or not at all,
// and a line edit shows an action only by its icon.
QIcon eyeIcon(const QColor &color)
{
    QIcon icon;
    for (const int size : {16, 24, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(color, size / 12.0));
        const QRectF eye(size * 0.08, size * 0.25, size * 0.84, size * 0.5);
        QPainterPath outline;
        outline.moveTo(eye.left(), eye.center().y());
        outline.quadTo(eye.center().x(), eye.top() - size * 0.15, eye.right(), eye.center().y());
        outline.quadTo(eye.center().x(), eye.bottom() + size * 0.15, eye.left(), eye.center().y());
        painter.drawPath(outline);
        painter.setBrush(color);
        painter.drawEllipse(eye.center(), size * 0.13, size * 0.13);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}
} // namespace

SecretField::SecretField(QWidget *parent)
    : QLineEdit(parent)
{
    setEchoMode(QLineEdit::Password);
    setPlaceholderText(tr("The secret the sender signs with"));
    // Input methods and completion would keep a copy of what is typed.
    setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData);
    m_reveal = new QAction(this);
    m_reveal->setObjectName(u"reveal"_s);
    m_reveal->setCheckable(true);
    m_reveal->setIcon(eyeIcon(palette().color(QPalette::Text)));
    m_reveal->setText(tr("Show"));
    m_reveal->setToolTip(tr("Show the secret"));
    addAction(m_reveal, QLineEdit::TrailingPosition);
    connect(m_reveal, &QAction::toggled, this, &SecretField::setRevealed);
}

void SecretField::setRevealed(bool revealed)
{
    setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    m_reveal->setChecked(revealed);
    m_reveal->setToolTip(revealed ? tr("Hide the secret") : tr("Show the secret"));
}

} // namespace hookbench
