#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;

namespace rounds {

class Session;

// File → Sign out: signs out, and on request removes this computer's data for the account. Removing
// sends what waits first; when changes still have not reached the server (offline, refused) it asks a
// second time, naming how many would be lost, and goes on only when that box is ticked.
class SignOutDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Choice { Cancel, KeepData, RemoveData };

    explicit SignOutDialog(Session *session, QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    // The unsent changes the second question names (after the push); -1 before it was asked.
    int unsentNamed() const { return m_unsent; }
    // What the Sign out button does; accepts when the choice is made.
    void submit();

private:
    Session *m_session;
    QCheckBox *m_remove = nullptr;
    QLabel *m_warning = nullptr;
    QCheckBox *m_confirm = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_signOut = nullptr;
    Choice m_choice = Choice::Cancel;
    int m_unsent = -1;
};

} // namespace rounds
