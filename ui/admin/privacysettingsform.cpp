#include "ui/admin/privacysettingsform.h"

#include "common/protocol/consent.h"
#include "common/protocol/privacy.h"
#include "models/companysettings.h"
#include "sync/offlinepolicy.h"
#include "ui/common/widgets.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

namespace rounds {

namespace consent = protocol::consent;
namespace privacy = protocol::privacy;
using Retention = privacy::Retention;

namespace {

const QStringList kRoles {QStringLiteral("rep"), QStringLiteral("manager")};

} // namespace

PrivacySettingsForm::PrivacySettingsForm(Store *store, QWidget *parent)
    : QGroupBox(tr("Privacy and consent"), parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("privacySettingsGroupBox"));
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);

    m_required = new QCheckBox(tr("Visits, messages and invitations need the HCP's consent"), this);
    m_required->setObjectName(QStringLiteral("consentRequiredCheckBox"));
    m_required->setToolTip(tr("Off: only an HCP who withdrew consent is refused. On: a missing or expired "
                              "consent is refused too (the laptop warns offline, the server refuses)."));
    form->addRow(tr("Consent"), m_required);
    addDays(form, QStringLiteral("consentValidityLineEdit"), tr("A consent lasts (days)"),
        consent::ValidityDaysKey, {}, 1, 3650, 365);
    addDays(form, QStringLiteral("consentWarningLineEdit"), tr("Warn before it ends (days)"),
        consent::WarningDaysKey, {}, 0, 365, 30);
    addDays(form, QStringLiteral("offlineDaysLineEdit"), tr("Days offline before signing in again"),
        offlinepolicy::SettingKey, {}, 1, 365, offlinepolicy::DefaultMaxDays);

    const QMap<QString, QString> roleLabels {{QStringLiteral("rep"), tr("Contact fields on reps' laptops")},
        {QStringLiteral("manager"), tr("Contact fields on managers' laptops")}};
    const QMap<QString, QString> fieldLabels {
        {QStringLiteral("email"), tr("E-mail")}, {QStringLiteral("phone"), tr("Phone")}};
    for (const QString &role : kRoles) {
        auto *row = new QWidget(this);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        for (const QString &field : privacy::contactFields()) {
            auto *box = new QCheckBox(fieldLabels.value(field, field), row);
            box->setObjectName(QStringLiteral("contact_%1_%2CheckBox").arg(role, field));
            m_contact[role].insert(field, box);
            h->addWidget(box);
        }
        h->addStretch();
        form->addRow(roleLabels.value(role), row);
    }

    addDays(form, QStringLiteral("retentionAuditLineEdit"), tr("Server keeps the audit trail (days)"),
        privacy::RetentionKey, QStringLiteral("audit"), Retention::MinAuditDays, Retention::MaxDays,
        Retention::DefaultAuditDays);
    addDays(form, QStringLiteral("retentionTombstonesLineEdit"), tr("Server keeps deletions (days)"),
        privacy::RetentionKey, QStringLiteral("tombstones"), Retention::MinTombstoneDays, Retention::MaxDays,
        Retention::DefaultTombstoneDays);
    addDays(form, QStringLiteral("retentionMutationsLineEdit"), tr("Server keeps push answers (days)"),
        privacy::RetentionKey, QStringLiteral("mutations"), Retention::MinMutationDays, Retention::MaxDays,
        Retention::DefaultMutationDays);

    auto *save = new QPushButton(tr("Save privacy settings"), this);
    save->setObjectName(QStringLiteral("savePrivacyButton"));
    connect(save, &QPushButton::clicked, this, [this] { this->save(); });
    form->addRow(QString(), save);
}

void PrivacySettingsForm::addDays(QFormLayout *form, const QString &name, const QString &label,
    const QString &key, const QString &member, int min, int max, int fallback)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name);
    edit->setMaximumWidth(120);
    edit->setAccessibleName(label);
    edit->setToolTip(tr("A whole number of days from %1 to %2.").arg(min).arg(max));
    form->addRow(label, edit);
    m_days << DaysField {edit, label, key, member, min, max, fallback};
}

QJsonValue PrivacySettingsForm::current(const QString &key)
{
    QJsonValue value;
    QString error;
    if (!CompanySettings::newest(m_store, key, &value, &error))
        emit message(widgets::readError(error), true);
    return value;
}

