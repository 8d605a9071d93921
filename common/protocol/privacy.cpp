#include "common/protocol/privacy.h"

#include "common/protocol/files.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace rounds::protocol::privacy {

namespace {

const QString kHcp = QStringLiteral("hcp");

// A setting's value may come as the JSON itself or as JSON text (the client's column keeps text).
QJsonValue parsed(const QJsonValue &value)
{
    if (!value.isString())
        return value;
    const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8());
    if (doc.isObject())
        return doc.object();
    return value;
}

// The schema's marks (Field::personal), sorted.
QStringList marked(const QString &entity, std::initializer_list<Personal> kinds)
{
    const Entity *e = Schema::instance().entity(entity);
    QStringList fields = e ? e->personalFields(kinds) : QStringList();
    fields.sort();
    return fields;
}

} // namespace

const QStringList &contactFields()
{
    static const QStringList fields = marked(kHcp, {Personal::Contact});
    return fields;
}

const WithheldFields &personalFields()
{
    static const WithheldFields fields = [] {
        WithheldFields out;
        for (const Entity &e : Schema::instance().entities()) {
            const QStringList f = marked(e.name,
                {Personal::Name, Personal::Contact, Personal::Note, Personal::Tag, Personal::Proposal});
            if (!f.isEmpty())
                out.insert(e.name, f);
        }
        return out;
    }();
    return fields;
}

namespace erasure {

const QStringList &hcpNameFields()
{
    static const QStringList fields = Schema::instance().entity(kHcp)->personalFields({Personal::Name});
    return fields;
}

QString placeholder(const QString &hcpId)
{
    return QStringLiteral("Erased HCP ") + hcpId.left(4);
}

QString placeholderExample()
{
    return placeholder(QStringLiteral("1a2b"));
}

const QStringList &hcpClearedFields()
{
    // Specialty, tier, institution and department are the business's (targeting, KPIs) and stay.
    static const QStringList fields
        = Schema::instance().entity(kHcp)->personalFields({Personal::Contact, Personal::Profile});
    return fields;
}

const QList<Rule> &rules()
{
    static const QList<Rule> list = [] {
        QList<Rule> out;
        for (const Entity &e : Schema::instance().entities()) {
            const Field *ref = e.field(u"hcp_id");
            if (e.name == kHcp || !ref || ref->refEntity != kHcp)
                continue;
            const QStringList cleared
                = e.personalFields({Personal::Name, Personal::Contact, Personal::Profile, Personal::Note});
            if (!e.personalFields({Personal::Tag}).isEmpty())
                out << Rule {e.name, {}, true};
            else if (!cleared.isEmpty())
                out << Rule {e.name, cleared, false};
        }
        return out;
    }();
    return list;
}

const QStringList &changeRequestText()
{
    static const QStringList fields
        = Schema::instance().entity(u"change_request")->personalFields({Personal::Note});
    return fields;
}

} // namespace erasure

QJsonValue withheldToJson(const WithheldFields &w)
{
    QJsonObject out;
    for (auto it = w.begin(); it != w.end(); ++it)
        out.insert(it.key(), QJsonArray::fromStringList(it.value()));
    return out;
}

WithheldFields withheldFromJson(const QJsonValue &v)
{
    WithheldFields out;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        QStringList fields;
        for (const QJsonValue &f : it.value().toArray()) {
            if (f.isString())
                fields << f.toString();
        }
        fields.sort();
        if (!fields.isEmpty())
            out.insert(it.key(), fields);
    }
    return out;
}

bool strip(const WithheldFields &withheld, const QString &entity, QJsonObject &record)
{
    if (withheld.isEmpty())
        return false;
    bool changed = false;
    for (const QString &f : withheld.value(entity)) {
        if (record.contains(f)) {
            record.remove(f);
            changed = true;
        }
    }
    // A change request carries proposed values of another record's fields.
    if (entity == QLatin1String("change_request")) {
        const QStringList hidden = withheld.value(record.value(QLatin1String("entity")).toString());
        QJsonObject fields = record.value(QLatin1String("fields")).toObject();
        bool inner = false;
        for (const QString &f : hidden) {
            if (fields.contains(f)) {
                fields.remove(f);
                inner = true;
            }
        }
        if (inner) {
            record.insert(QStringLiteral("fields"), fields);
            changed = true;
        }
    }
    return changed;
}

