#pragma once

#include "models/datedlistmodel.h"

namespace rounds {

// Visit plans in time order, optionally for a period, a status, one HCP.
class PlanListModel final : public DatedListModel
{
    Q_OBJECT
public:
    enum Column { PlannedAt, Hcp, Channel, Purpose, Status, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, HcpIdRole, StatusRole, PlannedAtRole, VisitIdRole, PendingRole };

    explicit PlanListModel(Store *store, QObject *parent = nullptr);

protected:
    QStringList headers() const override;
    QStringList selectExpressions() const override;
};

} // namespace rounds
