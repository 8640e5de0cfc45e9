#include "signature_pane.h"

#include "capture/delivery_signed_request.h"
#include "signing/scheme_combo.h"
#include "signing/scheme_finder.h"
#include "signing/scheme_registry.h"
#include "signing/secret_field.h"
#include "signing/tolerance_box.h"
#include "store/async_store.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThreadPool>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
constexpr auto validColor = "#2e9d4f";
constexpr auto invalidColor = "#e04f3f";

// Runs `work` on the thread pool and hands its result to `apply` back on the GUI thread, unless
// `pane` is gone by then.
template<typename Work, typename Apply>
void runInBackground(QPointer<SignaturePane> pane, Work work, Apply apply)
{
    QThreadPool::globalInstance()->start(
            [pane, work = std::move(work), apply = std::move(apply)]() mutable {
                auto result = work();
                // The answer goes through the application object, which outlives any widget, and
                // the pointer is only looked at back on the GUI thread.
                QMetaObject::invokeMethod(
                        QCoreApplication::instance(),
                        [pane, result = std::move(result), apply = std::move(apply)]() mutable {
                            if (pane)
                                apply(std::move(result));
                        },
                        Qt::QueuedConnection);
            });
}

QString outcomeHtml(const QString &outcome)
{
    if (outcome == VerificationResult::outcomeName(VerificationResult::Outcome::Valid)) {
        return u"<span style=\"color:%1\"><b>✓ %2</b></span>"_s.arg(
                QLatin1StringView(validColor), SignaturePane::tr("Valid").toHtmlEscaped());
    }
    if (outcome == VerificationResult::outcomeName(VerificationResult::Outcome::Invalid)) {
        return u"<span style=\"color:%1\"><b>✗ %2</b></span>"_s.arg(
                QLatin1StringView(invalidColor), SignaturePane::tr("Invalid").toHtmlEscaped());
    }
    return u"<b>%1</b>"_s.arg(SignaturePane::tr("Not configured").toHtmlEscaped());
}
} // namespace

