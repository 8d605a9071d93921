#include "ui/hcp/personaldatabutton.h"

#include "sync/dsrclient.h"
#include "sync/session.h"
#include "ui/common/prompter.h"
#include "ui/hcp/erasedialog.h"

#include <QAction>
#include <QDir>
#include <QMenu>
#include <QRegularExpression>
#include <QSaveFile>

namespace rounds {

namespace {

// An export is personal data: readable by the user only, from the first byte (as the server's command
// writes it). A partial file never replaces an earlier one.
bool writePrivate(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner)
        || file.write(data) != data.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

QString safeFileName(QString name)
{
    static const QRegularExpression unsafe(QStringLiteral(R"([\\/:*?"<>|\s]+)"));
    name.replace(unsafe, QStringLiteral("-"));
    return name.isEmpty() ? QStringLiteral("hcp") : name;
}

} // namespace

PersonalDataButton::PersonalDataButton(Session *session, QWidget *parent)
    : QToolButton(parent)
    , m_session(session)
    , m_requests(new DsrRequests(session, this))
{
    setObjectName(QStringLiteral("personalDataButton"));
    setText(tr("Personal data"));
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("personalDataMenu"));
    m_exportJson = menu->addAction(tr("Export personal data as &JSON…"));
    m_exportJson->setObjectName(QStringLiteral("exportPersonalJsonAction"));
    m_exportPdf = menu->addAction(tr("Export personal data as &PDF (English)…"));
    m_exportPdf->setObjectName(QStringLiteral("exportPersonalPdfAction"));
    m_exportPdfChinese = menu->addAction(tr("Export personal data as PDF (&Chinese)…"));
    m_exportPdfChinese->setObjectName(QStringLiteral("exportPersonalPdfChineseAction"));
    menu->addSeparator();
    m_erase = menu->addAction(tr("&Erase personal data…"));
    m_erase->setObjectName(QStringLiteral("erasePersonalDataAction"));
    setMenu(menu);

    connect(m_exportJson, &QAction::triggered, this,
        [this] { exportAs(QStringLiteral("json"), QStringLiteral("en")); });
    connect(m_exportPdf, &QAction::triggered, this,
        [this] { exportAs(QStringLiteral("pdf"), QStringLiteral("en")); });
    connect(m_exportPdfChinese, &QAction::triggered, this,
        [this] { exportAs(QStringLiteral("pdf"), QStringLiteral("zh_CN")); });
    connect(m_erase, &QAction::triggered, this, &PersonalDataButton::askErase);
    connect(m_requests, &DsrRequests::exported, this, &PersonalDataButton::onExported);
    connect(m_requests, &DsrRequests::erased, this, &PersonalDataButton::onErased);
    connect(m_session, &Session::accountChanged, this, &PersonalDataButton::updateState);
    connect(m_session->engine(), &SyncEngine::offlineChanged, this, &PersonalDataButton::updateState);
    updateState();
}

void PersonalDataButton::setHcp(const QString &hcpId, const QString &name)
{
    m_hcpId = hcpId;
    m_name = name;
    updateState();
}

bool PersonalDataButton::isOnline() const
{
    return m_session->isSignedIn() && !m_session->engine()->isOffline();
}

void PersonalDataButton::updateState()
{
    const bool online = isOnline();
    const bool enabled = online && !m_busy && !m_hcpId.isEmpty();
    for (QAction *a : {m_exportJson, m_exportPdf, m_exportPdfChinese, m_erase})
        a->setEnabled(enabled);
    setEnabled(enabled);
    setToolTip(!m_session->isSignedIn() ? tr("Exporting or erasing an HCP's personal data asks the server: "
                                             "sign in first.")
            : !online ? tr("Exporting or erasing an HCP's personal data asks the server, which cannot be "
                           "reached now (offline).")
            : m_busy  ? tr("Waiting for the server…")
                      : tr("Data-subject requests: export everything held about this HCP, or erase "
                            "their personal data."));
}

void PersonalDataButton::exportAs(const QString &format, const QString &lang)
{
    if (m_hcpId.isEmpty() || m_busy)
        return;
    const bool pdf = format == QLatin1String("pdf");
    const QString suggested = QDir::home().filePath(
        QStringLiteral("%1-personal-data%2.%3")
            .arg(safeFileName(m_name), lang == QLatin1String("zh_CN") ? QStringLiteral("-zh") : QString(),
                pdf ? QStringLiteral("pdf") : QStringLiteral("json")));
    const std::optional<QString> path = Prompter::instance().askSaveFile(this, tr("Export personal data"),
        suggested, pdf ? tr("PDF documents (*.pdf)") : tr("JSON files (*.json)"));
    if (!path)
        return;
    m_path = *path;
    m_busy = true;
    updateState();
    emit message(tr("Asking the server for everything it holds about %1…").arg(m_name), false);
    m_requests->exportHcp(m_hcpId, format, lang);
}

void PersonalDataButton::onExported(const DsrResult &result)
{
    m_busy = false;
    updateState();
    if (!result.ok()) {
        emit message(tr("The export failed: %1").arg(result.message), true);
        emit exportFinished(false);
        return;
    }
    QString error;
    if (!writePrivate(m_path, result.data, &error)) {
        emit message(
            tr("The export could not be saved to %1: %2").arg(QDir::toNativeSeparators(m_path), error), true);
        emit exportFinished(false);
        return;
    }
    emit message(tr("Everything held about %1 was saved to %2 (readable by you only).")
                     .arg(m_name, QDir::toNativeSeparators(m_path)),
        false);
    emit exportFinished(true);
}

void PersonalDataButton::askErase()
{
    if (m_hcpId.isEmpty() || m_busy)
        return;
    auto *dialog = new EraseDialog(m_name, m_lastReason, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = m_hcpId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        m_lastReason = dialog->reason();
        m_busy = true;
        updateState();
        emit message(tr("Asking the server to erase the personal data of %1…").arg(m_name), false);
        m_requests->erase(id, dialog->reason());
    });
    dialog->open();
}

void PersonalDataButton::onErased(const DsrResult &result)
{
    m_busy = false;
    updateState();
    if (!result.ok()) {
        emit message(tr("The personal data was not erased: %1").arg(result.message), true);
        emit eraseFinished(false);
        return;
    }
    m_lastReason.clear();
    const QString placeholder = result.answer.value(QLatin1String("placeholder")).toString();
    emit message(result.answer.value(QLatin1String("already_erased")).toBool()
            ? tr("This HCP was erased already; the request is recorded again.")
            : tr("Personal data erased on the server; the HCP is now \"%1\". Syncing so this computer shows "
                 "it; other laptops receive it at their next sync.")
                  .arg(placeholder),
        false);
    // This laptop still holds the personal data until it pulls the erasure.
    m_session->engine()->syncNow();
    emit eraseFinished(true);
}

} // namespace rounds
