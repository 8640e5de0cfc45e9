#include "tolerance_box.h"

#include <algorithm>

namespace hookbench {

namespace {
constexpr int maximumSeconds = 7 * 24 * 3600;
constexpr int defaultSeconds = 300;
} // namespace

ToleranceBox::ToleranceBox(QWidget *parent)
    : QSpinBox(parent)
{
    setRange(0, maximumSeconds);
    setValue(defaultSeconds);
    setSuffix(tr(" s"));
    setSpecialValueText(tr("Off"));
    setToolTip(tr("How far a signed timestamp may be from the time of receipt, either way. "
                  "Off accepts any age, to check old deliveries."));
}

void ToleranceBox::setSeconds(qint64 seconds)
{
    setValue(static_cast<int>(std::clamp<qint64>(seconds, 0, maximumSeconds)));
}

} // namespace hookbench
