// The presenter (ui/content/presenterwindow.h) and its place in the visit dialog, offscreen, over a real
// store and real PDF files made here: pages that show (their colour read back from the window), keys,
// mouse, wheel and touch; a reaction recorded and shown; page-view durations on a clock the test moves;
// an expired or withdrawn material refused; a missing or wrong file never shown (and asked for); the
// hash checked once per file; a PDF with one broken page showing the others; an image as one page; the
// visit dialog saving a new visit first and proposing the key messages of the pages viewed; a preview.
// With ROUNDS_SCREENSHOT_DIR set, screenshots of the picker and the presenter in English and Chinese.

#include "common/protocol/values.h"
#include "models/contentviews.h"
#include "models/localfiles.h"
#include "models/store.h"
#include "ui/content/presenterpicker.h"
#include "ui/content/presenterrenderer.h"
#include "ui/content/presenterwindow.h"
#include "ui/visits/visitdialog.h"
#include "uitest.h"

#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QListWidget>
#include <QPainter>
#include <QPdfWriter>
#include <QPointingDevice>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace rounds;

namespace {

const QString kTerritory = QStringLiteral("0c6f0d3c-58f6-4d6e-9d2c-6b1f4f0d0001");
const QString kBucket = QStringLiteral("t:") + kTerritory;

// The colour of page `n` (1-based) of the generated PDFs: far apart, so a pixel tells the page.
QColor pageColour(int n)
{
    static const QColor colours[] = {QColor(200, 40, 40), QColor(40, 160, 60), QColor(40, 80, 200),
        QColor(220, 180, 30), QColor(150, 50, 170), QColor(30, 170, 170)};
    return colours[(n - 1) % 6];
}

// A PDF of `pages` pages, each filled with pageColour(n), with its number written and a few shapes.
QByteArray makePdf(int pages, const QString &title = QStringLiteral("Amlodin"))
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setResolution(72);
    writer.setTitle(title);
    QPainter p(&writer);
    for (int n = 1; n <= pages; ++n) {
        if (n > 1)
            writer.newPage();
        const QRect r(0, 0, writer.width(), writer.height());
        p.fillRect(r, pageColour(n));
        p.setPen(QPen(Qt::white, 4));
        p.drawEllipse(r.center(), 60, 60);
        QFont f = p.font();
        f.setPointSize(28);
        p.setFont(f);
        p.drawText(r.adjusted(30, 30, -30, -30), Qt::AlignTop | Qt::AlignLeft,
            QStringLiteral("%1 — page %2 / 第%2页").arg(title).arg(n));
    }
    p.end();
    return bytes;
}

