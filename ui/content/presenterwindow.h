#pragma once

// Presenting materials full screen (issue 21 point 3; docs/presenting.md): one material after
// another from the list picked, each page rendered off the UI thread (PresenterRenderer) and fitted to
// the screen at its device pixel ratio, the next and previous pages rendered ahead. Keyboard: Right,
// PgDn, Space next; Left, PgUp previous; Home, End; 1/2/3 or +/0/- the HCP's reaction (positive,
// neutral, negative), shown at once; Esc leaves. Mouse: a click on the right or left half, the wheel.
// Touch: a swipe. A thin strip at the bottom names the material and the page.
//
// Only a material presentable at MaterialQueries::trustedNow is shown, checked again whenever it is
// opened; a file not on this computer, or whose SHA-256 is not the record's, is never shown: the window
// says it is not downloaded yet and emits downloadRequested(). A page that cannot be rendered says so on
// that page; the others still show. Each page shown is recorded by a ContentViewRecorder.

#include "models/contentviews.h"
#include "models/materialqueries.h"
#include "sync/signin.h"

#include <QHash>
#include <QImage>
#include <QPointF>
#include <QSet>
#include <QStringList>
#include <QWidget>

class QTimer;

namespace rounds {

class PresenterRenderer;
class Store;

class PresenterWindow final : public QWidget
{
    Q_OBJECT
public:
    enum class State {
        Loading, // checking and opening the file
        Showing, // pages can be shown
        NotDownloaded, // no whole, checked copy on this computer
        Unavailable, // not presentable now (draft, withdrawn, expired, not valid yet, unreadable record)
        Failed, // the file opened as none of its kind
    };
    Q_ENUM(State)

    // Presents `materialIds` in order; the views are recorded with `context` (its mode, visit and HCP).
    // With an empty context.repId nothing is recorded (a user whose role writes no page views).
    PresenterWindow(Store *store, const ContentViewContext &context, const QStringList &materialIds,
        QWidget *parent = nullptr);
    ~PresenterWindow() override;

    // A preview outside a call (mode preview, no HCP, no visit) of one material, full screen, deleted
    // when closed. Views are recorded only when `account`'s role may write them (a rep).
    static PresenterWindow *preview(
        Store *store, const AccountInfo &account, const QString &materialId, QWidget *parent = nullptr);

    // For tests and the benchmark: the clock views are timed with, and whether the pages next to the
    // one shown are rendered ahead (default true).
    void setClock(const ContentViewRecorder::Clock &clock);
    void setPrerender(bool on) { m_prerender = on; }
    ContentViewRecorder *recorder() const { return m_recorder; }

    State state() const { return m_state; }
    int materialIndex() const { return m_index; }
    int materialCount() const { return int(m_materialIds.size()); }
    QString materialId() const { return m_item.id; }
    int page() const { return m_page; } // 1-based
    int pageCount() const { return m_pageCount; }
    // What the window says instead of (or over) the page, or empty when the page shows.
    QString message() const;
    // The strip's text: material, its place in the list, the page.
    QString stripText() const;
    bool isPageReady() const; // the current page's image is here
    bool pageFailed(int page) const { return m_failed.contains(page); }
    QString reactionOf(int page) const { return m_reactions.value(page); }

    void next();
    void previous();
    void firstPage();
    void lastPage();
    void react(const QString &reaction);
    void showMaterial(int index, bool atLastPage = false);

signals:
    // The file of a material is missing here or damaged: the app may queue its download.
    void downloadRequested(const QString &sha256);
    // The current page was painted with its image (or its failure message): the moment it shows.
    void pageDisplayed(int materialIndex, int page);
    void closed();

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void goToPage(int page);
    void requestPages();
    QSize pageBox() const; // device pixels
    QRect pageArea() const; // logical
    void onOpened(int pageCount, const QString &error, bool hashMismatch);
    void onRendered(int page, const QSize &box, const QImage &image);
    void paintStrip(QPainter &p);
    void paintCentered(QPainter &p, const QRect &area, const QString &text, bool onPage);

    Store *m_store;
    QStringList m_materialIds;
    ContentViewRecorder *m_recorder = nullptr;
    PresenterRenderer *m_renderer = nullptr;
    QTimer *m_flashTimer = nullptr;
    bool m_prerender = true;

    int m_index = -1;
    MaterialItem m_item;
    State m_state = State::Loading;
    QString m_reason; // for Unavailable / Failed
    bool m_openAtEnd = false;
    int m_page = 0;
    int m_pageCount = 0;
    QHash<int, QImage> m_images; // of the current material, for m_box
    QSize m_box;
    QSet<int> m_failed;
    QHash<int, QString> m_reactions; // of the current material, per page
    QString m_flash; // the reaction just given, shown for a moment
    bool m_displayed = false; // pageDisplayed() was emitted for the current page
    double m_wheel = 0;
    QPointF m_touchStart;
};

} // namespace rounds
