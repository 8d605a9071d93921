#include "ui/content/presenterwindow.h"

#include "common/protocol/enumlabels.h"
#include "models/localfiles.h"
#include "models/store.h"
#include "ui/content/presenterrenderer.h"

#include <QCloseEvent>
#include <QFile>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>
#include <QTouchEvent>
#include <QWheelEvent>

namespace rounds {

namespace {

constexpr int kStripHeight = 30; // logical pixels
constexpr int kSwipe = 60; // logical pixels a touch must travel to turn a page
const QColor kBackground(0x12, 0x12, 0x12);

QColor reactionColor(const QString &reaction)
{
    if (reaction == QLatin1String("positive"))
        return QColor(0x2e, 0x7d, 0x32);
    if (reaction == QLatin1String("negative"))
        return QColor(0xc6, 0x28, 0x28);
    return QColor(0x61, 0x61, 0x61);
}

QString reactionLabel(const QString &reaction)
{
    return EnumLabels::label(QStringLiteral("content_view"), QStringLiteral("reaction"), reaction);
}

} // namespace

PresenterWindow::PresenterWindow(
    Store *store, const ContentViewContext &context, const QStringList &materialIds, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_store(store)
    , m_materialIds(materialIds)
    , m_renderer(new PresenterRenderer(this))
    , m_flashTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("presenterWindow"));
    setWindowTitle(tr("Presenting"));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_AcceptTouchEvents);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(320, 240);
    if (!context.repId.isEmpty())
        m_recorder = new ContentViewRecorder(store, context, this);
    m_flashTimer->setSingleShot(true);
    m_flashTimer->setInterval(1500);
    connect(m_flashTimer, &QTimer::timeout, this, [this] {
        m_flash.clear();
        update();
    });
    connect(m_renderer, &PresenterRenderer::opened, this, &PresenterWindow::onOpened);
    connect(m_renderer, &PresenterRenderer::rendered, this,
        [this](int page, const QSize &box, const QImage &image, qint64) { onRendered(page, box, image); });
    // Opened from the event loop, so whoever made the window has connected downloadRequested() first.
    if (!m_materialIds.isEmpty())
        QMetaObject::invokeMethod(
            this, [this] { showMaterial(0); }, Qt::QueuedConnection);
}

PresenterWindow::~PresenterWindow()
{
    if (m_recorder)
        m_recorder->finish(); // written by the recorder's destructor
}

PresenterWindow *PresenterWindow::preview(
    Store *store, const AccountInfo &account, const QString &materialId, QWidget *parent)
{
    ContentViewContext context;
    context.mode = QStringLiteral("preview");
    context.territoryId = account.territoryIds.value(0);
    // Page views are a rep's records: an admin checking a material in the library leaves none.
    if (store->policy().mayCreate(QStringLiteral("content_view")) && !context.territoryId.isEmpty())
        context.repId = account.userId;
    auto *window = new PresenterWindow(store, context, {materialId}, parent);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->showFullScreen();
    window->activateWindow();
    return window;
}

void PresenterWindow::setClock(const ContentViewRecorder::Clock &clock)
{
    if (m_recorder)
        m_recorder->setClock(clock);
}

void PresenterWindow::showMaterial(int index, bool atLastPage)
{
    if (index < 0 || index >= m_materialIds.size())
        return;
    if (m_recorder)
        m_recorder->finish();
    m_index = index;
    m_openAtEnd = atLastPage;
    m_images.clear();
    m_failed.clear();
    m_reactions.clear();
    m_page = 0;
    m_pageCount = 0;
    m_reason.clear();
    m_displayed = false;
    m_item = MaterialItem();
    m_item.id = m_materialIds.at(index);
    // Checked again at every opening, at a time a clock set back cannot move: a material that expired
    // since the list was picked is not shown.
    QString error;
    const QDate today = MaterialQueries::trustedNow(m_store).toLocalTime().date();
    if (!MaterialQueries::byId(m_store, m_item.id, today, &m_item, &error)) {
        m_state = State::Unavailable;
        m_reason = tr("This material cannot be read: %1").arg(error);
    } else if (!m_item.presentable()) {
        m_state = State::Unavailable;
        switch (m_item.availability) {
        case protocol::content::Availability::Expired:
            m_reason = tr("“%1” has expired and may no longer be presented.").arg(m_item.title);
            break;
        case protocol::content::Availability::Withdrawn:
            m_reason = tr("“%1” was withdrawn and may no longer be presented.").arg(m_item.title);
            break;
        case protocol::content::Availability::NotYetValid:
            m_reason = tr("“%1” may not be presented before %2.")
                           .arg(m_item.title, QLocale().toString(m_item.validFrom, QLocale::ShortFormat));
            break;
        default:
            m_reason = tr("“%1” is not approved and may not be presented.").arg(m_item.title);
        }
    } else if (m_item.localPath.isEmpty()) {
        m_state = State::NotDownloaded;
        emit downloadRequested(m_item.sha256);
    } else {
        m_state = State::Loading;
        m_renderer->open(m_item.localPath, m_item.kind, m_item.sha256);
    }
    update();
}

