#pragma once

// Consent (PIPL; docs/privacy.md, "Consent"): the one rule client and server apply to every record that
// contacts an HCP. The client warns before it saves (offline); the server refuses the push with
// `consent_required`. Pure: it judges `consent` records the caller read, at a time the caller names.

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace rounds::protocol::consent {

// The company settings (`setting` records) the rule reads, with their defaults when absent or malformed.
inline const QString RequiredKey = QStringLiteral("consent.required"); // JSON true/false, default false
inline const QString ValidityDaysKey = QStringLiteral("consent.validity_days"); // 1..3650, default 365
inline const QString WarningDaysKey = QStringLiteral("consent.expiry_warning_days"); // 0..365, default 30

inline const QString EventInvitation = QStringLiteral("event_invitation");
inline const QString ActivityTracking = QStringLiteral("activity_tracking");

struct Rules
{
    // Off: only a withdrawal blocks (an HCP who said no is never contacted). On: a missing or expired
    // consent blocks too.
    bool required = false;
    int validityDays = 365; // a consent without expires_at ends this long after captured_at
    int warningDays = 30; // "about to expire" on Today and in the HCP list

    // Each value as the setting record holds it; undefined (no record) or malformed: the default.
    static Rules fromSettings(
        const QJsonValue &required, const QJsonValue &validityDays, const QJsonValue &warningDays);
};

// One `consent` record, as the rule reads it.
struct Record
{
    QString id;
    QString hcpId;
    QString channel;
    QString productId; // empty: every product
    bool granted = false; // status granted (else withdrawn)
    QDateTime capturedAt;
    QDateTime expiresAt; // invalid: captured_at + Rules::validityDays
    QString source;
    QString evidence;

    static Record fromFields(const QString &id, const QJsonObject &fields);
    QDateTime effectiveExpiry(int validityDays) const;
};

enum class State { Allowed, Missing, Withdrawn, Expired };
QString stateName(State state); // allowed, missing, withdrawn, expired

struct Verdict
{
    State state = State::Missing;
    std::optional<Record> deciding; // the record that decided (none when missing)
    QDateTime expiresAt; // of a granted deciding record
    bool blocks = false; // the server refuses, the client warns
};

// May the HCP be contacted on `channel` (about `productId`, empty for no product) at `at`? Among the
// HCP's records of the channel that cover the product (product-wide ones, and that product's; every one
// when no product is asked), the newest by captured_at decides (a withdrawal wins a tie): none is
// missing, a withdrawal is withdrawn, a grant whose expiry is at or before `at` is expired.
Verdict judge(const QList<Record> &records, const QString &hcpId, const QString &channel,
    const QString &productId, const QDateTime &at, const Rules &rules);

// May content views and channel events at `at` carry the HCP's id (issues 21/22: every such record calls
// this before it names the HCP)? Only when activity_tracking is allowed; when consent is not required,
// whenever it was not withdrawn. Otherwise the record is stored without hcp_id (anonymous).
bool trackingAllowed(
    const QList<Record> &records, const QString &hcpId, const QDateTime &at, const Rules &rules);

// A granted consent that ends within rules.warningDays after `now` (and has not ended).
bool expiringSoon(const Verdict &verdict, const QDateTime &now, const Rules &rules);

// The contact a record makes, if any: which HCP, on which consent channel, when.
struct Contact
{
    QString hcpId;
    QString channel;
    QDateTime at; // invalid: the time of the check (an invitation is sent when it is recorded)
    QString field; // the field a refusal names (visit: channel; attendee: hcp_id)
};

// The records that contact an HCP (docs/privacy.md): a visit (its channel; `material` is an `email`
// contact) at its visited_at, and a meeting attendee of kind hcp (`event_invitation`). Other entities,
// and records that name no HCP, contact nobody.
std::optional<Contact> contactOf(const QString &entity, const QJsonObject &fields);
// The consent channel of a visit channel (face_to_face, remote, phone, message as they are; material:
// email).
QString channelOfVisit(const QString &visitChannel);
// Is `after` a new contact compared with `before` (a create, or another HCP, channel or time)? Only such
// changes are checked: editing the notes of an earlier visit is not a new contact.
bool isNewContact(const QString &entity, const std::optional<QJsonObject> &before, const QJsonObject &after);

// The consent channels, in the schema's order.
QStringList channels();

} // namespace rounds::protocol::consent
