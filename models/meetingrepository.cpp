#include "models/meetingrepository.h"

#include "common/compliance/facts.h"
#include "common/compliance/resubmission.h"
#include "common/protocol/values.h"
#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"
#include "models/companysettings.h"
#include "models/log.h"
#include "models/referencequeries.h"
#include "models/sqlguard.h"
#include "models/store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace rounds {

namespace {

const QString kMeeting = QStringLiteral("meeting");
const QString kAttendee = QStringLiteral("meeting_attendee");
const QString kExpense = QStringLiteral("meeting_expense");

using protocol::str;

qint64 minor(const QJsonObject &o, const char *key)
{
    return qint64(o.value(QLatin1String(key)).toDouble());
}

QStringList ids(Store *store, const QString &sql, const QString &bind)
{
    QStringList out;
    if (!store || !store->database())
        return out;
    catchSql(
        [&] {
            auto q = store->database()->query(sql);
            q->bind(1, bind);
            while (q->step())
                out << q->text(0);
        },
        [](const sql::SqlError &e) { qCWarning(lcStore) << "meetings:" << e.what(); });
    return out;
}

MeetingAttendeeRow attendeeFrom(const protocol::Record &r)
{
    MeetingAttendeeRow a;
    a.id = r.id;
    a.kind = str(r.fields, "kind");
    if (a.kind.isEmpty())
        a.kind = QStringLiteral("hcp");
    a.hcpId = str(r.fields, "hcp_id");
    a.name = str(r.fields, "name");
    a.role = str(r.fields, "role");
    if (a.role.isEmpty())
        a.role = QStringLiteral("attendee");
    a.signedIn = r.fields.value(QLatin1String("signed_in")).toBool();
    a.feeMinor = minor(r.fields, "fee_minor");
    return a;
}

MeetingExpenseRow expenseFrom(const protocol::Record &r)
{
    MeetingExpenseRow e;
    e.id = r.id;
    e.category = str(r.fields, "category");
    e.amountMinor = minor(r.fields, "amount_minor");
    e.status = str(r.fields, "status");
    if (e.status.isEmpty())
        e.status = QStringLiteral("estimated");
    e.description = str(r.fields, "description");
    e.evidence = str(r.fields, "evidence");
    return e;
}

QJsonObject attendeeFields(const QString &meetingId, const MeetingAttendeeRow &a)
{
    const bool hcp = a.kind == QLatin1String("hcp");
    return {{QStringLiteral("meeting_id"), meetingId}, {QStringLiteral("kind"), a.kind},
        {QStringLiteral("hcp_id"), hcp ? QJsonValue(a.hcpId) : QJsonValue()},
        {QStringLiteral("name"), hcp ? QJsonValue() : QJsonValue(a.name.trimmed())},
        {QStringLiteral("role"), a.role}, {QStringLiteral("signed_in"), a.signedIn},
        {QStringLiteral("fee_minor"), double(a.feeMinor)}};
}

QJsonObject expenseFields(const QString &meetingId, const MeetingExpenseRow &e)
{
    return {{QStringLiteral("meeting_id"), meetingId}, {QStringLiteral("category"), e.category},
        {QStringLiteral("amount_minor"), double(e.amountMinor)},
        {QStringLiteral("currency"), QStringLiteral("CNY")}, {QStringLiteral("status"), e.status},
        {QStringLiteral("description"), e.description.isEmpty() ? QJsonValue() : QJsonValue(e.description)},
        {QStringLiteral("evidence"), e.evidence.isEmpty() ? QJsonValue() : QJsonValue(e.evidence)}};
}

// The fields of `wanted` that differ from `current` (a null and an absent value are the same).
QJsonObject changes(const QJsonObject &current, const QJsonObject &wanted)
{
    QJsonObject out;
    for (auto it = wanted.begin(); it != wanted.end(); ++it) {
        const QJsonValue now = current.value(it.key());
        const bool bothEmpty = (now.isNull() || now.isUndefined()) && it.value().isNull();
        if (!bothEmpty && now != it.value())
            out.insert(it.key(), it.value());
    }
    return out;
}

bool fail(const WriteResult &r, QString *error, QString *field)
{
    if (error)
        *error = r.error;
    if (field)
        *field = r.field;
    return false;
}

// Writes the rows of one child entity: creates new ones, updates changed ones, removes dropped ones.
template<typename Row, typename Fields>
bool saveChildren(Store *store, const QString &entity, const QString &meetingId, QList<Row> rows,
    Fields fields, QString *error, QString *field)
{
    const QStringList before
        = ids(store, QStringLiteral("SELECT id FROM %1 WHERE meeting_id = ?1").arg(entity), meetingId);
    QSet<QString> kept;
    for (const Row &row : rows) {
        if (!row.id.isEmpty())
            kept.insert(row.id);
    }
    // Dropped rows go first: an HCP removed and added again is one row again by the time the new one
    // is created (the server allows one attendee row per HCP and meeting).
    for (const QString &id : before) {
        if (kept.contains(id))
            continue;
        const WriteResult r = store->remove(entity, id);
        if (!r.ok)
            return fail(r, error, field);
    }
    for (const Row &row : rows) {
        const QJsonObject wanted = fields(meetingId, row);
        if (row.id.isEmpty() || !before.contains(row.id)) {
            const WriteResult r = store->create(entity, wanted, row.id);
            if (!r.ok)
                return fail(r, error, field);
            kept.insert(r.id);
            continue;
        }
        const std::optional<protocol::Record> current = store->record(entity, row.id);
        const QJsonObject diff = changes(current ? current->fields : QJsonObject(), wanted);
        if (diff.isEmpty())
            continue;
        const WriteResult r = store->update(entity, row.id, diff);
        if (!r.ok)
            return fail(r, error, field);
    }
    return true;
}

} // namespace

