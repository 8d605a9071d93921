#include "server/useradmin.h"

#include "common/protocol/errors.h"
#include "common/protocol/schema.h"
#include "common/protocol/values.h"
#include "server/devices.h"
#include "server/feed.h"
#include "server/passwords.h"

#include <QHash>

#include <algorithm>
#include <functional>

namespace rounds::server {

using namespace rounds::protocol;
namespace limits = protocol::userlimits;

namespace useradmin {

namespace {

const QString kCommandLineDevice = QStringLiteral("rounds-server");

Denial invalid(const QString &message, const QString &field)
{
    return Denial {ErrorCode::InvalidRequest, message, field};
}

Denial storeFailed()
{
    return Denial {ErrorCode::Internal, QStringLiteral("the server could not store the change"), {}};
}

// How a write transaction ended: a refusal decided inside it, a store failure, or done (true).
bool settled(const std::optional<Denial> &refused, bool ok, Denial *denial)
{
    if (refused) {
        *denial = *refused;
        return false;
    }
    if (!ok) {
        *denial = storeFailed();
        return false;
    }
    return true;
}

// The audit names the admin who did it; on the command line, the changed user and "rounds-server".
Actor feedActor(const UserActor &actor, const QString &targetUserId)
{
    if (actor.isCommandLine())
        return Actor {targetUserId, kCommandLineDevice, {}};
    return Actor {actor.userId, actor.device.isEmpty() ? kCommandLineDevice : actor.device, {}};
}

bool needsTerritory(const QString &role)
{
    return role == QLatin1String("rep") || role == QLatin1String("manager");
}

std::optional<Denial> checkRole(const QString &role)
{
    if (roleFromString(role) == NoRole)
        return invalid(QStringLiteral("unknown role '%1' (rep, manager, sfe or admin)").arg(role),
            QStringLiteral("role"));
    return std::nullopt;
}

std::optional<Denial> checkPassword(const QString &password)
{
    if (password.size() < limits::kMinPassword)
        return invalid(
            QStringLiteral("the password must have at least %1 characters").arg(limits::kMinPassword),
            QStringLiteral("password"));
    if (password.size() > limits::kMaxPassword)
        return invalid(
            QStringLiteral("the password must have at most %1 characters").arg(limits::kMaxPassword),
            QStringLiteral("password"));
    return std::nullopt;
}

std::optional<Denial> checkDisplayName(const QString &name)
{
    if (name.size() > limits::kMaxDisplayName)
        return invalid(
            QStringLiteral("the display name must have at most %1 characters").arg(limits::kMaxDisplayName),
            QStringLiteral("display_name"));
    return std::nullopt;
}

// The id of the home territory a request names by id or by code; empty when it names none.
std::optional<QString> resolveTerritory(
    StoreReader &r, const QString &id, const QString &code, Denial *denial)
{
    if (!code.isEmpty()) {
        for (const StoredRecord &t : r.all(QStringLiteral("territory"))) {
            if (t.record.fields.value(QLatin1String("code")).toString() == code)
                return t.record.id;
        }
        *denial
            = invalid(QStringLiteral("no territory with code '%1'").arg(code), QStringLiteral("territory"));
        return std::nullopt;
    }
    if (id.isEmpty())
        return QString();
    const std::optional<StoredRecord> t = r.record(QStringLiteral("territory"), id);
    if (!t || t->deleted) {
        *denial = invalid(
            QStringLiteral("no territory with id '%1'").arg(id), QStringLiteral("home_territory_id"));
        return std::nullopt;
    }
    return id;
}

QString territoryNeeded(const QString &role, const UserActor &actor)
{
    return actor.isCommandLine() ? QStringLiteral("a %1 needs --territory CODE").arg(role)
                                 : QStringLiteral("a %1 needs a home territory").arg(role);
}

Denial unknownUser(const QString &userId)
{
    return Denial {
        ErrorCode::NotFound, QStringLiteral("no user with id '%1'").arg(userId), QStringLiteral("id")};
}

using Change = std::function<bool(StoreWriter &, UserRow &, QJsonObject *, Denial *)>;

// One change of an existing user: `change` edits the row (false with a denial refuses the whole
// change), and the fields it puts in `mirror` go to the user's `user` record, with `note` in the audit,
// when they differ from what it holds.
bool changeUser(Storage &storage, const QString &userId, const QString &note, const UserActor &actor,
    Denial *denial, const Change &change)
{
    std::optional<Denial> refused;
    QString error;
    const bool ok = storage.write(
        [&](StoreWriter &w) {
            std::optional<UserRow> u = w.userById(userId);
            if (!u) {
                refused = unknownUser(userId);
                return false;
            }
            QJsonObject mirror;
            Denial d {nullptr, {}, {}};
            if (!change(w, *u, &mirror, &d)) {
                refused = d;
                return false;
            }
            w.putUser(*u);
            const std::optional<StoredRecord> rec = w.record(QStringLiteral("user"), u->id);
            if (rec) {
                StoredRecord after = *rec;
                for (auto it = mirror.begin(); it != mirror.end(); ++it)
                    after.record.fields.insert(it.key(), it.value());
                if (after.record.fields != rec->record.fields)
                    Feed(w, feedActor(actor, u->id)).commit(rec, after, note);
            }
            return true;
        },
        &error);
    return settled(refused, ok, denial);
}

// A change without a field of the `user` record (a password, a device) still goes in the user's audit.
void auditEvent(StoreWriter &w, const UserActor &actor, const QString &userId, const QString &field,
    const QJsonValue &value, const QString &note)
{
    const Actor a = feedActor(actor, userId);
    w.addAudit(AuditEntry {QStringLiteral("user"), userId, field, QJsonValue(QJsonValue::Null), value,
        a.userId, a.device, {}, nowUtc(), note, QStringLiteral("update"), 0});
}

AdminDevice toAdmin(const DeviceRow &d)
{
    return AdminDevice {d.id, d.name, d.clientVersion, d.firstSeen, d.lastSeen, d.revokedAt, d.revokedReason};
}

AdminUser toAdmin(const UserRow &u, const QList<DeviceRow> &devices)
{
    AdminUser a {u.id, u.username, u.displayName, u.role, u.homeTerritoryId, u.active, {}, {}};
    for (const DeviceRow &d : devices) {
        a.devices << toAdmin(d);
        a.lastSeen = std::max(a.lastSeen, d.lastSeen);
    }
    return a;
}

} // namespace

bool create(Storage &storage, const NewUser &spec, const UserActor &actor, QString *id, Denial *denial)
{
    if (const auto d = checkRole(spec.role)) {
        *denial = *d;
        return false;
    }
    if (spec.username.trimmed().isEmpty() || spec.username.size() > limits::kMaxUsername) {
        *denial
            = invalid(QStringLiteral("the user name must have 1 to %1 characters").arg(limits::kMaxUsername),
                QStringLiteral("username"));
        return false;
    }
    if (const auto d = checkPassword(spec.password)) {
        *denial = *d;
        return false;
    }
    if (const auto d = checkDisplayName(spec.displayName)) {
        *denial = *d;
        return false;
    }
    const QString hash = passwords::hash(spec.password);
    if (hash.isEmpty()) {
        *denial = Denial {ErrorCode::Internal, QStringLiteral("could not hash the password"), {}};
        return false;
    }
    std::optional<Denial> refused;
    QString error;
    const QString newId = spec.id.isEmpty() ? newUuid() : spec.id;
    const bool ok = storage.write(
        [&](StoreWriter &w) {
            if (w.userByName(spec.username)) {
                refused = invalid(QStringLiteral("a user named '%1' exists already").arg(spec.username),
                    QStringLiteral("username"));
                return false;
            }
            Denial d {nullptr, {}, {}};
            const std::optional<QString> home
                = resolveTerritory(w, spec.homeTerritoryId, spec.territoryCode, &d);
            if (!home) {
                refused = d;
                return false;
            }
            if (home->isEmpty() && needsTerritory(spec.role)) {
                refused = invalid(territoryNeeded(spec.role, actor),
                    actor.isCommandLine() ? QStringLiteral("territory")
                                          : QStringLiteral("home_territory_id"));
                return false;
            }
            const QString display = spec.displayName.trimmed().isEmpty() ? spec.username : spec.displayName;
            w.putUser(UserRow {newId, spec.username, display, spec.role, *home, true, hash});
            QJsonObject fields {{QStringLiteral("username"), spec.username},
                {QStringLiteral("display_name"), display}, {QStringLiteral("role"), spec.role},
                {QStringLiteral("home_territory_id"), home->isEmpty() ? QJsonValue() : QJsonValue(*home)},
                {QStringLiteral("active"), true}};
            Feed(w, feedActor(actor, newId))
                .commit(std::nullopt,
                    StoredRecord {QStringLiteral("user"), Record {newId, 0, {}, {}, fields, {}}, false},
                    QStringLiteral("user add"));
            return true;
        },
        &error);
    if (!settled(refused, ok, denial))
        return false;
    if (id)
        *id = newId;
    return true;
}

bool update(
    Storage &storage, const QString &userId, const UserUpdate &change, const UserActor &actor, Denial *denial)
{
    if (change.role) {
        if (const auto d = checkRole(*change.role)) {
            *denial = *d;
            return false;
        }
        if (!actor.isCommandLine() && actor.userId == userId && *change.role != QLatin1String("admin")) {
            *denial = invalid(QStringLiteral("you may not take away your own admin role; another "
                                             "administrator can"),
                QStringLiteral("role"));
            return false;
        }
    }
    if (change.displayName) {
        if (const auto d = checkDisplayName(*change.displayName)) {
            *denial = *d;
            return false;
        }
    }
    const QString note = change.role ? QStringLiteral("user set-role") : QStringLiteral("user update");
    return changeUser(storage, userId, note, actor, denial,
        [&](StoreWriter &w, UserRow &u, QJsonObject *mirror, Denial *d) {
            if (change.homeTerritoryId || !change.territoryCode.isEmpty()) {
                const std::optional<QString> home = resolveTerritory(
                    w, change.homeTerritoryId.value_or(QString()), change.territoryCode, d);
                if (!home)
                    return false;
                u.homeTerritoryId = *home;
            }
            if (change.role)
                u.role = *change.role;
            if (needsTerritory(u.role) && u.homeTerritoryId.isEmpty()) {
                *d = invalid(territoryNeeded(u.role, actor),
                    actor.isCommandLine() ? QStringLiteral("territory")
                                          : QStringLiteral("home_territory_id"));
                return false;
            }
            if (change.displayName)
                u.displayName = change.displayName->trimmed().isEmpty() ? u.username : *change.displayName;
            mirror->insert(QStringLiteral("role"), u.role);
            mirror->insert(QStringLiteral("home_territory_id"),
                u.homeTerritoryId.isEmpty() ? QJsonValue() : QJsonValue(u.homeTerritoryId));
            mirror->insert(QStringLiteral("display_name"), u.displayName);
            return true;
        });
}

bool setActive(Storage &storage, const QString &userId, bool active, const UserActor &actor, Denial *denial)
{
    if (!active && !actor.isCommandLine() && actor.userId == userId) {
        *denial = invalid(QStringLiteral("you may not disable your own account; another administrator can"),
            QStringLiteral("id"));
        return false;
    }
    return changeUser(storage, userId,
        active ? QStringLiteral("user enable") : QStringLiteral("user disable"), actor, denial,
        [active](StoreWriter &w, UserRow &u, QJsonObject *mirror, Denial *) {
            u.active = active;
            if (!active) {
                w.revokeUserTokens(u.id);
                devices::revokeAllOf(w, u.id, QStringLiteral("the account was disabled"));
            }
            mirror->insert(QStringLiteral("active"), active);
            return true;
        });
}

bool resetPassword(
    Storage &storage, const QString &userId, const QString &password, const UserActor &actor, Denial *denial)
{
    if (const auto d = checkPassword(password)) {
        *denial = *d;
        return false;
    }
    const QString hash = passwords::hash(password);
    if (hash.isEmpty()) {
        *denial = Denial {ErrorCode::Internal, QStringLiteral("could not hash the password"), {}};
        return false;
    }
    return changeUser(storage, userId, QStringLiteral("user password"), actor, denial,
        [&](StoreWriter &w, UserRow &u, QJsonObject *, Denial *) {
            u.passwordHash = hash;
            w.revokeUserTokens(u.id);
            // The hash is no field of the record: the audit says that it changed, never what to.
            auditEvent(w, actor, u.id, QStringLiteral("password"), QStringLiteral("reset"),
                QStringLiteral("user password"));
            return true;
        });
}

bool revokeDevice(Storage &storage, const QString &deviceId, const QString &reason, const UserActor &actor,
    Denial *denial, QString *userId)
{
    const QString why = reason.trimmed();
    if (why.size() > limits::kMaxReason) {
        *denial
            = invalid(QStringLiteral("the reason must have at most %1 characters").arg(limits::kMaxReason),
                QStringLiteral("reason"));
        return false;
    }
    if (!actor.isCommandLine() && !actor.deviceId.isEmpty() && actor.deviceId == deviceId) {
        *denial = invalid(QStringLiteral("this is the device you are using; revoke it from another one"),
            QStringLiteral("device_id"));
        return false;
    }
    std::optional<Denial> refused;
    QString owner;
    QString error;
    const bool ok = storage.write(
        [&](StoreWriter &w) {
            const std::optional<DeviceRow> d = w.device(deviceId);
            if (!d) {
                refused = Denial {ErrorCode::NotFound,
                    QStringLiteral("no device with id '%1' (rounds-server device list shows them)")
                        .arg(deviceId),
                    QStringLiteral("device_id")};
                return false;
            }
            owner = d->userId;
            const QString text = why.isEmpty() ? QStringLiteral("revoked by an administrator") : why;
            devices::revoke(w, deviceId, text);
            auditEvent(w, actor, owner, QStringLiteral("device_revoked"), deviceId,
                QStringLiteral("device revoke: %1").arg(text));
            return true;
        },
        &error);
    if (!settled(refused, ok, denial))
        return false;
    if (userId)
        *userId = owner;
    return true;
}

bool list(Storage &storage, AdminUserList *users, QString *error)
{
    return storage.read(
        [&](StoreReader &r) {
            QHash<QString, QList<DeviceRow>> devicesOf;
            for (const DeviceRow &d : r.devices({}))
                devicesOf[d.userId] << d;
            for (const StoredRecord &rec : r.all(QStringLiteral("user"))) {
                const std::optional<UserRow> u = r.userById(rec.record.id);
                if (u)
                    users->users << toAdmin(*u, devicesOf.value(u->id));
            }
            std::sort(users->users.begin(), users->users.end(),
                [](const AdminUser &a, const AdminUser &b) { return a.username < b.username; });
        },
        error);
}

std::optional<AdminUser> one(Storage &storage, const QString &userId, QString *error)
{
    std::optional<AdminUser> found;
    if (!storage.read(
            [&](StoreReader &r) {
                const std::optional<UserRow> u = r.userById(userId);
                if (u)
                    found = toAdmin(*u, r.devices(userId));
            },
            error))
        return std::nullopt;
    return found;
}

QString idOf(Storage &storage, const QString &username, Denial *denial)
{
    std::optional<UserRow> u;
    QString error;
    if (!storage.read([&](StoreReader &r) { u = r.userByName(username); }, &error)) {
        *denial = storeFailed();
        return {};
    }
    if (!u) {
        *denial = Denial {ErrorCode::NotFound, QStringLiteral("no user named '%1'").arg(username),
            QStringLiteral("username")};
        return {};
    }
    return u->id;
}

} // namespace useradmin

namespace {

bool byLogin(Storage &storage, const QString &username, QString *error,
    const std::function<bool(const QString &, Denial *)> &work)
{
    Denial denial {nullptr, {}, {}};
    const QString id = useradmin::idOf(storage, username, &denial);
    if (id.isEmpty() || !work(id, &denial)) {
        *error = denial.message;
        return false;
    }
    return true;
}

} // namespace

bool addUser(Storage &storage, const UserSpec &spec, QString *error)
{
    Denial denial {nullptr, {}, {}};
    const NewUser user {
        spec.username, spec.displayName, spec.role, {}, spec.territoryCode, spec.password, spec.id};
    if (useradmin::create(storage, user, UserActor {}, nullptr, &denial))
        return true;
    *error = denial.message;
    return false;
}

bool disableUser(Storage &storage, const QString &username, QString *error)
{
    return byLogin(storage, username, error, [&](const QString &id, Denial *denial) {
        return useradmin::setActive(storage, id, false, UserActor {}, denial);
    });
}

bool setUserRole(Storage &storage, const QString &username, const QString &role, const QString &territoryCode,
    QString *error)
{
    // An unknown role is named before the user is looked up, as the command always did.
    if (roleFromString(role) == NoRole) {
        *error = QStringLiteral("unknown role '%1' (rep, manager, sfe or admin)").arg(role);
        return false;
    }
    return byLogin(storage, username, error, [&](const QString &id, Denial *denial) {
        UserUpdate change;
        change.role = role;
        change.territoryCode = territoryCode;
        return useradmin::update(storage, id, change, UserActor {}, denial);
    });
}

} // namespace rounds::server