void PresenterWindow::onOpened(int pageCount, const QString &error, bool hashMismatch)
{
    if (hashMismatch) {
        // Damaged or not the file the record names: never shown, fetched again. A damaged download is
        // moved aside (files/<sha256>.damaged, kept for support) so the download queue sees it missing;
        // a file this computer recorded itself (evidence/) is left alone.
        m_state = State::NotDownloaded;
        m_reason = error;
        if (m_store && m_item.localPath == localfiles::downloadPathFor(m_store->path(), m_item.sha256)) {
            const QString aside = m_item.localPath + QStringLiteral(".damaged");
            QFile::remove(aside);
            QFile::rename(m_item.localPath, aside);
        }
        emit downloadRequested(m_item.sha256);
    } else if (!error.isEmpty() || pageCount <= 0) {
        m_state = State::Failed;
        m_reason = error;
    } else {
        m_state = State::Showing;
        m_pageCount = pageCount;
        goToPage(m_openAtEnd ? pageCount : 1);
        return;
    }
    update();
}

void PresenterWindow::goToPage(int page)
{
    if (m_state != State::Showing || page < 1 || page > m_pageCount)
        return;
    if (page == m_page && m_displayed)
        return;
    m_page = page;
    m_displayed = false;
    // A page known not to render shows its message and is no view of the material.
    if (m_recorder) {
        if (m_failed.contains(page))
            m_recorder->finish();
        else
            m_recorder->pageShown(m_item.id, m_item.version, page);
    }
    requestPages();
    update();
}

QRect PresenterWindow::pageArea() const
{
    return rect().adjusted(0, 0, 0, -kStripHeight);
}

QSize PresenterWindow::pageBox() const
{
    const double dpr = devicePixelRatioF();
    return (QSizeF(pageArea().size()) * dpr).toSize();
}

void PresenterWindow::requestPages()
{
    if (m_state != State::Showing)
        return;
    const QSize box = pageBox();
    if (box != m_box) {
        m_images.clear();
        m_box = box;
    }
    QList<int> wanted {m_page};
    if (m_prerender)
        wanted << m_page + 1 << m_page - 1;
    QList<int> missing;
    for (int p : std::as_const(wanted)) {
        if (p >= 1 && p <= m_pageCount && !m_images.contains(p) && !m_failed.contains(p))
            missing << p;
    }
    // Pages far from the one shown leave the cache.
    for (auto it = m_images.begin(); it != m_images.end();)
        it = qAbs(it.key() - m_page) > 2 ? m_images.erase(it) : std::next(it);
    m_renderer->want(missing, box);
}

void PresenterWindow::onRendered(int page, const QSize &box, const QImage &image)
{
    if (m_state != State::Showing || box != m_box)
        return;
    if (image.isNull()) {
        m_failed.insert(page);
        if (page == m_page && m_recorder)
            m_recorder->finish(); // what was on screen was the failure message (no reaction possible)
    } else {
        QImage scaled = image;
        scaled.setDevicePixelRatio(devicePixelRatioF());
        m_images.insert(page, scaled);
    }
    if (page == m_page)
        update();
}

bool PresenterWindow::isPageReady() const
{
    return m_state == State::Showing && m_images.contains(m_page);
}

QString PresenterWindow::message() const
{
    switch (m_state) {
    case State::Loading:
        return tr("Opening “%1”…").arg(m_item.title);
    case State::NotDownloaded:
        return m_reason.isEmpty()
            ? tr("“%1” is not downloaded yet. It will be fetched as soon as this computer is online.")
                  .arg(m_item.title)
            : tr(
                "“%1” is not downloaded yet: the copy on this computer is damaged. It will be fetched again.")
                  .arg(m_item.title);
    case State::Unavailable:
        return m_reason;
    case State::Failed:
        return tr("“%1” could not be opened.").arg(m_item.title);
    case State::Showing:
        return m_failed.contains(m_page) ? tr("This page could not be shown") : QString();
    }
    return {};
}

