#pragma once

#include "payload/payload_analysis.h"
#include "store/delivery.h"

#include <QHash>
#include <QWidget>

class QFormLayout;
class QLabel;

namespace hookbench {

// The first thing to read about a delivery: who sent it, what it is, whether it verified, and
// when and how fast it arrived. The delivery's own facts show at once; vendor and content follow
// when the payload analysis (run off the GUI thread) arrives.
class OverviewPane : public QWidget
{
    Q_OBJECT

public:
    enum class Field {
        Vendor,
        Event,
        Verification,
        Content,
        Size,
        Received,
        Processing,
        Remote,
        Endpoint
    };

    explicit OverviewPane(QWidget *parent = nullptr);

    void setDelivery(const Delivery &delivery);
    // Ignored unless it is the analysis of the delivery on screen.
    void setAnalysis(qint64 deliveryId, const PayloadAnalysis &analysis);
    void clear();

    QString fieldText(Field field) const;

private:
    void setField(Field field, const QString &text, bool problem = false);
    static QString verificationText(const DeliveryVerification &verification);
    static QString kindText(ContentKind kind);
    static QString contentText(const PayloadAnalysis &analysis);

    QFormLayout *m_form = nullptr;
    QHash<Field, QLabel *> m_values;
    qint64 m_deliveryId = 0;
};

} // namespace hookbench
