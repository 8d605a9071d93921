#include "ui/admin/usersview.h"

#include "models/territories.h"
#include "models/userlistmodel.h"
#include "sync/adminrequests.h"
#include "sync/session.h"
#include "ui/common/labels.h"
#include "ui/common/prompter.h"
#include "ui/common/theme.h"
#include "ui/common/widgets.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rounds {

namespace {

QString dateOrNever(const QString &iso)
{
    return iso.isEmpty() ? UsersView::tr("Never") : Labels::localDateTime(iso);
}

QString nameOf(const protocol::AdminUser &u)
{
    return u.displayName.isEmpty() ? u.username : u.displayName;
}

} // namespace

UsersView::UsersView(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_requests(new AdminRequests(session, this))
    , m_model(new UserListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("usersView"));
    m_model->setFormatter([](int column, const QVariant &raw) -> QVariant {
        switch (column) {
        case UserListModel::Role:
            return Labels::role(raw.toString());
        case UserListModel::Active:
            return raw.toBool() ? tr("Active") : tr("Disabled");
        case UserListModel::LastSeen:
            return dateOrNever(raw.toString());
        default:
            return raw;
        }
    });
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_state = widgets::named<QLabel>(QStringLiteral("usersStateLabel"), this);
    m_state->setWordWrap(true);
    m_filter = widgets::named<QLineEdit>(QStringLiteral("usersFilterLineEdit"), this);
    m_filter->setPlaceholderText(tr("Filter by name, login, role or territory"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    m_reload = widgets::button(tr("Reload"), QStringLiteral("reloadUsersButton"), this);
    m_new = widgets::button(tr("New user…"), QStringLiteral("newUserButton"), this);
    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_reload);
    top->addWidget(m_new);

    m_table = widgets::named<QTableView>(QStringLiteral("usersTableView"), this);
    m_table->setModel(m_proxy);
    widgets::setUpRowView(m_table);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_details = widgets::named<QLabel>(QStringLiteral("userDetailsLabel"), this);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_change = widgets::button(tr("Change role and territory…"), QStringLiteral("changeRoleButton"), this);
    m_password = widgets::button(tr("Reset password…"), QStringLiteral("resetPasswordButton"), this);
    m_toggle = widgets::button(tr("Disable…"), QStringLiteral("toggleActiveButton"), this);
    m_revoke = widgets::button(tr("Revoke device…"), QStringLiteral("revokeDeviceButton"), this);
    m_devices = widgets::rowTable(QStringLiteral("devicesTableWidget"),
        {tr("Device"), tr("Version"), tr("First seen"), tr("Last seen"), tr("Revoked")}, this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_change);
    buttons->addWidget(m_password);
    buttons->addWidget(m_toggle);
    buttons->addStretch(1);
    buttons->addWidget(m_revoke);
    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_details);
    detailsLayout->addLayout(buttons);
    detailsLayout->addWidget(m_devices, 1);

    auto *split = widgets::named<QSplitter>(QStringLiteral("usersSplitter"), Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(widgets::pageTitle(tr("Users"), this));
    layout->addWidget(
        widgets::hint(tr("Everyone who signs in to Rounds, and the computers they use. Changes go "
                         "to the server at once, so this page needs a connection."),
            this));
    layout->addWidget(m_state);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(m_reload, &QPushButton::clicked, this, &UsersView::reload);
    connect(m_new, &QPushButton::clicked, this, &UsersView::newUser);
    connect(m_change, &QPushButton::clicked, this, &UsersView::changeRole);
    connect(m_password, &QPushButton::clicked, this, &UsersView::resetPassword);
    connect(m_toggle, &QPushButton::clicked, this, &UsersView::toggleActive);
    connect(m_revoke, &QPushButton::clicked, this, &UsersView::revokeDevice);
    connect(
        m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &UsersView::showDetails);
    connect(m_devices, &QTableWidget::itemSelectionChanged, this, &UsersView::updateActions);
    connect(m_requests, &AdminRequests::finished, this, &UsersView::onFinished);
    // Offline, signed in again or back online: the actions follow, and a page that could not read the
    // list reads it once the server is there.
    connect(session, &Session::accountChanged, this, [this] {
        m_reachable = true;
        if (m_shownOnce && isVisible())
            reload();
        updateActions();
    });
    connect(session->engine(), &SyncEngine::offlineChanged, this, [this] {
        if (!m_session->engine()->isOffline() && !m_reachable && isVisible())
            reload();
        updateActions();
    });
    showDetails();
}

void UsersView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_shownOnce) {
        m_shownOnce = true;
        reload();
    }
}

bool UsersView::isOnline() const
{
    return m_session->isSignedIn() && !m_session->engine()->isOffline() && m_reachable;
}

