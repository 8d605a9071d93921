#pragma once

#include <QPointer>
#include <QWidget>

namespace rounds {

// A ring in the palette's Highlight colour around the control that has the keyboard focus inside one
// window, drawn over the control's edge, so a keyboard user always sees where they are. The styles' own
// focus marks are faint or missing for several controls (combo boxes, spin boxes, text fields in
// Fusion) and vanish on dark palettes; the ring takes its colour from the control's palette, so it
// follows a light or dark palette alike.
class FocusRing final : public QObject
{
    Q_OBJECT
public:
    // Follows the focus inside `window` (and its child widgets) for the window's lifetime.
    static FocusRing *install(QWidget *window);

    // The control the ring is drawn around; null when the focus is outside the window.
    QWidget *target() const { return m_target; }
    // The colour the ring is drawn in around `control`.
    static QColor colorFor(const QWidget *control);
    // The ring's width in device-independent pixels.
    static constexpr int Width = 2;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit FocusRing(QWidget *window);
    void follow(QWidget *focus);
    void place();

    QWidget *m_window;
    QPointer<QWidget> m_target;
    QPointer<QWidget> m_ring; // a child of the target; deleted with it
};

} // namespace rounds
