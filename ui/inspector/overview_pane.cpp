#include "overview_pane.h"

#include "models/delivery_text.h"
#include "payload/vendor_registry.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace hookbench {

OverviewPane::OverviewPane(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Delivery overview"));
    m_form = new QFormLayout(this);
    m_form->setContentsMargins(12, 10, 12, 10);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    const std::pair<Field, QString> rows[] = {
            {Field::Vendor, tr("Vendor:")},
            {Field::Event, tr("Event:")},
            {Field::Verification, tr("Verification:")},
            {Field::Content, tr("Content:")},
            {Field::Size, tr("Size:")},
            {Field::Received, tr("Received:")},
            {Field::Processing, tr("Processing time:")},
            {Field::Remote, tr("Remote address:")},
            {Field::Endpoint, tr("Endpoint:")},
    };
    for (const auto &[field, label] : rows) {
        auto *value = new QLabel(this);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        value->setWordWrap(true);
        value->setAccessibleName(label.chopped(1));
        m_values.insert(field, value);
        m_form->addRow(label, value);
    }
}

void OverviewPane::setField(Field field, const QString &text, bool problem)
{
    QLabel *label = m_values.value(field);
    label->setText(text);
    // The same red as the other problem texts; it reads on both the light and the dark palette.
    label->setStyleSheet(problem ? u"color: #e04f3f"_s : QString());
    QFont font = label->font();
    font.setBold(problem);
    label->setFont(font);
}

QString OverviewPane::fieldText(Field field) const
{
    return m_values.value(field)->text();
}

void OverviewPane::clear()
{
    m_deliveryId = 0;
    for (QLabel *label : std::as_const(m_values))
        label->clear();
}

void OverviewPane::setDelivery(const Delivery &delivery)
{
    m_deliveryId = delivery.id;
    const QString pending = tr("Analysing…");
    setField(Field::Vendor, pending);
    setField(Field::Event, pending);
    setField(Field::Content, pending);
    setField(Field::Verification, verificationText(delivery.verification),
             delivery.verification.outcome == u"invalid"_s);
    // displaySize already gives the exact count below 1 KiB.
    setField(Field::Size, delivery.bodySize < 1024
                                  ? displaySize(delivery.bodySize)
                                  : tr("%1 (%2 bytes)")
                                            .arg(displaySize(delivery.bodySize),
                                                 QLocale().toString(delivery.bodySize)));
    setField(Field::Received, displayTime(delivery.receivedAtMs));
    setField(Field::Processing,
             tr("%1 ms").arg(QLocale().toString(delivery.processingUs / 1000.0, 'f', 1)));
    setField(Field::Remote,
             delivery.remoteAddress.isEmpty() ? tr("(unknown)") : delivery.remoteAddress);
    setField(Field::Endpoint,
             delivery.endpointName.isEmpty() ? tr("Default inbox") : delivery.endpointName);
}

void OverviewPane::setAnalysis(qint64 deliveryId, const PayloadAnalysis &analysis)
{
    if (deliveryId != m_deliveryId)
        return;
    QString vendor = tr("Not recognised");
    if (!analysis.vendor.isEmpty()) {
        const VendorProfile *profile = VendorRegistry::builtIn().profile(analysis.vendor);
        vendor = profile ? profile->displayName() : analysis.vendor;
    }
    setField(Field::Vendor, vendor);
    setField(Field::Event, analysis.event.isEmpty() ? tr("(unknown)") : analysis.event);
    setField(Field::Content, contentText(analysis), !analysis.valid);
}

QString OverviewPane::verificationText(const DeliveryVerification &verification)
{
    if (!verification.isChecked())
        return tr("Not checked (no signing scheme configured)");
    QString text;
    if (verification.outcome == u"valid"_s)
        text = tr("Valid (%1)").arg(verification.schemeId);
    else if (verification.outcome == u"invalid"_s)
        text = tr("Invalid (%1): %2").arg(verification.schemeId, verification.reason);
    else
        text = tr("Not configured (%1)").arg(verification.schemeId);
    if (!verification.explanation.isEmpty())
        text += u"\n"_s + verification.explanation;
    return text;
}

QString OverviewPane::kindText(ContentKind kind)
{
    switch (kind) {
    case ContentKind::Empty:
        return tr("empty");
    case ContentKind::Json:
        return tr("JSON");
    case ContentKind::Form:
        return tr("form fields");
    case ContentKind::Multipart:
        return tr("multipart");
    case ContentKind::Xml:
        return tr("XML");
    case ContentKind::Text:
        return tr("text");
    case ContentKind::Binary:
        break;
    }
    return tr("binary");
}

QString OverviewPane::contentText(const PayloadAnalysis &analysis)
{
    QStringList parts;
    parts << (analysis.contentType.isEmpty() ? tr("no Content-Type")
                                             : displayText(analysis.contentType));
    QString kind = kindText(analysis.kind);
    if (analysis.kindSniffed)
        kind = tr("%1 (recognised from the bytes)").arg(kind);
    parts << kind;
    if (!analysis.encodings.isEmpty()) {
        QStringList codings;
        for (const QByteArray &coding : analysis.encodings)
            codings << displayText(coding);
        parts << tr("encoded %1").arg(codings.join(u", "_s));
    }
    if (!analysis.charset.isEmpty())
        parts << tr("charset %1").arg(displayText(analysis.charset));
    QString text = parts.join(u" · "_s);
    text += u"\n"_s
            + (analysis.valid ? tr("Valid %1").arg(kindText(analysis.kind))
                              : tr("Not valid: %1").arg(analysis.error));
    return text;
}

} // namespace hookbench