QString PresenterWindow::stripText() const
{
    QString text = m_item.title.isEmpty() ? tr("Material") : m_item.title;
    if (m_materialIds.size() > 1)
        text += QStringLiteral("  ·  ") + tr("material %1 of %2").arg(m_index + 1).arg(m_materialIds.size());
    if (m_state == State::Showing)
        text += QStringLiteral("  ·  ") + tr("page %1 of %2").arg(m_page).arg(m_pageCount);
    return text;
}

void PresenterWindow::next()
{
    // While a material opens (a fraction of a second) a key does not skip it.
    if (m_state == State::Loading)
        return;
    if (m_state == State::Showing && m_page < m_pageCount)
        goToPage(m_page + 1);
    else if (m_index + 1 < m_materialIds.size())
        showMaterial(m_index + 1);
}

void PresenterWindow::previous()
{
    if (m_state == State::Loading)
        return;
    if (m_state == State::Showing && m_page > 1)
        goToPage(m_page - 1);
    else if (m_index > 0)
        showMaterial(m_index - 1, true);
}

void PresenterWindow::firstPage()
{
    goToPage(1);
}

void PresenterWindow::lastPage()
{
    goToPage(m_pageCount);
}

void PresenterWindow::react(const QString &reaction)
{
    if (m_state != State::Showing || m_failed.contains(m_page))
        return;
    if (m_recorder && !m_recorder->setReaction(reaction))
        return;
    m_reactions.insert(m_page, reaction);
    m_flash = reaction;
    m_flashTimer->start();
    update();
}

void PresenterWindow::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_PageDown:
    case Qt::Key_Space:
    case Qt::Key_Down:
        next();
        return;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
    case Qt::Key_Backspace:
    case Qt::Key_Up:
        previous();
        return;
    case Qt::Key_Home:
        firstPage();
        return;
    case Qt::Key_End:
        lastPage();
        return;
    case Qt::Key_1:
    case Qt::Key_Plus:
        react(QStringLiteral("positive"));
        return;
    case Qt::Key_2:
    case Qt::Key_0:
        react(QStringLiteral("neutral"));
        return;
    case Qt::Key_3:
    case Qt::Key_Minus:
        react(QStringLiteral("negative"));
        return;
    case Qt::Key_Escape:
        close();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void PresenterWindow::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    if (event->position().x() >= width() / 2.0)
        next();
    else
        previous();
}

void PresenterWindow::wheelEvent(QWheelEvent *event)
{
    // One page per notch (120), touchpads adding up their small steps.
    m_wheel += event->angleDelta().y() != 0 ? event->angleDelta().y() : event->angleDelta().x();
    while (m_wheel <= -120) {
        m_wheel += 120;
        next();
    }
    while (m_wheel >= 120) {
        m_wheel -= 120;
        previous();
    }
    event->accept();
}

bool PresenterWindow::event(QEvent *event)
{
    switch (event->type()) {
    case QEvent::TouchBegin: {
        auto *touch = static_cast<QTouchEvent *>(event);
        if (!touch->points().isEmpty())
            m_touchStart = touch->points().first().position();
        event->accept();
        return true;
    }
    case QEvent::TouchUpdate:
        event->accept();
        return true;
    case QEvent::TouchEnd: {
        auto *touch = static_cast<QTouchEvent *>(event);
        if (!touch->points().isEmpty()) {
            const QPointF end = touch->points().first().position();
            const qreal dx = end.x() - m_touchStart.x();
            if (qAbs(dx) >= kSwipe && qAbs(dx) > qAbs(end.y() - m_touchStart.y())) {
                if (dx < 0)
                    next(); // swiping left brings the next page, as on a tablet
                else
                    previous();
            } else if (qAbs(dx) < 10) {
                if (end.x() >= width() / 2.0)
                    next();
                else
                    previous();
            }
        }
        event->accept();
        return true;
    }
    default:
        return QWidget::event(event);
    }
}

void PresenterWindow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    requestPages();
}

