#pragma once

#include <QColor>
#include <QPalette>
#include <QString>
#include <QStringList>

class QWidget;

// The application's look: light, dark or the desktop's, and the colours that carry a meaning (an error,
// a success, a muted note) chosen to stay readable on whichever palette is in force.
namespace rounds::theme {

// "system", "light" or "dark", as Settings offers and preferences::theme() stores them.
QStringList names();

// Records the desktop's own style and palette: call once, right after QApplication exists and before
// apply(), so "system" can go back to them after a light or dark choice.
void rememberSystemLook();

// Applies a theme to the running application at once: "light" and "dark" use the Fusion style with a
// palette of our own; "system" (or anything unknown) restores the desktop's style and palette. Widgets
// coloured with setTone() and the bundled icons follow.
void apply(const QString &name);

// Makes QIcon::fromTheme() find the bundled icons, the set that suits the application's palette; apply()
// calls it, icons:: calls it when nothing has yet.
void useIcons();

// The palette "dark" applies (Fusion, light text on dark grey).
QPalette darkPalette();
// The palette "light" applies (Fusion's own light palette).
QPalette lightPalette();

// True when the palette's window is dark (light text expected).
bool isDark(const QPalette &palette);

// Colours that say something. The shade depends on the palette so the text stays readable.
enum class Tone { Normal, Error, Success, Warning, Muted, Accent };
QColor toneColor(Tone tone, const QPalette &palette);
QColor toneColor(Tone tone); // against the application's palette
// A soft background for a row or banner of that tone; text on it uses the palette's Text colour.
QColor toneBackground(Tone tone, const QPalette &palette);
QColor toneBackground(Tone tone);

// Colours a label's (or any widget's) text with a tone, and keeps it so when the theme changes.
void setTone(QWidget *widget, Tone tone);
// Gives a label a rounded badge look on a soft background of the tone; kept on theme changes.
void setBadgeTone(QWidget *widget, Tone tone);

// WCAG contrast ratio between two colours (1 to 21); 4.5 is the minimum for body text.
double contrastRatio(const QColor &a, const QColor &b);

} // namespace rounds::theme