SignaturePane::SignaturePane(AsyncStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    setAccessibleName(tr("Signature"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    m_replay = new QLabel(this);
    m_replay->setObjectName(u"replayWarning"_s);
    m_replay->setWordWrap(true);
    m_replay->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_replay->setStyleSheet(u"QLabel { background: #f6d55c; color: #1e1e1e; padding: 6px;"
                            " border-radius: 3px; }"_s);
    m_replay->hide();
    layout->addWidget(m_replay);

    m_stored = new QLabel(this);
    m_stored->setObjectName(u"storedResult"_s);
    m_stored->setTextFormat(Qt::RichText);
    m_stored->setWordWrap(true);
    m_stored->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stored->setAccessibleName(tr("Result on arrival"));
    layout->addWidget(m_stored);

    // Two rows, so the diagnosis below keeps most of the height: what to check with on the
    // first, the secret and the actions on the second.
    auto *check = new QGridLayout;
    check->setContentsMargins(0, 4, 0, 4);
    m_scheme = new SchemeCombo(SchemeCombo::NoneEntry::Hidden, this);
    m_scheme->setObjectName(u"scheme"_s);
    auto *schemeLabel = new QLabel(tr("Check with s&cheme:"), this);
    schemeLabel->setBuddy(m_scheme);
    check->addWidget(schemeLabel, 0, 0);
    check->addWidget(m_scheme, 0, 1);
    m_tolerance = new ToleranceBox(this);
    m_tolerance->setObjectName(u"tolerance"_s);
    m_toleranceLabel = new QLabel(tr("&Tolerance:"), this);
    m_toleranceLabel->setBuddy(m_tolerance);
    check->addWidget(m_toleranceLabel, 0, 2);
    check->addWidget(m_tolerance, 0, 3, 1, 2);
    m_secret = new SecretField(this);
    m_secret->setObjectName(u"secret"_s);
    auto *secretLabel = new QLabel(tr("S&ecret:"), this);
    secretLabel->setBuddy(m_secret);
    check->addWidget(secretLabel, 1, 0);
    check->addWidget(m_secret, 1, 1);
    m_verify = new QPushButton(tr("&Verify"), this);
    m_verify->setObjectName(u"verify"_s);
    m_find = new QPushButton(tr("&Find the Scheme"), this);
    m_find->setObjectName(u"findScheme"_s);
    m_find->setToolTip(tr("Try every known scheme and every header with this secret"));
    check->addWidget(m_verify, 1, 2, 1, 2);
    check->addWidget(m_find, 1, 4);
    check->setColumnStretch(1, 1);
    layout->addLayout(check);
    m_status = new QLabel(this);
    m_status->setObjectName(u"checkStatus"_s);
    m_status->setTextFormat(Qt::RichText);
    layout->addWidget(m_status);

    m_output = new QPlainTextEdit(this);
    m_output->setObjectName(u"diagnosis"_s);
    m_output->setReadOnly(true);
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->setAccessibleName(tr("Diagnosis"));
    m_output->setPlaceholderText(
            tr("Verify shows the signed string, the expected and received signatures and the "
               "usual suspects tried."));
    layout->addWidget(m_output, 1);

    connect(m_scheme, &QComboBox::currentIndexChanged, this, &SignaturePane::updateTolerance);
    updateTolerance();
    connect(m_verify, &QPushButton::clicked, this, &SignaturePane::verify);
    connect(m_find, &QPushButton::clicked, this, &SignaturePane::findScheme);
    connect(m_secret, &QLineEdit::textChanged, this, &SignaturePane::updateButtons);
    connect(m_secret, &QLineEdit::returnPressed, this, &SignaturePane::verify);
    updateButtons();
}

SignedRequest SignaturePane::signedRequest(const Delivery &delivery)
{
    return signedRequestOf(delivery);
}

void SignaturePane::setDelivery(const Delivery &delivery)
{
    ++m_generation;
    ++m_checkGeneration;
    const bool sameEndpoint = m_delivery && m_delivery->endpointId == delivery.endpointId;
    m_delivery = delivery;
    setBusy(false);
    m_output->clear();
    m_status->clear();
    showStored(delivery);
    checkReplay(delivery);
    // A secret typed for one delivery stays for the next one of the same endpoint: that is how
    // a user tries a secret on several deliveries in a row.
    if (sameEndpoint) {
        diagnoseStored();
        return;
    }
    m_endpointVerification.reset();
    m_secret->clear();
    m_secret->setRevealed(false);
    m_scheme->setSchemeId(delivery.verification.schemeId.isEmpty()
                                  ? u"github"_s
                                  : delivery.verification.schemeId);
    // Only a change of endpoint drops an endpoint still loading; the next delivery of the same
    // endpoint is served by the same answer.
    const quint64 endpointGeneration = ++m_endpointGeneration;
    if (!m_store || !delivery.endpointId)
        return;
    const qint64 endpointId = *delivery.endpointId;
    m_store->fetchEndpoints(this,
                            [this, endpointId, endpointGeneration](const QList<Endpoint> &all) {
                                if (endpointGeneration != m_endpointGeneration)
                                    return;
                                for (const Endpoint &endpoint : all) {
                                    if (endpoint.id == endpointId) {
                                        applyEndpoint(endpoint);
                                        break;
                                    }
                                }
                                emit endpointLoaded();
                                diagnoseStored();
                            });
}

void SignaturePane::diagnoseStored()
{
    // The store keeps the outcome and its reason, not the diagnosis: checking again with the
    // endpoint's own settings shows the signed string, the values and the suspects at once,
    // which is what a user opening a checked delivery has come for.
    if (m_endpointVerification && m_delivery && m_delivery->verification.isChecked()
        && !m_secret->text().isEmpty()) {
        verify();
    }
}

void SignaturePane::applyEndpoint(const Endpoint &endpoint)
{
    if (!endpoint.verification.isConfigured())
        return;
    m_endpointVerification = endpoint.verification;
    m_scheme->setSchemeId(endpoint.verification.schemeId);
    m_secret->setSecret(endpoint.verification.secret);
    m_tolerance->setSeconds(endpoint.verification.toleranceSeconds);
}

void SignaturePane::clear()
{
    ++m_generation;
    ++m_checkGeneration;
    ++m_endpointGeneration;
    m_delivery.reset();
    m_endpointVerification.reset();
    m_stored->clear();
    m_replay->hide();
    m_replay->clear();
    m_output->clear();
    m_status->clear();
    m_secret->clear();
    m_secret->setRevealed(false);
    setBusy(false);
}

void SignaturePane::showStored(const Delivery &delivery)
{
    const DeliveryVerification &stored = delivery.verification;
    if (!stored.isChecked()) {
        m_stored->setText(tr("On arrival: <b>not checked</b>. Its endpoint verifies no "
                             "signature; choose a scheme below to check it now."));
        return;
    }
    QString html = tr("On arrival (%1): %2")
                           .arg(stored.schemeId.toHtmlEscaped(), outcomeHtml(stored.outcome));
    // The explanation names the reason in words; the id is for the CLI and filters.
    if (stored.explanation.isEmpty() && !stored.reason.isEmpty() && stored.reason != u"none"_s)
        html += u" — "_s + stored.reason.toHtmlEscaped();
    if (!stored.explanation.isEmpty())
        html += u"<br>"_s + stored.explanation.toHtmlEscaped();
    m_stored->setText(html);
}

void SignaturePane::checkReplay(const Delivery &delivery)
{
    m_replay->hide();
    m_replay->clear();
    if (!m_store || delivery.senderDeliveryId.isEmpty()) {
        emit replayChecked();
        return;
    }
    const quint64 generation = m_generation;
    const QByteArray senderId = delivery.senderDeliveryId;
    m_store->fetchEarlierWithSenderId(
            senderId, delivery.id, this, [this, generation, senderId](const QList<qint64> &ids) {
                if (generation != m_generation)
                    return;
                if (!ids.isEmpty()) {
                    QStringList numbers;
                    for (const qint64 id : ids)
                        numbers << u"#%1"_s.arg(id);
                    m_replay->setText(
                            tr("⚠ Possible replay: the sender's delivery id %1 was already "
                               "received in %2. A retry carries the same id; a receiver "
                               "should process each id once.",
                               nullptr, int(ids.size()))
                                    .arg(QString::fromUtf8(senderId),
                                         QLocale().createSeparatedList(numbers)));
                    m_replay->show();
                }
                emit replayChecked();
            });
}

void SignaturePane::verify()
{
    const SignatureScheme *scheme = m_scheme->scheme();
    if (!m_delivery || !scheme || m_busy)
        return;
    SchemeOptions options;
    options.now = m_delivery->receivedAtMs / 1000;
    options.toleranceSeconds = m_tolerance->value();
    options.config = m_endpointVerification && m_endpointVerification->schemeId == scheme->id()
                             ? m_endpointVerification->config
                             : scheme->defaultConfig();
    const SignedRequest request = signedRequest(*m_delivery);
    const QByteArray secret = m_secret->secret();
    const quint64 generation = ++m_checkGeneration;
    setBusy(true);
    m_status->setText(tr("Verifying…"));
    runInBackground(
            this,
            [scheme, request, secret, options] { return scheme->verify(request, secret, options); },
            [this, generation](VerificationResult result) {
                if (generation != m_checkGeneration)
                    return;
                setBusy(false);
                m_status->setText(
                        tr("Checked again: %1")
                                .arg(outcomeHtml(VerificationResult::outcomeName(result.outcome))));
                m_output->setPlainText(result.toText());
                emit verified(result);
            });
}

void SignaturePane::findScheme()
{
    if (!m_delivery || m_busy)
        return;
    const SignedRequest request = signedRequest(*m_delivery);
    const QByteArray secret = m_secret->secret();
    const qint64 now = m_delivery->receivedAtMs / 1000;
    const quint64 generation = ++m_checkGeneration;
    setBusy(true);
    m_status->setText(tr("Trying every scheme…"));
    runInBackground(
            this, [request, secret, now] { return SchemeFinder::find(request, secret, now); },
            [this, generation](SchemeFinder::Report report) {
                if (generation != m_checkGeneration)
                    return;
                setBusy(false);
                m_status->setText(report.found() ? tr("Found") : tr("No scheme matches"));
                m_output->setPlainText(report.toText());
                emit schemeFound(report.found());
            });
}

void SignaturePane::updateTolerance()
{
    // Only schemes that sign a timestamp have anything to hold it against.
    const SignatureScheme *scheme = m_scheme->scheme();
    const bool timestamps
            = scheme
              && scheme->timestamps(scheme->defaultConfig()) == SignatureScheme::Timestamps::Signed;
    m_toleranceLabel->setVisible(timestamps);
    m_tolerance->setVisible(timestamps);
}

void SignaturePane::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void SignaturePane::updateButtons()
{
    const bool ready = m_delivery && !m_busy && !m_secret->text().isEmpty();
    m_verify->setEnabled(ready);
    m_find->setEnabled(ready);
}

QString SignaturePane::storedText() const
{
    return m_stored->text();
}

QString SignaturePane::outputText() const
{
    return m_output->toPlainText();
}

QString SignaturePane::replayWarning() const
{
    return m_replay->isHidden() ? QString() : m_replay->text();
}

} // namespace hookbench