WithheldFields ContactFieldPolicy::withheldFrom(Role role) const
{
    const auto it = reaching.find(role);
    if (it == reaching.end())
        return {};
    QStringList hidden;
    for (const QString &f : contactFields()) {
        if (!it->contains(f))
            hidden << f;
    }
    if (hidden.isEmpty())
        return {};
    return {{kHcp, hidden}};
}

std::optional<ContactFieldPolicy> ContactFieldPolicy::fromJson(const QJsonValue &value, QString *problem)
{
    ContactFieldPolicy policy;
    const QJsonValue v = parsed(value);
    if (v.isUndefined() || v.isNull())
        return policy;
    if (!v.isObject()) {
        *problem = QStringLiteral("%1 must be an object of role: [contact fields]").arg(ContactFieldsKey);
        return std::nullopt;
    }
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const Role role = roleFromString(it.key());
        if (role == NoRole) {
            *problem = QStringLiteral("%1: '%2' is not a role (rep, manager, sfe, admin)")
                           .arg(ContactFieldsKey, it.key());
            return std::nullopt;
        }
        if (!it.value().isArray()) {
            *problem = QStringLiteral("%1: %2 must be a list of contact fields (%3)")
                           .arg(ContactFieldsKey, it.key(), contactFields().join(QLatin1String(", ")));
            return std::nullopt;
        }
        QSet<QString> fields;
        for (const QJsonValue &f : it.value().toArray()) {
            if (!f.isString() || !contactFields().contains(f.toString()) || fields.contains(f.toString())) {
                *problem = QStringLiteral("%1: %2 names '%3'; the contact fields are %4, each at most once")
                               .arg(ContactFieldsKey, it.key(),
                                   f.isString() ? f.toString() : QStringLiteral("a value that is no name"),
                                   contactFields().join(QLatin1String(", ")));
                return std::nullopt;
            }
            fields.insert(f.toString());
        }
        policy.reaching.insert(role, fields);
    }
    return policy;
}

std::optional<Retention> Retention::fromJson(const QJsonValue &value, QString *problem)
{
    Retention r;
    const QJsonValue v = parsed(value);
    if (v.isUndefined() || v.isNull())
        return r;
    if (!v.isObject()) {
        *problem = QStringLiteral("%1 must be an object such as {\"audit\": %2, \"tombstones\": %3, "
                                  "\"mutations\": %4}")
                       .arg(RetentionKey)
                       .arg(DefaultAuditDays)
                       .arg(DefaultTombstoneDays)
                       .arg(DefaultMutationDays);
        return std::nullopt;
    }
    const struct
    {
        const char *key;
        int min;
        int *target;
    } items[] = {{"audit", MinAuditDays, &r.auditDays}, {"tombstones", MinTombstoneDays, &r.tombstoneDays},
        {"mutations", MinMutationDays, &r.mutationDays}};
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const auto item = std::find_if(std::begin(items), std::end(items),
            [&](const auto &i) { return it.key() == QLatin1String(i.key); });
        if (item == std::end(items)) {
            *problem = QStringLiteral("%1: '%2' is not kept by age (audit, tombstones, mutations)")
                           .arg(RetentionKey, it.key());
            return std::nullopt;
        }
        const double d = it.value().toDouble(-1);
        if (!it.value().isDouble() || d != double(qint64(d)) || d < item->min || d > MaxDays) {
            *problem = QStringLiteral("%1: %2 must be a whole number of days from %3 to %4")
                           .arg(RetentionKey, it.key())
                           .arg(item->min)
                           .arg(MaxDays);
            return std::nullopt;
        }
        *item->target = int(d);
    }
    return r;
}

std::optional<QString> checkSetting(const QString &key, const QJsonValue &value)
{
    QString problem;
    if (key == ContactFieldsKey && !ContactFieldPolicy::fromJson(value, &problem))
        return problem;
    if (key == RetentionKey && !Retention::fromJson(value, &problem))
        return problem;
    return files::checkSetting(key, value);
}

} // namespace rounds::protocol::privacy
