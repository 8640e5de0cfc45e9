#pragma once

#include <QComboBox>

namespace hookbench {

class SignatureScheme;

// The schemes of the SchemeRegistry by display name, each with its recipe as tooltip; an
// optional first entry for "no verification".
class SchemeCombo : public QComboBox
{
    Q_OBJECT

public:
    enum class NoneEntry { Shown, Hidden };

    explicit SchemeCombo(NoneEntry none, QWidget *parent = nullptr);

    // Empty for the "none" entry.
    QString schemeId() const;
    // Selects `id`; an unknown id selects the "none" entry, or the first scheme without one.
    void setSchemeId(const QString &id);
    // nullptr for the "none" entry.
    const SignatureScheme *scheme() const;
};

} // namespace hookbench
