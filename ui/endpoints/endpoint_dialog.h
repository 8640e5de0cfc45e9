#pragma once

#include "store/endpoint.h"

#include <QDialog>
#include <QList>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace hookbench {

// Adds or edits an endpoint: its name, its path and the canned response it sends. Every change
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

private:
    void validate();
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
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace hookbench
