#pragma once

#include <QRect>
#include <QSize>

class QScrollArea;
class QWidget;

// Windows that fit the screen they open on: at 150 % on 1920×1080 (1280×720 logical) and at 100 % on
// 1366×768 every window and dialog opens inside the screen's free area and keeps its buttons in reach.
namespace rounds::screenfit {

// The free area (without task bars and docks) of the screen a widget is on: its parent's screen, or
// the primary screen for a window not shown yet.
QRect available(const QWidget *widget);

// Resizes a top-level window to its preferred size, shrunk to fit the free area of its screen (less a
// margin for the window frame); never smaller than its minimum size hint.
void resizeToScreen(QWidget *window, QSize preferred);

// A page that scrolls instead of forcing its window to its full height: a frameless scroll area
// around it, named after it ("visitFormScrollArea" for "visitForm").
QScrollArea *scrollable(QWidget *page, QWidget *parent);

} // namespace rounds::screenfit
