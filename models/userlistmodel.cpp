#include "models/userlistmodel.h"

namespace rounds {

UserListModel::UserListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void UserListModel::setUsers(const QList<protocol::AdminUser> &users)
{
    beginResetModel();
    m_users = users;
    endResetModel();
}

void UserListModel::setTerritoryNames(const QHash<QString, QString> &names)
{
    m_territories = names;
    if (!m_users.isEmpty())
        emit dataChanged(index(0, HomeTerritory), index(rowCount() - 1, HomeTerritory));
}

const protocol::AdminUser *UserListModel::user(const QString &id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_users.at(row);
}

int UserListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_users.size(); ++row) {
        if (m_users.at(row).id == id)
            return row;
    }
    return -1;
}

int UserListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int UserListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserListModel::raw(const protocol::AdminUser &u, int column) const
{
    switch (column) {
    case Name:
        return u.displayName.isEmpty() ? u.username : u.displayName;
    case Login:
        return u.username;
    case Role:
        return u.role;
    case HomeTerritory:
        return u.homeTerritoryId.isEmpty() ? QString()
                                           : m_territories.value(u.homeTerritoryId, u.homeTerritoryId);
    case Active:
        return u.active;
    case Devices:
        return int(u.devices.size());
    case LastSeen:
        return u.lastSeen;
    default:
        return {};
    }
}

QVariant UserListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_users.size())
        return {};
    const protocol::AdminUser &u = m_users.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        const QVariant value = raw(u, index.column());
        return m_formatter ? m_formatter(index.column(), value) : value;
    }
    case Qt::TextAlignmentRole:
        return index.column() == Devices ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case IdRole:
        return u.id;
    case ActiveRole:
        return u.active;
    case RoleValueRole:
        return u.role;
    default:
        return {};
    }
}

QVariant UserListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Login:
        return tr("Login");
    case Role:
        return tr("Role");
    case HomeTerritory:
        return tr("Home territory");
    case Active:
        return tr("Active");
    case Devices:
        return tr("Devices");
    case LastSeen:
        return tr("Last seen");
    default:
        return {};
    }
}

} // namespace rounds