// A hand-made PDF of three pages (red, green, blue) whose page tree says 3 pages but whose second page is
// no page at all (a string where the page dictionary should be): that page cannot be loaded.
QByteArray makeBrokenPdf()
{
    QList<QByteArray> objects;
    objects << "<< /Type /Catalog /Pages 2 0 R >>";
    objects << "<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>";
    objects << "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Contents 6 0 R >>";
    objects << "(this page was damaged)";
    objects << "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Contents 8 0 R >>";
    for (const char *colour : {"0.784 0.157 0.157", "0.157 0.627 0.235", "0.157 0.314 0.784"}) {
        const QByteArray stream = QByteArray(colour) + " rg 0 0 400 300 re f";
        objects << "<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" + stream
                + "\nendstream";
    }
    QByteArray pdf = "%PDF-1.4\n";
    QList<int> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets << int(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const int xref = int(pdf.size());
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (int o : offsets)
        pdf += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
        + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

PulledChange change(const QString &entity, const QString &id, const QJsonObject &fields)
{
    PulledChange c;
    static const QStringList global {QStringLiteral("product"), QStringLiteral("key_message"),
        QStringLiteral("material"), QStringLiteral("material_key_message")};
    c.bucket = global.contains(entity) ? QStringLiteral("global") : kBucket;
    c.entity = entity;
    c.id = id;
    c.record = fields;
    c.record.insert(QStringLiteral("id"), id);
    c.record.insert(QStringLiteral("version"), 1);
    c.record.insert(QStringLiteral("updated_at"), QStringLiteral("2026-01-01T00:00:00.000Z"));
    return c;
}

struct ManualClock
{
    QDateTime t = QDateTime(QDate(2026, 11, 20), QTime(6, 31), Qt::UTC);
    void advance(qint64 ms) { t = t.addMSecs(ms); }
    ContentViewRecorder::Clock fn()
    {
        return [this] { return t; };
    }
};

struct Fixture
{
    QTemporaryDir dir;
    Store store;
    QString products[2] = {protocol::newUuid(), protocol::newUuid()};
    QString hcp = protocol::newUuid();
    QString rep = protocol::newUuid();
    QHash<QString, QString> message; // text -> key message id
    AccountInfo account;
    qint64 cursor = 3;

    bool open()
    {
        if (!store.open(dir.filePath(QStringLiteral("rounds.db"))).ok)
            return false;
        QDir().mkpath(localfiles::downloadFolderFor(store.path()));
        QList<PulledChange> page;
        page << change(QStringLiteral("product"), products[0], {{"name", "Amlodin"}, {"active", true}});
        page << change(QStringLiteral("product"), products[1], {{"name", "Betacor"}, {"active", true}});
        page << change(QStringLiteral("hcp"), hcp, {{"full_name", "王建华"}, {"status", "active"}});
        for (const char *text : {"Once daily", "Fewer oedemas", "Elderly data"}) {
            const QString id = protocol::newUuid();
            message.insert(QString::fromUtf8(text), id);
            page << change(QStringLiteral("key_message"), id,
                {{"product_id", products[0]}, {"text", text}, {"active", true}});
        }
        account.userId = rep;
        account.role = QStringLiteral("rep");
        account.territoryIds = {kTerritory};
        const ApplyResult applied
            = store.applyPage(page, {{kBucket, 10}, {QStringLiteral("global"), cursor}});
        if (!applied.ok)
            qWarning("apply: %s", qPrintable(applied.error));
        return applied.ok;
    }

    // A material whose file holds `bytes` (written to this computer unless `onDisk` is false); `fields`
    // override the approved, open-ended defaults.
    QString addMaterial(const QByteArray &bytes, const QJsonObject &fields = {}, bool onDisk = true,
        const QString &product = {}, const QList<QPair<QString, int>> &messages = {})
    {
        const QString id = protocol::newUuid();
        const QString hash = sha256(bytes);
        QJsonObject f {{"title", "Amlodin in practice"},
            {"product_id", product.isEmpty() ? products[0] : product}, {"kind", "pdf"},
            {"status", "approved"}, {"material_version", 2}, {"language", "en"},
            {"file", QStringLiteral("sha256:%1:m.pdf").arg(hash)}, {"file_size", qint64(bytes.size())}};
        for (auto it = fields.begin(); it != fields.end(); ++it)
            f.insert(it.key(), it.value());
        QList<PulledChange> page {change(QStringLiteral("material"), id, f)};
        for (const auto &[text, onPage] : messages) {
            QJsonObject link {{"material_id", id}, {"key_message_id", message.value(text)}};
            if (onPage > 0)
                link.insert(QStringLiteral("page"), onPage);
            page << change(QStringLiteral("material_key_message"), protocol::newUuid(), link);
        }
        if (!store.applyPage(page, {{QStringLiteral("global"), ++cursor}}).ok)
            return {};
        if (onDisk) {
            QFile file(localfiles::downloadPathFor(store.path(), hash));
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
                return {};
        }
        return id;
    }

    ContentViewContext inCall(const QString &visit = {}) const
    {
        ContentViewContext c;
        c.visitId = visit;
        c.hcpId = hcp;
        c.territoryId = kTerritory;
        c.repId = rep;
        return c;
    }

    QList<protocol::Record> views() const
    {
        QList<protocol::Record> all = store.records(QStringLiteral("content_view"));
        std::sort(all.begin(), all.end(), [](const protocol::Record &a, const protocol::Record &b) {
            return a.fields.value("started_at").toString() < b.fields.value("started_at").toString();
        });
        return all;
    }
};

// Waits until the window painted its current page (image or failure message).
bool waitShown(PresenterWindow &w, int page)
{
    return QTest::qWaitFor(
        [&] {
            QApplication::processEvents();
            return w.page() == page && (w.isPageReady() || w.pageFailed(page));
        },
        10000);
}

// The colour in the middle of the left quarter of the page area (away from the text and the circle).
QColor colourOnPage(PresenterWindow &w)
{
    const QImage shot = w.grab().toImage();
    const double dpr = shot.devicePixelRatio();
    return shot.pixelColor(QPoint(int(w.width() * 0.3 * dpr), int(w.height() * 0.75 * dpr)));
}

bool near(const QColor &a, const QColor &b)
{
    return qAbs(a.red() - b.red()) < 25 && qAbs(a.green() - b.green()) < 25 && qAbs(a.blue() - b.blue()) < 25;
}

} // namespace

class TestPresenter : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void keysTurnPages();
    void materialsFollowEachOther();
    void mouseWheelAndTouch();
    void reactionRecordedAndShown();
    void durationsRecordedOnPageChange();
    void unavailableMaterialRefused_data();
    void unavailableMaterialRefused();
    void missingOrWrongFileNeverShown();
    void hashCheckedOncePerFile();
    void brokenPageShowsTheOthers();
    void imageIsOnePage();
    void pickerListsPresentable();
    void visitDialogProposesDetails();
    void previewRecordsNoHcp();
    void screenshots_data();
    void screenshots();

private:
    uitest::Language m_language;
};

