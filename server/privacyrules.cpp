#include "server/privacyrules.h"

#include "common/protocol/errors.h"
#include "common/protocol/values.h"
#include "server/feed.h"
#include "server/hcperasure.h"
#include "server/log.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace rounds::server::privacyrules {

using namespace rounds::protocol;

namespace {

const QString kPrunedSeqs = QStringLiteral("pruned_tombstone_seqs");

QString cutoff(const QDateTime &now, int days)
{
    return now.toUTC().addDays(-days).toString(Qt::ISODateWithMs);
}

} // namespace

std::optional<StoredRecord> newestSetting(StoreReader &store, const QString &key)
{
    std::optional<StoredRecord> newest;
    for (const StoredRecord &r : store.all(QStringLiteral("setting"))) {
        if (r.deleted || str(r.record.fields, "key") != key)
            continue;
        if (!newest || r.record.updatedAt > newest->record.updatedAt
            || (r.record.updatedAt == newest->record.updatedAt && r.record.id > newest->record.id))
            newest = r;
    }
    return newest;
}

QJsonValue settingValue(StoreReader &store, const QString &key)
{
    const std::optional<StoredRecord> newest = newestSetting(store, key);
    return newest ? newest->record.fields.value(QLatin1String("value")) : QJsonValue(QJsonValue::Undefined);
}

privacy::WithheldFields withheldFrom(StoreReader &store, Role role)
{
    QString problem;
    const auto policy
        = privacy::ContactFieldPolicy::fromJson(settingValue(store, privacy::ContactFieldsKey), &problem);
    if (!policy) {
        // Refused on push; only a record stored before this build can be malformed.
        qCWarning(lcServer).noquote() << "setting" << privacy::ContactFieldsKey << ":" << problem
                                      << "(every contact field reaches every role)";
        return {};
    }
    return policy->withheldFrom(role);
}

privacy::Retention retention(StoreReader &store)
{
    QString problem;
    const auto r = privacy::Retention::fromJson(settingValue(store, privacy::RetentionKey), &problem);
    if (!r) {
        qCWarning(lcServer).noquote()
            << "setting" << privacy::RetentionKey << ":" << problem << "(defaults kept)";
        return {};
    }
    return *r;
}

std::optional<Denial> checkSetting(const Entity &entity, const QJsonObject &fields)
{
    if (entity.name != QLatin1String("setting"))
        return std::nullopt;
    if (const auto problem = privacy::checkSetting(str(fields, "key"), fields.value(QLatin1String("value"))))
        return Denial {ErrorCode::InvalidRequest, *problem, QStringLiteral("value")};
    return std::nullopt;
}

std::optional<Denial> checkPush(StoreReader &store, const Entity &entity, const QString &id,
    const QJsonObject &fields, const QJsonObject &sent)
{
    if (auto d = checkSetting(entity, fields))
        return d;
    return hcperasure::check(store, entity.name, id, fields, sent);
}

void stripAnswers(
    Storage &storage, Role role, const QList<OutboxMutation> &mutations, std::vector<QJsonObject> &answers)
{
    privacy::WithheldFields hidden;
    QString error;
    if (!storage.read([&](StoreReader &r) { hidden = withheldFrom(r, role); }, &error))
        qCWarning(lcServer) << "could not read the contact field setting:" << error;
    if (hidden.isEmpty())
        return;
    const QString recordKey = QStringLiteral("record");
    for (size_t i = 0; i < answers.size() && i < size_t(mutations.size()); ++i) {
        QJsonObject &answer = answers[i];
        if (!answer.contains(recordKey))
            continue;
        QJsonObject record = answer.value(recordKey).toObject();
        if (privacy::strip(hidden, mutations.at(qsizetype(i)).entity, record))
            answer.insert(recordKey, record);
    }
}

