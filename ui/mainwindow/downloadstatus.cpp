#include "ui/mainwindow/downloadstatus.h"

#include "sync/downloadqueue.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

namespace rounds {

namespace {

qint64 megabytes(qint64 bytes)
{
    return (bytes + 500'000) / 1'000'000;
}

} // namespace

DownloadStatus::DownloadStatus(DownloadQueue *queue, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("downloadStatus"));
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("downloadStateLabel"));
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("downloadProgressBar"));
    m_bar->setMaximumWidth(140);
    m_bar->setTextVisible(false);
    m_bar->setRange(0, 1000);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    connect(queue, &DownloadQueue::progressChanged, this, &DownloadStatus::display);
    setVisible(false);
}

QString DownloadStatus::text() const
{
    return isHidden() ? QString() : m_label->text();
}

void DownloadStatus::display(const DownloadProgress &p)
{
    if (p.running && p.filesTotal > 0 && !p.current.isEmpty()) {
        const qint64 done = p.bytesDone + p.currentBytes;
        m_label->setText(tr("Downloading materials: %1 of %2 · %3 of %4 MB")
                             .arg(p.filesDone + 1)
                             .arg(p.filesTotal)
                             .arg(megabytes(done))
                             .arg(megabytes(p.bytesTotal)));
        m_label->setToolTip(QString());
        m_bar->setValue(p.bytesTotal > 0 ? int(qMin<qint64>(1000, done * 1000 / p.bytesTotal)) : 0);
        m_bar->setVisible(true);
        setVisible(true);
        return;
    }
    if (!p.running && !p.error.isEmpty()) {
        m_label->setText(p.offline ? tr("Downloads paused: the server cannot be reached")
                                   : tr("A download failed; it is tried again at the next sync"));
        m_label->setToolTip(p.error);
        m_bar->setVisible(false);
        setVisible(true);
        return;
    }
    if (!p.running)
        setVisible(false);
}

} // namespace rounds
