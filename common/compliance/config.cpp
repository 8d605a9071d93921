#include "common/compliance/config.h"

#include "common/compliance/log.h"

#include <QJsonDocument>

#include <cmath>

namespace rounds::compliance {

namespace {

struct RuleInfo
{
    Rule rule;
    const char *code;
    Severity defaultSeverity;
};

// The one rule table (its evaluation is in rules.cpp, in the same order).
const RuleInfo kRules[RuleCount] = {
    {Rule::CateringPerHead, "catering_per_head", Severity::Block},
    {Rule::SpeakerFee, "speaker_fee", Severity::Block},
    {Rule::StaffShare, "staff_share", Severity::Warn},
    {Rule::SignedInBeforeHeld, "signed_in_before_held", Severity::Block},
    {Rule::EvidenceBeforeClosed, "evidence_before_closed", Severity::Block},
    {Rule::YearlyTransfers, "yearly_transfers", Severity::Block},
    {Rule::BudgetOverrun, "budget_overrun", Severity::Block},
};

// Which numbers each rule's entry in the setting may carry, and where they go.
struct Limit
{
    Rule rule;
    const char *key;
    std::int64_t Config::*money = nullptr;
    int Config::*percent = nullptr;
};

const Limit kLimits[] = {
    {Rule::CateringPerHead, "cap_minor", &Config::cateringPerHeadCap, nullptr},
    {Rule::SpeakerFee, "cap_a_minor", &Config::speakerFeeCapA, nullptr},
    {Rule::SpeakerFee, "cap_b_minor", &Config::speakerFeeCapB, nullptr},
    {Rule::SpeakerFee, "cap_cd_minor", &Config::speakerFeeCapCD, nullptr},
    {Rule::StaffShare, "max_percent", nullptr, &Config::staffSharePercent},
    {Rule::YearlyTransfers, "cap_minor", &Config::yearlyTransfersCap, nullptr},
    {Rule::BudgetOverrun, "tolerance_percent", nullptr, &Config::budgetTolerancePercent},
};

bool wholeNumber(const QJsonValue &v, std::int64_t *out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (!std::isfinite(d) || std::floor(d) != d || d < 0 || d > 9007199254740992.0)
        return false;
    *out = std::int64_t(d);
    return true;
}

const Limit *findLimit(Rule rule, QStringView key)
{
    for (const Limit &l : kLimits) {
        if (l.rule == rule && key == QLatin1String(l.key))
            return &l;
    }
    return nullptr;
}

} // namespace

QList<LimitSpec> limitsOf(Rule rule)
{
    QList<LimitSpec> out;
    for (const Limit &l : kLimits) {
        if (l.rule == rule)
            out << LimitSpec {rule, QString::fromLatin1(l.key), l.percent != nullptr};
    }
    return out;
}

std::int64_t Config::limit(Rule rule, const QString &key) const
{
    const Limit *l = findLimit(rule, key);
    if (!l)
        return 0;
    return l->money ? this->*(l->money) : this->*(l->percent);
}

bool Config::setLimit(Rule rule, const QString &key, std::int64_t value)
{
    const Limit *l = findLimit(rule, key);
    if (!l || value < 0 || value > (l->percent ? MaxPercent : MaxMoneyMinor))
        return false;
    if (l->money)
        this->*(l->money) = value;
    else
        this->*(l->percent) = int(value);
    return true;
}

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Off:
        return QStringLiteral("off");
    case Severity::Warn:
        return QStringLiteral("warn");
    case Severity::Block:
        return QStringLiteral("block");
    }
    return {};
}

bool severityFromName(const QString &name, Severity *out)
{
    for (Severity s : {Severity::Off, Severity::Warn, Severity::Block}) {
        if (severityName(s) == name) {
            *out = s;
            return true;
        }
    }
    return false;
}

QList<Rule> allRules()
{
    QList<Rule> out;
    for (const RuleInfo &r : kRules)
        out << r.rule;
    return out;
}

QString ruleCode(Rule rule)
{
    for (const RuleInfo &r : kRules) {
        if (r.rule == rule)
            return QString::fromLatin1(r.code);
    }
    return {};
}

bool ruleFromCode(const QString &code, Rule *out)
{
    for (const RuleInfo &r : kRules) {
        if (code == QLatin1String(r.code)) {
            *out = r.rule;
            return true;
        }
    }
    return false;
}

Severity Config::defaultSeverity(Rule rule)
{
    for (const RuleInfo &r : kRules) {
        if (r.rule == rule)
            return r.defaultSeverity;
    }
    return Severity::Warn;
}

std::int64_t Config::speakerFeeCap(const QString &tier) const
{
    if (tier == QLatin1String("A"))
        return speakerFeeCapA;
    if (tier == QLatin1String("B"))
        return speakerFeeCapB;
    return speakerFeeCapCD;
}

Config Config::fromJson(const QJsonValue &value, QStringList *problems)
{
    Config c;
    QStringList found;
    QJsonValue parsed = value;
    // A value written as JSON text (a string holding the object) is read the same way.
    if (value.isString()) {
        const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8());
        parsed = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(QStringLiteral("?"));
    }
    auto problem = [&](const QString &p) {
        found << p;
        qCWarning(lcCompliance).noquote() << "setting" << SettingKey << ":" << p << "(default kept)";
    };
    if (parsed.isUndefined() || parsed.isNull()) {
        // No setting record: the defaults, silently.
    } else if (!parsed.isObject()) {
        problem(QStringLiteral("the value is not a JSON object"));
    } else {
        const QJsonObject root = parsed.toObject();
        for (auto it = root.begin(); it != root.end(); ++it) {
            Rule rule;
            if (!ruleFromCode(it.key(), &rule)) {
                problem(QStringLiteral("unknown rule '%1'").arg(it.key()));
                continue;
            }
            if (!it.value().isObject()) {
                problem(QStringLiteral("rule '%1' is not an object").arg(it.key()));
                continue;
            }
            const QJsonObject entry = it.value().toObject();
            for (auto f = entry.begin(); f != entry.end(); ++f) {
                if (f.key() == QLatin1String("severity")) {
                    Severity s;
                    if (f.value().isString() && severityFromName(f.value().toString(), &s))
                        c.severities.insert(rule, s);
                    else
                        problem(
                            QStringLiteral("rule '%1': severity must be off, warn or block").arg(it.key()));
                    continue;
                }
                const Limit *limit = findLimit(rule, f.key());
                if (!limit) {
                    problem(QStringLiteral("rule '%1' has no limit '%2'").arg(it.key(), f.key()));
                    continue;
                }
                std::int64_t n = 0;
                if (!wholeNumber(f.value(), &n) || !c.setLimit(rule, f.key(), n)) {
                    problem(QStringLiteral("rule '%1': '%2' must be a whole number from 0 to %3")
                                .arg(it.key(), f.key())
                                .arg(limit->percent ? MaxPercent : MaxMoneyMinor));
                    continue;
                }
            }
        }
    }
    if (problems)
        *problems = found;
    return c;
}

QJsonObject Config::toJson() const
{
    QJsonObject root;
    for (const RuleInfo &r : kRules) {
        QJsonObject entry {{QStringLiteral("severity"), severityName(severity(r.rule))}};
        for (const Limit &l : kLimits) {
            if (l.rule != r.rule)
                continue;
            entry.insert(QLatin1String(l.key),
                l.money ? QJsonValue(double(this->*(l.money))) : QJsonValue(this->*(l.percent)));
        }
        root.insert(QLatin1String(r.code), entry);
    }
    return root;
}

} // namespace rounds::compliance