QString MeetingDraft::status() const
{
    const QString s = str(fields, "status");
    return s.isEmpty() ? QStringLiteral("draft") : s;
}

namespace evidence {

QString folderFor(const QString &databasePath)
{
    return QFileInfo(databasePath).absolutePath() + QStringLiteral("/evidence");
}

Stored store(const QString &databasePath, const QString &sourceFile)
{
    Stored out;
    QFile in(sourceFile);
    if (!in.open(QIODevice::ReadOnly)) {
        out.error = in.errorString();
        return out;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&in)) {
        out.error = in.errorString();
        return out;
    }
    const QString hex = QString::fromLatin1(hash.result().toHex());
    const QString folder = folderFor(databasePath);
    if (!QDir().mkpath(folder)) {
        out.error = QStringLiteral("cannot create %1").arg(folder);
        return out;
    }
    const QString target = folder + QLatin1Char('/') + hex;
    if (!QFileInfo::exists(target) && !QFile::copy(sourceFile, target)) {
        out.error = QStringLiteral("cannot copy the file to %1").arg(target);
        return out;
    }
    out.ok = true;
    // The field holds at most 300 characters: the name is shortened, the hash never.
    const QString prefix = QStringLiteral("sha256:") + hex + QLatin1Char(':');
    out.reference = prefix + QFileInfo(sourceFile).fileName().left(300 - int(prefix.size()));
    return out;
}

QString hashOf(const QString &reference)
{
    if (!reference.startsWith(QLatin1String("sha256:")))
        return {};
    return reference.section(QLatin1Char(':'), 1, 1);
}

QString nameOf(const QString &reference)
{
    if (!reference.startsWith(QLatin1String("sha256:")))
        return reference;
    return reference.section(QLatin1Char(':'), 2);
}

} // namespace evidence

