#include "server/privacyrules.h"

#include "common/protocol/errors.h"
#include "common/protocol/values.h"
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

QJsonValue settingValue(StoreReader &store, const QString &key)
{
    std::optional<StoredRecord> newest;
    for (const StoredRecord &r : store.all(QStringLiteral("setting"))) {
        if (r.deleted || str(r.record.fields, "key") != key)
            continue;
        if (!newest || r.record.updatedAt > newest->record.updatedAt
            || (r.record.updatedAt == newest->record.updatedAt && r.record.id > newest->record.id))
            newest = r;
    }
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
        qCWarning(lcServer).noquote() << "setting" << privacy::RetentionKey << ":" << problem
                                      << "(defaults kept)";
        return {};
    }
    return *r;
}

std::optional<Denial> checkSetting(const Entity &entity, const QJsonObject &fields)
{
    if (entity.name != QLatin1String("setting"))
        return std::nullopt;
    if (const auto problem
        = privacy::checkSetting(str(fields, "key"), fields.value(QLatin1String("value"))))
        return Denial {ErrorCode::InvalidRequest, *problem, QStringLiteral("value")};
    return std::nullopt;
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

QHash<QString, qint64> prunedSeqs(StoreReader &store)
{
    QHash<QString, qint64> out;
    const QJsonObject o = QJsonDocument::fromJson(store.meta(kPrunedSeqs).toUtf8()).object();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toInteger());
    return out;
}

bool prune(Storage &storage, const QDateTime &now, bool dryRun, PruneReport *report, QString *error)
{
    const bool ok = storage.write(
        [&](StoreWriter &w) {
            report->retention = retention(w);
            report->auditBefore = cutoff(now, report->retention.auditDays);
            report->tombstonesBefore = cutoff(now, report->retention.tombstoneDays);
            report->mutationsBefore = cutoff(now, report->retention.mutationDays);
            report->counts = w.prune(report->auditBefore, report->tombstonesBefore, report->mutationsBefore);
            if (dryRun)
                return false;
            if (!report->counts.prunedSeqs.isEmpty()) {
                QHash<QString, qint64> seqs = prunedSeqs(w);
                QJsonObject o;
                for (auto it = report->counts.prunedSeqs.begin(); it != report->counts.prunedSeqs.end(); ++it)
                    seqs[it.key()] = std::max(seqs.value(it.key()), it.value());
                for (auto it = seqs.begin(); it != seqs.end(); ++it)
                    o.insert(it.key(), it.value());
                w.setMeta(kPrunedSeqs, QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
            }
            return true;
        },
        error);
    // A dry run rolls back on purpose: the store did not fail unless it set an error.
    return ok || (dryRun && error->isEmpty());
}

} // namespace rounds::server::privacyrules
