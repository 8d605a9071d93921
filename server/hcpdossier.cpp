#include "server/hcpdossier.h"

#include "common/protocol/codec.h"
#include "common/protocol/schema.h"
#include "common/protocol/values.h"
#include "server/hcperasure.h"

#include <QJsonArray>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace rounds::server {

using protocol::str;

namespace {

const QString kHcp = QStringLiteral("hcp");

class Collector
{
public:
    Collector(StoreReader &store, const QString &hcpId)
        : m_store(store)
        , m_hcpId(hcpId)
    { }

    bool run(QJsonObject *out, QString *error)
    {
        const std::optional<StoredRecord> hcp = m_store.record(kHcp, m_hcpId);
        if (!hcp || hcp->deleted) {
            *error = QStringLiteral("no HCP with id %1").arg(m_hcpId);
            return false;
        }
        m_name = str(hcp->record.fields, "full_name");
        nameRefs(*hcp);
        audit(*hcp);
        collectNaming();
        collectVisitDetails();
        collectMeetings();
        collectChangeRequests();

        // Oldest first across all the records.
        QList<QJsonValue> audit(m_audit.begin(), m_audit.end());
        std::sort(audit.begin(), audit.end(), [](const QJsonValue &a, const QJsonValue &b) {
            return a[QLatin1String("seq")].toInteger() < b[QLatin1String("seq")].toInteger();
        });
        m_audit = QJsonArray();
        for (const QJsonValue &v : audit)
            m_audit.append(v);
        QJsonObject records;
        for (auto it = m_records.begin(); it != m_records.end(); ++it)
            records.insert(it.key(), it.value());
        *out = QJsonObject {
            {QStringLiteral("format"), QStringLiteral("rounds-hcp-export")},
            {QStringLiteral("version"), 1},
            {QStringLiteral("generated_at"), protocol::nowUtc()},
            {QStringLiteral("hcp_id"), m_hcpId},
            {QStringLiteral("hcp"), protocol::encodeRecord(hcp->record)},
            {QStringLiteral("records"), records},
            {QStringLiteral("names"), m_names},
            {QStringLiteral("audit"), m_audit},
        };
        const QJsonObject erasure = hcperasure::erasure(m_store, m_hcpId);
        if (!erasure.isEmpty())
            out->insert(QStringLiteral("erasure"), erasure);
        return true;
    }

private:
    void add(const StoredRecord &r)
    {
        const QString key = r.entity + QLatin1Char('/') + r.record.id;
        if (r.deleted || m_seen.contains(key))
            return;
        m_seen.insert(key);
        m_records[r.entity].append(protocol::encodeRecord(r.record));
        nameRefs(r);
        audit(r);
    }

    // Every entity with a reference to an HCP: the records naming this one (consent too, when the
    // schema has it; the duplicates merged into it through merged_into).
    void collectNaming()
    {
        for (const protocol::Entity &e : protocol::Schema::instance().entities()) {
            for (const protocol::Field &f : e.fields) {
                if (f.type != protocol::FieldType::Ref || f.refEntity != kHcp)
                    continue;
                if (IndexedRef::isIndexed(e.name, f.name)) {
                    for (const StoredRecord &r : m_store.referencing(e.name, f.name, m_hcpId))
                        add(r);
                    continue;
                }
                m_store.scan(e.name, [&](const StoredRecord &r) {
                    if (!r.deleted && str(r.record.fields, f.name) == m_hcpId)
                        add(r);
                });
            }
        }
    }

    void collectVisitDetails()
    {
        const QJsonArray visits = m_records.value(QStringLiteral("visit"));
        for (const QJsonValue &v : visits) {
            for (const StoredRecord &d : m_store.referencing(
                     QStringLiteral("visit_detail"), IndexedRef::VisitId, str(v.toObject(), "id")))
                add(d);
        }
    }