void PresenterWindow::closeEvent(QCloseEvent *event)
{
    if (m_recorder) {
        m_recorder->finish();
        m_recorder->flush();
    }
    emit closed();
    QWidget::closeEvent(event);
}

void PresenterWindow::paintCentered(QPainter &p, const QRect &area, const QString &text, bool onPage)
{
    QFont font = p.font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    p.setFont(font);
    const int width = qMin(area.width() - 40, 900);
    QRect box = p.fontMetrics().boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap, text);
    box = box.marginsAdded(QMargins(24, 18, 24, 18));
    box.moveCenter(area.center());
    if (onPage) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xff, 0xf3, 0xe0));
        p.drawRoundedRect(box, 8, 8);
        p.setPen(QColor(0x5d, 0x40, 0x37));
    } else {
        p.setPen(QColor(0xee, 0xee, 0xee));
    }
    p.drawText(box, Qt::AlignCenter | Qt::TextWordWrap, text);
}

void PresenterWindow::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), kBackground);
    const QRect area = pageArea();
    const QString text = message();
    const bool painted
        = m_state == State::Showing && (m_images.contains(m_page) || m_failed.contains(m_page));
    if (m_state == State::Showing && m_images.contains(m_page)) {
        const QImage &image = m_images.value(m_page);
        const QSizeF logical = QSizeF(image.size()) / image.devicePixelRatio();
        QRectF target(QPointF(0, 0), logical);
        target.moveCenter(QRectF(area).center());
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        p.drawImage(target, image);
    } else if (!text.isEmpty()) {
        paintCentered(p, area, text, m_state == State::Showing);
    }
    if (!m_flash.isEmpty()) {
        QFont big = this->font();
        big.setPointSizeF(big.pointSizeF() * 1.8);
        big.setBold(true);
        p.setFont(big);
        const QString label = reactionLabel(m_flash);
        QRect badge = p.fontMetrics().boundingRect(label).marginsAdded(QMargins(28, 14, 28, 14));
        // At the foot of the page, where a slide's title never is, outlined to stand out on any colour.
        badge.moveCenter(QPoint(area.center().x(), area.bottom() - 24 - badge.height() / 2));
        p.setPen(QPen(Qt::white, 2));
        p.setBrush(reactionColor(m_flash));
        p.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2);
        p.setPen(Qt::white);
        p.drawText(badge, Qt::AlignCenter, label);
    }
    paintStrip(p);
    p.end();
    if (painted && !m_displayed) {
        m_displayed = true;
        emit pageDisplayed(m_index, m_page);
    }
}

void PresenterWindow::paintStrip(QPainter &p)
{
    const QRect strip(0, height() - kStripHeight, width(), kStripHeight);
    p.fillRect(strip, QColor(0x26, 0x26, 0x26));
    if (m_state == State::Showing && m_pageCount > 0) {
        // How far into the material: a thin line along the strip's top edge.
        const int done = int(qint64(strip.width()) * m_page / m_pageCount);
        p.fillRect(QRect(strip.left(), strip.top(), done, 3), QColor(0x42, 0xa5, 0xf5));
    }
    p.setFont(this->font());
    p.setPen(QColor(0xdd, 0xdd, 0xdd));
    const QRect text = strip.adjusted(12, 3, -12, 0);
    p.drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
        p.fontMetrics().elidedText(stripText(), Qt::ElideMiddle, text.width() / 2));
    QString right = tr("1 / 2 / 3: reaction  ·  Esc: leave");
    const QString reaction = m_reactions.value(m_page);
    if (!reaction.isEmpty()) {
        // The reaction kept for this page, as a coloured tag before the hint.
        const QString tag = reactionLabel(reaction);
        const int w = p.fontMetrics().horizontalAdvance(tag) + 16;
        const int hintWidth = p.fontMetrics().horizontalAdvance(right);
        QRect chip(text.right() - hintWidth - 12 - w, strip.top() + 6, w, kStripHeight - 10);
        p.setPen(Qt::NoPen);
        p.setBrush(reactionColor(reaction));
        p.drawRoundedRect(chip, 4, 4);
        p.setPen(Qt::white);
        p.drawText(chip, Qt::AlignCenter, tag);
        p.setPen(QColor(0xdd, 0xdd, 0xdd));
    }
    p.setPen(QColor(0x9e, 0x9e, 0x9e));
    p.drawText(text, Qt::AlignVCenter | Qt::AlignRight, right);
}

} // namespace rounds