void PrivacySettingsForm::reload()
{
    const consent::Rules rules = consent::Rules::fromSettings(
        current(consent::RequiredKey), current(consent::ValidityDaysKey), current(consent::WarningDaysKey));
    m_required->setChecked(rules.required);
    QString ignored; // a malformed value reads as its default, as the readers read it
    std::optional<Retention> retention = Retention::fromJson(current(privacy::RetentionKey), &ignored);
    if (!retention)
        retention = Retention {};
    for (const DaysField &f : std::as_const(m_days)) {
        int value = f.fallback;
        if (f.key == consent::ValidityDaysKey)
            value = rules.validityDays;
        else if (f.key == consent::WarningDaysKey)
            value = rules.warningDays;
        else if (f.member == QLatin1String("audit"))
            value = retention->auditDays;
        else if (f.member == QLatin1String("tombstones"))
            value = retention->tombstoneDays;
        else if (f.member == QLatin1String("mutations"))
            value = retention->mutationDays;
        else {
            const QJsonValue v = current(f.key);
            if (v.isDouble() && v.toDouble() == double(v.toInt()) && v.toInt() >= f.min && v.toInt() <= f.max)
                value = v.toInt();
        }
        f.edit->setText(QString::number(value)); // days: no group separator
    }
    const std::optional<privacy::ContactFieldPolicy> policy
        = privacy::ContactFieldPolicy::fromJson(current(privacy::ContactFieldsKey), &ignored);
    for (const QString &role : kRoles) {
        const privacy::WithheldFields withheld
            = policy ? policy->withheldFrom(protocol::roleFromString(role)) : privacy::WithheldFields {};
        const QStringList hidden = withheld.value(QStringLiteral("hcp"));
        for (auto it = m_contact[role].cbegin(); it != m_contact[role].cend(); ++it)
            it.value()->setChecked(!hidden.contains(it.key()));
    }
}

bool PrivacySettingsForm::save()
{
    QMap<QString, int> days; // key or key/member → value
    for (const DaysField &f : std::as_const(m_days)) {
        bool ok = false;
        const QString text = f.edit->text().trimmed();
        int v = QLocale().toInt(text, &ok);
        if (!ok)
            v = QLocale::c().toInt(text, &ok);
        if (!ok || v < f.min || v > f.max) {
            emit message(
                tr("%1: enter a whole number of days from %2 to %3.").arg(f.label).arg(f.min).arg(f.max),
                true);
            f.edit->setFocus();
            f.edit->selectAll();
            return false;
        }
        days.insert(f.member.isEmpty() ? f.key : f.key + QLatin1Char('/') + f.member, v);
    }

    QList<std::pair<QString, QJsonValue>> changes;
    const auto changeIf = [&](const QString &key, const QJsonValue &next, const QJsonValue &fallback) {
        const QJsonValue now = current(key);
        if (next != (now.isUndefined() ? fallback : now))
            changes.append({key, next});
    };
    changeIf(consent::RequiredKey, m_required->isChecked(), false);
    for (const DaysField &f : std::as_const(m_days)) {
        if (f.member.isEmpty())
            changeIf(f.key, days.value(f.key), f.fallback);
    }
    const QString r = privacy::RetentionKey + QLatin1Char('/');
    const QJsonObject retention {{QStringLiteral("audit"), days.value(r + QStringLiteral("audit"))},
        {QStringLiteral("tombstones"), days.value(r + QStringLiteral("tombstones"))},
        {QStringLiteral("mutations"), days.value(r + QStringLiteral("mutations"))}};
    const QJsonObject retentionDefaults {{QStringLiteral("audit"), Retention::DefaultAuditDays},
        {QStringLiteral("tombstones"), Retention::DefaultTombstoneDays},
        {QStringLiteral("mutations"), Retention::DefaultMutationDays}};
    changeIf(privacy::RetentionKey, retention, retentionDefaults);

    // Roles this form does not show keep what the setting gave them.
    const QJsonValue nowContact = current(privacy::ContactFieldsKey);
    QJsonObject contact = nowContact.isString()
        ? QJsonDocument::fromJson(nowContact.toString().toUtf8()).object()
        : nowContact.toObject();
    bool everything = true;
    for (const QString &role : kRoles) {
        QJsonArray reaching;
        for (auto it = m_contact[role].cbegin(); it != m_contact[role].cend(); ++it) {
            if (it.value()->isChecked())
                reaching.append(it.key());
            else
                everything = false;
        }
        contact.insert(role, reaching);
    }
    // Untouched and never set: everything reaches everyone, and no record is needed for it.
    if (!(nowContact.isUndefined() && everything))
        changeIf(privacy::ContactFieldsKey, contact, QJsonValue());

    if (changes.isEmpty()) {
        emit message(tr("Nothing changed."), false);
        return true;
    }
    for (const auto &[key, value] : std::as_const(changes)) {
        if (const std::optional<QString> problem = privacy::checkSetting(key, value)) {
            emit message(tr("Not saved: %1").arg(*problem), true);
            return false;
        }
    }
    for (const auto &[key, value] : std::as_const(changes)) {
        if (!write(key, value))
            return false;
    }
    emit message(tr("Saved. It reaches the server and every user at the next sync."), false);
    emit saved();
    return true;
}

bool PrivacySettingsForm::write(const QString &key, const QJsonValue &value)
{
    const WriteResult w = CompanySettings::save(m_store, key, value);
    if (!w.ok)
        emit message(tr("Not saved: %1").arg(w.error), true);
    return w.ok;
}

} // namespace rounds
