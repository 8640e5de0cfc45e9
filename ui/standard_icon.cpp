#include "standard_icon.h"

#include <QApplication>

namespace hookbench {

QIcon standardIcon(const QString &themeName, QStyle::StandardPixmap fallback)
{
    if (QIcon::hasThemeIcon(themeName))
        return QIcon::fromTheme(themeName);
    return QApplication::style()->standardIcon(fallback);
}

} // namespace hookbench
