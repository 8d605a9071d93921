#include "sync/compliance/rules.h"

#include <QCoreApplication>
#include <QLocale>

namespace rounds::compliance {

namespace {

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
            total += e.amountMinor;
    }
    return total;
}

// Rounded to the nearest fen, halves up: the figure shown; the comparison itself never divides.
std::int64_t perHead(std::int64_t total, int heads)
{
    return heads > 0 ? (total + heads / 2) / heads : total;
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
    int heads = 0;
    for (const Attendee &a : facts.attendees) {
        if (countsAsHead(facts, a))
            ++heads;
    }
    return heads;
}

std::int64_t transferTo(const MeetingFacts &facts, const Attendee &attendee)
{
    std::int64_t value = attendee.feeMinor;
    if (countsAsHead(facts, attendee))
        value += perHead(cateringTotal(facts), std::max(1, headCount(facts)));
    return value;
}

std::int64_t spend(const MeetingFacts &facts)
{
    const bool held = isHeld(facts.status);
    std::int64_t total = 0;
    for (const Expense &e : facts.expenses) {
        if (!held || e.status == QLatin1String("actual"))
            total += e.amountMinor;
    }
    return total;
}

QList<Violation> evaluate(const Config &config, const MeetingFacts &facts, Actor actor)
{
    QList<Violation> out;
    auto add = [&](Rule rule, std::int64_t figure, std::int64_t limit, const QString &subject = {},
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
        if (total > config.cateringPerHeadCap * std::max(1, heads))
            add(Rule::CateringPerHead, perHead(total, std::max(1, heads)), config.cateringPerHeadCap);
    }
    if (on(Rule::SpeakerFee)) {
        for (const Attendee &a : facts.attendees) {
            const std::int64_t cap
                = config.speakerFeeCap(a.kind == QLatin1String("hcp") ? a.tier : QString());
            if (a.feeMinor > cap)
                add(Rule::SpeakerFee, a.feeMinor, cap, a.id, a.name);
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
            add(Rule::StaffShare, staff, allowed);
    }
    if (on(Rule::SignedInBeforeHeld) && isHeld(facts.status)) {
        int signedIn = 0;
        for (const Attendee &a : facts.attendees)
            signedIn += a.signedIn ? 1 : 0;
        if (signedIn < 1)
            add(Rule::SignedInBeforeHeld, signedIn, 1);
    }
    if (on(Rule::EvidenceBeforeClosed) && isHeld(facts.status)) {
        for (const Expense &e : facts.expenses) {
            if (e.amountMinor > 0 && e.evidence.trimmed().isEmpty())
                add(Rule::EvidenceBeforeClosed, e.amountMinor, 0, e.id, e.category);
        }
    }
    if (on(Rule::YearlyTransfers)) {
        for (const Attendee &a : facts.attendees) {
            if (a.kind != QLatin1String("hcp") || a.hcpId.isEmpty())
                continue;
            const std::int64_t total = transferTo(facts, a) + facts.otherTransfers.value(a.hcpId);
            if (total > config.yearlyTransfersCap)
                add(Rule::YearlyTransfers, total, config.yearlyTransfersCap, a.id, a.name);
        }
    }
    if (on(Rule::BudgetOverrun)) {
        const std::int64_t spent = spend(facts);
        // spent ≤ budget × (100 + tolerance) / 100, compared without dividing.
        if (spent * 100 > facts.budgetMinor * (100 + config.budgetTolerancePercent))
            add(Rule::BudgetOverrun, spent, facts.budgetMinor * (100 + config.budgetTolerancePercent) / 100);
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