namespace meetings {

std::optional<MeetingDraft> load(Store *store, const QString &meetingId)
{
    if (!store)
        return std::nullopt;
    const std::optional<protocol::Record> m = store->record(kMeeting, meetingId);
    if (!m)
        return std::nullopt;
    MeetingDraft d;
    d.id = meetingId;
    d.fields = m->fields;
    for (const QString &id :
        ids(store,
            QStringLiteral("SELECT a.id FROM meeting_attendee a LEFT JOIN hcp h ON h.id = a.hcp_id WHERE "
                           "a.meeting_id = ?1 ORDER BY CASE a.role WHEN 'chair' THEN 0 WHEN 'speaker' THEN 1 "
                           "ELSE 2 END, coalesce(h.full_name, a.name), a.id"),
            meetingId)) {
        if (const std::optional<protocol::Record> r = store->record(kAttendee, id)) {
            MeetingAttendeeRow a = attendeeFrom(*r);
            if (a.kind == QLatin1String("hcp")) {
                if (const std::optional<protocol::Record> h = store->record(QStringLiteral("hcp"), a.hcpId)) {
                    a.name = str(h->fields, "full_name");
                    a.tier = str(h->fields, "tier");
                }
            }
            d.attendees << a;
        }
    }
    for (const QString &id : ids(store,
             QStringLiteral("SELECT id FROM meeting_expense WHERE meeting_id = ?1 ORDER BY category, id"),
             meetingId)) {
        if (const std::optional<protocol::Record> r = store->record(kExpense, id))
            d.expenses << expenseFrom(*r);
    }
    return d;
}

QString save(Store *store, const MeetingDraft &draft, QString *error, QString *field)
{
    if (!store) {
        if (error)
            *error = QStringLiteral("no store");
        return {};
    }
    QString id = draft.id;
    QString pendingStatus;
    if (id.isEmpty()) {
        const WriteResult r = store->create(kMeeting, draft.fields);
        if (!r.ok) {
            fail(r, error, field);
            return {};
        }
        id = r.id;
    } else {
        const std::optional<protocol::Record> current = store->record(kMeeting, id);
        QJsonObject diff = changes(current ? current->fields : QJsonObject(), draft.fields);
        // The status goes last, after the attendees and expenses it depends on (sign-ins before
        // `held`, evidence before `closed`), so the server sees them first.
        if (diff.contains(QLatin1String("status"))) {
            pendingStatus = diff.value(QLatin1String("status")).toString();
            diff.remove(QStringLiteral("status"));
        }
        if (!diff.isEmpty()) {
            const WriteResult r = store->update(kMeeting, id, diff);
            if (!r.ok) {
                fail(r, error, field);
                return {};
            }
        }
    }
    if (!saveChildren(store, kAttendee, id, draft.attendees, attendeeFields, error, field))
        return {};
    if (!saveChildren(store, kExpense, id, draft.expenses, expenseFields, error, field))
        return {};
    if (!pendingStatus.isEmpty() && !setStatus(store, id, pendingStatus, error))
        return {};
    return id;
}

bool setStatus(Store *store, const QString &meetingId, const QString &status, QString *error)
{
    const WriteResult r = store->update(kMeeting, meetingId, {{QStringLiteral("status"), status}});
    if (!r.ok && error)
        *error = r.error;
    return r.ok;
}

bool decide(
    Store *store, const QString &meetingId, const QString &status, const QString &note, QString *error)
{
    QJsonObject change {{QStringLiteral("status"), status}};
    if (!note.trimmed().isEmpty())
        change.insert(QStringLiteral("decision_note"), note.trimmed());
    const WriteResult r = store->update(kMeeting, meetingId, change);
    if (!r.ok && error)
        *error = r.error;
    return r.ok;
}

QString resubmitReason(Store *store, const MeetingDraft &draft)
{
    const std::optional<protocol::Record> current = store ? store->record(kMeeting, draft.id) : std::nullopt;
    if (draft.id.isEmpty() || !current
        || !compliance::sentBackOnMaterialChange(str(current->fields, "status")))
        return {};
    QString reason = compliance::meetingChangeReason(current->fields, draft.fields);
    auto stored = [store](const QString &entity, const QString &id) -> std::optional<QJsonObject> {
        const std::optional<protocol::Record> r = id.isEmpty() ? std::nullopt : store->record(entity, id);
        return r ? std::optional<QJsonObject>(r->fields) : std::nullopt;
    };
    for (const MeetingAttendeeRow &a : draft.attendees) {
        if (reason.isEmpty())
            reason = compliance::attendeeChangeReason(stored(kAttendee, a.id), attendeeFields(draft.id, a));
    }
    for (const MeetingExpenseRow &e : draft.expenses) {
        if (reason.isEmpty())
            reason = compliance::expenseChangeReason(stored(kExpense, e.id), expenseFields(draft.id, e));
    }
    return reason;
}

compliance::Config config(Store *store)
{
    if (!store || !store->database())
        return {};
    return catchSql(
        [&]() -> compliance::Config {
            const auto value = CompanySettings::value(*store->database(), compliance::SettingKey);
            return value ? compliance::Config::fromJson(*value) : compliance::Config {};
        },
        [](const sql::SqlError &e) -> compliance::Config {
            qCWarning(lcStore) << "compliance setting:" << e.what();
            return {};
        });
}

namespace {

// The draft's rows as the records the shared builder reads (common/compliance/facts.h): the fields
// save() would write, under the row's id (an unsaved row is named by what it holds).
QList<protocol::Record> attendeeRecords(const MeetingDraft &draft)
{
    QList<protocol::Record> out;
    for (const MeetingAttendeeRow &row : draft.attendees) {
        protocol::Record r;
        r.id = row.id.isEmpty() ? row.hcpId + row.name : row.id;
        r.fields = attendeeFields(draft.id, row);
        out << r;
    }
    return out;
}

QList<protocol::Record> expenseRecords(const MeetingDraft &draft)
{
    QList<protocol::Record> out;
    for (const MeetingExpenseRow &row : draft.expenses) {
        protocol::Record r;
        r.id = row.id;
        r.fields = expenseFields(draft.id, row);
        out << r;
    }
    return out;
}

// `lookUpHcps` reads the HCPs' tiers and names (once each), which the other meetings do not need.
compliance::MeetingFacts factsOf(Store *store, const MeetingDraft &draft, bool lookUpHcps)
{
    compliance::HcpLookup hcps;
    if (lookUpHcps) {
        hcps = [store, cache = QHash<QString, std::optional<QJsonObject>>()](
                   const QString &hcpId) mutable -> std::optional<QJsonObject> {
            if (!cache.contains(hcpId)) {
                const std::optional<protocol::Record> h = store->record(QStringLiteral("hcp"), hcpId);
                cache.insert(hcpId, h ? std::optional<QJsonObject>(h->fields) : std::nullopt);
            }
            return cache.value(hcpId);
        };
    }
    return compliance::meetingFacts(
        draft.id, draft.fields, attendeeRecords(draft), expenseRecords(draft), hcps);
}

// The other meetings of the local store in `year` that commit money (submitted and later).
QStringList otherMeetings(Store *store, const QString &hcpId, const QString &year, const QString &except)
{
    QStringList out;
    for (const QString &id : ids(store,
             QStringLiteral(
                 "SELECT DISTINCT m.id FROM meeting_attendee a JOIN meeting m ON m.id = a.meeting_id "
                 "WHERE a.hcp_id = ?1 AND m.status IN ('submitted', 'approved', 'held', 'closed') "
                 "ORDER BY m.starts_at"),
             hcpId)) {
        if (id == except)
            continue;
        const std::optional<protocol::Record> m = store->record(kMeeting, id);
        if (m && str(m->fields, "starts_at").left(4) == year)
            out << id;
    }
    return out;
}

} // namespace

compliance::MeetingFacts facts(Store *store, const MeetingDraft &draft)
{
    compliance::MeetingFacts f = factsOf(store, draft, true);
    const QString year = str(draft.fields, "starts_at").left(4);
    QSet<QString> seen;
    for (const QString &hcpId : compliance::hcpsOf(f)) {
        for (const QString &id : otherMeetings(store, hcpId, year, draft.id)) {
            if (seen.contains(id))
                continue;
            seen.insert(id);
            if (const std::optional<MeetingDraft> other = load(store, id))
                compliance::addOtherTransfers(f, factsOf(store, *other, false));
        }
    }
    return f;
}

QList<QueueEntry> approvalQueue(Store *store, const QStringList &territoryIds)
{
    QList<QueueEntry> out;
    if (!store || !store->database())
        return out;
    catchSql(
        [&] {
            auto q = store->database()->query(QStringLiteral(
                "SELECT m.id, m.title, m.starts_at, coalesce(%1, ''), coalesce(t.name, ''), "
                "coalesce(m.budget_minor, 0), (SELECT count(*) FROM meeting_attendee a WHERE a.meeting_id = "
                "m.id), "
                "m.territory_id, m.owner_id FROM meeting m LEFT JOIN \"user\" u ON u.id = m.owner_id LEFT "
                "JOIN territory "
                "t "
                "ON "
                "t.id = m.territory_id WHERE m.status = 'submitted' ORDER BY m.starts_at, m.id")
                                                  .arg(ReferenceQueries::personNameExpression(
                                                      QStringLiteral("u"))));
            while (q->step()) {
                if (!territoryIds.isEmpty() && !territoryIds.contains(q->text(7)))
                    continue;
                out << QueueEntry {q->text(0), q->text(1), q->text(2), q->text(3), q->text(8), q->text(4),
                    q->int64(5), q->integer(6)};
            }
        },
        [](const sql::SqlError &e) { qCWarning(lcStore) << "approval queue:" << e.what(); });
    return out;
}

QList<Transfer> transfersOf(Store *store, const QString &hcpId, int year)
{
    QList<Transfer> out;
    for (const QString &id : otherMeetings(store, hcpId, QString::number(year), QString())) {
        const std::optional<MeetingDraft> d = load(store, id);
        if (!d)
            continue;
        const compliance::MeetingFacts f = factsOf(store, *d, false);
        // One line per meeting, as the rules count it: the fees of every row naming the HCP (rows
        // from before the one-row rule) and one catering share; the first row's role.
        QString role;
        qint64 fees = 0;
        for (const compliance::Attendee &a : f.attendees) {
            if (a.hcpId != hcpId)
                continue;
            if (role.isEmpty())
                role = a.role;
            fees += a.feeMinor;
        }
        if (role.isEmpty())
            continue;
        out << Transfer {id, str(d->fields, "title"), str(d->fields, "starts_at"), role, fees,
            compliance::transfersByHcp(f).value(hcpId) - fees};
    }
    return out;
}

} // namespace meetings
} // namespace rounds
