#include "common/compliance/rules.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>

#include <limits>

namespace rounds::compliance {

namespace {

__extension__ typedef __int128 Wide; // GCC and Clang; __extension__ keeps -Wpedantic quiet

// Saturating arithmetic: figures come from pushed records and limits from an admin's setting, so a
// product or a sum must never overflow (undefined behaviour) and wrap a breach into a pass.
std::int64_t mul(std::int64_t a, std::int64_t b)
{
    std::int64_t out = 0;
    if (__builtin_mul_overflow(a, b, &out))
        return (a < 0) != (b < 0) ? std::numeric_limits<std::int64_t>::min()
                                  : std::numeric_limits<std::int64_t>::max();
    return out;
}

std::int64_t add(std::int64_t a, std::int64_t b)
{
    std::int64_t out = 0;
    if (__builtin_add_overflow(a, b, &out))
        return b < 0 ? std::numeric_limits<std::int64_t>::min() : std::numeric_limits<std::int64_t>::max();
    return out;
}

bool isHeld(const QString &status)
{
    return status == QLatin1String("held") || status == QLatin1String("closed");
}

bool isActive(const QString &status)
{
    return status == QLatin1String("submitted") || status == QLatin1String("approved") || isHeld(status);
}

bool countsAsHead(const MeetingFacts &facts, const Attendee &a)
{
    return !isHeld(facts.status) || a.signedIn;
}

std::int64_t cateringTotal(const MeetingFacts &facts)
{
    std::int64_t total = 0;
    for (const Expense &e : facts.expenses) {
        if (e.category == QLatin1String("catering"))
            total = add(total, e.amountMinor);
    }
    return total;
}

// One head's share of a total, to the nearest fen, halves up: the catering share a transfer of value
// counts. The catering rule itself compares without dividing.
std::int64_t perHead(std::int64_t total, int heads)
{
    return heads > 0 ? (total + heads / 2) / heads : total;
}

// The figure shown for a total over `heads` that breaks an "at most" limit (total > limit x heads):
// rounded up, away from the limit, so it is never shown equal to the limit it breaks (80,001 fen of
// catering for 4 heads is 200.01 CNY per head, not 200.00). No "at least" rule divides; one that did
// would round down.
std::int64_t perHeadAboveLimit(std::int64_t total, int heads)
{
    std::int64_t q = total / heads;
    if (total % heads > 0)
        ++q;
    return q;
}

bool isHcp(const Attendee &a)
{
    return a.kind == QLatin1String("hcp") && !a.hcpId.isEmpty();
}

// One entry per HCP (in the order first seen), with every attendee row naming that HCP: a person is
// one person however many rows name them.
struct HcpRows
{
    QString hcpId;
    QList<const Attendee *> rows;
};

QList<HcpRows> byHcp(const MeetingFacts &facts)
{
    QList<HcpRows> out;
    QHash<QString, qsizetype> index;
    for (const Attendee &a : facts.attendees) {
        if (!isHcp(a))
            continue;
        auto it = index.find(a.hcpId);
        if (it == index.end()) {
            index.insert(a.hcpId, out.size());
            out << HcpRows {a.hcpId, {&a}};
        } else {
            out[*it].rows << &a;
        }
    }
    return out;
}

bool anyHead(const MeetingFacts &facts, const HcpRows &h)
{
    for (const Attendee *a : h.rows) {
        if (countsAsHead(facts, *a))
            return true;
    }
    return false;
}

std::int64_t feesOf(const HcpRows &h)
{
    std::int64_t total = 0;
    for (const Attendee *a : h.rows)
        total = add(total, a->feeMinor);
    return total;
}

std::int64_t transferOf(const MeetingFacts &facts, const HcpRows &h)
{
    std::int64_t value = feesOf(h);
    if (anyHead(facts, h))
        value = add(value, perHead(cateringTotal(facts), std::max(1, headCount(facts))));
    return value;
}

} // namespace

bool ruleGuards(Rule rule, const QString &status, Actor actor)
{
    switch (rule) {
    case Rule::CateringPerHead:
    case Rule::SpeakerFee:
    case Rule::StaffShare:
    case Rule::YearlyTransfers:
        return isActive(status);
    case Rule::SignedInBeforeHeld:
        return isHeld(status);
    case Rule::EvidenceBeforeClosed:
        return status == QLatin1String("closed");
    case Rule::BudgetOverrun:
        return status == QLatin1String("closed") && actor == Actor::Owner;
    }
    return false;
}

int headCount(const MeetingFacts &facts)
{
    // An HCP named by several attendee rows is one head.
    int heads = 0;
    QSet<QString> hcps;
    for (const Attendee &a : facts.attendees) {
        if (!countsAsHead(facts, a))
            continue;
        if (isHcp(a)) {
            if (hcps.contains(a.hcpId))
                continue;
            hcps.insert(a.hcpId);
        }
        ++heads;
    }
    return heads;
}

std::int64_t transferTo(const MeetingFacts &facts, const Attendee &attendee)
{
    std::int64_t value = attendee.feeMinor;
    if (countsAsHead(facts, attendee))
        value = add(value, perHead(cateringTotal(facts), std::max(1, headCount(facts))));
    return value;
}

QHash<QString, std::int64_t> transfersByHcp(const MeetingFacts &facts)
{
    QHash<QString, std::int64_t> out;
    for (const HcpRows &h : byHcp(facts))
        out.insert(h.hcpId, transferOf(facts, h));
    return out;
}

std::int64_t spend(const MeetingFacts &facts)
{
    // While held, the estimates still open are not spend yet; at closing every expense on the meeting
    // is (an estimate left on a closed meeting is what it says it cost: delete the ones that did not
    // happen), so leaving expenses `estimated` does not slip an overrun past the close.
    const bool held = facts.status == QLatin1String("held");
    std::int64_t total = 0;
    for (const Expense &e : facts.expenses) {
        if (!held || e.status == QLatin1String("actual"))
            total = add(total, e.amountMinor);
    }
    return total;
}

QList<Violation> evaluate(const Config &config, const MeetingFacts &facts, Actor actor)
{
    QList<Violation> out;
    auto violation = [&](Rule rule, std::int64_t figure, std::int64_t limit, const QString &subject = {},
                         const QString &subjectName = {}) {
        Violation v;
        v.rule = rule;
        v.severity = config.severity(rule);
        v.blocking = v.severity == Severity::Block && ruleGuards(rule, facts.status, actor);
        v.figure = figure;
        v.limit = limit;
        v.subject = subject;
        v.subjectName = subjectName;
        out << v;
    };
    auto on = [&](Rule rule) { return config.severity(rule) != Severity::Off; };
    const int heads = headCount(facts);

    if (on(Rule::CateringPerHead)) {
        const std::int64_t total = cateringTotal(facts);
        // No head at all: the whole catering bill is one head's.
        if (total > mul(config.cateringPerHeadCap, std::max(1, heads)))
            violation(Rule::CateringPerHead, perHeadAboveLimit(total, std::max(1, heads)),
                config.cateringPerHeadCap);
    }
    const QList<HcpRows> hcps = byHcp(facts);
    if (on(Rule::SpeakerFee)) {
        // Per HCP: the fees of every row naming them, against their tier's cap (reported on the first
        // row). Walk-ins and staff are people without an id: each row by itself, at the C–D cap.
        for (const HcpRows &h : hcps) {
            const Attendee &first = *h.rows.first();
            const std::int64_t cap = config.speakerFeeCap(first.tier);
            const std::int64_t fees = feesOf(h);
            if (fees > cap)
                violation(Rule::SpeakerFee, fees, cap, first.id, first.name);
        }
        for (const Attendee &a : facts.attendees) {
            if (isHcp(a))
                continue;
            const std::int64_t cap = config.speakerFeeCap(QString());
            if (a.feeMinor > cap)
                violation(Rule::SpeakerFee, a.feeMinor, cap, a.id, a.name);
        }
    }
    if (on(Rule::StaffShare)) {
        int staff = 0;
        for (const Attendee &a : facts.attendees) {
            if (a.kind == QLatin1String("staff") && countsAsHead(facts, a))
                ++staff;
        }
        const std::int64_t allowed = std::int64_t(heads) * config.staffSharePercent / 100;
        if (staff > allowed)
            violation(Rule::StaffShare, staff, allowed);
    }
    if (on(Rule::SignedInBeforeHeld) && isHeld(facts.status)) {
        int signedIn = 0;
        for (const Attendee &a : facts.attendees)
            signedIn += a.signedIn ? 1 : 0;
        if (signedIn < 1)
            violation(Rule::SignedInBeforeHeld, signedIn, 1);
    }
    if (on(Rule::EvidenceBeforeClosed) && isHeld(facts.status)) {
        for (const Expense &e : facts.expenses) {
            if (e.amountMinor > 0 && e.evidence.trimmed().isEmpty())
                violation(Rule::EvidenceBeforeClosed, e.amountMinor, 0, e.id, e.category);
        }
    }
    if (on(Rule::YearlyTransfers)) {
        // Per HCP: every row's fee and one catering share, plus the other meetings of the year.
        for (const HcpRows &h : hcps) {
            const Attendee &first = *h.rows.first();
            const std::int64_t total = add(transferOf(facts, h), facts.otherTransfers.value(h.hcpId));
            if (total > config.yearlyTransfersCap)
                violation(Rule::YearlyTransfers, total, config.yearlyTransfersCap, first.id, first.name);
        }
    }
    if (on(Rule::BudgetOverrun)) {
        const std::int64_t spent = spend(facts);
        // spent ≤ budget × (100 + tolerance) / 100, compared without dividing, in 128 bits: no
        // product overflows (an overflow could wrap a breach into a pass).
        const Wide allowed100 = Wide(facts.budgetMinor) * (100 + config.budgetTolerancePercent);
        if (Wide(spent) * 100 > allowed100)
            violation(Rule::BudgetOverrun, spent,
                std::int64_t(std::min(allowed100 / 100, Wide(std::numeric_limits<std::int64_t>::max()))));
    }
    return out;
}

QString yuan(std::int64_t minor, const QLocale &locale)
{
    return locale.toString(double(minor) / 100.0, 'f', 2);
}

QString ruleTitle(Rule rule)
{
    switch (rule) {
    case Rule::CateringPerHead:
        return QCoreApplication::translate("rounds::compliance", "Catering per attendee");
    case Rule::SpeakerFee:
        return QCoreApplication::translate("rounds::compliance", "Speaker fee by tier");
    case Rule::StaffShare:
        return QCoreApplication::translate("rounds::compliance", "Company staff share");
    case Rule::SignedInBeforeHeld:
        return QCoreApplication::translate("rounds::compliance", "Sign-in before held");
    case Rule::EvidenceBeforeClosed:
        return QCoreApplication::translate("rounds::compliance", "Evidence before closing");
    case Rule::YearlyTransfers:
        return QCoreApplication::translate("rounds::compliance", "Yearly transfers of value per HCP");
    case Rule::BudgetOverrun:
        return QCoreApplication::translate("rounds::compliance", "Spend against budget");
    }
    return {};
}

QString describe(const Violation &v, const QLocale &locale)
{
    switch (v.rule) {
    case Rule::CateringPerHead:
        return QCoreApplication::translate(
            "rounds::compliance", "Catering is %1 CNY per attendee, above the cap of %2 CNY.")
            .arg(yuan(v.figure, locale), yuan(v.limit, locale));
    case Rule::SpeakerFee:
        return QCoreApplication::translate(
            "rounds::compliance", "The fee for %1 is %2 CNY, above the cap of %3 CNY for their tier.")
            .arg(v.subjectName, yuan(v.figure, locale), yuan(v.limit, locale));
    case Rule::StaffShare:
        return QCoreApplication::translate(
            "rounds::compliance", "%1 company staff attend; at most %2 are allowed (share of attendees).")
            .arg(v.figure)
            .arg(v.limit);
    case Rule::SignedInBeforeHeld:
        return QCoreApplication::translate(
            "rounds::compliance", "No attendee has signed in; a meeting is held only with at least one.");
    case Rule::EvidenceBeforeClosed:
        return QCoreApplication::translate("rounds::compliance",
            "An expense (%1, %2 CNY) has no evidence; the meeting cannot be closed without it.")
            .arg(v.subjectName, yuan(v.figure, locale));
    case Rule::YearlyTransfers:
        return QCoreApplication::translate("rounds::compliance",
            "Transfers of value to %1 this year come to %2 CNY, above the yearly cap of %3 CNY.")
            .arg(v.subjectName, yuan(v.figure, locale), yuan(v.limit, locale));
    case Rule::BudgetOverrun:
        return QCoreApplication::translate("rounds::compliance",
            "Spend of %1 CNY is above the budget with its tolerance (%2 CNY); a manager must approve "
            "closing it.")
            .arg(yuan(v.figure, locale), yuan(v.limit, locale));
    }
    return {};
}

} // namespace rounds::compliance