void TestPresenter::init()
{
    QVERIFY(m_language.use(QStringLiteral("en")));
}

void TestPresenter::keysTurnPages()
{
    Fixture f;
    QVERIFY(f.open());
    const QString m = f.addMaterial(makePdf(5));
    QVERIFY(!m.isEmpty());
    PresenterWindow w(&f.store, f.inCall(), {m});
    w.resize(1024, 700);
    w.show();
    QVERIFY(waitShown(w, 1));
    QCOMPARE(w.pageCount(), 5);
    QVERIFY(near(colourOnPage(w), pageColour(1)));
    QVERIFY2(w.stripText().contains(QLatin1String("page 1 of 5")), qPrintable(w.stripText()));
    const QList<QPair<int, int>> steps {{Qt::Key_Right, 2}, {Qt::Key_PageDown, 3}, {Qt::Key_Space, 4},
        {Qt::Key_Left, 3}, {Qt::Key_PageUp, 2}, {Qt::Key_End, 5}, {Qt::Key_Right, 5}, {Qt::Key_Home, 1},
        {Qt::Key_Left, 1}};
    for (const auto &[key, page] : steps) {
        QTest::keyClick(&w, Qt::Key(key));
        QVERIFY(waitShown(w, page));
        QCOMPARE(w.page(), page);
        QVERIFY2(near(colourOnPage(w), pageColour(page)), qPrintable(QStringLiteral("page %1").arg(page)));
    }
    QSignalSpy closed(&w, &PresenterWindow::closed);
    QTest::keyClick(&w, Qt::Key_Escape);
    QCOMPARE(closed.count(), 1);
    QVERIFY(!w.isVisible());
}

void TestPresenter::materialsFollowEachOther()
{
    Fixture f;
    QVERIFY(f.open());
    const QString a = f.addMaterial(makePdf(2, QStringLiteral("A")), {{"title", "First"}});
    const QString b = f.addMaterial(makePdf(3, QStringLiteral("B")), {{"title", "Second"}});
    PresenterWindow w(&f.store, f.inCall(), {a, b});
    w.resize(800, 600);
    w.show();
    QVERIFY(waitShown(w, 1));
    QTest::keyClick(&w, Qt::Key_Right);
    QVERIFY(waitShown(w, 2));
    QTest::keyClick(&w, Qt::Key_Right); // past the end of the first: the second, page 1
    QCOMPARE(w.materialIndex(), 1);
    QCOMPARE(w.state(), PresenterWindow::State::Loading);
    QTest::keyClick(&w, Qt::Key_Right); // while it opens, a key does not skip it
    QVERIFY(waitShown(w, 1));
    QCOMPARE(w.materialIndex(), 1);
    QCOMPARE(w.materialId(), b);
    QVERIFY2(w.stripText().contains(QLatin1String("Second"))
            && w.stripText().contains(QLatin1String("material 2 of 2")),
        qPrintable(w.stripText()));
    QTest::keyClick(&w, Qt::Key_Left); // before its first page: the first material's last page
    QTRY_COMPARE(w.materialIndex(), 0);
    QVERIFY(waitShown(w, 2));
    QVERIFY(near(colourOnPage(w), pageColour(2)));
}

