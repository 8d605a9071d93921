#pragma once

#include "common/protocol/adminusers.h"

#include <QAbstractTableModel>
#include <QHash>

#include <functional>

namespace rounds {

// The users of the admin Users page as the server listed them (GET /api/v1/admin/users): one row per
// user, with the number of devices and the last contact. The page formats the values (role labels, local
// times) through its formatter, as ListPage does.
class UserListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Login, Role, HomeTerritory, Active, Devices, LastSeen, ColumnCount };
    enum ItemRole { IdRole = Qt::UserRole + 1, ActiveRole, RoleValueRole };
    // How a value is shown: (column, the raw value) → the text. Raw values: role and last contact as the
    // server sends them, active as a bool, devices as a count.
    using Formatter = std::function<QVariant(int column, const QVariant &raw)>;

    explicit UserListModel(QObject *parent = nullptr);

    void setUsers(const QList<protocol::AdminUser> &users);
    // Territory id → what to show for it (code and name), from the local store.
    void setTerritoryNames(const QHash<QString, QString> &names);
    void setFormatter(Formatter formatter) { m_formatter = std::move(formatter); }

    const QList<protocol::AdminUser> &users() const { return m_users; }
    // The user with this id, or null.
    const protocol::AdminUser *user(const QString &id) const;
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant raw(const protocol::AdminUser &u, int column) const;

    QList<protocol::AdminUser> m_users;
    QHash<QString, QString> m_territories;
    Formatter m_formatter;
};

} // namespace rounds
