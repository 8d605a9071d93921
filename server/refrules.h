#pragma once

#include "common/protocol/schema.h"
#include "server/denial.h"
#include "server/principal.h"
#include "server/storage.h"

#include <QJsonObject>

#include <optional>

namespace rounds::server::refrules {

// Whether `user` may name the record entity/id in what they write: it exists, is not deleted, and is
// in a bucket the user pulls (the same scope the pull feed uses for that entity; `global` records are in
// everyone's). Users who see everything (sfe, admin) may name any record that exists.
bool visible(StoreReader &store, const Principal &user, const QString &entity, const QString &id);

// The one answer for a reference the user may not name: the same code, message and field whether the
// record is unknown, deleted or outside the user's scope, so the answer tells nothing about other
// territories (docs/sync-protocol.md).
Denial unseen(const QString &field, const QString &entity);

// The entity a reference field names in a record: its declared target, or the entity named by another
// field (change_request.record_id by `entity`). Empty when the record does not say.
QString targetOf(const protocol::Field &field, const QJsonObject &fields);

// Every reference the change writes (all of a new or restored record's, the changed ones of an existing
// record's: `before` is its stored fields, null for a new or restored record) must name a record the
// user may name (visible). Fields the server sets itself are not the user's to check. nullopt: allowed.
std::optional<Denial> check(StoreReader &store, const Principal &user, const protocol::Entity &entity,
    const std::optional<QJsonObject> &before, const QJsonObject &after);

} // namespace rounds::server::refrules