    // The meetings the HCP attended, and their expenses whose text names the HCP.
    void collectMeetings()
    {
        const QJsonArray attendances = m_records.value(QStringLiteral("meeting_attendee"));
        for (const QJsonValue &a : attendances) {
            const QString meetingId = str(a.toObject(), "meeting_id");
            if (const std::optional<StoredRecord> m = m_store.record(QStringLiteral("meeting"), meetingId))
                add(*m);
            if (m_name.trimmed().size() < 2)
                continue;
            for (const StoredRecord &e :
                m_store.referencing(QStringLiteral("meeting_expense"), IndexedRef::MeetingId, meetingId)) {
                if (str(e.record.fields, "description").contains(m_name)
                    || str(e.record.fields, "evidence").contains(m_name))
                    add(e);
            }
        }
    }

    void collectChangeRequests()
    {
        m_store.scan(QStringLiteral("change_request"), [&](const StoredRecord &cr) {
            if (str(cr.record.fields, "entity") == kHcp && str(cr.record.fields, "record_id") == m_hcpId)
                add(cr);
        });
    }

    void nameRefs(const StoredRecord &r)
    {
        const protocol::Entity *e = protocol::Schema::instance().entity(r.entity);
        if (!e)
            return;
        nameUser(r.record.updatedBy);
        for (const protocol::Field &f : e->fields) {
            if (f.type != protocol::FieldType::Ref)
                continue;
            const QString id = str(r.record.fields, f.name);
            if (id.isEmpty() || m_names.contains(id))
                continue;
            if (f.refEntity == QLatin1String("user")) {
                nameUser(id);
                continue;
            }
            static const QMap<QString, const char *> kNameField {{QStringLiteral("territory"), "name"},
                {QStringLiteral("institution"), "name"}, {QStringLiteral("department"), "name"},
                {QStringLiteral("product"), "name"}, {QStringLiteral("key_message"), "text"},
                {QStringLiteral("meeting"), "title"}, {kHcp, "full_name"}};
            const auto nameField = kNameField.constFind(f.refEntity);
            if (nameField == kNameField.constEnd())
                continue;
            if (const std::optional<StoredRecord> target = m_store.record(f.refEntity, id))
                m_names.insert(id, str(target->record.fields, *nameField));
        }
    }

    void nameUser(const QString &id)
    {
        if (id.isEmpty() || m_names.contains(id))
            return;
        if (const std::optional<UserRow> u = m_store.userById(id))
            m_names.insert(id, u->displayName.isEmpty() ? u->username : u->displayName);
    }

    void audit(const StoredRecord &r)
    {
        constexpr int kChunk = 500;
        qint64 after = 0;
        for (;;) {
            const QList<AuditEntry> rows = m_store.audit(r.entity, r.record.id, after, kChunk);
            for (const AuditEntry &a : rows) {
                nameUser(a.userId);
                m_audit.append(QJsonObject {{QStringLiteral("seq"), a.seq}, {QStringLiteral("at"), a.at},
                    {QStringLiteral("entity"), r.entity}, {QStringLiteral("record_id"), r.record.id},
                    {QStringLiteral("op"), a.op}, {QStringLiteral("field"), a.field},
                    {QStringLiteral("old_value"), a.oldValue.isUndefined() ? QJsonValue() : a.oldValue},
                    {QStringLiteral("new_value"), a.newValue.isUndefined() ? QJsonValue() : a.newValue},
                    {QStringLiteral("user_id"), a.userId}, {QStringLiteral("device"), a.device},
                    {QStringLiteral("note"), a.note}});
                after = a.seq;
            }
            if (rows.size() < kChunk)
                break;
        }
    }

    StoreReader &m_store;
    QString m_hcpId;
    QString m_name;
    QSet<QString> m_seen;
    QMap<QString, QJsonArray> m_records;
    QJsonObject m_names;
    QJsonArray m_audit;
};

} // namespace

bool hcpDossier(Storage &storage, const QString &hcpId, QJsonObject *out, QString *error)
{
    bool found = false;
    QString notFound;
    if (!storage.read([&](StoreReader &r) { found = Collector(r, hcpId).run(out, &notFound); }, error))
        return false;
    if (!found)
        *error = notFound;
    return found;
}

} // namespace rounds::server
