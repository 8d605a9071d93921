#include "server/hcperasure.h"

#include "common/protocol/errors.h"
#include "common/protocol/privacy.h"
#include "common/protocol/values.h"

#include <QJsonDocument>

namespace rounds::server::hcperasure {

using protocol::str;

namespace {

const QString kHcp = QStringLiteral("hcp");
const QString kHcpId = QStringLiteral("hcp_id");

QString metaKey(const QString &hcpId)
{
    return QStringLiteral("erased_hcp:") + hcpId;
}

// What is personal comes from the schema's marks (common/protocol/privacy.h, erasure).
using protocol::privacy::erasure::changeRequestText;
using protocol::privacy::erasure::Rule;
using protocol::privacy::erasure::rules;

const QStringList &contactFields()
{
    return protocol::privacy::erasure::hcpClearedFields();
}

// The HCP's name fields (the placeholder replaces them) and its other personal fields.
const QStringList &hcpPersonalFields()
{
    static const QStringList fields = protocol::privacy::erasure::hcpNameFields() + contactFields();
    return fields;
}

bool hasValue(const QJsonObject &fields, const QString &key)
{
    const QJsonValue v = fields.value(key);
    return !(v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty()));
}

QList<StoredRecord> naming(StoreReader &store, const QString &entity, const QString &hcpId)
{
    if (IndexedRef::isIndexed(entity, kHcpId))
        return store.referencing(entity, kHcpId, hcpId);
    QList<StoredRecord> out;
    store.scan(entity, [&](const StoredRecord &r) {
        if (!r.deleted && str(r.record.fields, "hcp_id") == hcpId)
            out << r;
    });
    return out;
}

QList<StoredRecord> changeRequestsAbout(StoreReader &store, const QString &hcpId)
{
    QList<StoredRecord> out;
    store.scan(QStringLiteral("change_request"), [&](const StoredRecord &cr) {
        if (!cr.deleted && str(cr.record.fields, "entity") == kHcp
            && str(cr.record.fields, "record_id") == hcpId)
            out << cr;
    });
    return out;
}

// One erase: the HCP, then what names it. `name` is the HCP's name before (to find it in expense texts).
class Eraser
{
public:
    Eraser(StoreWriter &store, const Request &request, Summary &summary)
        : m_store(store)
        , m_feed(store, Actor {request.userId, request.device, {}})
        , m_summary(summary)
        , m_note(QStringLiteral("data-subject request: erased at the request of %1: %2")
                     .arg(request.username, request.reason))
    { }

    void eraseHcp(const StoredRecord &hcp)
    {
        const QString id = hcp.record.id;
        const QString name = str(hcp.record.fields, "full_name");
        const QString newName = placeholder(id);
        StoredRecord after = hcp;
        for (const QString &f : protocol::privacy::erasure::hcpNameFields())
            after.record.fields.insert(f, newName);
        clear(after, contactFields());
        commit(hcp, after);
        scrub(kHcp, id, hcpPersonalFields());
        ++m_summary.hcps;

        for (const Rule &rule : rules()) {
            for (const StoredRecord &r : naming(m_store, rule.entity, id)) {
                StoredRecord changed = r;
                if (rule.removed) {
                    changed.deleted = true;
                    changed.record.fields = tombstoneFields(r.record.fields);
                    ++m_summary.tagsRemoved;
                } else {
                    clear(changed, rule.cleared);
                    if (changed.record.fields != r.record.fields)
                        count(rule.entity);
                }
                commit(r, changed);
                scrub(rule.entity, r.record.id, rule.removed ? r.record.fields.keys() : rule.cleared);
                if (rule.entity == QLatin1String("meeting_attendee"))
                    eraseNameInExpenses(str(r.record.fields, "meeting_id"), name, newName);
            }
        }
        scrubTombstones(id);
        for (const StoredRecord &cr : changeRequestsAbout(m_store, id)) {
            StoredRecord changed = cr;
            QJsonObject proposed = cr.record.fields.value(QLatin1String("fields")).toObject();
            for (const QString &f : hcpPersonalFields())
                proposed.remove(f);
            changed.record.fields.insert(QStringLiteral("fields"), proposed);
            clear(changed, changeRequestText());
            if (changed.record.fields != cr.record.fields)
                ++m_summary.changeRequests;
            commit(cr, changed);
            scrub(QStringLiteral("change_request"), cr.record.id,
                changeRequestText() + QStringList {QStringLiteral("fields")});
        }
    }

