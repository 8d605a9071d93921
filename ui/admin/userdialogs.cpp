#include "ui/admin/userdialogs.h"

#include "common/protocol/enumlabels.h"
#include "ui/common/screenfit.h"
#include "ui/common/widgets.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rounds {

namespace {

QLineEdit *passwordField(const QString &objectName, QWidget *parent)
{
    auto *edit = widgets::named<QLineEdit>(objectName, parent);
    edit->setEchoMode(QLineEdit::Password);
    edit->setMaxLength(protocol::userlimits::kMaxPassword + 1); // one over: the check says why
    return edit;
}

QString passwordProblem(const QString &password, const QString &confirm)
{
    const QString rule = AdminClient::checkPassword(password);
    if (!rule.isEmpty())
        return rule;
    if (password != confirm)
        return UserFormDialog::tr("The two passwords differ.");
    return {};
}

QDialogButtonBox *okCancel(QDialog *dialog, const QString &okText)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(okText);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}

} // namespace

UserFormDialog::UserFormDialog(Mode mode, const QList<Territory> &territories, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
{
    setObjectName(
        mode == Mode::Create ? QStringLiteral("newUserDialog") : QStringLiteral("changeUserDialog"));
    setWindowTitle(mode == Mode::Create ? tr("New user") : tr("Change role and territory"));
    auto *form = new QFormLayout;
    if (mode == Mode::Create) {
        m_login = widgets::named<QLineEdit>(QStringLiteral("loginLineEdit"), this);
        m_login->setMaxLength(protocol::userlimits::kMaxUsername + 1);
        form->addRow(tr("Login"), m_login);
    }
    m_name = widgets::named<QLineEdit>(QStringLiteral("displayNameLineEdit"), this);
    m_name->setPlaceholderText(tr("As colleagues see it, e.g. 张伟"));
    form->addRow(tr("Name"), m_name);
    m_role = widgets::named<QComboBox>(QStringLiteral("roleComboBox"), this);
    for (const EnumLabels::Choice &c : EnumLabels::values(QStringLiteral("user"), QStringLiteral("role")))
        m_role->addItem(c.second, c.first);
    form->addRow(tr("Role"), m_role);
    m_territory = widgets::named<QComboBox>(QStringLiteral("territoryComboBox"), this);
    m_territory->addItem(tr("None (SFE and administrators)"), QString());
    for (const Territory &t : territories)
        m_territory->addItem(t.second, t.first);
    form->addRow(tr("Home territory"), m_territory);
    if (mode == Mode::Create) {
        m_password = passwordField(QStringLiteral("passwordLineEdit"), this);
        m_confirm = passwordField(QStringLiteral("confirmPasswordLineEdit"), this);
        form->addRow(tr("Initial password"), m_password);
        form->addRow(tr("Password again"), m_confirm);
    }
    m_error = widgets::errorLabel(QStringLiteral("userFormErrorLabel"), this);
    auto *hint = widgets::hint(mode == Mode::Create
            ? tr("Representatives name their territory, managers their district. Tell the user the initial "
                 "password in person; they sign in with it.")
            : tr("The user's laptops follow at their next sync: they drop what the new role may not hold and "
                 "receive what it may."),
        this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(okCancel(this, mode == Mode::Create ? tr("Create") : tr("Save")));
    screenfit::resizeToScreen(this, QSize(520, mode == Mode::Create ? 320 : 260));
}

void UserFormDialog::setUser(const protocol::AdminUser &user)
{
    m_name->setText(user.displayName);
    m_role->setCurrentIndex(qMax(0, m_role->findData(user.role)));
    m_territory->setCurrentIndex(qMax(0, m_territory->findData(user.homeTerritoryId)));
}

NewUserRequest UserFormDialog::newUser() const
{
    return NewUserRequest {m_login ? m_login->text().trimmed() : QString(), m_name->text().trimmed(),
        m_role->currentData().toString(), m_territory->currentData().toString(),
        m_password ? m_password->text() : QString()};
}

UserChangeRequest UserFormDialog::change() const
{
    return UserChangeRequest {
        m_role->currentData().toString(), m_territory->currentData().toString(), m_name->text().trimmed()};
}

QString UserFormDialog::problem() const
{
    if (m_login) {
        const QString login = AdminClient::checkLogin(m_login->text().trimmed());
        if (!login.isEmpty())
            return login;
    }
    QString p = AdminClient::checkDisplayName(m_name->text().trimmed());
    if (p.isEmpty())
        p = AdminClient::checkTerritory(
            m_role->currentData().toString(), m_territory->currentData().toString());
    if (p.isEmpty() && m_password)
        p = passwordProblem(m_password->text(), m_confirm->text());
    return p;
}

void UserFormDialog::accept()
{
    const QString p = problem();
    m_error->setText(p);
    m_error->setVisible(!p.isEmpty());
    if (p.isEmpty())
        QDialog::accept();
}

PasswordDialog::PasswordDialog(const QString &who, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("passwordDialog"));
    setWindowTitle(tr("Reset password"));
    m_password = passwordField(QStringLiteral("passwordLineEdit"), this);
    m_confirm = passwordField(QStringLiteral("confirmPasswordLineEdit"), this);
    auto *form = new QFormLayout;
    form->addRow(tr("New password"), m_password);
    form->addRow(tr("Password again"), m_confirm);
    m_error = widgets::errorLabel(QStringLiteral("passwordErrorLabel"), this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(widgets::hint(tr("A new password for %1. Every computer they use asks them to sign in "
                                       "again; their data there stays.")
                                        .arg(who),
        this));
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(okCancel(this, tr("Reset password")));
    screenfit::resizeToScreen(this, QSize(460, 240));
}

QString PasswordDialog::password() const
{
    return m_password->text();
}

void PasswordDialog::accept()
{
    const QString p = passwordProblem(m_password->text(), m_confirm->text());
    m_error->setText(p);
    m_error->setVisible(!p.isEmpty());
    if (p.isEmpty())
        QDialog::accept();
}

} // namespace rounds
