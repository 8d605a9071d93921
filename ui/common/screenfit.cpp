#include "ui/common/screenfit.h"

#include <QGuiApplication>
#include <QScreen>
#include <QScrollArea>
#include <QWidget>

namespace rounds::screenfit {

namespace {
// Room for the title bar and borders the window manager adds around a top-level window.
constexpr int kFrameWidth = 16;
constexpr int kFrameHeight = 48;
} // namespace

QRect available(const QWidget *widget)
{
    QScreen *screen = nullptr;
    if (widget) {
        const QWidget *anchor = widget->parentWidget() ? widget->parentWidget()->window() : widget;
        screen = anchor->screen();
    }
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    return screen ? screen->availableGeometry() : QRect(0, 0, 1280, 720);
}

void resizeToScreen(QWidget *window, QSize preferred)
{
    const QRect area = available(window);
    const QSize room(area.width() - kFrameWidth, area.height() - kFrameHeight);
    window->resize(preferred.boundedTo(room).expandedTo(window->minimumSizeHint()));
}

QScrollArea *scrollable(QWidget *page, QWidget *parent)
{
    auto *area = new QScrollArea(parent);
    area->setObjectName(page->objectName() + QStringLiteral("ScrollArea"));
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    // Not a stop of its own in the Tab chain: the focus goes from control to control inside it, and the
    // area scrolls to the one that has it.
    area->setFocusPolicy(Qt::NoFocus);
    area->setWidget(page);
    return area;
}

} // namespace rounds::screenfit
