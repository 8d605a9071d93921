#pragma once

#include "sync/adminclient.h"
#include "ui/admin/userdialogs.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;

namespace rounds {

class AdminRequests;
class Session;
class UserListModel;

// The administrator's Users page (docs/client.md, "Users"): every user with their role, home territory,
// state and devices, read from the server, and what an administrator changes there: new users, role and
// territory, a new password, disable and enable, and revoking a device. Users live on the server, so the
// page works online only: offline or signed out its actions are disabled and it says why.
class UsersView final : public QWidget
{
    Q_OBJECT
public:
    explicit UsersView(Session *session, QWidget *parent = nullptr);

    // Asks the server for the list again (the page does so when first shown and after every change).
    void reload();
    // The user shown in the details pane, by id; false when the list has no such user.
    bool selectUser(const QString &userId);
    QString currentUserId() const;
    // The user with the most devices (the fullest details pane), or the first one.
    QString busiestUserId() const;
    // Whether the actions may reach the server: signed in, online, and the last answer came.
    bool isOnline() const;

signals:
    // A list arrived, or could not be read (the state line says which).
    void loaded();
    // A change's answer, after the list was asked for again.
    void actionFinished(const rounds::AdminResult &result);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onFinished(const AdminResult &result);
    void updateActions();
    void showDetails();
    void fillDevices(const protocol::AdminUser *user);
    void say(const QString &text, bool error);
    QString selectedDeviceId() const;
    QList<UserFormDialog::Territory> territories() const;

    void newUser();
    void changeRole();
    void resetPassword();
    void toggleActive();
    void revokeDevice();

    Session *m_session;
    AdminRequests *m_requests;
    UserListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_state = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_details = nullptr;
    QTableWidget *m_devices = nullptr;
    QPushButton *m_reload = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_change = nullptr;
    QPushButton *m_password = nullptr;
    QPushButton *m_toggle = nullptr;
    QPushButton *m_revoke = nullptr;
    bool m_shownOnce = false;
    bool m_reachable = true; // false after an answer said the server cannot be reached
    QString m_select; // the user to select when the list comes
    QString m_lastMessage; // what the last change said, kept over the reload that follows it
    bool m_lastWasError = false;
};

} // namespace rounds
