// presenter-bench: how fast the presenter shows a material (issue 21: first page < 300 ms, page turn
// < 50 ms, recording a view never blocks the UI thread). See docs/performance.md, "Presenting".
//
//   presenter-bench [--pages 100] [--turns 40] [--json]
//
// generates a 100-page PDF with QPdfWriter (text and drawings on every page), puts it in a fresh client
// store as an approved material and measures, on two offscreen screens, each in a child process of its
// own (1366x768 at 100 %, 1920x1080 at QT_SCALE_FACTOR=1.5):
//   - the references, in the same run: QPdfDocument::load alone, load + render of page 1 at the same
//     pixel size on one thread, and `pdftoppm -f 1 -l 1` of the same page at the same size (if installed);
//   - time to first page: from creating the PresenterWindow to its first page painted, with the file's
//     SHA-256 checked (first open in the process) and with the check cached (second open);
//   - page turns: from the key press to the page painted, with the neighbours rendered ahead (a pause of
//     400 ms between turns, a rep reading) and without (setPrerender(false));
//   - the longest stall of the UI thread during the turns (a 1 ms timer's largest gap), and the cost of
//     writing the views (ContentViewRecorder::lastWriteMicros).
// The store is encrypted like the client's: run it where a keychain answers (tools/fulltest.sh's
// environment, or dbus-run-session with gnome-keyring-daemon --unlock).

#include "models/localfiles.h"
#include "models/store.h"
#include "ui/content/presenterwindow.h"

#include "common/protocol/values.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfWriter>
#include <QProcess>
#include <QScreen>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace rounds;

namespace {

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

QJsonObject stats(QList<double> values)
{
    std::sort(values.begin(), values.end());
    if (values.isEmpty())
        return {};
    auto at = [&](double q) { return values.at(qMin(values.size() - 1, qsizetype(q * values.size()))); };
    return {{"n", qint64(values.size())}, {"p50", at(0.5)}, {"p95", at(0.95)}, {"max", values.last()}};
}

// A brochure-like page: a title, paragraphs, a bar chart and shapes, in English and Chinese.
void writePdf(const QString &path, int pages)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setResolution(150);
    QPainter p(&writer);
    const QString body = QStringLiteral(
        "Amlodin 5 mg once daily lowers systolic blood pressure by 12-15 mmHg over eight weeks. "
        "氨氯地平每日一次，八周内收缩压降低12-15 mmHg，老年患者耐受性良好。 ");
    for (int n = 1; n <= pages; ++n) {
        if (n > 1)
            writer.newPage();
        const QRect r(0, 0, writer.width(), writer.height());
        p.fillRect(r, QColor::fromHsv((n * 37) % 360, 30, 250));
        QFont title = p.font();
        title.setPointSize(28);
        title.setBold(true);
        p.setFont(title);
        p.setPen(Qt::black);
        p.drawText(r.adjusted(80, 60, -80, 0), Qt::AlignTop, QStringLiteral("Page %1 — 第%1页").arg(n));
        QFont text = p.font();
        text.setPointSize(12);
        text.setBold(false);
        p.setFont(text);
        p.drawText(r.adjusted(80, 200, -r.width() / 2, -80), Qt::TextWordWrap, body.repeated(6));
        const QRect chart(r.width() / 2 + 40, 220, r.width() / 2 - 140, r.height() - 360);
        p.setPen(QPen(Qt::darkGray, 3));
        p.drawRect(chart);
        for (int b = 0; b < 8; ++b) {
            const int h = chart.height() * ((n * 7 + b * 13) % 90 + 10) / 100;
            p.fillRect(QRect(chart.left() + 20 + b * (chart.width() - 40) / 8, chart.bottom() - h,
                           (chart.width() - 40) / 10, h),
                QColor::fromHsv((b * 45) % 360, 160, 200));
        }
        p.setBrush(Qt::NoBrush);
        for (int c = 0; c < 6; ++c)
            p.drawEllipse(QPoint(120 + c * 90, r.height() - 120), 30 + c * 4, 30 + c * 4);
    }
}

QString sha256Of(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}

