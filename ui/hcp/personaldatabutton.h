#pragma once

#include <QToolButton>

class QAction;

namespace rounds {

class DsrRequests;
class Session;
struct DsrResult;

// The HCP profile's "Personal data" menu for SFE and admin users (docs/privacy.md, "Data-subject
// requests"): export everything the server holds about the HCP (JSON, or the server's PDF in English or
// Chinese) to files the user picks, and erase the HCP's personal data (EraseDialog, then a sync so this
// laptop shows the anonymised HCP). Both ask the server, so they are disabled while offline or signed
// out, with a tooltip that says why. The profile view shows it only to roles that write HCP master data.
class PersonalDataButton final : public QToolButton
{
    Q_OBJECT
public:
    explicit PersonalDataButton(Session *session, QWidget *parent = nullptr);

    void setHcp(const QString &hcpId, const QString &name);
    // Whether the requests can reach the server now (signed in, the last sync not offline).
    bool isOnline() const;

    QAction *exportJsonAction() const { return m_exportJson; }
    QAction *exportPdfAction() const { return m_exportPdf; }
    QAction *exportPdfChineseAction() const { return m_exportPdfChinese; }
    QAction *eraseAction() const { return m_erase; }

signals:
    // What to tell the user (the profile's message line).
    void message(const QString &text, bool error);
    // An export was written (or failed), an erasure answered (or failed).
    void exportFinished(bool ok);
    void eraseFinished(bool ok);

private:
    void exportAs(const QString &format, const QString &lang);
    void onExported(const DsrResult &result);
    void askErase();
    void onErased(const DsrResult &result);
    void updateState();

    Session *m_session;
    DsrRequests *m_requests;
    QAction *m_exportJson;
    QAction *m_exportPdf;
    QAction *m_exportPdfChinese;
    QAction *m_erase;
    QString m_hcpId;
    QString m_name;
    QString m_path; // where the export in flight goes
    QString m_lastReason; // offered again when an erasure failed
    bool m_busy = false;
};

} // namespace rounds
