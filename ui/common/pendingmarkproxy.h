#pragma once

#include <QIdentityProxyModel>
#include <QPixmap>

namespace rounds {

// Marks rows whose local change still waits to be pushed (an orange dot, a tooltip), reading the
// source model's "pending" role; everything else passes through unchanged.
class PendingMarkProxy final : public QIdentityProxyModel
{
    Q_OBJECT
public:
    PendingMarkProxy(int pendingRole, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    int m_pendingRole;
    QPixmap m_dot;
};

} // namespace rounds
