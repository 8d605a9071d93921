#include "server/meetingrules.h"

#include "common/compliance/facts.h"
#include "common/compliance/resubmission.h"
#include "common/protocol/errors.h"
#include "common/protocol/values.h"
#include "server/feed.h"
#include "server/log.h"

#include <QJsonArray>
#include <QSet>

namespace rounds::server {

using namespace rounds::protocol;
using compliance::MeetingFacts;
using compliance::Violation;

namespace {

const QString kMeeting = QStringLiteral("meeting");
const QString kAttendee = QStringLiteral("meeting_attendee");
const QString kExpense = QStringLiteral("meeting_expense");

std::int64_t minor(const QJsonObject &o, const char *key)
{
    return std::int64_t(o.value(QLatin1String(key)).toDouble());
}

using compliance::commitsMoney;
using compliance::meetingStatus;

using Child = protocol::Record;

QList<Child> children(StoreReader &store, const QString &entity, const QString &meetingId)
{
    QList<Child> out;
    for (const StoredRecord &r : store.referencing(entity, IndexedRef::MeetingId, meetingId))
        out << r.record;
    return out;
}

// The list with one child replaced, added (upsert) or dropped (remove, or moved to another meeting).
QList<Child> withChange(QList<Child> list, const QString &id, const QJsonObject &after, bool keep)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list[i].id == id) {
            if (keep)
                list[i].fields = after;
            else
                list.removeAt(i);
            return list;
        }
    }
    if (keep) {
        Child added;
        added.id = id;
        added.fields = after;
        list << added;
    }
    return list;
}

// The facts from the shared builder (common/compliance/facts.h); `lookUpHcps` reads the HCPs' tiers
// and names, which the other meetings of the year do not need.
MeetingFacts build(StoreReader &store, const QJsonObject &meeting, const QString &meetingId,
    const QList<Child> &attendees, const QList<Child> &expenses, bool lookUpHcps)
{
    compliance::HcpLookup hcps;
    if (lookUpHcps) {
        hcps = [&store](const QString &hcpId) -> std::optional<QJsonObject> {
            if (const std::optional<StoredRecord> hcp = store.record(QStringLiteral("hcp"), hcpId))
                return hcp->record.fields;
            return std::nullopt;
        };
    }
    return compliance::meetingFacts(meetingId, meeting, attendees, expenses, hcps);
}

// Speaker fees and catering shares of the same calendar year from the other meetings that commit
// money: submitted and later, not rejected or cancelled (a draft commits nothing yet).
void addOtherTransfers(StoreReader &store, MeetingFacts &facts, const QString &startsAt)
{
    if (compliance::hcpsOf(facts).isEmpty())
        return;
    const QString year = startsAt.left(4);
    for (const StoredRecord &m : store.all(kMeeting)) {
        const QJsonObject &f = m.record.fields;
        if (m.record.id == facts.id || !commitsMoney(meetingStatus(f)) || str(f, "starts_at").left(4) != year)
            continue;
        compliance::addOtherTransfers(facts,
            build(store, f, m.record.id, children(store, kAttendee, m.record.id),
                children(store, kExpense, m.record.id), false));
    }
}

