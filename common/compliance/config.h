#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>

#include <cstdint>

namespace rounds::compliance {

// What a violated rule does. `Warn` shows it; `Block` also refuses the transitions the rule guards (the
// client disables the button, the server rejects the change). `Off` skips the rule.
enum class Severity { Off, Warn, Block };

QString severityName(Severity severity);
bool severityFromName(const QString &name, Severity *out);

// The rules of the table, in the order they are listed to the user. The wire code (ruleCode) is stable:
// it names the rule in the setting record, in server rejections and in reports.
enum class Rule {
    CateringPerHead, // catering total ÷ head count ≤ cap
    SpeakerFee, // fee of each HCP ≤ the cap of the HCP's tier
    StaffShare, // company staff ≤ percent of attendees
    SignedInBeforeHeld, // ≥ 1 signed-in attendee before `held`
    EvidenceBeforeClosed, // every expense has evidence before `closed`
    YearlyTransfers, // transfers of value to one HCP in a calendar year ≤ cap
    BudgetOverrun, // spend ≤ budget × (1 + tolerance); else a manager closes it (re-approval)
};

inline constexpr int RuleCount = 7;
QList<Rule> allRules();
QString ruleCode(Rule rule);
bool ruleFromCode(const QString &code, Rule *out);

// The bounds of a rule's numbers, for the setting's readers and the admin's form alike: a percent is a
// whole number 0…MaxPercent, an amount a whole number of minor units 0…MaxMoneyMinor (the schema's money
// bound: a hundred billion yuan).
inline constexpr std::int64_t MaxPercent = 1000;
inline constexpr std::int64_t MaxMoneyMinor = 10'000'000'000'000;

// One number a rule's entry carries: its key in the setting ("cap_minor", "max_percent"…), and whether it
// is a percent (else an amount in minor units).
struct LimitSpec
{
    Rule rule;
    QString key;
    bool percent = false;
};
// The numbers of one rule, in the order the setting lists them (none for a rule without a limit).
QList<LimitSpec> limitsOf(Rule rule);

// The numbers and severities of the rules. Money in minor units (fen).
struct Config
{
    std::int64_t cateringPerHeadCap = 20000; // 200 CNY
    std::int64_t speakerFeeCapA = 300000; // 3,000 CNY
    std::int64_t speakerFeeCapB = 200000; // 2,000 CNY
    std::int64_t speakerFeeCapCD = 100000; // 1,000 CNY (tiers C and D, and HCPs without a tier)
    int staffSharePercent = 10;
    std::int64_t yearlyTransfersCap = 1000000; // 10,000 CNY per HCP and calendar year
    int budgetTolerancePercent = 10;
    QMap<Rule, Severity> severities; // rules not named use defaultSeverity()

    static Severity defaultSeverity(Rule rule);
    Severity severity(Rule rule) const { return severities.value(rule, defaultSeverity(rule)); }

    std::int64_t speakerFeeCap(const QString &tier) const;
    // A number of limitsOf(rule) by its key; 0 for a key the rule does not have.
    std::int64_t limit(Rule rule, const QString &key) const;
    // Sets it; false (nothing set) for an unknown key or a value outside its bounds.
    bool setLimit(Rule rule, const QString &key, std::int64_t value);

    // The `value` of the `setting` record with key `compliance.rules` (see docs/meetings.md):
    //   {"catering_per_head": {"severity": "block", "cap_minor": 20000}, "speaker_fee": {...}, ...}
    // Anything absent keeps its default. A malformed value (not an object, a wrong type, an unknown
    // severity, a negative number) keeps the default of what it tried to set; `problems` lists each
    // one (a sentence for the log), and the rest of the value still applies.
    static Config fromJson(const QJsonValue &value, QStringList *problems = nullptr);
    QJsonObject toJson() const;
};

inline const QString SettingKey = QStringLiteral("compliance.rules");

} // namespace rounds::compliance