void TestPresenter::mouseWheelAndTouch()
{
    Fixture f;
    QVERIFY(f.open());
    const QString m = f.addMaterial(makePdf(6));
    PresenterWindow w(&f.store, f.inCall(), {m});
    w.resize(800, 600);
    w.show();
    QVERIFY(waitShown(w, 1));
    QTest::mouseClick(&w, Qt::LeftButton, {}, QPoint(700, 300)); // right half
    QVERIFY(waitShown(w, 2));
    QTest::mouseClick(&w, Qt::LeftButton, {}, QPoint(100, 300)); // left half
    QVERIFY(waitShown(w, 1));
    for (int notch : {-120, -60, -60}) { // one notch, then a touchpad's two half steps
        QWheelEvent wheel(QPointF(400, 300), w.mapToGlobal(QPointF(400, 300)), QPoint(), QPoint(0, notch),
            Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&w, &wheel);
    }
    QVERIFY(waitShown(w, 3));
    static QPointingDevice *screen = QTest::createTouchDevice();
    QTest::touchEvent(&w, screen).press(0, QPoint(600, 300));
    QTest::touchEvent(&w, screen).move(0, QPoint(450, 305));
    QTest::touchEvent(&w, screen).release(0, QPoint(300, 310)); // a swipe to the left: the next page
    QVERIFY(waitShown(w, 4));
    QTest::touchEvent(&w, screen).press(0, QPoint(200, 300));
    QTest::touchEvent(&w, screen).release(0, QPoint(500, 290)); // to the right: back
    QVERIFY(waitShown(w, 3));
}

void TestPresenter::reactionRecordedAndShown()
{
    Fixture f;
    QVERIFY(f.open());
    const QString m = f.addMaterial(makePdf(3));
    ManualClock clock;
    {
        PresenterWindow w(&f.store, f.inCall(), {m});
        w.setClock(clock.fn());
        w.resize(900, 600);
        w.show();
        QVERIFY(waitShown(w, 1));
        clock.advance(700);
        QTest::keyClick(&w, Qt::Key_1);
        QCOMPARE(w.reactionOf(1), QStringLiteral("positive"));
        // The reaction shows at once: a green badge at the foot of the page (above the strip).
        const QImage shot = w.grab().toImage();
        bool green = false;
        for (int x = 0; x < shot.width() && !green; x += 4) {
            for (int y = shot.height() * 3 / 4; y < shot.height() - 40 && !green; y += 4)
                green = near(shot.pixelColor(x, y), QColor(0x2e, 0x7d, 0x32));
        }
        QVERIFY2(green, "no positive badge painted");
        QTest::keyClick(&w, Qt::Key_Right);
        QVERIFY(waitShown(w, 2));
        clock.advance(400);
        QTest::keyClick(&w, Qt::Key_Minus);
        QTest::keyClick(&w, Qt::Key_0); // changed her mind: the last one counts
        clock.advance(400);
        QTest::keyClick(&w, Qt::Key_Right);
        QVERIFY(waitShown(w, 3));
        clock.advance(100);
        QTest::keyClick(&w, Qt::Key_3);
        clock.advance(100);
        w.close();
    }
    const QList<protocol::Record> views = f.views();
    QCOMPARE(views.size(), 3);
    QCOMPARE(views.at(0).fields.value("reaction").toString(), QStringLiteral("positive"));
    QCOMPARE(views.at(1).fields.value("reaction").toString(), QStringLiteral("neutral"));
    QCOMPARE(views.at(2).fields.value("reaction").toString(), QStringLiteral("negative"));
    QCOMPARE(views.at(0).fields.value("duration_ms").toInteger(), 700);
    QCOMPARE(views.at(1).fields.value("duration_ms").toInteger(), 800);
    QCOMPARE(views.at(2).fields.value("duration_ms").toInteger(), 200);
}