// Waits for the window to paint `page` of material `index`; the nanoseconds since `timer` started.
qint64 untilShown(PresenterWindow &w, int index, int page, const QElapsedTimer &timer)
{
    qint64 shown = -1;
    const auto c = QObject::connect(&w, &PresenterWindow::pageDisplayed, &w, [&](int i, int p) {
        if (i == index && p == page && shown < 0)
            shown = timer.nsecsElapsed();
    });
    QElapsedTimer guard;
    guard.start();
    while (shown < 0 && guard.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    QObject::disconnect(c);
    return shown;
}

void pause(int msecs)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < msecs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

QJsonObject child(int pages, int turns)
{
    QTemporaryDir dir;
    Store store;
    const StoreOpenResult opened = store.open(dir.filePath(QStringLiteral("bench.db")));
    if (!opened.ok)
        return {{"error", opened.message}};
    const QString pdf = dir.filePath(QStringLiteral("brochure.pdf"));
    writePdf(pdf, pages);
    const QString hash = sha256Of(pdf);
    QDir().mkpath(localfiles::downloadFolderFor(store.path()));
    QFile::copy(pdf, localfiles::downloadPathFor(store.path(), hash));
    const QString product = protocol::newUuid();
    const QString material = protocol::newUuid();
    auto change = [](const QString &entity, const QString &id, QJsonObject fields) {
        PulledChange c;
        c.bucket = QStringLiteral("global");
        c.entity = entity;
        c.id = id;
        fields.insert(QStringLiteral("id"), id);
        fields.insert(QStringLiteral("version"), 1);
        c.record = fields;
        return c;
    };
    store.applyPage({change(QStringLiteral("product"), product, {{"name", "Amlodin"}}),
                        change(QStringLiteral("material"), material,
                            {{"title", "Brochure"}, {"product_id", product}, {"status", "approved"},
                                {"file", QStringLiteral("sha256:%1:brochure.pdf").arg(hash)}})},
        {{QStringLiteral("global"), 1}});
    ContentViewContext context;
    context.territoryId = protocol::newUuid();
    context.repId = protocol::newUuid();
    context.hcpId = protocol::newUuid();

    const QSize logical = QGuiApplication::primaryScreen()->size();
    const double dpr = QGuiApplication::primaryScreen()->devicePixelRatio();
    QJsonObject out {{"screen", QStringLiteral("%1x%2").arg(logical.width()).arg(logical.height())},
        {"dpr", dpr}, {"pages", pages}, {"file_bytes", QFileInfo(pdf).size()}};

    // The references: the library alone, on one thread, at the pixel size the presenter renders.
    QElapsedTimer t;
    t.start();
    {
        QPdfDocument doc;
        doc.load(pdf);
        out.insert("ref_load_ms", ms(t.nsecsElapsed()));
        const QSize box = (QSizeF(logical.width(), logical.height() - 30) * dpr).toSize();
        const QSize size = doc.pagePointSize(0).scaled(QSizeF(box), Qt::KeepAspectRatio).toSize();
        t.restart();
        doc.render(0, size);
        out.insert("ref_render_page1_ms", ms(t.nsecsElapsed()));
        out.insert("render_px", QStringLiteral("%1x%2").arg(size.width()).arg(size.height()));
        const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
        if (!pdftoppm.isEmpty()) {
            t.restart();
            QProcess::execute(pdftoppm,
                {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"),
                    QStringLiteral("-scale-to-x"), QString::number(size.width()),
                    QStringLiteral("-scale-to-y"), QString::number(size.height()), QStringLiteral("-png"),
                    pdf, dir.filePath("ref")});
            out.insert("ref_pdftoppm_page1_ms", ms(t.nsecsElapsed()));
        }
    }

    // Time to first page: the first open hashes the file, the second finds it checked.
    for (const char *key : {"first_page_hashing_ms", "first_page_ms"}) {
        t.restart();
        PresenterWindow w(&store, context, {material});
        w.resize(logical);
        w.show();
        out.insert(QLatin1String(key), ms(untilShown(w, 0, 1, t)));
        w.close();
    }

    // Page turns, with and without the neighbours rendered ahead; the UI thread's longest stall.
    for (const bool ahead : {true, false}) {
        PresenterWindow w(&store, context, {material});
        w.setPrerender(ahead);
        w.resize(logical);
        w.show();
        QElapsedTimer first;
        first.start();
        untilShown(w, 0, 1, first);
        pause(400);
        QElapsedTimer gapTimer;
        gapTimer.start();
        qint64 last = gapTimer.nsecsElapsed();
        qint64 worstGap = 0;
        QTimer ticker;
        ticker.setTimerType(Qt::PreciseTimer);
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            const qint64 now = gapTimer.nsecsElapsed();
            worstGap = qMax(worstGap, now - last);
            last = now;
        });
        ticker.start(1);
        QList<double> turnsMs;
        QList<double> writes;
        for (int i = 0; i < turns && w.page() < pages; ++i) {
            const int next = w.page() + 1;
            QElapsedTimer turn;
            turn.start();
            QKeyEvent press(QEvent::KeyPress, Qt::Key_Right, Qt::NoModifier);
            QCoreApplication::sendEvent(&w, &press);
            turnsMs << ms(untilShown(w, 0, next, turn));
            pause(400);
            if (w.recorder()->lastWriteMicros() > 0)
                writes << double(w.recorder()->lastWriteMicros()) / 1000.0;
        }
        ticker.stop();
        const QString prefix = ahead ? QStringLiteral("turn_ahead") : QStringLiteral("turn_cold");
        out.insert(prefix + QStringLiteral("_ms"), stats(turnsMs));
        out.insert(prefix + QStringLiteral("_ui_stall_ms"), ms(worstGap));
        if (ahead)
            out.insert(QStringLiteral("view_write_ms"), stats(writes));
        w.close();
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    auto value = [&](const QString &name, int fallback) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
    };
    const int pages = value(QStringLiteral("--pages"), 100);
    const int turns = value(QStringLiteral("--turns"), 40);
    if (args.contains(QStringLiteral("--child"))) {
        QApplication app(argc, argv);
        const QJsonObject result = child(pages, turns);
        std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
        return result.contains(QLatin1String("error")) ? 1 : 0;
    }
    if (args.contains(QStringLiteral("--help"))) {
        std::printf(
            "presenter-bench [--pages 100] [--turns 40] [--json]\n"
            "Times the presenter's first page and page turns against QPdfDocument alone and pdftoppm,\n"
            "on 1366x768 at 100 %% and 1920x1080 at 150 %% (offscreen). See docs/performance.md.\n");
        return 0;
    }
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QList<QPair<QString, QString>> screens {{QStringLiteral("1366x768"), QStringLiteral("1")},
        {QStringLiteral("1920x1080"), QStringLiteral("1.5")}};
    QJsonArray results;
    for (const auto &[size, scale] : screens) {
        const QStringList wh = size.split(QLatin1Char('x'));
        const QString config = dir.filePath(size + QStringLiteral(".json"));
        QFile f(config);
        f.open(QIODevice::WriteOnly);
        f.write(QStringLiteral("{\"screens\":[{\"name\":\"s\",\"x\":0,\"y\":0,\"width\":%1,\"height\":%2,"
                               "\"logicalDpi\":96,\"logicalBaseDpi\":96,\"dpr\":1}]}")
                    .arg(wh.at(0), wh.at(1))
                    .toUtf8());
        f.close();
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen:configfile=") + config);
        env.insert(QStringLiteral("QT_SCALE_FACTOR"), scale);
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(),
            {QStringLiteral("--child"), QStringLiteral("--pages"), QString::number(pages),
                QStringLiteral("--turns"), QString::number(turns)});
        child.waitForFinished(600000);
        const QByteArray line = child.readAllStandardOutput().trimmed().split('\n').last();
        QJsonObject r = QJsonDocument::fromJson(line).object();
        r.insert(QStringLiteral("scale"), scale.toDouble());
        results.append(r);
    }
    if (args.contains(QStringLiteral("--json"))) {
        std::printf("%s\n", QJsonDocument(results).toJson(QJsonDocument::Indented).constData());
        return 0;
    }
    for (const QJsonValue &v : std::as_const(results)) {
        const QJsonObject r = v.toObject();
        if (r.contains(QLatin1String("error"))) {
            std::printf("error: %s\n", qPrintable(r.value("error").toString()));
            continue;
        }
        const double ref = r.value("ref_load_ms").toDouble() + r.value("ref_render_page1_ms").toDouble();
        std::printf("%s logical at %.1fx (page rendered at %s px), %d pages, %lld bytes\n",
            qPrintable(r.value("screen").toString()), r.value("scale").toDouble(),
            qPrintable(r.value("render_px").toString()), r.value("pages").toInt(),
            r.value("file_bytes").toInteger());
        std::printf("  reference: QPdfDocument load %.1f ms + render page 1 %.1f ms = %.1f ms; pdftoppm page "
                    "1 %.1f ms\n",
            r.value("ref_load_ms").toDouble(), r.value("ref_render_page1_ms").toDouble(), ref,
            r.value("ref_pdftoppm_page1_ms").toDouble());
        for (const char *key : {"first_page_hashing_ms", "first_page_ms"}) {
            const double t = r.value(QLatin1String(key)).toDouble();
            std::printf("  %-24s %7.1f ms  (%.2fx load+render)\n", key, t, ref > 0 ? t / ref : 0);
        }
        for (const char *key : {"turn_ahead_ms", "turn_cold_ms"}) {
            const QJsonObject s = r.value(QLatin1String(key)).toObject();
            std::printf("  %-24s p50 %6.1f  p95 %6.1f  max %6.1f ms  (p95 %.2fx one render)\n", key,
                s.value("p50").toDouble(), s.value("p95").toDouble(), s.value("max").toDouble(),
                s.value("p95").toDouble() / qMax(0.001, r.value("ref_render_page1_ms").toDouble()));
        }
        std::printf("  UI thread longest stall during turns: %.1f ms (ahead), %.1f ms (cold)\n",
            r.value("turn_ahead_ui_stall_ms").toDouble(), r.value("turn_cold_ui_stall_ms").toDouble());
        const QJsonObject w = r.value("view_write_ms").toObject();
        std::printf("  writing a page view (deferred, after the turn): p50 %.2f ms, max %.2f ms\n",
            w.value("p50").toDouble(), w.value("max").toDouble());
    }
    return 0;
}
