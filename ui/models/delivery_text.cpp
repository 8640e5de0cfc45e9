#include "delivery_text.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace hookbench {

QString displayText(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return QString::fromLatin1(bytes);
    return text;
}

QString displayTime(qint64 msecsSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC)
            .toLocalTime()
            .toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
}

QString displaySize(qint64 bytes)
{
    // QLocale says "1 bytes".
    if (bytes == 1)
        return QCoreApplication::translate("hookbench", "1 byte");
    return QLocale().formattedDataSize(bytes, 1);
}

} // namespace hookbench