void TestPresenter::durationsRecordedOnPageChange()
{
    Fixture f;
    QVERIFY(f.open());
    const QString m = f.addMaterial(makePdf(4));
    ManualClock clock;
    PresenterWindow w(&f.store, f.inCall(), {m});
    w.setClock(clock.fn());
    w.resize(800, 600);
    w.show();
    QVERIFY(waitShown(w, 1));
    const QList<qint64> durations {2500, 1999, 2000};
    for (int i = 0; i < durations.size(); ++i) {
        clock.advance(durations.at(i));
        QTest::keyClick(&w, Qt::Key_Right);
        QVERIFY(waitShown(w, i + 2));
    }
    QVERIFY(w.recorder()->flush());
    QList<protocol::Record> views = f.views();
    QCOMPARE(views.size(), 3); // the page on screen is not finished yet
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(views.at(i).fields.value("page").toInt(), i + 1);
        QCOMPARE(views.at(i).fields.value("duration_ms").toInteger(), durations.at(i));
        QCOMPARE(views.at(i).fields.value("material_version").toInt(), 2);
        QCOMPARE(views.at(i).fields.value("mode").toString(), QStringLiteral("in_call"));
        QCOMPARE(views.at(i).fields.value("hcp_id").toString(), f.hcp);
    }
    clock.advance(10);
    w.close();
    QCOMPARE(f.views().size(), 4);
    QCOMPARE(f.views().last().fields.value("duration_ms").toInteger(), 10);
}

void TestPresenter::unavailableMaterialRefused_data()
{
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<QString>("says");
    const QDate today = QDate::currentDate();
    QTest::newRow("valid until yesterday")
        << QJsonObject {{"valid_to", today.addDays(-1).toString(Qt::ISODate)}} << QStringLiteral("expired");
    QTest::newRow("status expired") << QJsonObject {{"status", "expired"}} << QStringLiteral("expired");
    QTest::newRow("withdrawn") << QJsonObject {{"status", "withdrawn"}} << QStringLiteral("withdrawn");
    QTest::newRow("draft") << QJsonObject {{"status", "draft"}} << QStringLiteral("not approved");
    QTest::newRow("from tomorrow") << QJsonObject {{"valid_from", today.addDays(1).toString(Qt::ISODate)}}
                                   << QStringLiteral("before");
}

void TestPresenter::unavailableMaterialRefused()
{
    QFETCH(QJsonObject, fields);
    QFETCH(QString, says);
    Fixture f;
    QVERIFY(f.open());
    const QString m = f.addMaterial(makePdf(2), fields);
    PresenterWindow w(&f.store, f.inCall(), {m});
    w.resize(800, 600);
    w.show();
    QTRY_COMPARE(w.state(), PresenterWindow::State::Unavailable);
    QVERIFY2(w.message().contains(says), qPrintable(w.message()));
    QTest::keyClick(&w, Qt::Key_Right);
    QTest::keyClick(&w, Qt::Key_1);
    QTest::qWait(100);
    QVERIFY(!w.isPageReady());
    w.close();
    QCOMPARE(f.views().size(), 0);
}

void TestPresenter::missingOrWrongFileNeverShown()
{
    Fixture f;
    QVERIFY(f.open());
    const QByteArray pdf = makePdf(2);
    const QString missing = f.addMaterial(pdf, {}, false);
    const QByteArray other = makePdf(3, QStringLiteral("Other"));
    const QString wrong = f.addMaterial(other, {{"title", "Damaged"}});
    // The file on disk under the material's hash is not that file (a corrupt or swapped download).
    QFile file(localfiles::downloadPathFor(f.store.path(), sha256(other)));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(pdf);
    file.close();
    PresenterWindow w(&f.store, f.inCall(), {missing, wrong});
    QSignalSpy asked(&w, &PresenterWindow::downloadRequested);
    w.resize(800, 600);
    w.show();
    QTRY_COMPARE(w.state(), PresenterWindow::State::NotDownloaded);
    QVERIFY2(w.message().contains(QLatin1String("not downloaded yet")), qPrintable(w.message()));
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.at(0).at(0).toString(), sha256(pdf));
    QTest::keyClick(&w, Qt::Key_Right); // the next material: its file is damaged
    QTRY_COMPARE(w.state(), PresenterWindow::State::NotDownloaded);
    QCOMPARE(w.materialIndex(), 1);
    QTRY_COMPARE(asked.count(), 2);
    QCOMPARE(asked.at(1).at(0).toString(), sha256(other));
    QVERIFY2(w.message().contains(QLatin1String("damaged")), qPrintable(w.message()));
    QVERIFY(!w.isPageReady());
    QVERIFY(!PresenterRenderer::isVerified(file.fileName(), sha256(other)));
    // Moved aside, so the download queue fetches it again (it plans what this computer does not hold).
    QVERIFY(!QFile::exists(file.fileName()));
    QVERIFY(QFile::exists(file.fileName() + QStringLiteral(".damaged")));
    QVERIFY(localfiles::existingPathOf(f.store.path(), sha256(other)).isEmpty());
    w.close();
    QCOMPARE(f.views().size(), 0);
}

