#include "server/democontent.h"

#include "common/protocol/consent.h"
#include "common/protocol/content.h"
#include "common/protocol/values.h"
#include "server/consentrules.h"
#include "server/feed.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QTimeZone>

#include <algorithm>
#include <random>

namespace rounds::server {

namespace {

QString str(const QJsonObject &f, const char *key)
{
    return f.value(QLatin1String(key)).toString();
}

struct Material
{
    QString id;
    int version = 1;
    int pages = 1;
    QJsonObject fields; // for content::availability
    int appeal = 0; // 0..99: how engaging this demo material is (longer looks, more positive reactions)
};

class ContentGenerator
{
public:
    ContentGenerator(StoreWriter &w, const ContentDemoOptions &o)
        : m_w(w)
        , m_o(o)
        , m_rng(o.seed ^ 0x636f6e74656e74ULL) // "content": its own stream, the demo's ids stay as they were
        , m_now(protocol::nowUtc())
    { }

    void run(ContentDemoSummary *summary);

private:
    int pick(int n) { return int(m_rng() % quint64(std::max(1, n))); }
    bool chance(int percent) { return pick(100) < percent; }
    QString uuid();
    void readMaterials();
    QHash<QString, QList<protocol::consent::Record>> readConsents();
    // One material shown in a visit, page by page from `start`; returns the time after the last page.
    QDateTime present(const StoredRecord &visit, const Material &m, QDateTime at, bool tracked);
    void addView(const StoredRecord &visit, const Material &m, int page, const QDateTime &at, qint64 ms,
        const QString &reaction, bool tracked);
    QString reactionFor(const Material &m, qint64 ms);