    const QString &note() const { return m_note; }
    // When the first change was stored (the HCP's own): the request's audit entry joins its history entry.
    QString firstAt() const { return m_firstAt; }

private:
    static void clear(StoredRecord &r, const QStringList &fields)
    {
        for (const QString &f : fields) {
            if (hasValue(r.record.fields, f))
                r.record.fields.insert(f, QJsonValue::Null);
        }
    }

    // A removed record's tombstone keeps only what says where it was (its HCP) and what it was.
    static QJsonObject tombstoneFields(const QJsonObject &fields)
    {
        QJsonObject kept;
        for (const char *f : {"hcp_id", "category"}) {
            if (fields.contains(QLatin1String(f)))
                kept.insert(QString::fromLatin1(f), fields.value(QLatin1String(f)));
        }
        return kept;
    }

    // Tombstones keep a deleted record's last fields (a record deleted before the request: a tag, a
    // draft visit): what is about the person goes from them too. A delete reaches clients without its
    // fields, so this is not a change of the feed.
    void scrubTombstones(const QString &hcpId)
    {
        for (const Rule &rule : rules()) {
            QList<StoredRecord> found;
            m_store.scanDeleted(rule.entity, [&](const StoredRecord &r) {
                if (str(r.record.fields, "hcp_id") == hcpId)
                    found << r;
            });
            for (const StoredRecord &r : found) {
                StoredRecord changed = r;
                if (rule.removed)
                    changed.record.fields = tombstoneFields(r.record.fields);
                else
                    clear(changed, rule.cleared);
                if (changed.record.fields != r.record.fields)
                    m_store.putRecord(changed);
                scrub(rule.entity, r.record.id, rule.removed ? r.record.fields.keys() : rule.cleared);
            }
        }
    }

    void commit(const StoredRecord &before, const StoredRecord &after)
    {
        if (after.deleted == before.deleted && after.record.fields == before.record.fields)
            return;
        const QString at = m_feed.commit(before, after, m_note).record.updatedAt;
        if (m_firstAt.isEmpty())
            m_firstAt = at;
    }

    void scrub(const QString &entity, const QString &id, const QStringList &fields)
    {
        for (const QString &f : fields)
            m_store.scrubAudit(entity, id, f);
    }

    void count(const QString &entity)
    {
        if (entity == QLatin1String("visit"))
            ++m_summary.visits;
        else if (entity == QLatin1String("visit_plan"))
            ++m_summary.plans;
        else
            ++m_summary.attendances;
    }

    // An expense of a meeting the HCP attended whose text names them (a speaker's fee "for Dr Wang"):
    // the name becomes the placeholder.
    void eraseNameInExpenses(const QString &meetingId, const QString &name, const QString &newName)
    {
        if (meetingId.isEmpty() || name.trimmed().size() < 2 || name == newName)
            return;
        for (const StoredRecord &e :
            m_store.referencing(QStringLiteral("meeting_expense"), IndexedRef::MeetingId, meetingId)) {
            StoredRecord changed = e;
            for (const char *field : {"description", "evidence"}) {
                const QString text = str(e.record.fields, field);
                if (text.contains(name))
                    changed.record.fields.insert(
                        QString::fromLatin1(field), QString(text).replace(name, newName));
            }
            if (changed.record.fields == e.record.fields)
                continue;
            commit(e, changed);
            scrub(QStringLiteral("meeting_expense"), e.record.id,
                {QStringLiteral("description"), QStringLiteral("evidence")});
            ++m_summary.expenses;
        }
    }

    StoreWriter &m_store;
    Feed m_feed;
    Summary &m_summary;
    QString m_note;
    QString m_firstAt;
};

std::optional<Denial> refused(const QString &hcpId, const QString &what, const QString &field)
{
    return Denial {protocol::ErrorCode::Forbidden,
        QStringLiteral("HCP %1 was erased at the data subject's request; %2 about them is not kept")
            .arg(hcpId, what),
        field};
}

} // namespace

QString placeholder(const QString &hcpId)
{
    return protocol::privacy::erasure::placeholder(hcpId);
}

