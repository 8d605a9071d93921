#include "ui/meetings/receiptopener.h"

#include "models/localfiles.h"
#include "models/meetingrepository.h"
#include "models/store.h"
#include "sync/downloadqueue.h"
#include "sync/session.h"
#include "ui/meetings/meetingeditor.h"

#include <QBoxLayout>
#include <QDesktopServices>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QUrl>

namespace rounds {

namespace {

bool openOnDesktop(const QString &path)
{
    return QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

std::function<bool(const QString &)> &opener()
{
    static std::function<bool(const QString &)> open = openOnDesktop;
    return open;
}

// The evidence column of the editor's expense table and the role that holds the reference
// (meetingeditor.cpp: EEvidenceCol, EvidenceData).
constexpr int kEvidenceColumn = 4;
constexpr int kEvidenceRole = Qt::UserRole + 5;

} // namespace

void ReceiptOpener::setOpener(std::function<bool(const QString &path)> open)
{
    opener() = open ? std::move(open) : std::function<bool(const QString &)>(openOnDesktop);
}

ReceiptOpener *ReceiptOpener::attach(MeetingEditor *editor, Session *session)
{
    auto *expenses = editor->findChild<QTableWidget *>(QStringLiteral("expensesTableWidget"));
    auto *attachButton = editor->findChild<QPushButton *>(QStringLiteral("attachEvidenceButton"));
    if (!expenses || !attachButton)
        return nullptr;
    auto *opener = new ReceiptOpener(session, expenses, attachButton->parentWidget());
    // The button row of the Expenses box: after "Attach evidence…".
    for (QBoxLayout *row : attachButton->parentWidget()->findChildren<QBoxLayout *>()) {
        const int at = row->indexOf(attachButton);
        if (at >= 0) {
            row->insertWidget(at + 1, opener);
            break;
        }
    }
    return opener;
}

ReceiptOpener::ReceiptOpener(Session *session, QTableWidget *expenses, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_expenses(expenses)
{
    setObjectName(QStringLiteral("receiptOpener"));
    m_button = new QPushButton(tr("Open receipt"), this);
    m_button->setObjectName(QStringLiteral("openReceiptButton"));
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("receiptStateLabel"));
    m_state->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_button);
    layout->addWidget(m_state);
    connect(m_button, &QPushButton::clicked, this, [this] { open(selectedReference()); });
    connect(expenses, &QTableWidget::itemSelectionChanged, this, &ReceiptOpener::updateButton);
    DownloadQueue *downloads = session->downloads();
    connect(downloads, &DownloadQueue::progressChanged, this, [this](const DownloadProgress &p) {
        if (!m_waiting.isEmpty() && p.current == m_waiting)
            say(tr("Downloading the receipt… %1 %")
                    .arg(p.currentTotal > 0 ? p.currentBytes * 100 / p.currentTotal : 0));
        else if (!m_waiting.isEmpty() && !p.running && p.offline)
            say(tr("The server cannot be reached: the receipt opens once it can."));
    });
    connect(downloads, &DownloadQueue::fileReady, this, [this](const QString &sha256) {
        if (sha256 != m_waiting)
            return;
        m_waiting.clear();
        const QString path = localfiles::existingPathOf(m_session->store()->path(), sha256);
        if (!path.isEmpty())
            launch(path);
    });
    connect(downloads, &DownloadQueue::fileFailed, this, [this](const QString &sha256, const QString &error) {
        if (sha256 != m_waiting)
            return;
        m_waiting.clear();
        say(error.contains(QLatin1String("(404)"))
                ? tr("The server has no such receipt for you: it may not be uploaded yet.")
                : tr("The receipt could not be downloaded: %1").arg(error));
    });
    updateButton();
}

QString ReceiptOpener::selectedReference() const
{
    if (!m_expenses || m_expenses->currentRow() < 0)
        return {};
    const QTableWidgetItem *item = m_expenses->item(m_expenses->currentRow(), kEvidenceColumn);
    return item ? item->data(kEvidenceRole).toString() : QString();
}

void ReceiptOpener::updateButton()
{
    m_button->setEnabled(!evidence::hashOf(selectedReference()).isEmpty());
}

void ReceiptOpener::say(const QString &text)
{
    m_state->setText(text);
    m_state->setVisible(!text.isEmpty());
}

QString ReceiptOpener::message() const
{
    return m_state->isHidden() ? QString() : m_state->text();
}

bool ReceiptOpener::launch(const QString &path)
{
    if (!opener()(path)) {
        say(tr("No program on this computer opens %1.").arg(path));
        return false;
    }
    say(QString());
    emit opened(path);
    return true;
}

bool ReceiptOpener::open(const QString &reference)
{
    const QString sha256 = evidence::hashOf(reference);
    Store *store = m_session->store();
    if (sha256.isEmpty() || !store) {
        say(tr("This expense has no receipt."));
        return false;
    }
    const QString path = localfiles::existingPathOf(store->path(), sha256);
    if (!path.isEmpty())
        return launch(path);
    if (!m_session->isSignedIn() || m_session->engine()->isOffline()) {
        say(tr("You are offline: the receipt is not on this computer and opens once the server can be "
               "reached."));
        return false;
    }
    m_waiting = sha256;
    say(tr("Downloading the receipt…"));
    m_session->downloads()->request(sha256);
    return true;
}

} // namespace rounds
