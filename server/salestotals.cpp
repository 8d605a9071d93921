#include "server/salestotals.h"

#include "common/protocol/values.h"
#include "server/feed.h"

#include <QHash>
#include <QUuid>

namespace rounds::server {

using protocol::str;

namespace {

const QString kFact = QStringLiteral("sales_fact");
const QString kTotal = QStringLiteral("sales_total");
const QString kInternal = QStringLiteral("internal");
const QString kExternal = QStringLiteral("external");

// A fixed namespace for the name-based ids of totals (any constant UUID would do).
const QUuid kTotalNamespace(QStringLiteral("{5b0c6f1e-8d43-4b7a-9a55-2f1d6c0e7a31}"));

struct Sums
{
    QJsonObject key; // territory_id, product_id, month, source, currency
    qint64 units = 0;
    qint64 value = 0;
    qint64 facts = 0;
    qint64 matched = 0;
};

// Market share compares internal and external figures of one institution, product and month; the
// group of a fact for that, within its territory (a total never mixes territories).
QString groupOf(const QJsonObject &f)
{
    return QStringList {
        str(f, "territory_id"), str(f, "institution_id"), str(f, "product_id"), str(f, "month")}
        .join(QLatin1Char('|'));
}

QString currencyOf(const QJsonObject &f)
{
    const QString c = str(f, "currency");
    return c.isEmpty() ? QStringLiteral("CNY") : c;
}

QString keyOfFields(const QJsonObject &f)
{
    return QStringList {
        str(f, "territory_id"), str(f, "product_id"), str(f, "month"), str(f, "source"), currencyOf(f)}
        .join(QLatin1Char('|'));
}

QJsonObject totalFields(const Sums &s)
{
    QJsonObject out = s.key;
    out.insert(QStringLiteral("units"), s.units);
    out.insert(QStringLiteral("value_minor"), s.value);
    out.insert(QStringLiteral("facts"), s.facts);
    out.insert(QStringLiteral("matched_minor"), s.matched);
    return out;
}

} // namespace

QString SalesTotals::keyOf(const StoredRecord &fact)
{
    return fact.deleted ? QString() : keyOfFields(fact.record.fields);
}

QString SalesTotals::idOf(const QString &key)
{
    return QUuid::createUuidV5(kTotalNamespace, key).toString(QUuid::WithoutBraces);
}

void SalesTotals::refresh(StoreWriter &store, Feed &feed, const QSet<QString> &keys)
{
    if (keys.isEmpty())
        return;
    QHash<QString, Sums> sums;
    QSet<QString> externalGroups;
    QHash<QPair<QString, QString>, qint64> internal; // (group, key) → value, for the keys recomputed
    store.scan(kFact, [&](const StoredRecord &fact) {
        const QJsonObject &f = fact.record.fields;
        if (str(f, "source") == kExternal)
            externalGroups.insert(groupOf(f));
        const QString key = keyOf(fact);
        if (!keys.contains(key))
            return;
        Sums &s = sums[key];
        if (s.facts == 0) {
            s.key = QJsonObject {{QStringLiteral("territory_id"), str(f, "territory_id")},
                {QStringLiteral("product_id"), str(f, "product_id")},
                {QStringLiteral("month"), str(f, "month")}, {QStringLiteral("source"), str(f, "source")},
                {QStringLiteral("currency"), currencyOf(f)}};
        }
        const qint64 value = f.value(QLatin1String("value_minor")).toInteger();
        s.units += f.value(QLatin1String("units")).toInteger();
        s.value += value;
        s.facts += 1;
        if (str(f, "source") == kExternal) {
            s.matched += value;
        } else {
            internal[{groupOf(f), key}] += value;
        }
    });
    // An internal figure counts for market share only where its group has an external one.
    for (auto it = internal.begin(); it != internal.end(); ++it) {
        if (externalGroups.contains(it.key().first))
            sums[it.key().second].matched += it.value();
    }
    for (const QString &key : keys) {
        const QString id = idOf(key);
        const std::optional<StoredRecord> before = store.record(kTotal, id);
        const bool live = before && !before->deleted;
        if (!sums.contains(key)) {
            if (live)
                feed.commit(
                    before, StoredRecord {kTotal, before->record, true}, QStringLiteral("sales total"));
            continue;
        }
        const QJsonObject fields = totalFields(sums.value(key));
        if (live && before->record.fields == fields)
            continue;
        feed.commit(before, StoredRecord {kTotal, protocol::Record {id, 0, {}, {}, fields, {}}, false},
            QStringLiteral("sales total"));
    }
}

void SalesTotals::rebuild(StoreWriter &store, Feed &feed)
{
    QSet<QString> keys;
    store.scan(kFact, [&keys](const StoredRecord &fact) { keys.insert(keyOf(fact)); });
    store.scan(kTotal, [&keys](const StoredRecord &total) { keys.insert(keyOfFields(total.record.fields)); });
    keys.remove(QString());
    refresh(store, feed, keys);
}

} // namespace rounds::server