    StoreWriter &m_w;
    const ContentDemoOptions &m_o;
    std::mt19937_64 m_rng;
    QString m_now;
    QHash<QString, QList<Material>> m_byProduct;
    ContentDemoSummary m_summary;
};

QString ContentGenerator::uuid()
{
    const quint64 a = m_rng();
    const quint64 b = m_rng();
    QString hex = QStringLiteral("%1%2").arg(a, 16, 16, QLatin1Char('0')).arg(b, 16, 16, QLatin1Char('0'));
    hex[12] = QLatin1Char('4');
    hex[16] = QLatin1Char("89ab"[b >> 62]);
    return hex.left(8) + QLatin1Char('-') + hex.mid(8, 4) + QLatin1Char('-') + hex.mid(12, 4)
        + QLatin1Char('-') + hex.mid(16, 4) + QLatin1Char('-') + hex.mid(20, 12);
}

void ContentGenerator::readMaterials()
{
    QList<StoredRecord> all = m_w.all(QStringLiteral("material"));
    std::sort(all.begin(), all.end(),
        [](const StoredRecord &a, const StoredRecord &b) { return a.record.id < b.record.id; });
    for (const StoredRecord &r : std::as_const(all)) {
        const QJsonObject &f = r.record.fields;
        if (r.deleted || str(f, "status") != QLatin1String("approved"))
            continue;
        Material m;
        m.id = r.record.id;
        m.version = f.value(QStringLiteral("material_version")).toInt(1);
        m.pages = std::clamp(f.value(QStringLiteral("page_count")).toInt(0), 0, 200);
        if (m.pages == 0)
            m.pages = 6; // a material whose pages were not counted: a typical detail aid
        m.fields = f;
        m.appeal = pick(100);
        m_byProduct[str(f, "product_id")].append(m);
        ++m_summary.materials;
    }
}

QHash<QString, QList<protocol::consent::Record>> ContentGenerator::readConsents()
{
    QHash<QString, QList<protocol::consent::Record>> out;
    m_w.scan(QStringLiteral("consent"), [&out](const StoredRecord &r) {
        if (!r.deleted)
            out[str(r.record.fields, "hcp_id")].append(
                protocol::consent::Record::fromFields(r.record.id, r.record.fields));
    });
    return out;
}

// Engaging materials get more positive reactions; a glance (under 2 s) rarely gets one.
QString ContentGenerator::reactionFor(const Material &m, qint64 ms)
{
    if (!chance(ms < protocol::content::ViewedAfterMs ? 4 : 22))
        return {};
    const int roll = pick(100);
    if (roll < 30 + m.appeal / 2)
        return QStringLiteral("positive");
    if (roll < 85)
        return QStringLiteral("neutral");
    return QStringLiteral("negative");
}

void ContentGenerator::addView(const StoredRecord &visit, const Material &m, int page, const QDateTime &at,
    qint64 ms, const QString &reaction, bool tracked)
{
    const QJsonObject &v = visit.record.fields;
    const QJsonObject fields {{QStringLiteral("territory_id"), str(v, "territory_id")},
        {QStringLiteral("rep_id"), str(v, "rep_id")}, {QStringLiteral("material_id"), m.id},
        {QStringLiteral("material_version"), m.version}, {QStringLiteral("page"), page},
        {QStringLiteral("started_at"), at.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("duration_ms"), ms},
        {QStringLiteral("reaction"), reaction.isEmpty() ? QJsonValue() : QJsonValue(reaction)},
        {QStringLiteral("mode"), QStringLiteral("in_call")},
        {QStringLiteral("visit_id"), tracked ? QJsonValue(visit.record.id) : QJsonValue()},
        {QStringLiteral("hcp_id"), tracked ? QJsonValue(str(v, "hcp_id")) : QJsonValue()}};
    StoredRecord r {QStringLiteral("content_view"),
        protocol::Record {uuid(), 1, m_now, str(v, "rep_id"), fields, {}}, false};
    const QStringList buckets = Feed::bucketsFor(m_w, r);
    m_w.putRecord(r);
    m_w.setBuckets(r.entity, r.record.id, buckets);
    for (const QString &b : buckets)
        m_w.appendChange(b, r.entity, r.record.id, QStringLiteral("upsert"));
    ++m_summary.views;
    if (!tracked)
        ++m_summary.anonymousViews;
    if (m_summary.views % 50000 == 0)
        m_w.commitAndContinue();
}

QDateTime ContentGenerator::present(const StoredRecord &visit, const Material &m, QDateTime at, bool tracked)
{
    // Most presentations go a few pages in; engaging ones further. Now and then a page is skipped.
    const int depth = std::clamp(1 + pick(m.pages) / (m.appeal > 60 ? 1 : 2) + pick(2), 1, m.pages);
    for (int page = 1; page <= depth; ++page) {
        if (page > 1 && chance(12))
            continue;
        // A glance of 1-2 s in one page of six; else 2-40 s, longer for an engaging material.
        const qint64 ms = chance(16) ? 1000 + pick(1000) : 2000 + pick(14000 + m.appeal * 240);
        addView(visit, m, page, at, ms, reactionFor(m, ms), tracked);
        at = at.addMSecs(ms + 300 + pick(1500));
    }
    return at;
}

void ContentGenerator::run(ContentDemoSummary *summary)
{
    readMaterials();
    if (m_byProduct.isEmpty()) {
        *summary = m_summary;
        return;
    }
    const protocol::consent::Rules rules = consentrules::rules(m_w);
    const QHash<QString, QList<protocol::consent::Record>> consents = readConsents();
    QHash<QString, QStringList> productsOf; // visit id → its details' products, in position order
    QList<StoredRecord> details = m_w.all(QStringLiteral("visit_detail"));
    std::sort(details.begin(), details.end(), [](const StoredRecord &a, const StoredRecord &b) {
        return a.record.fields.value(QStringLiteral("position")).toInt()
            < b.record.fields.value(QStringLiteral("position")).toInt();
    });
    for (const StoredRecord &d : std::as_const(details)) {
        QStringList &products = productsOf[str(d.record.fields, "visit_id")];
        const QString p = str(d.record.fields, "product_id");
        if (!d.deleted && !products.contains(p))
            products << p;
    }
    QList<StoredRecord> visits = m_w.all(QStringLiteral("visit"));
    std::sort(visits.begin(), visits.end(),
        [](const StoredRecord &a, const StoredRecord &b) { return a.record.id < b.record.id; });
    for (const StoredRecord &visit : std::as_const(visits)) {
        const QJsonObject &v = visit.record.fields;
        if (visit.deleted || str(v, "status") != QLatin1String("submitted")
            || str(v, "channel") != QLatin1String("face_to_face") || !chance(m_o.visitPercent))
            continue;
        const QDateTime visitedAt = QDateTime::fromString(str(v, "visited_at"), Qt::ISODate);
        if (!visitedAt.isValid())
            continue;
        const QDate day = visitedAt.toTimeZone(QTimeZone(8 * 3600)).date();
        QList<const Material *> shown;
        for (const QString &product : productsOf.value(visit.record.id)) {
            const auto materials = m_byProduct.constFind(product);
            if (materials == m_byProduct.constEnd())
                continue;
            for (const Material &m : *materials) {
                if (protocol::content::availability(m.fields, day)
                    == protocol::content::Availability::Presentable)
                    shown << &m;
            }
        }
        if (shown.isEmpty())
            continue;
        // One material, or two in one visit of three.
        const int count = std::min<int>(int(shown.size()), chance(33) ? 2 : 1);
        QDateTime at = visitedAt.addSecs(60 + pick(240));
        const QString hcpId = str(v, "hcp_id");
        const bool tracked = protocol::consent::trackingAllowed(consents.value(hcpId), hcpId, at, rules);
        for (int i = 0; i < count; ++i) {
            const int j = i + pick(int(shown.size()) - i);
            std::swap(shown[i], shown[j]);
            at = present(visit, *shown[i], at, tracked).addSecs(20 + pick(60));
        }
        ++m_summary.visits;
    }
    *summary = m_summary;
}

} // namespace

bool addContentViews(
    Storage &storage, const ContentDemoOptions &options, ContentDemoSummary *summary, QString *error)
{
    ContentDemoSummary result;
    const bool ok = storage.write(
        [&](StoreWriter &w) {
            ContentGenerator(w, options).run(&result);
            return true;
        },
        error);
    if (ok && summary)
        *summary = result;
    return ok;
}

} // namespace rounds::server
