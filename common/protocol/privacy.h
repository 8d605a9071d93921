#pragma once

// Minimum necessary and retention (docs/privacy.md): the company settings that decide which HCP contact
// fields reach each role's laptops, and how long the server keeps audit entries, tombstones and push
// answers. One reading for both ends: the server withholds, prunes and refuses a malformed setting; the
// client checks the same rules before it saves one.

#include "common/protocol/schema.h"

#include <QJsonValue>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace rounds::protocol::privacy {

// `setting` keys (docs/privacy.md, "Minimum necessary and retention").
inline const QString ContactFieldsKey = QStringLiteral("privacy.contact_fields");
inline const QString RetentionKey = QStringLiteral("retention.days");

// The HCP fields a company may keep off a role's laptops: how to reach the person (marked
// Personal::Contact in the schema).
const QStringList &contactFields();

// Fields left out of what a role receives: entity → field names, sorted. Empty when nothing is.
using WithheldFields = QMap<QString, QStringList>;
QJsonValue withheldToJson(const WithheldFields &w); // {"hcp": ["email", "phone"]}
WithheldFields withheldFromJson(const QJsonValue &v);

// The fields that say who a person is or what was noted about them, left out by `rounds-server export
// --no-personal` (docs/server.md): HCP names and contact fields, free text about visits, plans, tags and
// change requests, walk-in and staff attendee names, users' names. Ids stay, so the rest still joins.
// Derived from the schema's marks (Field::personal): every personal kind but Profile.
const WithheldFields &personalFields();

// The erasure of an HCP's personal data (docs/privacy.md, "Data-subject requests"), from the schema's
// marks: what the server does (server/hcperasure.cpp) and what the client's erase dialog lists.
namespace erasure {
// The HCP's name fields, which become a placeholder: "Erased HCP " and the first four characters of its
// id (the server's hcperasure::placeholder).
const QStringList &hcpNameFields();
QString placeholder(const QString &hcpId);
// What a placeholder looks like, for a person: "Erased HCP 1a2b".
QString placeholderExample();
// The HCP's other personal fields, cleared: contact and profile (gender, title).
const QStringList &hcpClearedFields();
// A record that names the HCP by `hcp_id` (schema order): its personal fields are cleared and the record
// stays (a visit still counts), or the whole record goes (`removed`: a tag is about the person).
struct Rule
{
    QString entity;
    QStringList cleared;
    bool removed = false;
};
const QList<Rule> &rules();
// A change request about the HCP: its free text is cleared and the HCP's personal fields are taken out
// of the values it proposes.
const QStringList &changeRequestText();
} // namespace erasure

// Leaves the withheld fields out of a record of `entity` as it goes on the wire, and out of the proposed
// `fields` of a change request about that entity. True when something was taken out.
bool strip(const WithheldFields &withheld, const QString &entity, QJsonObject &record);

// `privacy.contact_fields`: {"rep": ["phone"], "manager": ["phone", "email"]} — per role, the contact
// fields that reach its laptops. A role the value does not name receives all of them (the default).
struct ContactFieldPolicy
{
    QMap<Role, QSet<QString>> reaching;

    WithheldFields withheldFrom(Role role) const;
    // Nothing, with `problem` set (English, for the wire), when the value is malformed: not an object
    // (or JSON text of one), a key that is no role, a list that is not a list of contact field names.
    static std::optional<ContactFieldPolicy> fromJson(const QJsonValue &value, QString *problem);
};

// `retention.days`: {"audit": 1095, "tombstones": 180, "mutations": 180}, each optional (default kept),
// each a whole number of days between its minimum and MaxDays.
struct Retention
{
    static constexpr int DefaultAuditDays = 1095;
    static constexpr int DefaultTombstoneDays = 180;
    static constexpr int DefaultMutationDays = 180;
    static constexpr int MinAuditDays = 365;
    static constexpr int MinTombstoneDays = 90;
    static constexpr int MinMutationDays = 90;
    static constexpr int MaxDays = 36500;

    int auditDays = DefaultAuditDays;
    int tombstoneDays = DefaultTombstoneDays;
    int mutationDays = DefaultMutationDays;

    static std::optional<Retention> fromJson(const QJsonValue &value, QString *problem);
};

// The check of a `setting` record's value for the keys above and `files.max_bytes` (common/protocol/files.h)
// (nothing for other keys, and for a valid value): the English sentence saying what is wrong.
std::optional<QString> checkSetting(const QString &key, const QJsonValue &value);

} // namespace rounds::protocol::privacy
