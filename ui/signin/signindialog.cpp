#include "ui/signin/signindialog.h"

#include "sync/apiclient.h"
#include "sync/session.h"
#include "ui/common/widgets.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rounds {

SignInDialog::SignInDialog(Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to Rounds"));
    setMinimumWidth(460);

    // The first start on this computer explains the two things a new user must know; later sign-ins
    // (another account, a token that expired) only need the short line.
    const bool firstRun = !Session::lastServer().isValid();
    auto *intro = new QLabel(this);
    intro->setObjectName(firstRun ? QStringLiteral("firstRunLabel") : QStringLiteral("introLabel"));
    intro->setWordWrap(true);
    if (firstRun) {
        intro->setTextFormat(Qt::RichText);
        intro->setText(
            QStringLiteral("<h3>%1</h3><p>%2</p><p>%3</p><p>%4</p>")
                .arg(tr("Welcome to Rounds").toHtmlEscaped(),
                    tr("Sign in once with the server address, user name and password your company gave "
                       "you; the password is not kept, and the sign-in is remembered in your system's "
                       "keychain.")
                        .toHtmlEscaped(),
                    tr("After that, everything works without a network: log visits, plan your week and "
                       "record meetings in a hospital basement or on a train, and each record is saved on "
                       "this computer the moment you save it.")
                        .toHtmlEscaped(),
                    tr("Whenever the server can be reached, Rounds syncs by itself and shows anything "
                       "that needs your decision, so nothing you typed is ever lost.")
                        .toHtmlEscaped()));
        intro->setMinimumWidth(420);
    } else {
        intro->setText(
            tr("Sign in once with your company account. Afterwards Rounds also starts without a network."));
    }

    m_server = new QLineEdit(this);
    m_server->setObjectName(QStringLiteral("serverLineEdit"));
    m_server->setPlaceholderText(tr("e.g. rounds.example.com:8421"));
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("userLineEdit"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordLineEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_serverError = widgets::errorLabel(QStringLiteral("serverErrorLabel"), this);
    m_userError = widgets::errorLabel(QStringLiteral("userErrorLabel"), this);
    m_passwordError = widgets::errorLabel(QStringLiteral("passwordErrorLabel"), this);
    m_error = widgets::errorLabel(QStringLiteral("errorLabel"), this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->hide();

    const QUrl last = Session::lastServer();
    if (last.isValid())
        m_server->setText(last.toString());
    m_user->setText(Session::lastUser());

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_server);
    form->addRow(QString(), m_serverError);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(QString(), m_userError);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_passwordError);

    auto *buttons = new QDialogButtonBox(this);
    m_signIn = buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::submit);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    if (m_server->text().isEmpty())
        m_server->setFocus();
    else if (m_user->text().isEmpty())
        m_user->setFocus();
    else
        m_password->setFocus();
}

bool SignInDialog::submit()
{
    clearErrors();
    const QUrl server = ApiClient::normalizeServerUrl(m_server->text().trimmed());
    const QString user = m_user->text().trimmed();
    bool ok = true;
    if (m_server->text().trimmed().isEmpty() || !server.isValid()) {
        showError(m_serverError, tr("Enter the server address your administrator gave you."));
        ok = false;
    }
    if (user.isEmpty()) {
        showError(m_userError, tr("Enter your user name."));
        ok = false;
    }
    if (m_password->text().isEmpty()) {
        showError(m_passwordError, tr("Enter your password."));
        ok = false;
    }
    if (!ok)
        return false;

    setEnabled(false);
    m_status->setText(tr("Signing in…"));
    m_status->show();
    const SignInResult result = m_session->signIn(server, user, m_password->text());
    setEnabled(true);
    m_status->hide();
    if (!result.ok) {
        showError(m_error, result.message);
        m_password->selectAll();
        m_password->setFocus();
        return false;
    }
    m_password->clear();
    emit signedIn();
    accept();
    return true;
}

void SignInDialog::setServer(const QString &url)
{
    if (!url.isEmpty())
        m_server->setText(url);
}

void SignInDialog::lockAccount(const QString &server, const QString &user)
{
    m_server->setText(server);
    m_user->setText(user);
    m_server->setReadOnly(true);
    m_user->setReadOnly(true);
    m_password->setFocus();
}

void SignInDialog::showError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->show();
    growToFit();
}

void SignInDialog::growToFit()
{
    // A top-level layout does not raise the dialog's height for word-wrapped labels (their height
    // depends on the width), so a long error would be cut off: grow to the height the layout needs at
    // the current width, and never shrink below what the user made it.
    QLayout *l = layout();
    if (!l)
        return;
    l->activate();
    const int needed
        = l->hasHeightForWidth() ? l->totalHeightForWidth(width()) : l->totalMinimumSize().height();
    if (needed > height())
        resize(width(), needed);
}

void SignInDialog::clearErrors()
{
    for (QLabel *label : {m_serverError, m_userError, m_passwordError, m_error}) {
        label->clear();
        label->hide();
    }
}

} // namespace rounds
