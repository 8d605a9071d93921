#pragma once

#include "common/protocol/adminusers.h"
#include "sync/adminclient.h"

#include <QDialog>
#include <QList>
#include <QPair>

class QComboBox;
class QLabel;
class QLineEdit;

namespace rounds {

// The forms of the Users page. Each checks what the server would refuse (AdminClient::check…) before it
// closes, so the person reads the rule in their language and nothing is sent that would be refused.

// New user… (login, name, role, home territory, initial password twice), or Change role and territory…
// (name, role, home territory) of one user.
class UserFormDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Create, Change };
    using Territory = QPair<QString, QString>; // id, label

    UserFormDialog(Mode mode, const QList<Territory> &territories, QWidget *parent = nullptr);

    // Change: the user as the server has them now.
    void setUser(const protocol::AdminUser &user);
    NewUserRequest newUser() const;
    UserChangeRequest change() const;

    void accept() override;

private:
    QString problem() const; // what keeps the form from being sent, or empty

    Mode m_mode;
    QLineEdit *m_login = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_role = nullptr;
    QComboBox *m_territory = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_confirm = nullptr;
    QLabel *m_error = nullptr;
};

// Reset password…: the new password twice.
class PasswordDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PasswordDialog(const QString &who, QWidget *parent = nullptr);
    QString password() const;
    void accept() override;

private:
    QLineEdit *m_password = nullptr;
    QLineEdit *m_confirm = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace rounds