void UsersView::reload()
{
    if (m_select.isEmpty())
        m_select = currentUserId();
    QHash<QString, QString> names;
    for (const UserFormDialog::Territory &t : territories())
        names.insert(t.first, t.second);
    m_model->setTerritoryNames(names);
    if (m_lastMessage.isEmpty())
        say(tr("Reading the users from the server…"), false);
    m_reachable = true;
    m_requests->list();
    updateActions();
}

void UsersView::say(const QString &text, bool error)
{
    m_state->setText(text);
    theme::setTone(m_state, error ? theme::Tone::Error : theme::Tone::Normal);
}

void UsersView::onFinished(const AdminResult &result)
{
    if (result.status == AdminResult::Offline)
        m_reachable = false;
    if (result.action != AdminResult::List) {
        // A change: say what happened, and read the list again (the server's word on every user).
        if (result.ok()) {
            m_select = result.user.id;
            const QString who = nameOf(result.user);
            switch (result.action) {
            case AdminResult::Create:
                m_lastMessage = tr("%1 was created. Tell them their login and initial password.").arg(who);
                break;
            case AdminResult::Update:
                m_lastMessage = tr("%1 now works as %2.").arg(who, Labels::role(result.user.role));
                break;
            case AdminResult::Disable:
                m_lastMessage
                    = tr("%1 is disabled; their computers delete their Rounds data at their next contact.")
                          .arg(who);
                break;
            case AdminResult::Enable:
                m_lastMessage = tr("%1 may sign in again.").arg(who);
                break;
            case AdminResult::ResetPassword:
                m_lastMessage = tr("%1 has a new password and signs in again on every computer.").arg(who);
                break;
            case AdminResult::RevokeDevice:
                m_lastMessage = tr("The device is revoked; it deletes its Rounds data at its next contact.");
                break;
            case AdminResult::List:
                break;
            }
            m_lastWasError = false;
        } else {
            m_lastMessage = result.message;
            m_lastWasError = true;
        }
        say(m_lastMessage, m_lastWasError);
        if (result.ok() || result.status == AdminResult::Refused)
            reload();
        emit actionFinished(result);
        updateActions();
        return;
    }
    if (result.ok()) {
        m_model->setUsers(result.users.users);
        if (!m_lastMessage.isEmpty())
            say(m_lastMessage, m_lastWasError);
        else
            say(tr("%n user(s).", nullptr, int(result.users.users.size())), false);
        m_lastMessage.clear();
        if (!m_select.isEmpty() && !selectUser(m_select))
            m_table->setCurrentIndex(m_proxy->index(0, 0));
        else if (m_select.isEmpty() && m_proxy->rowCount() > 0)
            m_table->setCurrentIndex(m_proxy->index(0, 0));
        m_select.clear();
    } else {
        say(result.message, true);
        m_lastMessage.clear();
    }
    showDetails();
    emit loaded();
}

bool UsersView::selectUser(const QString &userId)
{
    const int row = m_model->rowOf(userId);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    return true;
}

QString UsersView::currentUserId() const
{
    return m_table->currentIndex().data(UserListModel::IdRole).toString();
}

QString UsersView::busiestUserId() const
{
    QString id;
    qsizetype most = -1;
    for (const protocol::AdminUser &u : m_model->users()) {
        if (u.devices.size() > most) {
            most = u.devices.size();
            id = u.id;
        }
    }
    return id;
}

void UsersView::showDetails()
{
    const protocol::AdminUser *u = m_model->user(currentUserId());
    if (!u) {
        m_details->setText(tr("Choose a user to see their devices."));
    } else {
        const QString territory
            = m_model->index(m_model->rowOf(u->id), UserListModel::HomeTerritory).data().toString();
        QStringList parts {tr("%1 (%2)").arg(nameOf(*u), u->username), Labels::role(u->role)};
        if (!territory.isEmpty())
            parts << territory;
        parts << (u->active ? tr("Active") : tr("Disabled"));
        m_details->setText(parts.join(QStringLiteral(" · ")));
    }
    m_toggle->setText(u && !u->active ? tr("Enable") : tr("Disable…"));
    fillDevices(u);
    updateActions();
}

void UsersView::fillDevices(const protocol::AdminUser *user)
{
    m_devices->setRowCount(0);
    if (!user)
        return;
    for (const protocol::AdminDevice &d : user->devices) {
        const int row = m_devices->rowCount();
        m_devices->insertRow(row);
        const QString revoked = d.revoked()
            ? (d.revokedReason.isEmpty()
                    ? Labels::localDateTime(d.revokedAt)
                    : tr("%1 · %2").arg(Labels::localDateTime(d.revokedAt), d.revokedReason))
            : tr("No");
        const QStringList cells {d.name.isEmpty() ? d.id : d.name, d.clientVersion, dateOrNever(d.firstSeen),
            dateOrNever(d.lastSeen), revoked};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setData(Qt::UserRole, d.id);
            item->setData(Qt::UserRole + 1, d.revoked());
            if (d.revoked())
                item->setForeground(theme::toneColor(theme::Tone::Muted));
            if (c == 0)
                item->setToolTip(tr("Device id %1").arg(d.id));
            m_devices->setItem(row, c, item);
        }
    }
}

