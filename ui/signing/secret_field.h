#pragma once

#include <QLineEdit>

class QAction;

namespace hookbench {

// A line edit for a signing secret: masked until the user reveals it with the eye at its end,
// so a secret does not end up in a screenshot or a screen share by accident.
class SecretField : public QLineEdit
{
    Q_OBJECT

public:
    explicit SecretField(QWidget *parent = nullptr);

    bool isRevealed() const { return echoMode() == QLineEdit::Normal; }
    void setRevealed(bool revealed);
    QAction *revealAction() const { return m_reveal; }

    QByteArray secret() const { return text().toUtf8(); }
    void setSecret(const QByteArray &secret) { setText(QString::fromUtf8(secret)); }

private:
    QAction *m_reveal = nullptr;
};

} // namespace hookbench