bool isErased(StoreReader &store, const QString &hcpId)
{
    return !hcpId.isEmpty() && !store.meta(metaKey(hcpId)).isEmpty();
}

QJsonObject erasure(StoreReader &store, const QString &hcpId)
{
    return QJsonDocument::fromJson(store.meta(metaKey(hcpId)).toUtf8()).object();
}

bool erase(StoreWriter &store, const QString &hcpId, const Request &request, Summary *summary, QString *error)
{
    *summary = Summary {};
    const std::optional<StoredRecord> hcp = store.record(kHcp, hcpId);
    if (!hcp || hcp->deleted) {
        *error = QStringLiteral("no HCP with id %1").arg(hcpId);
        return false;
    }
    summary->alreadyErased = isErased(store, hcpId);
    summary->placeholder = placeholder(hcpId);
    Eraser eraser(store, request, *summary);
    eraser.eraseHcp(*hcp);
    // The duplicates merged into it are the same person (their records moved here at the merge).
    QList<StoredRecord> merged;
    store.scan(kHcp, [&](const StoredRecord &h) {
        if (!h.deleted && str(h.record.fields, "merged_into") == hcpId)
            merged << h;
    });
    for (const StoredRecord &h : merged) {
        eraser.eraseHcp(h);
        store.setMeta(metaKey(h.record.id),
            QString::fromUtf8(QJsonDocument(QJsonObject {{QStringLiteral("at"), protocol::nowUtc()},
                                                {QStringLiteral("merged_into"), hcpId}})
                                  .toJson(QJsonDocument::Compact)));
    }

    const QString at = eraser.firstAt().isEmpty() ? protocol::nowUtc() : eraser.firstAt();
    const QJsonObject record {{QStringLiteral("at"), at}, {QStringLiteral("requested_by"), request.username},
        {QStringLiteral("reason"), request.reason}, {QStringLiteral("placeholder"), summary->placeholder}};
    if (!summary->alreadyErased)
        store.setMeta(
            metaKey(hcpId), QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact)));
    // The request itself, in the HCP's history, each time it is made (a repeated one changes nothing).
    store.addAudit(AuditEntry {kHcp, hcpId, QStringLiteral("data_subject_request"), QJsonValue::Null,
        QJsonObject {{QStringLiteral("request"), QStringLiteral("erase")},
            {QStringLiteral("requested_by"), request.username}, {QStringLiteral("reason"), request.reason}},
        request.userId, request.device, {}, at, eraser.note(), QStringLiteral("update"), 0});
    return true;
}

std::optional<Denial> check(StoreReader &store, const QString &entity, const QString &id,
    const QJsonObject &stored, const QJsonObject &sent)
{
    QJsonObject fields = stored;
    for (auto it = sent.begin(); it != sent.end(); ++it)
        fields.insert(it.key(), it.value());
    if (entity == kHcp) {
        if (!isErased(store, id))
            return std::nullopt;
        for (const QString &f : protocol::privacy::erasure::hcpNameFields()) {
            if (fields.value(f).toString() != placeholder(id))
                return refused(id, QStringLiteral("a name"), f);
        }
        for (const QString &f : contactFields()) {
            if (hasValue(fields, f))
                return refused(id, QStringLiteral("contact data"), f);
        }
        return std::nullopt;
    }
    if (entity == QLatin1String("change_request")) {
        const QString target = str(fields, "record_id");
        if (str(fields, "entity") != kHcp || !isErased(store, target))
            return std::nullopt;
        const QJsonObject proposed = fields.value(QLatin1String("fields")).toObject();
        for (const QString &f : hcpPersonalFields()) {
            if (proposed.contains(f))
                return refused(target, QStringLiteral("personal data"), QStringLiteral("fields"));
        }
        return std::nullopt;
    }
    for (const Rule &rule : rules()) {
        if (rule.entity != entity)
            continue;
        const QString hcpId = str(fields, "hcp_id");
        if (!isErased(store, hcpId))
            return std::nullopt;
        if (rule.removed)
            return refused(hcpId, QStringLiteral("a tag"), QStringLiteral("hcp_id"));
        for (const QString &f : rule.cleared) {
            if (hasValue(fields, f))
                return refused(hcpId, QStringLiteral("free text"), f);
        }
    }
    return std::nullopt;
}

} // namespace rounds::server::hcperasure
