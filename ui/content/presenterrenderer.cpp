#include "ui/content/presenterrenderer.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QImageReader>
#include <QMutex>
#include <QMutexLocker>
#include <QPdfDocument>
#include <QPdfDocumentRenderOptions>

#include <atomic>
#include <memory>

namespace rounds {

namespace {

// Files whose hash was checked in this process: path -> what was checked (hash, size, modification).
struct Verified
{
    QString sha256;
    qint64 size = -1;
    QDateTime modified;
};
QMutex g_verifiedMutex;
QHash<QString, Verified> g_verified;
std::atomic<int> g_hashCount {0};

Verified stamp(const QString &path, const QString &sha256)
{
    const QFileInfo info(path);
    return {sha256, info.size(), info.lastModified()};
}

bool alreadyVerified(const QString &path, const QString &sha256)
{
    const Verified now = stamp(path, sha256);
    QMutexLocker lock(&g_verifiedMutex);
    const auto it = g_verified.constFind(path);
    return it != g_verified.constEnd() && it->sha256 == now.sha256 && it->size == now.size
        && it->modified == now.modified;
}

// Hashes the file in 1 MiB reads: false when it cannot be read or its hash is not `sha256`.
bool verify(const QString &path, const QString &sha256, QString *error)
{
    if (alreadyVerified(path, sha256))
        return true;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray chunk;
    while (!(chunk = file.read(1 << 20)).isEmpty())
        hash.addData(chunk);
    ++g_hashCount;
    if (QString::fromLatin1(hash.result().toHex()) != sha256.toLower()) {
        *error = QStringLiteral("SHA-256 mismatch");
        return false;
    }
    QMutexLocker lock(&g_verifiedMutex);
    g_verified.insert(path, stamp(path, sha256));
    return true;
}

QSize fitted(const QSizeF &page, const QSize &box)
{
    if (page.isEmpty() || box.isEmpty())
        return {};
    return page.scaled(QSizeF(box), Qt::KeepAspectRatio).toSize().expandedTo(QSize(1, 1));
}

} // namespace

// Lives in the renderer's thread; every member but the queue is touched there only.
class PresenterRenderWorker final : public QObject
{
    Q_OBJECT
public:
    struct Job
    {
        quint64 generation = 0;
        bool open = false;
        QString path;
        QString kind;
        QString sha256;
        int page = 0;
        QSize box;
    };

    // From the GUI thread: a new file, ahead of everything else.
    void postOpen(const Job &job)
    {
        QMutexLocker lock(&m_mutex);
        m_jobs.clear();
        m_jobs.append(job);
        kick();
    }
    // From the GUI thread: the pages wanted now replace those still waiting (an open stays first).
    void postWanted(const QList<Job> &jobs)
    {
        QMutexLocker lock(&m_mutex);
        m_jobs.removeIf([](const Job &j) { return !j.open; });
        m_jobs.append(jobs);
        kick();
    }

signals:
    void opened(quint64 generation, int pageCount, const QString &error, bool hashMismatch);
    void rendered(quint64 generation, int page, const QSize &box, const QImage &image, qint64 micros);

private:
    // Under m_mutex: one queued call of drain() at a time.
    void kick()
    {
        if (!m_kicked && !m_jobs.isEmpty()) {
            m_kicked = true;
            QMetaObject::invokeMethod(this, &PresenterRenderWorker::drain, Qt::QueuedConnection);
        }
    }

    // One job per call, then the event loop again, so a new open or wish is seen between two pages.
    void drain()
    {
        Job job;
        {
            QMutexLocker lock(&m_mutex);
            m_kicked = false;
            if (m_jobs.isEmpty())
                return;
            job = m_jobs.takeFirst();
            kick();
        }
        if (job.open)
            openFile(job);
        else if (job.generation == m_generation)
            render(job);
    }

    void openFile(const Job &job)
    {
        m_generation = job.generation;
        m_image = QImage();
        m_kind = job.kind;
        if (!m_document)
            m_document = std::make_unique<QPdfDocument>();
        m_document->close();
        QString error;
        if (!verify(job.path, job.sha256, &error)) {
            emit opened(job.generation, 0, error, error == QLatin1String("SHA-256 mismatch"));
            return;
        }
        if (m_kind == QLatin1String("image")) {
            QImageReader reader(job.path);
            reader.setAutoTransform(true);
            m_image = reader.read();
            emit opened(job.generation, m_image.isNull() ? 0 : 1,
                m_image.isNull() ? reader.errorString() : QString(), false);
            return;
        }
        const QPdfDocument::Error e = m_document->load(job.path);
        if (e != QPdfDocument::Error::None || m_document->pageCount() <= 0) {
            emit opened(job.generation, 0, QStringLiteral("PDF error %1").arg(int(e)), false);
            return;
        }
        emit opened(job.generation, m_document->pageCount(), QString(), false);
    }

    void render(const Job &job)
    {
        QElapsedTimer timer;
        timer.start();
        QImage image;
        if (m_kind == QLatin1String("image")) {
            if (job.page == 1 && !m_image.isNull())
                image = m_image.scaled(
                    fitted(m_image.size(), job.box), Qt::KeepAspectRatio, Qt::SmoothTransformation);
        } else if (job.page >= 1) {
            const QSize size = fitted(m_document->pagePointSize(job.page - 1), job.box);
            if (!size.isEmpty()) {
                QPdfDocumentRenderOptions options;
                options.setRenderFlags(QPdfDocumentRenderOptions::RenderFlag::Annotations);
                image = m_document->render(job.page - 1, size, options);
            }
        }
        emit rendered(job.generation, job.page, job.box, image, timer.nsecsElapsed() / 1000);
    }

    QMutex m_mutex;
    QList<Job> m_jobs;
    bool m_kicked = false;
    quint64 m_generation = 0;
    QString m_kind;
    QImage m_image;
    std::unique_ptr<QPdfDocument> m_document;
};

PresenterRenderer::PresenterRenderer(QObject *parent)
    : QObject(parent)
    , m_worker(new PresenterRenderWorker)
{
    m_thread.setObjectName(QStringLiteral("presenter-renderer"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &PresenterRenderWorker::opened, this,
        [this](quint64 generation, int pageCount, const QString &error, bool hashMismatch) {
            if (generation == m_generation)
                emit opened(pageCount, error, hashMismatch);
        });
    connect(m_worker, &PresenterRenderWorker::rendered, this,
        [this](quint64 generation, int page, const QSize &box, const QImage &image, qint64 micros) {
            if (generation == m_generation)
                emit rendered(page, box, image, micros);
        });
    m_thread.start();
}

PresenterRenderer::~PresenterRenderer()
{
    m_thread.quit();
    m_thread.wait();
}

void PresenterRenderer::open(const QString &path, const QString &kind, const QString &sha256)
{
    PresenterRenderWorker::Job job;
    job.generation = ++m_generation;
    job.open = true;
    job.path = path;
    job.kind = kind;
    job.sha256 = sha256;
    m_worker->postOpen(job);
}

void PresenterRenderer::want(const QList<int> &pages, const QSize &box)
{
    QList<PresenterRenderWorker::Job> jobs;
    for (int page : pages) {
        PresenterRenderWorker::Job job;
        job.generation = m_generation;
        job.page = page;
        job.box = box;
        jobs.append(job);
    }
    m_worker->postWanted(jobs);
}

bool PresenterRenderer::isVerified(const QString &path, const QString &sha256)
{
    return alreadyVerified(path, sha256);
}

int PresenterRenderer::hashCount()
{
    return g_hashCount.load();
}

} // namespace rounds

#include "presenterrenderer.moc"
