#include "models/masterdata.h"

#include "common/import/csvreader.h"
#include "common/protocol/codec.h"
#include "common/protocol/messages.h"
#include "common/protocol/schema.h"
#include "common/protocol/values.h"
#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"
#include "common/sqlite/transaction.h"
#include "models/log.h"
#include "models/sqlguard.h"
#include "models/sqlrows.h"

#include <QDate>
#include <QHash>
#include <QRegularExpression>

namespace rounds {

namespace {

using protocol::str;

QList<QVariantList> select(Store *store, const QString &sql, const QVariantList &binds = {})
{
    return selectRows(*store->database(), sql, binds);
}

void addIssue(QList<FieldIssue> &issues, const QString &field, const QString &message)
{
    for (const FieldIssue &i : std::as_const(issues)) {
        if (i.field == field)
            return;
    }
    issues << FieldIssue {field, message};
}

// The schema's own rules first (required, lengths, enumerations), then the form's format rules.
void schemaIssues(const QString &entity, const QJsonObject &fields, bool creating, QList<FieldIssue> &issues)
{
    const protocol::Entity *e = protocol::Schema::instance().entity(entity);
    if (!e)
        return;
    // validateChanges stops at the first problem: check field by field to report them all.
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        QJsonObject normalized;
        if (auto err = protocol::validateChanges(*e, {{it.key(), it.value()}}, false, &normalized))
            addIssue(
                issues, err->field.isEmpty() ? it.key() : err->field, protocol::Messages::fieldError(*err));
    }
    if (creating) {
        for (const protocol::Field &f : e->fields) {
            if (!f.requiredOnCreate())
                continue;
            const QJsonValue v = fields.value(f.name);
            if (v.isNull() || v.isUndefined() || (v.isString() && v.toString().trimmed().isEmpty()))
                addIssue(issues, f.name, MasterData::tr("Required."));
        }
    }
}

bool blank(const QJsonValue &v)
{
    return v.isNull() || v.isUndefined() || (v.isString() && v.toString().trimmed().isEmpty());
}

WriteResult save(Store *store, const QString &entity, const QString &id, const QJsonObject &fields,
    const QList<FieldIssue> &issues)
{
    WriteResult w;
    if (!issues.isEmpty()) {
        w.error = issues.first().message;
        w.field = issues.first().field;
        return w;
    }
    if (id.isEmpty())
        return store->create(entity, fields);
    const auto current = store->record(entity, id);
    if (!current) {
        w.error = MasterData::tr("The record no longer exists.");
        return w;
    }
    QJsonObject changes;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QJsonValue now = current->fields.value(it.key());
        if (!(blank(now) && blank(it.value())) && now != it.value())
            changes.insert(it.key(), it.value());
    }
    if (changes.isEmpty()) {
        w.ok = true;
        w.id = id;
        return w;
    }
    return store->update(entity, id, changes);
}

import::Lookup lookupFor(Store *store, const QString &today){import::Lookup l;
l.territory = [store](const QString &code) {
    return select(
        store, QStringLiteral("SELECT id FROM territory WHERE code = ?1 AND level = 'territory'"), {code})
        .value(0)
        .value(0)
        .toString();
};
l.hcp = [store](const QString &name, const QString &institution) {
    const QString wanted = import::normalizedName(name);
    const QString inst = import::normalizedName(institution);
    // Candidates by exact institution name first, then any HCP whose normalized names match.
    for (const QVariantList &r : select(store,
             QStringLiteral(
                 "SELECT h.id, h.full_name, i.name FROM hcp h JOIN institution i ON i.id = h.institution_id "
                 "WHERE coalesce(h.status, 'active') <> 'merged' AND (h.full_name = ?1 OR "
                 "replace(h.full_name, ' ', '') = replace(?1, ' ', ''))"),
             {name})) {
        if (import::normalizedName(r.value(1).toString()) == wanted
            && import::normalizedName(r.value(2).toString()) == inst)
            return r.value(0).toString();
    }
    return QString();
};
l.hcpExists = [store](const QString &id) {
    return !select(store,
        QStringLiteral("SELECT 1 FROM hcp WHERE id = ?1 AND coalesce(status, 'active') <> 'merged'"), {id})
                .isEmpty();
};
l.alignment = [store, today](const QString &territoryId, const QString &hcpId) {
    return select(store,
        QStringLiteral("SELECT id FROM alignment WHERE territory_id = ?1 AND hcp_id = ?2 "
                       "AND (valid_to IS NULL OR valid_to >= ?3)"),
        {territoryId, hcpId, today})
        .value(0)
        .value(0)
        .toString();
};
return l;
} // namespace