QString UsersView::selectedDeviceId() const
{
    const QList<QTableWidgetItem *> items = m_devices->selectedItems();
    if (items.isEmpty() || items.first()->data(Qt::UserRole + 1).toBool())
        return {};
    return items.first()->data(Qt::UserRole).toString();
}

void UsersView::updateActions()
{
    const bool online = isOnline() && !m_requests->isBusy();
    const bool chosen = !currentUserId().isEmpty();
    m_reload->setEnabled(m_session->isSignedIn() && !m_requests->isBusy());
    m_new->setEnabled(online);
    m_change->setEnabled(online && chosen);
    m_password->setEnabled(online && chosen);
    m_toggle->setEnabled(online && chosen);
    m_revoke->setEnabled(online && chosen && !selectedDeviceId().isEmpty());
    if (!m_session->isSignedIn())
        say(tr("Sign in to manage users: users and devices live on the server, so this page works online "
               "only."),
            true);
    else if (m_session->engine()->isOffline())
        say(tr("Offline: users and devices live on the server, so they can be changed only while Rounds "
               "reaches it. Nothing was changed."),
            true);
}

QList<UserFormDialog::Territory> UsersView::territories() const
{
    QList<UserFormDialog::Territory> out;
    QList<TerritoryNode> nodes;
    if (!m_session->store() || !Territories::list(m_session->store(), &nodes))
        return out;
    for (const TerritoryNode &n : nodes) {
        if (!n.retired && n.level != QLatin1String("region"))
            out << UserFormDialog::Territory {
                n.id, n.name.isEmpty() ? n.code : tr("%1 · %2").arg(n.code, n.name)};
    }
    return out;
}

void UsersView::newUser()
{
    auto *dialog = new UserFormDialog(UserFormDialog::Mode::Create, territories(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_requests->create(dialog->newUser());
        updateActions();
    });
    dialog->open();
}

void UsersView::changeRole()
{
    const protocol::AdminUser *u = m_model->user(currentUserId());
    if (!u)
        return;
    auto *dialog = new UserFormDialog(UserFormDialog::Mode::Change, territories(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setUser(*u);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id = u->id] {
        m_requests->update(id, dialog->change());
        updateActions();
    });
    dialog->open();
}

void UsersView::resetPassword()
{
    const protocol::AdminUser *u = m_model->user(currentUserId());
    if (!u)
        return;
    auto *dialog = new PasswordDialog(nameOf(*u), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id = u->id] {
        m_requests->resetPassword(id, dialog->password());
        updateActions();
    });
    dialog->open();
}

void UsersView::toggleActive()
{
    const protocol::AdminUser *u = m_model->user(currentUserId());
    if (!u)
        return;
    if (!u->active) {
        m_requests->setActive(u->id, true);
        updateActions();
        return;
    }
    const QString question
        = tr("Disable %1? They can no longer sign in, and every computer they use deletes its Rounds data at "
             "its next contact. Changes they have not sent are lost.")
              .arg(nameOf(*u));
    if (!Prompter::instance().confirm(this, tr("Disable user"), question))
        return;
    m_requests->setActive(u->id, false);
    updateActions();
}

void UsersView::revokeDevice()
{
    const protocol::AdminUser *u = m_model->user(currentUserId());
    const QString device = selectedDeviceId();
    if (!u || device.isEmpty())
        return;
    const std::optional<QString> reason = Prompter::instance().askText(this, tr("Revoke device"),
        tr("Why? The user reads this on that computer (e.g. \"laptop reported lost\")."), QString());
    if (!reason)
        return;
    const QString problem = AdminClient::checkReason(*reason);
    if (!problem.isEmpty()) {
        Prompter::instance().inform(this, tr("Revoke device"), problem);
        return;
    }
    QString name = device;
    for (const protocol::AdminDevice &d : u->devices) {
        if (d.id == device && !d.name.isEmpty())
            name = d.name;
    }
    const QString question
        = tr("Revoke %1 of %2? At its next contact it deletes its Rounds data and sign-in; "
             "changes not yet sent from it are lost. Their other computers go on working.")
              .arg(name, nameOf(*u));
    if (!Prompter::instance().confirm(this, tr("Revoke device"), question))
        return;
    m_requests->revokeDevice(device, *reason);
    updateActions();
}

} // namespace rounds
