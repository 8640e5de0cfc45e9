#pragma once

#include "signing/signed_request.h"
#include "signing/verification_result.h"
#include "store/delivery.h"
#include "store/endpoint.h"

#include <QPointer>
#include <QWidget>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace hookbench {

class AsyncStore;
class SchemeCombo;
class SecretField;
class ToleranceBox;

// The inspector's "Signature" tab: the check made on arrival as stored, a warning when the
// sender's delivery id was seen before (a retry or a replay), and a re-check on the spot with
// any scheme, secret and tolerance, diagnosis included, plus "find the scheme" for a sender whose
// documentation does not say how it signs. The checks run on the thread pool: the finder tries
// thousands of recipes.
class SignaturePane : public QWidget
{
    Q_OBJECT

public:
    explicit SignaturePane(AsyncStore *store, QWidget *parent = nullptr);

    void setDelivery(const Delivery &delivery);
    void clear();

    // The request as its sender signed it; the URL is rebuilt from the Host header and the
    // target, as the receiver does on arrival.
    static SignedRequest signedRequest(const Delivery &delivery);

    // Start the re-check or the finder with what the form holds; the answer arrives through
    // verified() or schemeFound().
    void verify();
    void findScheme();

    QString storedText() const;
    QString outputText() const;
    // Empty when no earlier delivery carried the same sender id.
    QString replayWarning() const;
    SchemeCombo *schemeCombo() const { return m_scheme; }
    SecretField *secretField() const { return m_secret; }
    ToleranceBox *toleranceBox() const { return m_tolerance; }
    QPushButton *verifyButton() const { return m_verify; }
    QPushButton *findButton() const { return m_find; }

signals:
    void verified(const hookbench::VerificationResult &result);
    void schemeFound(bool found);
    // The replay check came back (with or without a warning).
    void replayChecked();
    // The endpoint's settings are in the form.
    void endpointLoaded();

private:
    void showStored(const Delivery &delivery);
    void applyEndpoint(const Endpoint &endpoint);
    void checkReplay(const Delivery &delivery);
    // Checks a delivery checked on arrival again with its endpoint's settings, for the diagnosis.
    void diagnoseStored();
    void setBusy(bool busy);
    void updateTolerance();
    void updateButtons();

    QPointer<AsyncStore> m_store;
    std::optional<Delivery> m_delivery;
    // The verification of the delivery's endpoint, secret included: the re-check's defaults.
    std::optional<EndpointVerification> m_endpointVerification;
    // Bumped by every new delivery and every new check, so a late answer is dropped.
    quint64 m_generation = 0;
    // The same for a re-check or a search, which must not drop the loads above.
    quint64 m_checkGeneration = 0;
    // And for loading the endpoint's settings, which only a change of endpoint makes stale.
    quint64 m_endpointGeneration = 0;

    QLabel *m_stored = nullptr;
    QLabel *m_replay = nullptr;
    SchemeCombo *m_scheme = nullptr;
    SecretField *m_secret = nullptr;
    QLabel *m_toleranceLabel = nullptr;
    ToleranceBox *m_tolerance = nullptr;
    QPushButton *m_verify = nullptr;
    QPushButton *m_find = nullptr;
    QLabel *m_status = nullptr;
    QPlainTextEdit *m_output = nullptr;
    bool m_busy = false;
};

} // namespace hookbench
