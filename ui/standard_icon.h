#pragma once

#include <QIcon>
#include <QStyle>

namespace hookbench {

// The desktop theme's icon when there is one (Linux desktops), else the style's own: until the
// project ships its SVG set, every platform still gets a recognisable picture.
QIcon standardIcon(const QString &themeName, QStyle::StandardPixmap fallback);

} // namespace hookbench
