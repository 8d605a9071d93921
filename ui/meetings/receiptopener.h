#pragma once

#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace rounds {

class MeetingEditor;
class Session;

// "Open receipt" in the meeting editor (docs/meetings.md, "Receipts"): the selected expense's evidence
// opens from this computer when it is here (evidence/ if this laptop took it, files/ if it was fetched
// before), else it is downloaded on demand through the download queue (DownloadQueue::request: it goes
// before any material) into files/ and then opened; progress and failures show in words beside the
// button, and offline says so. Opening goes through QDesktopServices unless a test sets an opener.
class ReceiptOpener final : public QWidget
{
    Q_OBJECT
public:
    // Puts itself beside the editor's "Attach evidence…" button and follows its expense table.
    static ReceiptOpener *attach(MeetingEditor *editor, Session *session);

    ReceiptOpener(Session *session, QTableWidget *expenses, QWidget *parent = nullptr);

    // Opens the file a reference ("sha256:<hex>:<name>") names, or starts its download (true); false
    // with the reason shown when it cannot.
    bool open(const QString &reference);
    QString message() const;
    // Who opens a local file (default: QDesktopServices::openUrl); tests record the path instead.
    static void setOpener(std::function<bool(const QString &path)> opener);

signals:
    void opened(const QString &path);

private:
    QString selectedReference() const;
    void updateButton();
    void say(const QString &text);
    bool launch(const QString &path);

    Session *m_session;
    QPointer<QTableWidget> m_expenses;
    QPushButton *m_button = nullptr;
    QLabel *m_state = nullptr;
    QString m_waiting; // the hash being fetched for this editor
};

} // namespace rounds
