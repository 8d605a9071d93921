#include "common/compliance/facts.h"

namespace rounds::compliance {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

std::int64_t money(const QJsonObject &o, const char *key)
{
    return std::int64_t(o.value(QLatin1String(key)).toDouble());
}

QString orDefault(const QString &value, const QString &fallback)
{
    return value.isEmpty() ? fallback : value;
}

} // namespace

QString meetingStatus(const QJsonObject &meeting)
{
    return orDefault(text(meeting, "status"), QStringLiteral("draft"));
}

bool commitsMoney(const QString &status)
{
    return status == QLatin1String("submitted") || status == QLatin1String("approved")
        || status == QLatin1String("held") || status == QLatin1String("closed");
}

Attendee attendeeFacts(const protocol::Record &row, const HcpLookup &hcps)
{
    const QJsonObject &f = row.fields;
    Attendee a;
    a.id = row.id;
    a.kind = orDefault(text(f, "kind"), QStringLiteral("hcp"));
    a.hcpId = text(f, "hcp_id");
    a.name = text(f, "name");
    a.role = orDefault(text(f, "role"), QStringLiteral("attendee"));
    a.signedIn = f.value(QLatin1String("signed_in")).toBool();
    a.feeMinor = money(f, "fee_minor");
    if (hcps && a.kind == QLatin1String("hcp") && !a.hcpId.isEmpty()) {
        if (const std::optional<QJsonObject> hcp = hcps(a.hcpId)) {
            a.tier = text(*hcp, "tier");
            if (a.name.isEmpty())
                a.name = text(*hcp, "full_name");
        }
    }
    // Messages name someone even when the HCP is not in this store.
    if (a.name.isEmpty())
        a.name = a.hcpId;
    return a;
}

Expense expenseFacts(const protocol::Record &row)
{
    const QJsonObject &f = row.fields;
    Expense e;
    e.id = row.id;
    e.category = text(f, "category");
    e.status = orDefault(text(f, "status"), QStringLiteral("estimated"));
    e.description = text(f, "description");
    e.evidence = text(f, "evidence");
    e.amountMinor = money(f, "amount_minor");
    return e;
}

MeetingFacts meetingFacts(const QString &meetingId, const QJsonObject &meeting,
    const QList<protocol::Record> &attendees, const QList<protocol::Record> &expenses, const HcpLookup &hcps)
{
    MeetingFacts facts;
    facts.id = meetingId;
    facts.status = meetingStatus(meeting);
    facts.budgetMinor = money(meeting, "budget_minor");
    for (const protocol::Record &row : attendees)
        facts.attendees << attendeeFacts(row, hcps);
    for (const protocol::Record &row : expenses)
        facts.expenses << expenseFacts(row);
    return facts;
}

QSet<QString> hcpsOf(const MeetingFacts &facts)
{
    QSet<QString> out;
    for (const Attendee &a : facts.attendees) {
        if (a.kind == QLatin1String("hcp") && !a.hcpId.isEmpty())
            out.insert(a.hcpId);
    }
    return out;
}

void addOtherTransfers(MeetingFacts &facts, const MeetingFacts &other)
{
    const QSet<QString> hcps = hcpsOf(facts);
    const QHash<QString, std::int64_t> transfers = transfersByHcp(other);
    for (auto it = transfers.begin(); it != transfers.end(); ++it) {
        if (hcps.contains(it.key()))
            facts.otherTransfers[it.key()] += it.value();
    }
}

} // namespace rounds::compliance