QJsonObject error(const char *code, const QString &message, const QString &field = {})
{
    QJsonObject e {{QStringLiteral("code"), QString::fromLatin1(code)}, {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        e.insert(QStringLiteral("field"), field);
    return e;
}

QJsonObject complianceError(const QList<Violation> &violations)
{
    QJsonArray list;
    QStringList messages;
    for (const Violation &v : violations) {
        const QString message = compliance::describe(v, QLocale::c());
        messages << message;
        list << QJsonObject {{QStringLiteral("rule"), v.code()},
            {QStringLiteral("severity"), compliance::severityName(v.severity)},
            {QStringLiteral("figure"), double(v.figure)}, {QStringLiteral("limit"), double(v.limit)},
            {QStringLiteral("subject"), v.subject}, {QStringLiteral("subject_name"), v.subjectName},
            {QStringLiteral("message"), message}};
    }
    QJsonObject e = error("compliance", messages.join(QLatin1Char(' ')));
    e.insert(QStringLiteral("rule"), violations.value(0).code());
    e.insert(QStringLiteral("violations"), list);
    return e;
}

// Block-level violations of `after` that `before` did not have, or had with a smaller figure. With no
// `before` (a status transition) every block-level violation counts.
std::optional<QJsonObject> refuse(
    const QList<Violation> &after, const std::optional<QList<Violation>> &before)
{
    QHash<QString, std::int64_t> had;
    if (before) {
        for (const Violation &v : *before)
            had.insert(v.key(), v.figure);
    }
    QList<Violation> worse;
    for (const Violation &v : after) {
        if (!v.blocking)
            continue;
        if (!before || !had.contains(v.key()) || v.figure > had.value(v.key()))
            worse << v;
    }
    if (worse.isEmpty())
        return std::nullopt;
    qCInfo(lcServer) << "meeting change refused by compliance rule" << worse.first().code();
    return complianceError(worse);
}

compliance::Actor actorOf(const Principal &user)
{
    return user.role == RoleManager || user.role == RoleAdmin ? compliance::Actor::Manager
                                                              : compliance::Actor::Owner;
}

// The workflow: which transitions exist, and who makes them (the owner, a manager of the district).
// Admins make any of them; scopes are checked before (checkAccess).
struct Transition
{
    const char *from;
    const char *to;
    bool owner;
    bool manager;
};

const Transition kTransitions[] = {
    {"draft", "submitted", true, false}, {"submitted", "approved", false, true},
    {"submitted", "rejected", false, true}, {"approved", "held", true, false},
    {"held", "closed", true, true}, // a manager closes an over-budget meeting (re-approval)
    {"rejected", "draft", true, false}, {"draft", "cancelled", true, true},
    {"submitted", "cancelled", true, true}, {"approved", "cancelled", true, true},
    {"rejected", "cancelled", true, true},
    // No held → cancelled: a held meeting took place and its transfers of value were made; it is
    // closed, and cancelling it would drop its payments from every HCP's yearly total.
};

std::optional<QJsonObject> checkTransition(
    const Principal &user, const QString &from, const QString &to, bool isOwner)
{
    for (const Transition &t : kTransitions) {
        if (from != QLatin1String(t.from) || to != QLatin1String(t.to))
            continue;
        // A decision (approve, reject) is never made by the meeting's owner, however they came to own
        // it: the one who decides did not write what is decided on.
        if (t.manager && !t.owner && isOwner)
            return error(ErrorCode::Forbidden,
                QStringLiteral("nobody decides on a meeting they own (%1 to %2)").arg(from, to),
                QStringLiteral("status"));
        const bool allowed = user.role == RoleAdmin || (t.owner && isOwner && user.role == RoleRep)
            || (t.manager && user.role == RoleManager);
        if (allowed)
            return std::nullopt;
        return error(ErrorCode::Forbidden,
            t.manager && !t.owner
                ? QStringLiteral("only a manager of the district moves a meeting from %1 to %2").arg(from, to)
                : QStringLiteral("only the meeting's owner moves it from %1 to %2").arg(from, to));
    }
    return error(ErrorCode::InvalidRequest,
        QStringLiteral("a meeting does not go from %1 to %2 (see the workflow in docs/meetings.md)")
            .arg(from, to),
        QStringLiteral("status"));
}

std::optional<QJsonObject> checkMeeting(StoreReader &store, const Principal &user,
    const std::optional<StoredRecord> &existing, const QJsonObject &after, bool remove)
{
    const bool hadLive = existing && !existing->deleted;
    const QJsonObject before = hadLive ? existing->record.fields : QJsonObject();
    const QString id = existing ? existing->record.id : QString();
    if (remove) {
        if (hadLive && meetingStatus(before) != QLatin1String("draft"))
            return error(ErrorCode::Forbidden,
                QStringLiteral("only a draft meeting is deleted; a %1 one is cancelled")
                    .arg(meetingStatus(before)));
        return std::nullopt;
    }
    const QString from = hadLive ? meetingStatus(before) : QString();
    const QString to = meetingStatus(after);
    if (hadLive && (from == QLatin1String("closed") || from == QLatin1String("cancelled")) && after != before)
        return error(ErrorCode::Forbidden, QStringLiteral("a %1 meeting does not change any more").arg(from));
    // The owner before or after the change: taking a meeting over in the push that approves it is owning it.
    const bool isOwner = str(after, "owner_id") == user.id || (hadLive && str(before, "owner_id") == user.id);
    // The budget is what the manager approved: once submitted, a rep does not raise it (an edit of the
    // plan goes back through rejected → draft → submitted).
    if (hadLive && commitsMoney(from) && user.role == RoleRep
        && minor(before, "budget_minor") != minor(after, "budget_minor"))
        return error(ErrorCode::Forbidden,
            QStringLiteral("the budget of a %1 meeting is the approved one: a rep does not change it")
                .arg(from),
            QStringLiteral("budget_minor"));
    if (hadLive && compliance::sentBackOnMaterialChange(from) && to == QLatin1String("held")
        && !compliance::meetingChangeReason(before, after).isEmpty())
        return error(ErrorCode::Forbidden,
            QStringLiteral("the meeting moved since it was approved: it is decided again before it is held"),
            QStringLiteral("status"));
    bool transition = false;
    if (!hadLive) {
        if (to != QLatin1String("draft") && to != QLatin1String("submitted"))
            return error(ErrorCode::InvalidRequest,
                QStringLiteral("a new meeting is a draft or submitted, not %1").arg(to),
                QStringLiteral("status"));
        if (to == QLatin1String("submitted")) {
            if (auto refusal = checkTransition(user, QStringLiteral("draft"), to, isOwner))
                return refusal;
        }
        transition = true;
    } else if (from != to) {
        if (auto refusal = checkTransition(user, from, to, isOwner))
            return refusal;
        transition = true;
    }
    if (!commitsMoney(to))
        return std::nullopt;

    const compliance::Config config = complianceConfig(store);
    // A meeting created in this very push has no children on the server yet; a deleted one that is
    // restored still has them (deleting a draft leaves its attendees and expenses in place).
    const QList<Child> attendees = existing ? children(store, kAttendee, id) : QList<Child>();
    const QList<Child> expenses = existing ? children(store, kExpense, id) : QList<Child>();
    MeetingFacts now = build(store, after, id, attendees, expenses, true);
    addOtherTransfers(store, now, str(after, "starts_at"));
    const QList<Violation> violations = compliance::evaluate(config, now, actorOf(user));
    if (transition)
        return refuse(violations, std::nullopt);
    // The meeting before the change, with the other meetings of ITS year: moving a meeting into a year
    // where an attendee is near the cap is worse even if its own figures did not change.
    MeetingFacts was = build(store, before, id, attendees, expenses, true);
    addOtherTransfers(store, was, str(before, "starts_at"));
    return refuse(violations, compliance::evaluate(config, was, actorOf(user)));
}

// The compliance check of one child change within one meeting `m`: the child `id` becomes `after`
// (`keep`) or leaves the meeting. Refused when it adds to a block-level breach.
std::optional<QJsonObject> checkChildSet(StoreReader &store, const Principal &user, const Entity &e,
    const QJsonObject &m, const QString &meetingId, const QString &id, const QJsonObject &after, bool keep)
{
    if (!commitsMoney(meetingStatus(m)))
        return std::nullopt;
    const compliance::Config config = complianceConfig(store);
    const QList<Child> attendees = children(store, kAttendee, meetingId);
    const QList<Child> expenses = children(store, kExpense, meetingId);
    const bool isAttendee = e.name == kAttendee;
    const QList<Child> attendeesAfter = isAttendee ? withChange(attendees, id, after, keep) : attendees;
    const QList<Child> expensesAfter = isAttendee ? expenses : withChange(expenses, id, after, keep);
    MeetingFacts now = build(store, m, meetingId, attendeesAfter, expensesAfter, true);
    addOtherTransfers(store, now, str(m, "starts_at"));
    MeetingFacts was = build(store, m, meetingId, attendees, expenses, true);
    was.otherTransfers = now.otherTransfers;
    return refuse(
        compliance::evaluate(config, now, actorOf(user)), compliance::evaluate(config, was, actorOf(user)));
}

std::optional<QJsonObject> checkChild(StoreReader &store, const Principal &user, const Entity &e,
    const std::optional<StoredRecord> &existing, const QJsonObject &after, bool remove)
{
    const bool hadLive = existing && !existing->deleted;
    const QJsonObject before = hadLive ? existing->record.fields : QJsonObject();
    const QString id = existing ? existing->record.id : QString();
    const QString meetingId = remove ? str(before, "meeting_id") : str(after, "meeting_id");
    const std::optional<StoredRecord> meeting = store.record(kMeeting, meetingId);
    if (!meeting || meeting->deleted)
        return std::nullopt; // checkAccess answers this one
    const QString status = meetingStatus(meeting->record.fields);
    if (status == QLatin1String("closed"))
        return error(ErrorCode::Forbidden,
            QStringLiteral("the meeting is closed: its attendees and expenses do not change any more"));
    if (hadLive && str(before, "meeting_id") != meetingId) {
        const std::optional<StoredRecord> old = store.record(kMeeting, str(before, "meeting_id"));
        if (old && meetingStatus(old->record.fields) == QLatin1String("closed"))
            return error(ErrorCode::Forbidden,
                QStringLiteral("the meeting is closed: its attendees and expenses do not change any more"));
    }
    if (remove && !hadLive)
        return std::nullopt;
    if (!remove && e.name == kAttendee) {
        QString kind = str(after, "kind");
        if (kind.isEmpty())
            kind = QStringLiteral("hcp");
        const bool hasHcp = !str(after, "hcp_id").isEmpty();
        if (kind == QLatin1String("hcp") && !hasHcp)
            return error(ErrorCode::InvalidRequest, QStringLiteral("an HCP attendee names the HCP (hcp_id)"),
                QStringLiteral("hcp_id"));
        if (kind != QLatin1String("hcp") && hasHcp)
            return error(ErrorCode::InvalidRequest,
                QStringLiteral("a %1 attendee is not an HCP of the master data: no hcp_id").arg(kind),
                QStringLiteral("hcp_id"));
        if (kind != QLatin1String("hcp") && str(after, "name").trimmed().isEmpty())
            return error(ErrorCode::InvalidRequest, QStringLiteral("a %1 attendee needs a name").arg(kind),
                QStringLiteral("name"));
    }
    // One row per HCP and meeting: a second row would add a second fee and a second head that the
    // per-person caps do not see as the same person.
    // Checked when a row comes to name the HCP in the meeting (created, restored, re-pointed, moved):
    // rows stored before the rule stay editable and deletable (the rules add them up per HCP).
    const QString hcpId = str(after, "hcp_id");
    const bool arrives = !hadLive || str(before, "hcp_id") != hcpId || str(before, "meeting_id") != meetingId;
    if (!remove && e.name == kAttendee && !hcpId.isEmpty() && arrives) {
        for (const Child &c : children(store, kAttendee, meetingId)) {
            if (c.id != id && str(c.fields, "hcp_id") == hcpId)
                return error(ErrorCode::InvalidRequest,
                    QStringLiteral("the HCP already attends this meeting (attendee %1): one row per HCP")
                        .arg(c.id),
                    QStringLiteral("hcp_id"));
        }
    }
    // A child moved to another meeting leaves its old one: that meeting must not be made worse by
    // losing it (e.g. a signed-in attendee, the attendees catering is shared by) any more than a
    // delete of the child would.
    if (!remove && hadLive && str(before, "meeting_id") != meetingId) {
        const QString oldId = str(before, "meeting_id");
        const std::optional<StoredRecord> old = store.record(kMeeting, oldId);
        if (old && !old->deleted) {
            if (auto refusal = checkChildSet(store, user, e, old->record.fields, oldId, id, {}, false))
                return refusal;
        }
    }
    return checkChildSet(store, user, e, meeting->record.fields, meetingId, id, after, !remove);
}

} // namespace

compliance::Config complianceConfig(StoreReader &store)
{
    // Should several records carry the key, the newest (updated_at, then id) is in force: what the
    // client reads too (models/meetingrepository.cpp), so both sides run the same rules.
    std::optional<StoredRecord> newest;
    for (const StoredRecord &r : store.all(QStringLiteral("setting"))) {
        if (str(r.record.fields, "key") != compliance::SettingKey)
            continue;
        if (!newest || r.record.updatedAt > newest->record.updatedAt
            || (r.record.updatedAt == newest->record.updatedAt && r.record.id > newest->record.id))
            newest = r;
    }
    if (newest)
        return compliance::Config::fromJson(newest->record.fields.value(QLatin1String("value")));
    return compliance::Config {};
}

compliance::MeetingFacts meetingFacts(
    StoreReader &store, const QJsonObject &meeting, const QString &meetingId)
{
    MeetingFacts facts = build(store, meeting, meetingId, children(store, kAttendee, meetingId),
        children(store, kExpense, meetingId), true);
    addOtherTransfers(store, facts, str(meeting, "starts_at"));
    return facts;
}

std::optional<QJsonArray> staleMeetingDecision(
    const Principal &user, const Entity &entity, const StoredRecord &existing, const QJsonObject &set)
{
    if (entity.name != kMeeting || existing.deleted || actorOf(user) != compliance::Actor::Manager)
        return std::nullopt;
    const QJsonValue to = set.value(QLatin1String("status"));
    const QString from = meetingStatus(existing.record.fields);
    if (!to.isString() || to.toString() == from)
        return std::nullopt;
    qCInfo(lcServer) << "meeting decision from an old version sent back as a conflict";
    return QJsonArray {QJsonObject {{QStringLiteral("field"), QStringLiteral("status")},
        {QStringLiteral("base"), from}, {QStringLiteral("mine"), to}, {QStringLiteral("theirs"), from}}};
}

bool settleMeeting(const Entity &entity, const std::optional<StoredRecord> &existing, QJsonObject &fields)
{
    if (entity.name != kMeeting || !existing || existing->deleted)
        return false;
    const QJsonObject &before = existing->record.fields;
    const QString from = meetingStatus(before);
    const QString to = meetingStatus(fields);
    if (from != to) {
        // A new status answers the reason: the meeting was decided, withdrawn or moved on.
        const QJsonValue had = fields.value(QLatin1String("resubmit_reason"));
        if (had.isNull() || had.isUndefined())
            return false;
        fields.insert(QStringLiteral("resubmit_reason"), QJsonValue::Null);
        return true;
    }
    if (!compliance::sentBackOnMaterialChange(from))
        return false;
    const QString reason = compliance::meetingChangeReason(before, fields);
    if (reason.isEmpty())
        return false;
    qCInfo(lcServer) << "approved meeting sent back for a new decision:" << reason;
    fields.insert(QStringLiteral("status"), QStringLiteral("submitted"));
    fields.insert(QStringLiteral("resubmit_reason"), reason);
    return true;
}

void resubmitParent(StoreWriter &store, Feed &feed, const Entity &entity,
    const std::optional<StoredRecord> &existing, const QJsonObject &after)
{
    if (entity.parentEntity != kMeeting)
        return;
    std::optional<QJsonObject> before;
    if (existing && !existing->deleted)
        before = existing->record.fields;
    const QString reason = compliance::childChangeReason(entity.name, before, after);
    if (reason.isEmpty())
        return;
    const std::optional<StoredRecord> meeting = store.record(kMeeting, str(after, "meeting_id"));
    if (!meeting || meeting->deleted
        || !compliance::sentBackOnMaterialChange(meetingStatus(meeting->record.fields)))
        return;
    StoredRecord sentBack = *meeting;
    sentBack.record.fields.insert(QStringLiteral("status"), QStringLiteral("submitted"));
    sentBack.record.fields.insert(QStringLiteral("resubmit_reason"), reason);
    qCInfo(lcServer) << "approved meeting sent back for a new decision:" << reason;
    feed.commit(meeting, sentBack, QStringLiteral("sent back for a new decision: %1").arg(reason));
}

std::optional<QJsonObject> checkMeetingChange(StoreReader &store, const Principal &user, const Entity &entity,
    const std::optional<StoredRecord> &existing, const QJsonObject &after, bool remove)
{
    if (entity.name == kMeeting)
        return checkMeeting(store, user, existing, after, remove);
    if (entity.parentEntity == kMeeting)
        return checkChild(store, user, entity, existing, after, remove);
    return std::nullopt;
}

} // namespace rounds::server
