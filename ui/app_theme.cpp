#include "app_theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

using namespace Qt::StringLiterals;

namespace hookbench {

namespace {
QPalette darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xdf, 0xe1, 0xe5);
    const QColor disabledText(0x80, 0x84, 0x8a);
    const QColor highlight(0x2f, 0x65, 0xca);

    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    palette.setColor(QPalette::ToolTipBase, window);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, disabledText);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::white);
    palette.setColor(QPalette::Light, QColor(0x3c, 0x3f, 0x41));
    palette.setColor(QPalette::Midlight, QColor(0x35, 0x37, 0x3a));
    palette.setColor(QPalette::Mid, QColor(0x24, 0x25, 0x28));
    palette.setColor(QPalette::Dark, QColor(0x19, 0x1a, 0x1c));
    palette.setColor(QPalette::Shadow, Qt::black);
    palette.setColor(QPalette::Highlight, highlight);
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x58, 0x9d, 0xf6));
    palette.setColor(QPalette::LinkVisited, QColor(0xa3, 0x7a, 0xf0));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabledText);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x3c, 0x3f, 0x41));
    return palette;
}

// The style the platform chose at startup, so "System" can go back to it.
QString &platformStyleName()
{
    static QString name = QApplication::style()->name();
    return name;
}
} // namespace

QString appThemeName(AppTheme theme)
{
    switch (theme) {
    case AppTheme::Light:
        return u"light"_s;
    case AppTheme::Dark:
        return u"dark"_s;
    case AppTheme::System:
        break;
    }
    return u"system"_s;
}

AppTheme appThemeFromName(const QString &name)
{
    if (name == u"light"_s)
        return AppTheme::Light;
    if (name == u"dark"_s)
        return AppTheme::Dark;
    return AppTheme::System;
}

void applyAppTheme(AppTheme theme)
{
    const QString platformStyle = platformStyleName();
    switch (theme) {
    case AppTheme::System:
        QApplication::setStyle(QStyleFactory::create(platformStyle));
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case AppTheme::Light:
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case AppTheme::Dark:
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QApplication::setPalette(darkPalette());
        break;
    }
}

} // namespace hookbench
