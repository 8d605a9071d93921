#pragma once

#include <QGroupBox>

class QLabel;
class QTableWidget;

namespace rounds {

class Session;
struct ContentShowing;

// The Content section of HCP 360 (issue 21; docs/content-analytics.md): what the HCP was shown in
// calls, newest first: when, the material (title, version), pages viewed of its pages, the time on
// screen and the reactions (each page's in the row's tooltip). Views recorded without the HCP's
// tracking consent are anonymous and never listed; without consent now, the empty state says so.
class ContentHistoryPanel final : public QGroupBox
{
    Q_OBJECT
public:
    explicit ContentHistoryPanel(Session *session, QWidget *parent = nullptr);

    void setHcp(const QString &hcpId);
    void reload();
    int rowCount() const;

    // "1 min 5 s", "12 s": a dwell time for the table.
    static QString duration(qint64 ms);

private:
    void fill(const QList<ContentShowing> &items);
    QString emptyText();

    Session *m_session;
    QString m_hcpId;
    QTableWidget *m_table = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace rounds
