#include "delivery_inspector.h"

#include "body_pane.h"
#include "hex_view.h"
#include "inspector_views.h"
#include "models/delivery_text.h"
#include "models/form_fields_model.h"
#include "models/header_list_model.h"
#include "multipart_pane.h"
#include "overview_pane.h"
#include "payload/payload_analyzer.h"
#include "signature_pane.h"
#include "store/async_store.h"
#include "vendor_summary_pane.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QThreadPool>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
// Characters of the request target shown in the summary line; the tooltip has all of it.
constexpr qsizetype maxSummaryTarget = 96;
} // namespace

DeliveryInspector::DeliveryInspector(AsyncStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    setAccessibleName(tr("Delivery inspector"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);

    m_placeholder = new QLabel(tr("Select a delivery to see its headers and body."), m_stack);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_placeholder);

    auto *page = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(page);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAccessibleName(tr("Delivery summary"));
    m_summary->setContentsMargins(6, 4, 6, 4);
    // A long target cannot wrap; it must not push the window wider than the screen either.
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(m_summary);

    m_tabs = new QTabWidget(page);
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs, 1);

    m_overviewPane = new OverviewPane(m_tabs);
    m_tabs->addTab(m_overviewPane, tr("&Overview"));

    m_headersModel = new HeaderListModel(this);
    m_headersView = makeInspectorTable(m_headersModel, m_tabs, tr("Request headers"));
    m_tabs->addTab(m_headersView, tr("&Headers"));

    m_bodyPane = new BodyPane(m_tabs);
    m_hexView = m_bodyPane->hexView();
    m_tabs->addTab(m_bodyPane, tr("&Body"));
    connect(m_bodyPane, &BodyPane::textShown, this, &DeliveryInspector::bodyShown);

    m_formModel = new FormFieldsModel(this);
    m_formView = makeInspectorTable(m_formModel, m_tabs, tr("Form fields"));
    m_formTab = m_tabs->addTab(m_formView, tr("&Form"));
    m_partsPane = new MultipartPane(m_tabs);
    m_partsTab = m_tabs->addTab(m_partsPane, tr("&Parts"));
    // Only form and multipart bodies have fields or parts to show.
    m_tabs->setTabVisible(m_formTab, false);
    m_tabs->setTabVisible(m_partsTab, false);

    m_responseView = makeInspectorTextView(m_tabs, tr("Response sent"));
    m_tabs->addTab(m_responseView, tr("&Response"));

    m_signaturePane = new SignaturePane(store, m_tabs);
    m_tabs->addTab(m_signaturePane, tr("&Signature"));

    m_vendorPane = new VendorSummaryPane(m_tabs);
    m_vendorTab = m_tabs->addTab(m_vendorPane, tr("&Vendor"));
    // Only a payload a profile recognised has a summary to show.
    m_tabs->setTabVisible(m_vendorTab, false);

    m_stack->addWidget(page);
}

void DeliveryInspector::showDelivery(qint64 id)
{
    m_requestedId = id;
    if (!m_store)
        return;
    m_store->fetchDelivery(
            id, this, [this, id](const std::optional<Delivery> &delivery, const QString &error) {
                if (id != m_requestedId)
                    return;
                if (delivery)
                    display(*delivery);
                else
                    displayError(error);
            });
}

void DeliveryInspector::setDelivery(const Delivery &delivery)
{
    m_requestedId = delivery.id;
    display(delivery);
}

void DeliveryInspector::clear()
{
    m_requestedId = 0;
    m_delivery.reset();
    m_headersModel->setHeaders({});
    m_bodyPane->clear();
    m_formModel->setFields({});
    m_partsPane->clear();
    m_tabs->setTabVisible(m_formTab, false);
    m_tabs->setTabVisible(m_partsTab, false);
    m_responseView->clear();
    m_signaturePane->clear();
    m_analysis.reset();
    m_overviewPane->clear();
    m_vendorPane->clear();
    m_tabs->setTabVisible(m_vendorTab, false);
    m_placeholder->setText(tr("Select a delivery to see its headers and body."));
    m_stack->setCurrentWidget(m_placeholder);
}

void DeliveryInspector::displayError(const QString &message)
{
    clear();
    m_placeholder->setText(tr("This delivery cannot be read: %1").arg(message));
}

void DeliveryInspector::display(const Delivery &delivery)
{
    m_delivery = delivery;
    m_summary->setText(summaryHtml(delivery));
    m_summary->setToolTip(displayText(delivery.target));
    m_headersModel->setHeaders(delivery.headers);
    m_headersView->resizeColumnToContents(HeaderListModel::NameColumn);
    m_bodyPane->setRawBody(delivery.id, delivery.body);
    m_formModel->setFields({});
    m_partsPane->clear();
    m_responseView->setPlainText(responseWireText(delivery));
    m_signaturePane->setDelivery(delivery);
    m_analysis.reset();
    m_overviewPane->setDelivery(delivery);
    // The Vendor tab stays until the analysis says whether it applies, so a user reading vendor
    // summaries is not thrown to another tab on every row.
    m_vendorPane->clear();
    m_stack->setCurrentIndex(1);
    emit deliveryShown(delivery.id);
    analyze(delivery);
}

