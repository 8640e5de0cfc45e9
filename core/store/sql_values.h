#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

namespace hookbench::sql {

// Qt binds a null QString or QByteArray as SQL NULL; our NOT NULL columns want empty values.
inline QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString(QLatin1StringView(""))) : QVariant(value);
}

inline QVariant text(const QByteArray &latin1)
{
    return text(QString::fromLatin1(latin1));
}

inline QVariant blob(const QByteArray &bytes)
{
    return bytes.isNull() ? QVariant(QByteArray("")) : QVariant(bytes);
}

} // namespace hookbench::sql