QString todayIso(const QString &today)
{
    return today.isEmpty() ? QDate::currentDate().toString(Qt::ISODate) : today;
}

} // namespace rounds

QStringList MasterData::institutionGrades()
{
    return {QStringLiteral("三级特等"), QStringLiteral("三级甲等"), QStringLiteral("三级乙等"),
        QStringLiteral("三级丙等"), QStringLiteral("二级甲等"), QStringLiteral("二级乙等"),
        QStringLiteral("二级丙等"), QStringLiteral("一级甲等"), QStringLiteral("一级乙等"),
        QStringLiteral("一级丙等"), QStringLiteral("未定级"), QStringLiteral("3A"), QStringLiteral("3B"),
        QStringLiteral("3C"), QStringLiteral("2A"), QStringLiteral("2B"), QStringLiteral("2C"),
        QStringLiteral("1A"), QStringLiteral("1B"), QStringLiteral("1C")};
}

bool MasterData::isValidPhone(const QString &phone)
{
    // Digits with the usual separators, an optional leading +, and 7 to 15 digits (E.164's limit).
    static const QRegularExpression shape(QStringLiteral(R"(^\+?[0-9][0-9 ()\-]*[0-9]$)"));
    const QString p = phone.trimmed();
    if (!shape.match(p).hasMatch())
        return false;
    int digits = 0;
    for (QChar c : p)
        digits += c.isDigit() ? 1 : 0;
    return digits >= 7 && digits <= 15;
}

bool MasterData::isValidEmail(const QString &email)
{
    static const QRegularExpression shape(
        QStringLiteral(R"(^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$)"));
    return shape.match(email.trimmed()).hasMatch();
}

