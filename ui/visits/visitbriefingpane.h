#pragma once

#include <QGroupBox>

class QLabel;

namespace rounds {

class Store;

// The read-only pane at the top of the visit dialog: what the HCP said at their last visit and the
// follow-ups still open, read from the local store (VisitQueries::briefing), so the rep logs the visit
// with them in view. Not a Tab stop: it holds nothing to edit.
class VisitBriefingPane final : public QGroupBox
{
    Q_OBJECT
public:
    explicit VisitBriefingPane(QWidget *parent = nullptr);

    // Reads the briefing for a visit to `hcpId` (`visitId` empty for a new visit). False with `error` when
    // the store could not be read; the pane then says so.
    bool load(Store *store, const QString &hcpId, const QString &visitId, QString *error = nullptr);

private:
    QLabel *m_lastVisit = nullptr;
    QLabel *m_feedback = nullptr;
    QLabel *m_followUps = nullptr;
};

} // namespace rounds