void TestPresenter::hashCheckedOncePerFile()
{
    Fixture f;
    QVERIFY(f.open());
    const QString m = f.addMaterial(makePdf(2, QStringLiteral("Once")));
    const int before = PresenterRenderer::hashCount();
    for (int i = 0; i < 3; ++i) {
        PresenterWindow w(&f.store, f.inCall(), {m, m});
        w.resize(600, 400);
        w.show();
        QVERIFY(waitShown(w, 1));
        QTest::keyClick(&w, Qt::Key_End);
        QTest::keyClick(&w, Qt::Key_Right); // the same file again, as the second material
        QTRY_COMPARE(w.materialIndex(), 1);
        QVERIFY(waitShown(w, 1));
        w.close();
    }
    QCOMPARE(PresenterRenderer::hashCount() - before, 1);
}

void TestPresenter::brokenPageShowsTheOthers()
{
    Fixture f;
    QVERIFY(f.open());
    const QString m = f.addMaterial(makeBrokenPdf());
    ManualClock clock;
    PresenterWindow w(&f.store, f.inCall(), {m});
    w.setClock(clock.fn());
    w.resize(800, 600);
    w.show();
    QVERIFY(waitShown(w, 1));
    QCOMPARE(w.pageCount(), 3);
    QVERIFY(near(colourOnPage(w), pageColour(1)));
    clock.advance(2500);
    QTest::keyClick(&w, Qt::Key_Right);
    QVERIFY(waitShown(w, 2));
    QVERIFY(w.pageFailed(2));
    QCOMPARE(w.message(), QStringLiteral("This page could not be shown"));
    clock.advance(5000);
    QTest::keyClick(&w, Qt::Key_1); // no reaction to a page that is not there
    QCOMPARE(w.reactionOf(2), QString());
    QTest::keyClick(&w, Qt::Key_Right);
    QVERIFY(waitShown(w, 3));
    QVERIFY(!w.pageFailed(3));
    QVERIFY(w.message().isEmpty());
    QVERIFY(near(colourOnPage(w), pageColour(3)));
    clock.advance(2000);
    w.close();
    // Pages 1 and 3 were views; the broken page was none.
    QList<int> pages;
    for (const protocol::Record &v : f.views())
        pages << v.fields.value("page").toInt();
    QCOMPARE(pages, QList<int>({1, 3}));
}

void TestPresenter::imageIsOnePage()
{
    Fixture f;
    QVERIFY(f.open());
    QImage image(640, 400, QImage::Format_RGB32);
    image.fill(pageColour(3));
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(image.save(&buffer, "PNG"));
    const QString m = f.addMaterial(png, {{"kind", "image"}});
    PresenterWindow w(&f.store, f.inCall(), {m});
    w.resize(800, 600);
    w.show();
    QVERIFY(waitShown(w, 1));
    QCOMPARE(w.pageCount(), 1);
    QVERIFY(near(colourOnPage(w), pageColour(3)));
}

void TestPresenter::pickerListsPresentable()
{
    Fixture f;
    QVERIFY(f.open());
    const QString a = f.addMaterial(makePdf(1), {{"title", "A for Amlodin"}});
    const QString gone = f.addMaterial(makePdf(1), {{"title", "Gone"}, {"status", "withdrawn"}});
    const QString b = f.addMaterial(
        makePdf(1, QStringLiteral("Betacor")), {{"title", "B for Betacor"}}, false, f.products[1]);
    PresenterPicker picker(&f.store, {f.products[0]});
    QCOMPARE(picker.listedMaterialIds(), QStringList({a}));
    auto *present = uitest::child<QPushButton>(&picker, "presentButton");
    QVERIFY(!present->isEnabled());
    QVERIFY(picker.setSelected(a, true));
    QVERIFY(present->isEnabled());
    uitest::child<QCheckBox>(&picker, "allProductsCheckBox")->setChecked(true);
    QCOMPARE(picker.listedMaterialIds(), QStringList({a, b}));
    QCOMPARE(picker.selectedMaterialIds(), QStringList({a})); // the tick survives the wider list
    QVERIFY(!picker.listedMaterialIds().contains(gone));
    auto *list = uitest::child<QListWidget>(&picker, "materialsListWidget");
    QVERIFY(list->item(1)->text().contains(QLatin1String("not downloaded yet")));
    PresenterPicker none(&f.store, {});
    QCOMPARE(none.listedMaterialIds(), QStringList({a, b})); // no product yet: every product
}

