#include "secret_field.h"

#include "standard_icon.h"

#include <QAction>

using namespace Qt::StringLiterals;

namespace hookbench {

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
    QIcon icon = QIcon::fromTheme(u"view-visible"_s);
    if (icon.isNull())
        icon = QIcon::fromTheme(u"visibility"_s);
    if (icon.isNull())
        m_reveal->setText(tr("Show"));
    else
        m_reveal->setIcon(icon);
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
