#pragma once

#include "store/endpoint.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace hookbench {

class SchemeCombo;
class SecretField;
class ToleranceBox;

// Adds or edits an endpoint: its name, its path, the canned response it sends and how it
// verifies the signature of what arrives. Every change
// is validated at once, and OK stays disabled while the form has a problem, so the store never
// sees an endpoint it would refuse.
class EndpointDialog : public QDialog
{
    Q_OBJECT

public:
    // `existing` are the endpoints already stored, for the duplicate name and path checks.
    explicit EndpointDialog(const QList<Endpoint> &existing, QWidget *parent = nullptr);

    // Fills the form to edit `endpoint`; without it the dialog adds a new one.
    void setEndpoint(const Endpoint &endpoint);
    Endpoint endpoint() const;

    // What is wrong with the form, for the user; empty when it can be saved.
    QString problem() const;
    // Focuses the name for a rename.
    void focusName();
    // The sentence saying where secrets are kept (SecretVault::backendDescription()), which
    // the caller fetches off the GUI thread since asking may wait for the keychain.
    void setSecretStorageNote(const QString &description);
    QString secretStorageNote() const;

private:
    void validate();
    void schemeChanged();
    // The configuration the form describes: the scheme's defaults (or what was stored for the
    // same scheme) with the fields the form shows laid over them.
    SchemeConfig schemeConfig() const;
    // The scheme's defaults with what was stored for the same scheme over them.
    SchemeConfig storedConfig() const;
    QString verificationProblem() const;
    void setConfigFields(const SchemeConfig &config);
    std::optional<HeaderList> parsedHeaders(QString *problem) const;

    QList<Endpoint> m_existing;
    // What is being edited: fields this dialog does not show (verification...) are kept.
    Endpoint m_original;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_path = nullptr;
    QSpinBox *m_status = nullptr;
    QPlainTextEdit *m_headers = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QSpinBox *m_delay = nullptr;
    SchemeCombo *m_scheme = nullptr;
    QLabel *m_recipe = nullptr;
    QFormLayout *m_verificationForm = nullptr;
    QComboBox *m_algorithm = nullptr;
    QLineEdit *m_signatureHeader = nullptr;
    QLineEdit *m_prefix = nullptr;
    QComboBox *m_encoding = nullptr;
    QLineEdit *m_template = nullptr;
    QLineEdit *m_timestampHeader = nullptr;
    SecretField *m_secret = nullptr;
    ToleranceBox *m_tolerance = nullptr;
    QCheckBox *m_rejectInvalid = nullptr;
    QLabel *m_secretNote = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace hookbench
