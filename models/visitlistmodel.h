#pragma once

#include "models/datedlistmodel.h"

namespace rounds {

// Visits, newest first unless the view sorts otherwise; optionally one HCP's, a status, a period.
class VisitListModel final : public DatedListModel
{
    Q_OBJECT
public:
    enum Column { VisitedAt, Hcp, Channel, Status, Duration, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, HcpIdRole, StatusRole, VisitedAtRole, NotesRole, PendingRole };

    explicit VisitListModel(Store *store, QObject *parent = nullptr);

protected:
    QStringList headers() const override;
    QStringList selectExpressions() const override;
};

} // namespace rounds
