#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace rounds {

class Session;

// Server URL, user name, password. Remembers the server and user of the last sign-in (never the
// password); errors appear next to the field at fault, or under the form for the server's answer.
class SignInDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(Session *session, QWidget *parent = nullptr);

    // Validates the form and signs in (blocking, with the dialog disabled); accepts on success.
    bool submit();
    // Pre-fills the server (from --server), unless the user typed one.
    void setServer(const QString &url);
    // Signing in again to the open account: server and user are fixed, only the password is asked.
    void lockAccount(const QString &server, const QString &user);
    // A sentence under the form (why the password is asked again).
    void showMessage(const QString &text) { showError(m_error, text); }

signals:
    void signedIn();

private:
    void showError(QLabel *label, const QString &text);
    void growToFit();
    void clearErrors();

    Session *m_session;
    QLineEdit *m_server = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_serverError = nullptr;
    QLabel *m_userError = nullptr;
    QLabel *m_passwordError = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_signIn = nullptr;
};

} // namespace rounds
