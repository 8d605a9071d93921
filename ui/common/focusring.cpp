#include "ui/common/focusring.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QPainter>

namespace rounds {

namespace {

// The overlay itself: transparent, mouse clicks pass through to the control under it.
class RingOverlay final : public QWidget
{
public:
    explicit RingOverlay(QWidget *control)
        : QWidget(control)
    {
        setObjectName(QStringLiteral("focusRing"));
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setAttribute(Qt::WA_NoSystemBackground);
        setFocusPolicy(Qt::NoFocus);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing, false);
        QPen pen(FocusRing::colorFor(parentWidget()));
        pen.setWidth(FocusRing::Width);
        pen.setJoinStyle(Qt::MiterJoin);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        // A pen of width 2 straddles the path: inset by one so both pixels fall inside the control.
        p.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    }
};

// The control a focused widget belongs to: a spin box's or an editable combo box's own line edit is
// part of that control.
QWidget *controlOf(QWidget *focus)
{
    for (QWidget *w = focus; w; w = w->parentWidget()) {
        if (qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QComboBox *>(w))
            return w;
        if (w->isWindow())
            break;
    }
    return focus;
}

} // namespace

FocusRing::FocusRing(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    setObjectName(QStringLiteral("focusRingController"));
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) { follow(now); });
    follow(QApplication::focusWidget());
}

FocusRing *FocusRing::install(QWidget *window)
{
    return new FocusRing(window);
}

QColor FocusRing::colorFor(const QWidget *control)
{
    return control->palette().color(QPalette::Active, QPalette::Highlight);
}

void FocusRing::follow(QWidget *focus)
{
    QWidget *control = focus && m_window->isAncestorOf(focus) ? controlOf(focus) : nullptr;
    if (control == m_target && m_ring)
        return;
    if (m_target)
        m_target->removeEventFilter(this);
    m_target = control;
    if (!control) {
        if (m_ring)
            m_ring->hide();
        return;
    }
    control->installEventFilter(this);
    if (!m_ring)
        m_ring = new RingOverlay(control);
    else
        m_ring->setParent(control);
    place();
}

void FocusRing::place()
{
    if (!m_ring || !m_target)
        return;
    m_ring->setGeometry(m_target->rect());
    m_ring->raise();
    m_ring->show();
    m_ring->update();
}

bool FocusRing::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_target) {
        switch (event->type()) {
        case QEvent::Resize:
        case QEvent::ChildAdded: // a control that adds a child (a line edit) must not cover the ring
        case QEvent::PaletteChange:
            place();
            break;
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace rounds