void TestPresenter::visitDialogProposesDetails()
{
    Fixture f;
    QVERIFY(f.open());
    const QString m = f.addMaterial(makePdf(3), {}, true, {},
        {{QStringLiteral("Once daily"), 0}, {QStringLiteral("Fewer oedemas"), 2},
            {QStringLiteral("Elderly data"), 3}});
    VisitDialog dialog(&f.store, f.account, f.hcp);
    dialog.show();
    QVERIFY(dialog.visitId().isEmpty());
    PresenterWindow *w = dialog.present({m});
    QVERIFY(w);
    // The new visit was saved first, as a draft, so the views can name it.
    QVERIFY(!dialog.visitId().isEmpty());
    QVERIFY(f.store.record(QStringLiteral("visit"), dialog.visitId()).has_value());
    ManualClock clock;
    w->setClock(clock.fn());
    QVERIFY(waitShown(*w, 1));
    clock.advance(1000); // page 1: too short, but the whole material's message comes with page 2
    QTest::keyClick(w, Qt::Key_Right);
    QVERIFY(waitShown(*w, 2));
    QTest::keyClick(w, Qt::Key_1);
    clock.advance(3000);
    QTest::keyClick(w, Qt::Key_Right);
    QVERIFY(waitShown(*w, 3));
    clock.advance(500); // page 3: too short, no reaction: Elderly data is not proposed
    const QPointer<PresenterWindow> guard(w);
    QTest::keyClick(w, Qt::Key_Escape);
    QTRY_VERIFY(!guard); // deleted on close
    for (const protocol::Record &v : f.views())
        QCOMPARE(v.fields.value("visit_id").toString(), dialog.visitId());
    // One detail per product: the first message shown of Amlodin, with its reaction, in the empty row.
    auto *table = uitest::child<QTableWidget>(&dialog, "productsTableWidget");
    QCOMPARE(dialog.productCount(), 1);
    QVERIFY(dialog.isProposed(0));
    QCOMPARE(table->verticalHeaderItem(0)->text(), QStringLiteral("Proposed"));
    auto *message = qobject_cast<QComboBox *>(table->cellWidget(0, 1));
    auto *reaction = qobject_cast<QComboBox *>(table->cellWidget(0, 2));
    QCOMPARE(message->currentData().toString(), f.message.value(QStringLiteral("Once daily")));
    QCOMPARE(reaction->currentData().toString(), QStringLiteral("positive"));
    QVERIFY2(message->toolTip().contains(QLatin1String("Fewer oedemas")), qPrintable(message->toolTip()));
    QVERIFY(!message->toolTip().contains(QLatin1String("Elderly data")));
    // The rep adjusts before saving: another key message; the detail saved is hers.
    message->setCurrentIndex(message->findData(f.message.value(QStringLiteral("Fewer oedemas"))));
    QVERIFY(dialog.saveDraft());
    bool found = false;
    for (const protocol::Record &d : f.store.records(QStringLiteral("visit_detail"))) {
        if (d.fields.value("visit_id").toString() != dialog.visitId())
            continue;
        found = true;
        QCOMPARE(
            d.fields.value("key_message_id").toString(), f.message.value(QStringLiteral("Fewer oedemas")));
        QCOMPARE(d.fields.value("reaction").toString(), QStringLiteral("positive"));
    }
    QVERIFY(found);
    // Presenting again proposes nothing over the rep's choice.
    QCOMPARE(dialog.addProposedDetails(), 0);
}

