#include "common/protocol/merge.h"

#include "common/protocol/values.h"

namespace rounds::protocol {

MergeOutcome mergeField(const QJsonValue &base, const QJsonValue &theirs, const QJsonValue &mine)
{
    if (sameValue(theirs, mine))
        return MergeOutcome::Same;
    if (!base.isUndefined() && sameValue(theirs, base))
        return MergeOutcome::TakeMine;
    return MergeOutcome::Conflict;
}

Resolution resolveConflict(ConflictPolicy policy, bool pusherOwnsRecord)
{
    switch (policy) {
    case ConflictPolicy::OwnerWins:
        return pusherOwnsRecord ? Resolution::Apply : Resolution::KeepServer;
    case ConflictPolicy::ServerReviews:
        return Resolution::FileReview;
    case ConflictPolicy::AskUser:
        break;
    }
    return Resolution::AskUser;
}

bool MergeResult::hasAskUser() const
{
    for (const FieldConflict &c : conflicts) {
        if (c.resolution == Resolution::AskUser)
            return true;
    }
    return false;
}

QList<FieldConflict> MergeResult::withResolution(Resolution r) const
{
    QList<FieldConflict> out;
    for (const FieldConflict &c : conflicts) {
        if (c.resolution == r)
            out << c;
    }
    return out;
}

MergeResult mergeRecord(const Entity &entity, const QJsonObject &base, const QJsonObject &theirs,
    const QJsonObject &set, bool pusherOwnsRecord)
{
    MergeResult result;
    for (auto it = set.begin(); it != set.end(); ++it) {
        const QJsonValue b
            = base.contains(it.key()) ? base.value(it.key()) : QJsonValue(QJsonValue::Undefined);
        const QJsonValue t = theirs.value(it.key());
        switch (mergeField(b, t, it.value())) {
        case MergeOutcome::Same:
            break;
        case MergeOutcome::TakeMine:
            result.apply.insert(it.key(), it.value());
            break;
        case MergeOutcome::Conflict: {
            const Resolution r = resolveConflict(entity.policy, pusherOwnsRecord);
            if (r == Resolution::Apply)
                result.apply.insert(it.key(), it.value());
            result.conflicts << FieldConflict {it.key(), b, it.value(), t, r};
            break;
        }
        }
    }
    return result;
}

} // namespace rounds::protocol
