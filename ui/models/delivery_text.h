#pragma once

#include <QByteArrayView>
#include <QString>

namespace hookbench {

// How raw protocol bytes become text on screen. Methods, targets and header values are bytes on
// the wire; almost every sender writes UTF-8, but HTTP/1.1 historically allowed Latin-1, so bytes
// that are not valid UTF-8 are shown as Latin-1 rather than as replacement characters.
QString displayText(QByteArrayView bytes);

// "2026-11-23 14:16:25.123" in local time: milliseconds matter when requests arrive in bursts.
QString displayTime(qint64 msecsSinceEpoch);

// "1.2 KiB"; below 1 KiB the exact count ("37 bytes"), in the user's locale.
QString displaySize(qint64 bytes);

} // namespace hookbench