void TestPresenter::previewRecordsNoHcp()
{
    Fixture f;
    QVERIFY(f.open());
    const QString m = f.addMaterial(makePdf(2));
    QPointer<PresenterWindow> w = PresenterWindow::preview(&f.store, f.account, m);
    QVERIFY(w);
    QVERIFY(w->isFullScreen());
    QVERIFY(waitShown(*w, 1));
    QTest::keyClick(w, Qt::Key_Right);
    QVERIFY(waitShown(*w, 2));
    w->close();
    QTRY_VERIFY(!w);
    const QList<protocol::Record> views = f.views();
    QCOMPARE(views.size(), 2);
    for (const protocol::Record &v : views) {
        QCOMPARE(v.fields.value("mode").toString(), QStringLiteral("preview"));
        QVERIFY(v.fields.value("hcp_id").toString().isEmpty());
        QVERIFY(v.fields.value("visit_id").toString().isEmpty());
        QCOMPARE(v.fields.value("rep_id").toString(), f.rep);
    }
}

void TestPresenter::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

// Pictures for docs/screenshots (ROUNDS_SCREENSHOT_DIR): the picker, a page with a reaction just given,
// a broken page and a material not downloaded yet.
void TestPresenter::screenshots()
{
    const QString out = qEnvironmentVariable("ROUNDS_SCREENSHOT_DIR");
    if (out.isEmpty())
        QSKIP("ROUNDS_SCREENSHOT_DIR not set");
    QFETCH(QString, language);
    QVERIFY(m_language.use(language));
    // The English plurals ("12 pages") come from rounds_en.qm, as in the application.
    QTranslator english;
    if (language == QLatin1String("en") && english.load(QStringLiteral(":/i18n/rounds_en.qm")))
        QCoreApplication::installTranslator(&english);
    Fixture f;
    QVERIFY(f.open());
    const QString a = f.addMaterial(makePdf(12, QStringLiteral("Amlodin")),
        {{"title", "Amlodin: once daily in hypertension"}, {"approval_code", "AML-2026-014"},
            {"page_count", 12}});
    f.addMaterial(makePdf(4), {{"title", "氨氯地平 老年患者数据"}, {"language", "zh_CN"}, {"page_count", 4}});
    f.addMaterial(makePdf(2), {{"title", "Betacor dosing card"}, {"page_count", 2}}, false, f.products[1]);
    const QString broken = f.addMaterial(makeBrokenPdf(), {{"title", "Betacor leaflet"}});
    const QString missing = f.addMaterial(makePdf(2), {{"title", "Betacor dosing card"}}, false);
    PresenterPicker picker(&f.store, {});
    picker.setSelected(a, true);
    picker.resize(560, 420);
    picker.show();
    QTest::qWait(50);
    QVERIFY(picker.grab().save(QDir(out).filePath(QStringLiteral("presenter-picker-%1.png").arg(language))));

    PresenterWindow w(&f.store, f.inCall(), {a, broken, missing});
    w.resize(1366, 768);
    w.show();
    QVERIFY(waitShown(w, 1));
    QTest::keyClick(&w, Qt::Key_Right);
    QVERIFY(waitShown(w, 2));
    QTest::keyClick(&w, Qt::Key_1);
    QVERIFY(w.grab().save(QDir(out).filePath(QStringLiteral("presenter-%1.png").arg(language))));
    QTest::keyClick(&w, Qt::Key_End);
    QTest::keyClick(&w, Qt::Key_Right);
    QTRY_COMPARE(w.materialIndex(), 1);
    QVERIFY(waitShown(w, 1));
    QTest::keyClick(&w, Qt::Key_Right);
    QVERIFY(waitShown(w, 2));
    QTest::qWait(1600); // the reaction badge of the first material has gone
    QVERIFY(w.grab().save(QDir(out).filePath(QStringLiteral("presenter-brokenpage-%1.png").arg(language))));
    QTest::keyClick(&w, Qt::Key_End);
    QTest::keyClick(&w, Qt::Key_Right);
    QTRY_COMPARE(w.state(), PresenterWindow::State::NotDownloaded);
    QVERIFY(
        w.grab().save(QDir(out).filePath(QStringLiteral("presenter-notdownloaded-%1.png").arg(language))));
    m_language.use(QStringLiteral("en"));
}

QTEST_MAIN(TestPresenter)
#include "tst_presenter.moc"
