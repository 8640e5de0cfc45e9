#pragma once

#include "payload/payload_analysis.h"
#include "store/delivery.h"

#include <QPointer>
#include <QWidget>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace hookbench {

class AsyncStore;
class BodyPane;
class FormFieldsModel;
class HeaderListModel;
class HexView;
class MultipartPane;
class OverviewPane;
class SignaturePane;
class VendorSummaryPane;

// The selected delivery in full: a summary line, the headers as they arrived, the body as text
// (indented when it is JSON) and as hex, and the response Hookbench sent back.
class DeliveryInspector : public QWidget
{
    Q_OBJECT

public:
    explicit DeliveryInspector(AsyncStore *store, QWidget *parent = nullptr);

    // Loads the delivery from the store; a later call wins over one still loading.
    void showDelivery(qint64 id);
    // Shows a delivery already at hand (a test fixture, a delivery not from the store).
    void setDelivery(const Delivery &delivery);
    void clear();

    std::optional<Delivery> delivery() const { return m_delivery; }
    QString summaryText() const;
    QString bodyText() const;
    QString responseText() const;
    HeaderListModel *headersModel() const { return m_headersModel; }
    HexView *hexView() const { return m_hexView; }
    QTabWidget *tabs() const { return m_tabs; }
    // Shows the tab at index when it is shown for this delivery; otherwise leaves the current
    // one. QTabWidget would display a hidden tab's page with no tab highlighted.
    void selectTab(int index);
    SignaturePane *signaturePane() const { return m_signaturePane; }
    OverviewPane *overviewPane() const { return m_overviewPane; }
    VendorSummaryPane *vendorPane() const { return m_vendorPane; }
    BodyPane *bodyPane() const { return m_bodyPane; }
    FormFieldsModel *formModel() const { return m_formModel; }
    MultipartPane *partsPane() const { return m_partsPane; }
    // The analysis of the delivery on screen, once it has arrived from the thread pool.
    std::optional<PayloadAnalysis> analysis() const { return m_analysis; }

signals:
    // The delivery is on screen; its body text may still be formatting.
    void deliveryShown(qint64 id);
    void bodyShown(qint64 id);
    // analyzePayload finished for the delivery on screen; analysis() has it.
    void analysisReady(qint64 id);

private:
    void display(const Delivery &delivery);
    void displayError(const QString &message);
    void analyze(const Delivery &delivery);
    void showAnalysis(qint64 id, const PayloadAnalysis &analysis);
    static QString summaryHtml(const Delivery &delivery);
    static QString responseWireText(const Delivery &delivery);

    QPointer<AsyncStore> m_store;
    std::optional<Delivery> m_delivery;
    qint64 m_requestedId = 0;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_summary = nullptr;
    QTabWidget *m_tabs = nullptr;
    HeaderListModel *m_headersModel = nullptr;
    QTableView *m_headersView = nullptr;
    BodyPane *m_bodyPane = nullptr;
    FormFieldsModel *m_formModel = nullptr;
    QTableView *m_formView = nullptr;
    MultipartPane *m_partsPane = nullptr;
    int m_formTab = -1;
    int m_partsTab = -1;
    HexView *m_hexView = nullptr;
    QPlainTextEdit *m_responseView = nullptr;
    SignaturePane *m_signaturePane = nullptr;
    OverviewPane *m_overviewPane = nullptr;
    VendorSummaryPane *m_vendorPane = nullptr;
    int m_vendorTab = -1;
    std::optional<PayloadAnalysis> m_analysis;
};

} // namespace hookbench
