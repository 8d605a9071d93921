// The content KPIs as tables (KpiTables::content): the dashboard's CSV export and `rounds-cli kpis`.
#include "models/kpitables.h"

#include <cmath>

namespace rounds {

namespace {

QVariant opt(const std::optional<double> &v)
{
    return v ? QVariant(std::round(*v * 100) / 100) : QVariant();
}

QVariant round2(double v)
{
    return std::round(v * 100) / 100;
}

QVariant delta(const QVariant &now, const QVariant &before)
{
    if (now.isNull() || before.isNull())
        return {};
    return std::round((now.toDouble() - before.toDouble()) * 100) / 100;
}

} // namespace

QList<KpiTable> KpiTables::content(const KpiResult &r)
{
    QList<KpiTable> tables;
    const ContentKpis &a = r.content;
    const ContentKpis &b = r.contentBefore;
    {
        KpiTable t {QStringLiteral("content_summary"), tr("Content in calls"),
            {tr("KPI"), r.period.label(), r.previousPeriod.label(), tr("Change")}, {}};
        const auto row = [&t](const QString &name, const QVariant &now, const QVariant &before) {
            t.rows.append({name, now, before, delta(now, before)});
        };
        row(tr("Page views"), a.views, b.views);
        row(tr("Viewed pages (2 s or a reaction)"), a.viewedPages, b.viewedPages);
        row(tr("Presentations"), a.presentations, b.presentations);
        row(tr("Average dwell per viewed page (s)"), opt(a.avgDwellSec), opt(b.avgDwellSec));
        row(tr("Calls (face to face, remote)"), a.calls, b.calls);
        row(tr("Calls with content"), a.callsWithContent, b.callsWithContent);
        row(tr("Calls with content %"), opt(a.callsWithContentPct), opt(b.callsWithContentPct));
        row(tr("Positive reactions"), a.reactions.positive, b.reactions.positive);
        row(tr("Neutral reactions"), a.reactions.neutral, b.reactions.neutral);
        row(tr("Negative reactions"), a.reactions.negative, b.reactions.negative);
        row(tr("Positive reactions %"), opt(a.reactions.positivePct()), opt(b.reactions.positivePct()));
        row(tr("Anonymous page views (no tracking consent)"), a.anonymousViews, b.anonymousViews);
        tables.append(t);
    }
    const QStringList headers {tr("Presentations"), tr("Page views"), tr("Viewed pages"),
        tr("Avg dwell per viewed page (s)"), tr("Positive"), tr("Neutral"), tr("Negative"),
        tr("Viewed pages per presentation"), tr("Engagement")};
    {
        KpiTable t {QStringLiteral("content_by_material"), tr("Content by material"),
            QStringList {tr("Rank"), tr("Material"), tr("Version"), tr("Product")} + headers, {}};
        for (const ContentKpiRow &m : a.materials)
            t.rows.append({m.rank > 0 ? QVariant(m.rank) : QVariant(), m.name, m.version, m.productName,
                m.presentations, m.views, m.viewedPages, opt(m.avgDwellSec), m.reactions.positive,
                m.reactions.neutral, m.reactions.negative, opt(m.viewedPerPresentation),
                round2(m.engagement)});
        tables.append(t);
    }
    {
        KpiTable t {QStringLiteral("content_by_product"), tr("Content by product"),
            QStringList {tr("Product")} + headers, {}};
        for (const ContentKpiRow &p : a.products)
            t.rows.append({p.name, p.presentations, p.views, p.viewedPages, opt(p.avgDwellSec),
                p.reactions.positive, p.reactions.neutral, p.reactions.negative, opt(p.viewedPerPresentation),
                round2(p.engagement)});
        tables.append(t);
    }
    return tables;
}

} // namespace rounds