void DeliveryInspector::analyze(const Delivery &delivery)
{
    const qint64 id = delivery.id;
    const HeaderList headers = delivery.headers;
    const QByteArray body = delivery.body;
    const QByteArray target = delivery.target;
    QPointer<DeliveryInspector> self(this);
    QThreadPool::globalInstance()->start([self, id, headers, body, target] {
        PayloadAnalysis analysis = analyzePayload(headers, body, target);
        // As in formatBody: delivered through the application object, checked on the GUI thread.
        QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, id, analysis = std::move(analysis)] {
                    if (self)
                        self->showAnalysis(id, analysis);
                },
                Qt::QueuedConnection);
    });
}

void DeliveryInspector::showAnalysis(qint64 id, const PayloadAnalysis &analysis)
{
    if (!m_delivery || m_delivery->id != id)
        return;
    m_analysis = analysis;
    m_overviewPane->setAnalysis(id, analysis);
    m_vendorPane->setSummary(analysis.summary);
    m_tabs->setTabVisible(m_vendorTab, !analysis.summary.isEmpty());
    m_bodyPane->setAnalysis(id, analysis);
    m_formModel->setFields(analysis.form);
    m_formView->resizeColumnToContents(FormFieldsModel::NameColumn);
    m_tabs->setTabVisible(m_formTab, analysis.kind == ContentKind::Form);
    m_partsPane->setParts(analysis.parts);
    m_tabs->setTabVisible(m_partsTab, analysis.kind == ContentKind::Multipart);
    emit analysisReady(id);
}

QString DeliveryInspector::summaryText() const
{
    return m_summary->text();
}

QString DeliveryInspector::bodyText() const
{
    return m_bodyPane->text();
}

QString DeliveryInspector::responseText() const
{
    return m_responseView->toPlainText();
}

QString DeliveryInspector::summaryHtml(const Delivery &delivery)
{
    QStringList parts;
    QString target = displayText(delivery.target);
    if (target.size() > maxSummaryTarget)
        target = target.left(maxSummaryTarget / 2) + u"…"_s + target.right(maxSummaryTarget / 2);
    if (delivery.method.isEmpty() && target.isEmpty()) {
        // A rejected request may not even have had a request line.
        parts << u"<b>%1</b>"_s.arg(tr("No request line").toHtmlEscaped());
    } else {
        parts << u"<b>%1</b> %2"_s.arg(displayText(delivery.method).toHtmlEscaped(),
                                       target.toHtmlEscaped());
    }
    if (!delivery.httpVersion.isEmpty())
        parts << displayText(delivery.httpVersion).toHtmlEscaped();
    if (!delivery.remoteAddress.isEmpty())
        parts << tr("from %1").arg(delivery.remoteAddress.toHtmlEscaped());
    QString size = displaySize(delivery.bodySize);
    if (!delivery.contentType.isEmpty())
        size = tr("%1 of %2").arg(size, displayText(delivery.contentType).toHtmlEscaped());
    parts << size;
    if (delivery.response.status != 0) {
        parts << tr("answered %1 in %2 ms")
                         .arg(delivery.response.status)
                         .arg(QLocale().toString(delivery.processingUs / 1000.0, 'f', 1));
    }
    parts << displayTime(delivery.receivedAtMs);
    QString html = parts.join(u" · "_s);
    if (delivery.state == DeliveryState::Rejected) {
        html += u"<br><span style=\"color:#e04f3f\"><b>%1</b></span>"_s.arg(
                tr("Rejected: %1").arg(delivery.rejectReason).toHtmlEscaped());
    }
    return html;
}

QString DeliveryInspector::responseWireText(const Delivery &delivery)
{
    if (delivery.response.status == 0)
        return tr("No response was sent.");
    QString text = u"%1 %2\n"_s
                           .arg(displayText(delivery.httpVersion.isEmpty()
                                                    ? QByteArrayLiteral("HTTP/1.1")
                                                    : delivery.httpVersion))
                           .arg(delivery.response.status);
    text += displayText(delivery.response.headers.toWireFormat()).remove(u'\r');
    text += u'\n';
    text += displayText(delivery.response.body);
    return text;
}

void DeliveryInspector::selectTab(int index)
{
    if (index >= 0 && index < m_tabs->count() && m_tabs->isTabVisible(index))
        m_tabs->setCurrentIndex(index);
}

} // namespace hookbench
