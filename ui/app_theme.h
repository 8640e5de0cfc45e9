#pragma once

#include <QString>

namespace hookbench {

enum class AppTheme {
    System, // whatever the platform theme and style provide
    Light,  // Fusion with its light palette
    Dark,   // Fusion with a dark palette, for desktops without a dark platform theme
};

QString appThemeName(AppTheme theme); // stable, for settings and --theme
AppTheme appThemeFromName(const QString &name);
// Applies to the whole application; widgets repaint themselves.
void applyAppTheme(AppTheme theme);

} // namespace hookbench
