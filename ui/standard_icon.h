#pragma once

#include <QIcon>
#include <QStyle>

namespace hookbench {

// The desktop theme's icon when there is one (Linux desktops), else the style's own: until the
// project ships its SVG set, every platform still gets a recognisable picture.
QIcon standardIcon(const QString &themeName, QStyle::StandardPixmap fallback);
// For actions the style has no fitting picture for (copy, settings): the theme's icon or none,
// since a wrong picture (a floppy disk for "copy") misleads more than text alone.
QIcon themeIconOrNone(const QString &themeName);

enum class IconShape { Dot, Triangle, Square };
// A small coloured shape for states (listening, stopped, failed) and start/stop: the style's
// media icons are black, which vanishes on a dark palette.
QIcon shapeIcon(IconShape shape, const QColor &color);

} // namespace hookbench
