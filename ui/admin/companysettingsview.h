#pragma once

#include "common/compliance/config.h"

#include <QJsonValue>
#include <QList>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;

namespace rounds {

class PrivacySettingsForm;
class Store;

// The company's settings, for admins (the sidebar's "Company settings"): a form per compliance rule (how
// strict it is, its limits) and the KPI and SFE numbers, not raw JSON. Each field is checked against its
// bounds before anything is saved, and a refusal names the field by its label. A save writes new
// `setting` records through the store (CompanySettings), which sync like any write.
class CompanySettingsView final : public QWidget
{
    Q_OBJECT
public:
    explicit CompanySettingsView(Store *store, QWidget *parent = nullptr);

    // Fills the forms with the settings in force (the newest record of each key, else the defaults).
    void reload();
    // Checks every field of one form and saves it; false, with the first problem shown, when a field is
    // out of bounds or the store refuses.
    bool saveRules();
    bool saveKpis();
    PrivacySettingsForm *privacyForm() const { return m_privacy; }

signals:
    // A setting went into the outbox.
    void saved();

private:
    // The kind of number a field holds and how it is stored: money as minor units, the rest as typed.
    enum class Kind { Money, Percent, Weight, Minutes };
    struct NumberField
    {
        QLineEdit *edit = nullptr;
        QString label; // as the user reads it, in front of any problem with the field
        Kind kind = Kind::Money;
        compliance::Rule rule = compliance::Rule::CateringPerHead; // compliance limits only
        QString key; // the limit's key in the rule's entry, or the KPI setting's key/member
    };

    QWidget *buildRulesForm();
    QWidget *buildKpiForm();
    QLineEdit *addNumber(QWidget *box, const QString &name, const QString &label, Kind kind,
        QList<NumberField> &into, compliance::Rule rule, const QString &key);
    // The field's value in its stored unit, or nothing with the problem shown and the field focused.
    std::optional<double> parse(const NumberField &field);
    QString display(Kind kind, double stored) const;
    QJsonValue current(const QString &key);
    bool store(const QString &key, const QJsonValue &value);
    void showMessage(const QString &text, bool error);

    Store *m_store;
    QList<NumberField> m_ruleFields;
    QList<NumberField> m_kpiFields;
    QList<QComboBox *> m_severities; // in compliance::allRules() order
    QLabel *m_message = nullptr;
    PrivacySettingsForm *m_privacy = nullptr;
    compliance::Config m_config; // the rules in force, as last read
};

} // namespace rounds
