#include "ui/admin/companysettingsview.h"

#include "ui/admin/privacysettingsform.h"

#include "common/compliance/rules.h"
#include "models/alignments.h"
#include "models/companysettings.h"
#include "models/kpis.h"
#include "models/store.h"
#include "ui/common/theme.h"
#include "ui/common/widgets.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>
#include <tuple>

namespace rounds {

using compliance::Rule;
using compliance::Severity;

namespace {

const QString kWeights = QStringLiteral("kpi.weights");
const QString kCostPerCall = QStringLiteral("kpi.cost_per_call_minor");
const QString kTravel = QStringLiteral("sfe.travel_minutes_per_institution");
constexpr int kMaxTravelMinutes = 24 * 60 - 1; // what the workload reader accepts: under a day

// The label of one limit of a rule, in the unit the field takes.
QString limitLabel(Rule rule, const QString &key)
{
    if (key == QLatin1String("cap_a_minor"))
        return CompanySettingsView::tr("Cap for tier A (CNY)");
    if (key == QLatin1String("cap_b_minor"))
        return CompanySettingsView::tr("Cap for tier B (CNY)");
    if (key == QLatin1String("cap_cd_minor"))
        return CompanySettingsView::tr("Cap for tiers C and D (CNY)");
    if (key == QLatin1String("max_percent"))
        return CompanySettingsView::tr("Largest share (%)");
    if (key == QLatin1String("tolerance_percent"))
        return CompanySettingsView::tr("Tolerance over the budget (%)");
    return rule == Rule::YearlyTransfers ? CompanySettingsView::tr("Cap per HCP and year (CNY)")
                                         : CompanySettingsView::tr("Cap per attendee (CNY)");
}

// Whether `value` has at most two decimals (a price in yuan and fen, a weight).
bool twoDecimals(double value)
{
    return std::fabs(value * 100 - std::round(value * 100)) < 1e-6;
}

} // namespace

CompanySettingsView::CompanySettingsView(Store *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("companySettingsView"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("companyMessageLabel"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(widgets::pageTitle(tr("Company settings"), this));
    auto *intro = new QLabel(tr("The rules and numbers every user of the company works with. A save goes to "
                                "the server at the next sync and reaches everyone from there."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(m_message);
    layout->addWidget(buildRulesForm());
    layout->addWidget(buildKpiForm());
    m_privacy = new PrivacySettingsForm(store, this);
    connect(m_privacy, &PrivacySettingsForm::message, this, &CompanySettingsView::showMessage);
    connect(m_privacy, &PrivacySettingsForm::saved, this, &CompanySettingsView::saved);
    layout->addWidget(m_privacy);
    layout->addStretch();
    reload();
}

QLineEdit *CompanySettingsView::addNumber(QWidget *box, const QString &name, const QString &label, Kind kind,
    QList<NumberField> &into, Rule rule, const QString &key)
{
    auto *edit = new QLineEdit(box);
    edit->setObjectName(name);
    edit->setMaximumWidth(180);
    edit->setAccessibleName(label);
    static_cast<QFormLayout *>(box->layout())->addRow(label, edit);
    into << NumberField {edit, label, kind, rule, key};
    return edit;
}

// A form per rule: how strict it is, and its limits.
QWidget *CompanySettingsView::buildRulesForm()
{
    auto *section = widgets::named<QGroupBox>(
        QStringLiteral("complianceRulesGroupBox"), tr("Compliance rules for meetings"), this);
    auto *grid = new QGridLayout;
    const QList<Rule> rules = compliance::allRules();
    for (int i = 0; i < rules.size(); ++i) {
        const Rule rule = rules.at(i);
        const QString code = compliance::ruleCode(rule);
        auto *box = widgets::named<QGroupBox>(
            QStringLiteral("rule_%1GroupBox").arg(code), compliance::ruleTitle(rule), section);
        auto *form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
        auto *severity = new QComboBox(box);
        severity->setObjectName(QStringLiteral("rule_%1_severityComboBox").arg(code));
        severity->addItem(tr("Off: not checked"), int(Severity::Off));
        severity->addItem(tr("Warn: shown, not enforced"), int(Severity::Warn));
        severity->addItem(tr("Block: the step is refused"), int(Severity::Block));
        form->addRow(tr("Severity"), severity);
        m_severities << severity;
        for (const compliance::LimitSpec &l : compliance::limitsOf(rule)) {
            const QString label = limitLabel(rule, l.key);
            addNumber(box, QStringLiteral("rule_%1_%2LineEdit").arg(code, l.key), label,
                l.percent ? Kind::Percent : Kind::Money, m_ruleFields, rule, l.key);
            // A problem names the rule too: several rules have a "cap".
            m_ruleFields.last().label = tr("%1 · %2").arg(compliance::ruleTitle(rule), label);
        }
        if (compliance::limitsOf(rule).isEmpty())
            form->addRow(new QLabel(tr("No limit: the rule checks a condition."), box));
        grid->addWidget(box, i / 2, i % 2);
    }
    auto *save = new QPushButton(tr("Save compliance rules"), section);
    save->setObjectName(QStringLiteral("saveRulesButton"));
    connect(save, &QPushButton::clicked, this, [this] { saveRules(); });
    auto *sectionLayout = new QVBoxLayout(section);
    sectionLayout->addLayout(grid);
    sectionLayout->addWidget(save, 0, Qt::AlignRight);
    return section;
}

QWidget *CompanySettingsView::buildKpiForm()
{
    auto *section = widgets::named<QGroupBox>(
        QStringLiteral("kpiSettingsGroupBox"), tr("Dashboard and workload numbers"), this);
    auto *form = new QFormLayout(section);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    addNumber(section, QStringLiteral("kpiWeightFirstLineEdit"), tr("Weight of the first product detailed"),
        Kind::Weight, m_kpiFields, Rule::CateringPerHead, QStringLiteral("first"));
    addNumber(section, QStringLiteral("kpiWeightSecondLineEdit"), tr("Weight of the second product detailed"),
        Kind::Weight, m_kpiFields, Rule::CateringPerHead, QStringLiteral("second"));
    addNumber(section, QStringLiteral("kpiWeightLaterLineEdit"), tr("Weight of later products"), Kind::Weight,
        m_kpiFields, Rule::CateringPerHead, QStringLiteral("later"));
    addNumber(section, QStringLiteral("kpiCostPerCallLineEdit"), tr("Cost of one call (CNY)"), Kind::Money,
        m_kpiFields, Rule::CateringPerHead, kCostPerCall);
    addNumber(section, QStringLiteral("travelMinutesLineEdit"), tr("Travel minutes per institution"),
        Kind::Minutes, m_kpiFields, Rule::CateringPerHead, kTravel);
    auto *save = new QPushButton(tr("Save dashboard and workload numbers"), section);
    save->setObjectName(QStringLiteral("saveKpiButton"));
    connect(save, &QPushButton::clicked, this, [this] { saveKpis(); });
    form->addRow(QString(), save);
    return section;
}

QJsonValue CompanySettingsView::current(const QString &key)
{
    QJsonValue value;
    QString error;
    if (!CompanySettings::newest(m_store, key, &value, &error))
        showMessage(widgets::readError(error), true);
    return value;
}

QString CompanySettingsView::display(Kind kind, double stored) const
{
    const QLocale locale;
    switch (kind) {
    case Kind::Money:
        return locale.toString(stored / 100.0, 'f', 2);
    case Kind::Weight:
        return locale.toString(stored, 'f', 2);
    case Kind::Percent:
    case Kind::Minutes:
        break;
    }
    return locale.toString(qint64(stored));
}

void CompanySettingsView::reload()
{
    m_message->hide();
    m_config = compliance::Config::fromJson(current(compliance::SettingKey));
    const QList<Rule> rules = compliance::allRules();
    for (int i = 0; i < rules.size(); ++i)
        m_severities.at(i)->setCurrentIndex(
            m_severities.at(i)->findData(int(m_config.severity(rules.at(i)))));
    for (const NumberField &f : std::as_const(m_ruleFields))
        f.edit->setText(display(f.kind, double(m_config.limit(f.rule, f.key))));

    // What the readers use when a key is absent or malformed (KpiEngine, Alignments::workloadOptions).
    const KpiWeights defaults;
    const QJsonObject weights = current(kWeights).toObject();
    const QJsonValue cost = current(kCostPerCall);
    const QJsonValue travel = current(kTravel);
    for (const NumberField &f : std::as_const(m_kpiFields)) {
        double value = 0;
        if (f.key == kCostPerCall)
            value = cost.isDouble() ? cost.toDouble() : double(kDefaultCostPerCallMinor);
        else if (f.key == kTravel)
            value = travel.isDouble() ? travel.toDouble() : WorkloadOptions().travelMinutesPerInstitution;
        else
            value = weights.value(f.key).toDouble(f.key == QLatin1String("first") ? defaults.first
                    : f.key == QLatin1String("second")                            ? defaults.second
                                                                                  : defaults.later);
        f.edit->setText(display(f.kind, value));
    }
    m_privacy->reload();
}

std::optional<double> CompanySettingsView::parse(const NumberField &field)
{
    const QString text = field.edit->text().trimmed();
    bool ok = false;
    double v = QLocale().toDouble(text, &ok);
    if (!ok)
        v = QLocale::c().toDouble(text, &ok);
    QString problem;
    switch (field.kind) {
    case Kind::Money: {
        const double max = double(compliance::MaxMoneyMinor) / 100.0;
        if (!ok || v < 0 || v > max || !twoDecimals(v))
            problem = tr("enter an amount from 0.00 to %1 CNY, with at most two decimals.")
                          .arg(QLocale().toString(max, 'f', 2));
        else
            return std::round(v * 100);
        break;
    }
    case Kind::Percent:
        if (!ok || v < 0 || v > double(compliance::MaxPercent) || v != std::floor(v))
            problem = tr("enter a whole percent from 0 to %1.").arg(compliance::MaxPercent);
        else
            return v;
        break;
    case Kind::Weight:
        if (!ok || v < 0 || v > 1 || !twoDecimals(v))
            problem = tr("enter a weight from 0 to 1, with at most two decimals.");
        else
            return v;
        break;
    case Kind::Minutes:
        if (!ok || v < 0 || v > kMaxTravelMinutes || v != std::floor(v))
            problem = tr("enter whole minutes from 0 to %1.").arg(kMaxTravelMinutes);
        else
            return v;
        break;
    }
    showMessage(tr("%1: %2").arg(field.label, problem), true);
    field.edit->setFocus();
    field.edit->selectAll();
    return std::nullopt;
}

bool CompanySettingsView::saveRules()
{
    compliance::Config next = m_config;
    const QList<Rule> rules = compliance::allRules();
    for (int i = 0; i < rules.size(); ++i)
        next.severities.insert(rules.at(i), Severity(m_severities.at(i)->currentData().toInt()));
    for (const NumberField &f : std::as_const(m_ruleFields)) {
        const std::optional<double> v = parse(f);
        if (!v)
            return false;
        next.setLimit(f.rule, f.key, std::int64_t(*v));
    }
    if (next.toJson() == m_config.toJson() && !current(compliance::SettingKey).isUndefined()) {
        showMessage(tr("Nothing changed."), false);
        return true;
    }
    if (!store(compliance::SettingKey, next.toJson()))
        return false;
    m_config = next;
    return true;
}

bool CompanySettingsView::saveKpis()
{
    QJsonObject weights;
    QJsonValue cost;
    QJsonValue travel;
    for (const NumberField &f : std::as_const(m_kpiFields)) {
        const std::optional<double> v = parse(f);
        if (!v)
            return false;
        if (f.key == kCostPerCall)
            cost = qint64(*v);
        else if (f.key == kTravel)
            travel = qint64(*v);
        else
            weights.insert(f.key, *v);
    }
    // Only what changed becomes a new record; an untouched default stays unset.
    const KpiWeights d;
    const QJsonObject defaults {{QStringLiteral("first"), d.first}, {QStringLiteral("second"), d.second},
        {QStringLiteral("later"), d.later}};
    const QList<std::tuple<QString, QJsonValue, QJsonValue>> values {{kWeights, weights, defaults},
        {kCostPerCall, cost, double(kDefaultCostPerCallMinor)},
        {kTravel, travel, WorkloadOptions().travelMinutesPerInstitution}};
    bool any = false;
    for (const auto &[key, value, fallback] : values) {
        const QJsonValue now = current(key);
        if (value == (now.isUndefined() ? fallback : now))
            continue;
        if (!store(key, value))
            return false;
        any = true;
    }
    if (!any)
        showMessage(tr("Nothing changed."), false);
    return true;
}

bool CompanySettingsView::store(const QString &key, const QJsonValue &value)
{
    const WriteResult w = CompanySettings::save(m_store, key, value);
    if (!w.ok) {
        showMessage(tr("Not saved: %1").arg(w.error), true);
        return false;
    }
    showMessage(tr("Saved. It reaches the server and every user at the next sync."), false);
    emit saved();
    return true;
}

void CompanySettingsView::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    theme::setTone(m_message, error ? theme::Tone::Error : theme::Tone::Success);
    m_message->show();
}

} // namespace rounds
