#include "ui/signin/signoutdialog.h"

#include "sync/session.h"
#include "ui/common/widgets.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace rounds {

SignOutDialog::SignOutDialog(Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("signOutDialog"));
    setWindowTitle(tr("Sign out"));
    setMinimumWidth(440);

    auto *intro
        = new QLabel(tr("Sign out of %1? You sign in again to sync.").arg(session->account().server), this);
    intro->setObjectName(QStringLiteral("signOutIntroLabel"));
    intro->setWordWrap(true);
    m_remove = new QCheckBox(tr("Also remove this computer's Rounds data for %1 (the database and the saved "
                                "sign-in)")
                                 .arg(session->account().user),
        this);
    m_remove->setObjectName(QStringLiteral("removeDataCheckBox"));
    m_warning = widgets::errorLabel(QStringLiteral("unsentWarningLabel"), this);
    m_confirm = new QCheckBox(this);
    m_confirm->setObjectName(QStringLiteral("confirmLossCheckBox"));
    m_confirm->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signOut = buttons->addButton(tr("Sign out"), QDialogButtonBox::AcceptRole);
    m_signOut->setObjectName(QStringLiteral("signOutButton"));
    m_signOut->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SignOutDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_remove, &QCheckBox::toggled, this, [this](bool on) {
        m_signOut->setText(on ? tr("Remove data and sign out") : tr("Sign out"));
        if (!on) {
            m_warning->hide();
            m_confirm->hide();
            m_confirm->setChecked(false);
        }
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_remove);
    layout->addWidget(m_warning);
    layout->addWidget(m_confirm);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addWidget(buttons);
}

void SignOutDialog::submit()
{
    if (!m_remove->isChecked()) {
        m_choice = Choice::KeepData;
        accept();
        return;
    }
    if (!m_confirm->isVisible()) {
        // What waits goes out first; only what still cannot leave needs the second question.
        setEnabled(false);
        m_status->setText(tr("Sending your changes…"));
        m_status->show();
        QApplication::setOverrideCursor(Qt::WaitCursor);
        m_unsent = m_session->pushBeforeSignOut();
        QApplication::restoreOverrideCursor();
        m_status->hide();
        setEnabled(true);
        if (m_unsent > 0) {
            m_warning->setText(
                tr("%n change(s) made on this computer have not reached the server (it cannot be "
                   "reached, or refused them). Removing the data deletes them for good.",
                    nullptr, m_unsent));
            m_warning->show();
            m_confirm->setText(tr("Delete the %n unsent change(s) too", nullptr, m_unsent));
            m_confirm->show();
            adjustSize();
            return;
        }
    } else if (!m_confirm->isChecked()) {
        m_confirm->setFocus();
        return; // the second confirmation is explicit: nothing is deleted without the tick
    }
    m_choice = Choice::RemoveData;
    accept();
}

} // namespace rounds