QList<FieldIssue> MasterData::checkHcp(const QJsonObject &fields, bool creating)
{
    QList<FieldIssue> issues;
    if (creating && blank(fields.value(QLatin1String("full_name"))))
        addIssue(issues, QStringLiteral("full_name"), tr("A name is required."));
    if (fields.contains(QLatin1String("full_name")) && blank(fields.value(QLatin1String("full_name"))))
        addIssue(issues, QStringLiteral("full_name"), tr("A name is required."));
    const QString phone = str(fields, "phone");
    if (!phone.isEmpty() && !isValidPhone(phone))
        addIssue(
            issues, QStringLiteral("phone"), tr("A phone number has 7 to 15 digits, e.g. 138 0013 8000."));
    const QString email = str(fields, "email");
    if (!email.isEmpty() && !isValidEmail(email))
        addIssue(issues, QStringLiteral("email"), tr("Not an e-mail address (name@hospital.cn)."));
    const QString tier = str(fields, "tier");
    if (!tier.isEmpty()
        && !QStringList {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D")}
                .contains(tier))
        addIssue(issues, QStringLiteral("tier"), tr("The tier is A, B, C or D."));
    schemaIssues(QStringLiteral("hcp"), fields, creating, issues);
    return issues;
}

QList<FieldIssue> MasterData::checkInstitution(const QJsonObject &fields, bool creating)
{
    QList<FieldIssue> issues;
    if ((creating || fields.contains(QLatin1String("name"))) && blank(fields.value(QLatin1String("name"))))
        addIssue(issues, QStringLiteral("name"), tr("A name is required."));
    const QString grade = str(fields, "grade");
    if (!grade.isEmpty() && !institutionGrades().contains(grade))
        addIssue(issues, QStringLiteral("grade"), tr("Choose a grade from the list (e.g. 三级甲等)."));
    schemaIssues(QStringLiteral("institution"), fields, creating, issues);
    return issues;
}

WriteResult MasterData::saveHcp(Store *store, const QString &id, const QJsonObject &fields)
{
    return save(store, QStringLiteral("hcp"), id, fields, checkHcp(fields, id.isEmpty()));
}

WriteResult MasterData::saveInstitution(Store *store, const QString &id, const QJsonObject &fields)
{
    return save(store, QStringLiteral("institution"), id, fields, checkInstitution(fields, id.isEmpty()));
}

import::Preview MasterData::preview(Store *store, import::Kind kind, const QByteArray &bytes,
    const QString &encoding, const QString &today){if (!store || !store->database()){import::Preview p;
p.fatal = tr("The local store is not open.");
return p;
}
const QString day = todayIso(today);
try {
    return import::parse(kind, bytes, encoding, lookupFor(store, day), day);
} catch (const sql::SqlError &e) {
    import::Preview p;
    p.fatal = e.text();
    return p;
}
}

ImportApplyResult MasterData::apply(
    Store *store, import::Kind kind, const import::Preview &preview, const QString &today)
{
    ImportApplyResult r;
    if (!preview.ok()) {
        r.error = preview.fatal.isEmpty()
            ? tr("%n row(s) are invalid: nothing is imported.", nullptr, preview.invalidCount())
            : preview.fatal;
        return r;
    }
    if (!store || !store->database()) {
        r.error = tr("The local store is not open.");
        return r;
    }
    const QString day = todayIso(today);
    auto write = [&](const QString &entity, const QJsonObject &fields) {
        const WriteResult w = store->create(entity, fields);
        if (!w.ok)
            throw w;
        return w.id;
    };
    try {
        sql::Transaction tx(*store->database());
        QHash<QString, QString> institutions; // normalized name → id
        for (const QVariantList &i : select(store, QStringLiteral("SELECT id, name FROM institution")))
            institutions.insert(import::normalizedName(i.value(1).toString()), i.value(0).toString());
        QHash<QString, QString> departments; // institution id + name → id
        for (const import::Row &row : preview.rows) {
            const QJsonObject &v = row.values;
            if (!row.existingId.isEmpty()) {
                ++r.skipped;
                continue;
            }
            if (kind == import::Kind::Alignments) {
                QJsonObject a {{QStringLiteral("territory_id"), str(v, "territory_id")},
                    {QStringLiteral("hcp_id"), str(v, "hcp_id")},
                    {QStringLiteral("valid_from"), str(v, "valid_from")},
                    {QStringLiteral("target_calls_per_cycle"),
                        v.value(QLatin1String("target_calls_per_cycle")).toInt()}};
                if (!blank(v.value(QLatin1String("valid_to"))))
                    a.insert(QStringLiteral("valid_to"), str(v, "valid_to"));
                write(QStringLiteral("alignment"), a);
                ++r.alignments;
                continue;
            }
            const QString institution = str(v, "institution");
            QString instId = institutions.value(import::normalizedName(institution));
            if (instId.isEmpty()) {
                QJsonObject inst {{QStringLiteral("name"), institution},
                    {QStringLiteral("kind"), QStringLiteral("hospital")}};
                for (const char *k : {"province", "city"}) {
                    if (!blank(v.value(QLatin1String(k))))
                        inst.insert(QLatin1String(k), v.value(QLatin1String(k)));
                }
                if (!blank(v.value(QLatin1String("institution_grade"))))
                    inst.insert(QStringLiteral("grade"), v.value(QLatin1String("institution_grade")));
                instId = write(QStringLiteral("institution"), inst);
                institutions.insert(import::normalizedName(institution), instId);
                ++r.institutions;
            }
            QJsonObject hcp {{QStringLiteral("full_name"), str(v, "full_name")},
                {QStringLiteral("institution_id"), instId},
                {QStringLiteral("status"), QStringLiteral("active")}};
            const QString dept = str(v, "department");
            if (!dept.isEmpty()) {
                const QString key = instId + QChar(0) + dept;
                if (!departments.contains(key)) {
                    const QString existing = select(store,
                        QStringLiteral("SELECT id FROM department WHERE institution_id = ?1 AND name = ?2"),
                        {instId, dept})
                                                 .value(0)
                                                 .value(0)
                                                 .toString();
                    if (!existing.isEmpty()) {
                        departments.insert(key, existing);
                    } else {
                        departments.insert(key,
                            write(QStringLiteral("department"),
                                {{QStringLiteral("institution_id"), instId},
                                    {QStringLiteral("name"), dept}}));
                        ++r.departments;
                    }
                }
                hcp.insert(QStringLiteral("department_id"), departments.value(key));
            }
            for (const char *k : {"gender", "specialty", "title", "tier", "phone", "email"}) {
                if (!blank(v.value(QLatin1String(k))))
                    hcp.insert(QLatin1String(k), v.value(QLatin1String(k)));
            }
            const QString hcpId = write(QStringLiteral("hcp"), hcp);
            ++r.hcps;
            if (!str(v, "territory_id").isEmpty()) {
                write(QStringLiteral("alignment"),
                    {{QStringLiteral("territory_id"), str(v, "territory_id")},
                        {QStringLiteral("hcp_id"), hcpId}, {QStringLiteral("valid_from"), day},
                        {QStringLiteral("target_calls_per_cycle"), 0}});
                ++r.alignments;
            }
        }
        tx.commit();
        r.ok = true;
    } catch (const WriteResult &w) {
        r = ImportApplyResult {};
        r.error = w.error;
    } catch (const sql::SqlError &e) {
        r = ImportApplyResult {};
        r.error = e.text();
    }
    if (!r.ok) // the views saw rows that were rolled back
        for (const char *e : {"institution", "department", "hcp", "alignment"})
            store->announceChanges(QString::fromLatin1(e), {});
    return r;
}

QByteArray MasterData::exportCsv(Store *store, import::Kind kind)
{
    QList<QJsonObject> values;
    if (!store || !store->database())
        return import::exportCsv(kind, values);
    const QString day = QDate::currentDate().toString(Qt::ISODate);
    const bool hcps = kind == import::Kind::Hcps;
    // Each query selects the columns of its CSV kind, in that order.
    const QString query = hcps
        ? QStringLiteral(
            "SELECT h.full_name, h.gender, h.specialty, h.title, i.name, i.grade, i.province, i.city, "
            "d.name, "
            "h.tier, h.phone, h.email, (SELECT t.code FROM alignment a JOIN territory t ON t.id = "
            "a.territory_id "
            "WHERE a.hcp_id = h.id AND a.valid_from <= ?1 AND (a.valid_to IS NULL OR a.valid_to >= ?1) "
            "ORDER BY t.code LIMIT 1) "
            "FROM hcp h LEFT JOIN institution i ON i.id = h.institution_id "
            "LEFT JOIN department d ON d.id = h.department_id "
            "WHERE coalesce(h.status, 'active') <> 'merged' ORDER BY i.name, h.full_name, h.id")
        : QStringLiteral(
            "SELECT t.code, a.hcp_id, h.full_name, i.name, a.valid_from, a.valid_to, "
            "a.target_calls_per_cycle FROM alignment a JOIN territory t ON t.id = a.territory_id "
            "LEFT JOIN hcp h ON h.id = a.hcp_id LEFT JOIN institution i ON i.id = h.institution_id "
            "WHERE a.valid_to IS NULL OR a.valid_to >= ?1 ORDER BY t.code, h.full_name, a.id");
    const QStringList &columns = hcps ? import::hcpColumns() : import::alignmentColumns();
    catchSql(
        [&] {
            for (const QVariantList &r : select(store, query, {day})) {
                QJsonObject o;
                for (int c = 0; c < columns.size(); ++c)
                    o.insert(columns.at(c), QJsonValue::fromVariant(r.value(c)));
                values << o;
            }
        },
        [](const sql::SqlError &e) { qCWarning(lcStore) << "export failed:" << e.text(); });
    return import::exportCsv(kind, values);
}

} // namespace rounds
