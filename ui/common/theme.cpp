#include "ui/common/theme.h"

#include <QApplication>
#include <QIcon>
#include <QPointer>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

#include <cmath>

namespace rounds::theme {

namespace {

const char *const kToneProperty = "roundsTone";
const char *const kBadgeProperty = "roundsBadgeTone";

struct SystemLook
{
    QString style;
    QPalette palette;
    bool known = false;
    bool overridden = false; // light or dark is in force
};

SystemLook &systemLook()
{
    static SystemLook look;
    return look;
}

void paintTone(QWidget *widget, Tone tone)
{
    const QPalette app = QApplication::palette();
    QPalette p = widget->palette();
    const QColor color = tone == Tone::Normal ? app.color(QPalette::WindowText) : toneColor(tone, app);
    p.setColor(QPalette::WindowText, color);
    p.setColor(QPalette::Text, tone == Tone::Normal ? app.color(QPalette::Text) : color);
    widget->setPalette(p);
}

void paintBadge(QWidget *widget, Tone tone)
{
    const QPalette app = QApplication::palette();
    const QColor text = tone == Tone::Normal ? app.color(QPalette::Text) : toneColor(tone, app);
    widget->setStyleSheet(QStringLiteral("QLabel { padding: 2px 8px; border-radius: 8px; background: %1; "
                                         "color: %2; }")
                              .arg(toneBackground(tone, app).name(), text.name()));
}

} // namespace

// The icon set whose strokes contrast with the palette's window (Breeze for light, Breeze Dark for dark).
void useIcons()
{
    const QPalette palette = QApplication::palette();
    QStringList paths = QIcon::themeSearchPaths();
    if (!paths.contains(QStringLiteral(":/icons"))) {
        paths.prepend(QStringLiteral(":/icons"));
        QIcon::setThemeSearchPaths(paths);
    }
    QIcon::setThemeName(
        isDark(palette) ? QStringLiteral("rounds-breeze-dark") : QStringLiteral("rounds-breeze"));
}

namespace {

double luminance(const QColor &c)
{
    const auto channel
        = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

} // namespace

QStringList names()
{
    return {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};
}

void rememberSystemLook()
{
    SystemLook &look = systemLook();
    if (look.known)
        return;
    look.style = QApplication::style() ? QApplication::style()->name() : QString();
    look.palette = QApplication::palette();
    look.known = true;
}

QPalette lightPalette()
{
    QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    QPalette p = fusion->standardPalette();
    delete fusion;
    return p;
}

QPalette darkPalette()
{
    const QColor window(0x2b, 0x2e, 0x33);
    const QColor base(0x1e, 0x20, 0x24);
    const QColor text(0xe8, 0xea, 0xed);
    const QColor disabled(0x8a, 0x8f, 0x98);
    const QColor highlight(0x3d, 0xae, 0xe9);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x29, 0x2e));
    p.setColor(QPalette::ToolTipBase, QColor(0x31, 0x36, 0x3b));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa6, 0xae));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x33, 0x37, 0x3d));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4f, 0x57));
    p.setColor(QPalette::Midlight, QColor(0x3c, 0x40, 0x47));
    // Mid is used as a secondary text colour by some widgets and style sheets: keep it readable.
    p.setColor(QPalette::Mid, QColor(0x9a, 0xa0, 0xa8));
    p.setColor(QPalette::Dark, QColor(0x18, 0x1a, 0x1d));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0d, 0x0f));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, QColor(0x10, 0x12, 0x14));
    p.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x94, 0xf5));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabled);
    }
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x55, 0x5c));
    return p;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

void apply(const QString &name)
{
    rememberSystemLook();
    SystemLook &look = systemLook();
    if (name == QLatin1String("light") || name == QLatin1String("dark")) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(name == QLatin1String("dark") ? darkPalette() : lightPalette());
        look.overridden = true;
    } else if (look.overridden) {
        // Back from light or dark; untouched otherwise, so Qt keeps following the desktop's palette.
        if (!look.style.isEmpty() && QApplication::style()->name() != look.style)
            QApplication::setStyle(QStyleFactory::create(look.style));
        QApplication::setPalette(look.palette);
        look.overridden = false;
    }
    useIcons();
    // Widgets with a meaningful colour keep the meaning in the new palette's shade.
    for (QWidget *widget : QApplication::allWidgets()) {
        const QVariant tone = widget->property(kToneProperty);
        if (tone.isValid())
            paintTone(widget, Tone(tone.toInt()));
        const QVariant badge = widget->property(kBadgeProperty);
        if (badge.isValid())
            paintBadge(widget, Tone(badge.toInt()));
    }
}

QColor toneColor(Tone tone, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Normal:
        return palette.color(QPalette::Text);
    case Tone::Error:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
    case Tone::Success:
        return dark ? QColor(0x7e, 0xd3, 0x88) : QColor(0x17, 0x6d, 0x2f);
    case Tone::Warning:
        return dark ? QColor(0xff, 0xc1, 0x4d) : QColor(0x8a, 0x5a, 0x00);
    case Tone::Muted:
        return palette.color(QPalette::PlaceholderText);
    case Tone::Accent:
        return dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1f, 0x5f, 0xbf);
    }
    return palette.color(QPalette::Text);
}

QColor toneColor(Tone tone)
{
    return toneColor(tone, QApplication::palette());
}

QColor toneBackground(Tone tone, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Error:
        return dark ? QColor(0x5c, 0x24, 0x26) : QColor(0xfd, 0xe2, 0xe1);
    case Tone::Success:
        return dark ? QColor(0x1f, 0x44, 0x2a) : QColor(0xdf, 0xf3, 0xe4);
    case Tone::Warning:
        return dark ? QColor(0x4d, 0x3c, 0x14) : QColor(0xff, 0xf4, 0xd6);
    case Tone::Accent:
        return dark ? QColor(0x1f, 0x35, 0x55) : QColor(0xdd, 0xea, 0xfb);
    case Tone::Normal:
    case Tone::Muted:
        return palette.color(QPalette::AlternateBase);
    }
    return palette.color(QPalette::Base);
}

QColor toneBackground(Tone tone)
{
    return toneBackground(tone, QApplication::palette());
}

void setTone(QWidget *widget, Tone tone)
{
    widget->setProperty(kToneProperty, int(tone));
    paintTone(widget, tone);
}

void setBadgeTone(QWidget *widget, Tone tone)
{
    widget->setProperty(kBadgeProperty, int(tone));
    paintBadge(widget, tone);
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace rounds::theme