void stripHistory(const privacy::WithheldFields &hidden, const QString &entity, QList<HistoryChange> &changes)
{
    if (hidden.isEmpty())
        return;
    const QStringList own = hidden.value(entity);
    changes.removeIf([&own](const HistoryChange &c) { return own.contains(c.field); });
    if (entity != QLatin1String("change_request"))
        return;
    for (HistoryChange &c : changes) {
        if (c.field != QLatin1String("fields"))
            continue;
        for (QJsonValue *v : {&c.oldValue, &c.newValue}) {
            QJsonObject proposed = v->toObject();
            for (const QStringList &fields : hidden) {
                for (const QString &f : fields)
                    proposed.remove(f);
            }
            if (v->isObject())
                *v = proposed;
        }
    }
}

QHash<QString, qint64> prunedSeqs(StoreReader &store)
{
    QHash<QString, qint64> out;
    const QJsonObject o = QJsonDocument::fromJson(store.meta(kPrunedSeqs).toUtf8()).object();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toInteger());
    return out;
}

namespace {

void pruneIn(StoreWriter &w, const QDateTime &now, PruneReport *report)
{
    report->retention = retention(w);
    report->auditBefore = cutoff(now, report->retention.auditDays);
    report->tombstonesBefore = cutoff(now, report->retention.tombstoneDays);
    report->mutationsBefore = cutoff(now, report->retention.mutationDays);
    report->counts = w.prune(report->auditBefore, report->tombstonesBefore, report->mutationsBefore);
    if (report->counts.prunedSeqs.isEmpty())
        return;
    QHash<QString, qint64> seqs = prunedSeqs(w);
    for (auto it = report->counts.prunedSeqs.begin(); it != report->counts.prunedSeqs.end(); ++it)
        seqs[it.key()] = std::max(seqs.value(it.key()), it.value());
    QJsonObject o;
    for (auto it = seqs.begin(); it != seqs.end(); ++it)
        o.insert(it.key(), it.value());
    w.setMeta(kPrunedSeqs, QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
}

} // namespace

bool prune(Storage &storage, const QDateTime &now, bool dryRun, PruneReport *report, QString *error)
{
    error->clear();
    const bool ok = storage.write(
        [&](StoreWriter &w) {
            pruneIn(w, now, report);
            return !dryRun;
        },
        error);
    // A dry run rolls back on purpose: the store did not fail unless it said why.
    return ok || (dryRun && error->isEmpty());
}

bool pruneDaily(Storage &storage, PruneReport *report, bool *ran, QString *error)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString today = now.date().toString(Qt::ISODate);
    const QString key = QStringLiteral("retention_pruned_on");
    *ran = false;
    error->clear();
    const bool ok = storage.write(
        [&](StoreWriter &w) {
            if (w.meta(key) == today)
                return false;
            pruneIn(w, now, report);
            w.setMeta(key, today);
            *ran = true;
            return true;
        },
        error);
    if (*ran && report->counts.audit + report->counts.tombstones + report->counts.mutations > 0)
        qCInfo(lcServer).noquote() << "retention: pruned" << report->counts.audit << "audit entries,"
                                   << report->counts.tombstones << "tombstones and"
                                   << report->counts.mutations << "push answers";
    return ok || error->isEmpty();
}

bool writeSetting(Storage &storage, const QString &key, const QJsonValue &value, QString *error)
{
    if (const auto problem = privacy::checkSetting(key, value)) {
        *error = *problem;
        return false;
    }
    error->clear();
    const bool ok = storage.write(
        [&](StoreWriter &w) {
            const std::optional<StoredRecord> newest = newestSetting(w, key);
            StoredRecord after {QStringLiteral("setting"),
                Record {newUuid(), 0, {}, {}, {{QStringLiteral("key"), key}}, {}}, false};
            if (newest)
                after = *newest;
            after.record.fields.insert(QStringLiteral("value"), value);
            if (newest && newest->record.fields == after.record.fields)
                return false; // nothing to change
            Feed(w, Actor {{}, QStringLiteral("rounds-server"), {}})
                .commit(newest, after, QStringLiteral("rounds-server setting"));
            return true;
        },
        error);
    return ok || error->isEmpty();
}

} // namespace rounds::server::privacyrules
