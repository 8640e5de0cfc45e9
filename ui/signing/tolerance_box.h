#pragma once

#include <QSpinBox>

namespace hookbench {

// The timestamp tolerance of a scheme in seconds, where 0 reads "Off" (SchemeOptions switches
// the check off at zero), up to a week.
class ToleranceBox : public QSpinBox
{
    Q_OBJECT

public:
    explicit ToleranceBox(QWidget *parent = nullptr);

    // Stored tolerances are 64-bit; one beyond the range is shown as the nearest end.
    void setSeconds(qint64 seconds);
};

} // namespace hookbench
