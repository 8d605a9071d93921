#pragma once

// The presenter's pages, rendered off the UI thread (docs/presenting.md): a worker thread owns
// its own QPdfDocument (QtPdf is not thread-safe, so nothing else touches it) and renders one page per
// turn of its event loop, the most urgent first; a newer wish replaces the pages not rendered yet, so
// a rep paging quickly never waits for pages already left behind. Before a file is opened its SHA-256 is
// checked against the one its record names, once per file and process (a file that changes on disk is
// checked again): a damaged or wrong file is never rendered.

#include <QImage>
#include <QList>
#include <QObject>
#include <QSize>
#include <QString>
#include <QThread>

namespace rounds {

class PresenterRenderWorker;

class PresenterRenderer final : public QObject
{
    Q_OBJECT
public:
    explicit PresenterRenderer(QObject *parent = nullptr);
    ~PresenterRenderer() override;
    Q_DISABLE_COPY_MOVE(PresenterRenderer)

    // Opens `path` (kind "pdf", or "image": one page) once its SHA-256 is `sha256`; opened() follows.
    // Whatever was wanted from the file before is dropped.
    void open(const QString &path, const QString &kind, const QString &sha256);
    // The pages (1-based) to render, most urgent first, each scaled to fit `box` (device pixels).
    void want(const QList<int> &pages, const QSize &box);

    // Whether `path` was found to hold `sha256` earlier in this process (and has not changed since).
    static bool isVerified(const QString &path, const QString &sha256);
    // How many files were hashed in this process (each one once: tests check the cache).
    static int hashCount();

signals:
    // The file opened with `pageCount` pages; or `error` (not empty): `hashMismatch` when its content is
    // not the file the record names.
    void opened(int pageCount, const QString &error, bool hashMismatch);
    // A page for `box`; a null `image` when that page could not be rendered.
    void rendered(int page, const QSize &box, const QImage &image, qint64 renderMicros);

private:
    QThread m_thread;
    PresenterRenderWorker *m_worker = nullptr;
    quint64 m_generation = 0;
};

} // namespace rounds
