#pragma once

#include "app_settings.h"
#include "store/endpoint.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QWidget;

namespace hookbench {

// Where and how the receiver listens, what it does with unknown paths, and the theme. Invalid
// input is reported as it is typed and keeps OK disabled.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    void setSettings(const AppSettings &settings, UnknownPathPolicy policy);
    AppSettings settings() const;
    UnknownPathPolicy unknownPathPolicy() const;
    QString problem() const;

private:
    void validate();
    void browse(QLineEdit *edit, const QString &title);

    AppSettings m_settings;
    QLineEdit *m_listen = nullptr;
    QComboBox *m_tls = nullptr;
    QWidget *m_certificateRow = nullptr;
    QLineEdit *m_certificate = nullptr;
    QLineEdit *m_key = nullptr;
    QSpinBox *m_maxBody = nullptr;
    QSpinBox *m_readTimeout = nullptr;
    QComboBox *m_unknownPaths = nullptr;
    QComboBox *m_theme = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace hookbench
