#include "standard_icon.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace hookbench {

QIcon standardIcon(const QString &themeName, QStyle::StandardPixmap fallback)
{
    if (QIcon::hasThemeIcon(themeName))
        return QIcon::fromTheme(themeName);
    return QApplication::style()->standardIcon(fallback);
}

QIcon shapeIcon(IconShape shape, const QColor &color)
{
    QIcon icon;
    for (const int size : {16, 24, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        const QRectF box = QRectF(0, 0, size, size)
                                   .adjusted(size * 0.2, size * 0.2, -size * 0.2, -size * 0.2);
        switch (shape) {
        case IconShape::Dot:
            painter.drawEllipse(box.adjusted(size * 0.05, size * 0.05, -size * 0.05, -size * 0.05));
            break;
        case IconShape::Triangle: {
            QPainterPath path;
            path.moveTo(box.topLeft());
            path.lineTo(box.right(), box.center().y());
            path.lineTo(box.bottomLeft());
            path.closeSubpath();
            painter.drawPath(path);
            break;
        }
        case IconShape::Square:
            painter.drawRoundedRect(box, size * 0.08, size * 0.08);
            break;
        }
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QIcon themeIconOrNone(const QString &themeName)
{
    return QIcon::fromTheme(themeName);
}

} // namespace hookbench
