#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

namespace rounds {

class DownloadQueue;
struct DownloadProgress;

// The status bar's word on the background downloads: "Downloading materials: 3 of 12 · 45 of 210 MB"
// with a progress bar while files come in, hidden when idle; a failure in words until the next run.
class DownloadStatus final : public QWidget
{
    Q_OBJECT
public:
    explicit DownloadStatus(DownloadQueue *queue, QWidget *parent = nullptr);

    void display(const rounds::DownloadProgress &progress);
    QString text() const;

private:
    QLabel *m_label = nullptr;
    QProgressBar *m_bar = nullptr;
};

} // namespace rounds
