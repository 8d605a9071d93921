#include "models/kpitables.h"

#include "common/import/csvreader.h"

#include <cmath>

namespace rounds {

namespace {

QVariant opt(const std::optional<double> &v)
{
    return v ? QVariant(std::round(*v * 100) / 100) : QVariant();
}

QVariant money(qint64 minor)
{
    return double(minor) / 100;
}

QVariant moneyOpt(const std::optional<double> &minor)
{
    return minor ? QVariant(std::round(*minor) / 100) : QVariant();
}

QVariant delta(const QVariant &now, const QVariant &before)
{
    if (now.isNull() || before.isNull())
        return {};
    return std::round((now.toDouble() - before.toDouble()) * 100) / 100;
}

// Display width of a string in a terminal: CJK characters take two columns.
int displayWidth(const QString &s)
{
    int w = 0;
    for (const QChar c : s)
        w += c.unicode() >= 0x1100
                && (c.unicode() <= 0x115f || (c.unicode() >= 0x2e80 && c.unicode() <= 0xffdc))
            ? 2
            : 1;
    return w;
}

KpiTable counts(const QString &id, const QString &title, const QStringList &headers,
    const QList<KpiCount> &items, bool moneyValue)
{
    KpiTable t {id, title, headers, {}};
    for (const KpiCount &c : items)
        t.rows.append({c.name, c.count, moneyValue ? money(qint64(c.value)) : QVariant(c.value), opt(c.pct)});
    return t;
}

} // namespace

QString KpiTables::channelName(const QString &channel)
{
    if (channel == QLatin1String("face_to_face"))
        return tr("Face to face");
    if (channel == QLatin1String("remote"))
        return tr("Remote (video)");
    if (channel == QLatin1String("phone"))
        return tr("Phone");
    if (channel == QLatin1String("message"))
        return tr("Message");
    if (channel == QLatin1String("material"))
        return tr("Material sent");
    return channel;
}

QString KpiTables::forecastMethodName(const QString &method)
{
    if (method == QLatin1String("seasonal_naive"))
        return tr("seasonal naive (same month last year)");
    if (method == QLatin1String("linear_trend"))
        return tr("linear trend");
    return tr("no forecast (too little history)");
}

QList<KpiTable> KpiTables::all(const KpiResult &r)
{
    return QList<KpiTable> {summary(r)} + activity(r) + sales(r) + content(r);
}

KpiTable KpiTables::summary(const KpiResult &r)
{
    KpiTable t {QStringLiteral("summary"), tr("Key figures"),
        {tr("KPI"), r.period.label(), r.previousPeriod.label(), tr("Change")}, {}};
    const KpiHeadline &a = r.now;
    const KpiHeadline &b = r.before;
    const auto row = [&t](const QString &name, const QVariant &now, const QVariant &before) {
        t.rows.append({name, now, before, delta(now, before)});
    };
    row(tr("Targets"), a.targets, b.targets);
    row(tr("Reached targets"), a.reached, b.reached);
    row(tr("Reach %"), opt(a.reachPct), opt(b.reachPct));
    row(tr("Calls"), a.calls, b.calls);
    row(tr("Touches (message, material)"), a.touches, b.touches);
    row(tr("Frequency (calls per reached target)"), opt(a.frequency), opt(b.frequency));
    row(tr("Coverage of plan %"), opt(a.coveragePct), opt(b.coveragePct));
    row(tr("Plan attainment %"), opt(a.planAttainmentPct), opt(b.planAttainmentPct));
    row(tr("Field days"), a.fieldDays, b.fieldDays);
    row(tr("Calls per field day"), opt(a.callsPerFieldDay), opt(b.callsPerFieldDay));
    row(tr("Average support level"), opt(a.averageSupport), opt(b.averageSupport));
    row(tr("Meetings held"), a.meetingsHeld, b.meetingsHeld);
    row(tr("Attending HCPs"), a.attendingHcps, b.attendingHcps);
    row(tr("Event spend (CNY)"), money(a.spendMinor), money(b.spendMinor));
    row(tr("Event budget (CNY)"), money(a.budgetMinor), money(b.budgetMinor));
    row(tr("Spend vs budget %"), opt(a.spendVsBudgetPct), opt(b.spendVsBudgetPct));
    row(tr("Cost per attending HCP (CNY)"), moneyOpt(a.costPerAttendingHcpMinor),
        moneyOpt(b.costPerAttendingHcpMinor));
    row(tr("Sales (CNY)"), money(a.salesMinor), money(b.salesMinor));
    row(tr("Market share %"), opt(a.marketSharePct), opt(b.marketSharePct));
    row(tr("ROI (sales per yuan of effort)"), opt(a.roi), opt(b.roi));
    t.rows.append({tr("Sales year on year %"), opt(r.salesYoyPct), QVariant(), QVariant()});
    return t;
}

QList<KpiTable> KpiTables::activity(const KpiResult &r)
{
    QList<KpiTable> tables;
    {
        KpiTable t {QStringLiteral("reach_by_tier"), tr("Reach by tier"),
            {tr("Tier"), tr("Targets"), tr("Reached"), tr("Reach %")}, {}};
        for (const KpiTierReach &x : r.tiers)
            t.rows.append({x.tier, x.targets, x.reached, opt(x.reachPct)});
        tables.append(t);
    }
    {
        KpiTable t {QStringLiteral("calls_per_day"), tr("Calls per day"), {tr("Day"), tr("Calls")}, {}};
        for (const KpiDayCount &d : r.callsPerDay)
            t.rows.append({d.day.toString(Qt::ISODate), d.calls});
        tables.append(t);
    }
    {
        KpiTable t {QStringLiteral("channel_mix"), tr("Channel mix"),
            {tr("Channel"), tr("Visits"), tr("Share %")}, {}};
        for (const KpiCount &c : r.channels)
            t.rows.append({channelName(c.key), c.count, opt(c.pct)});
        tables.append(t);
    }
    tables.append(counts(QStringLiteral("product_share"),
        tr("Product detail share (weights %1 / %2 / %3)")
            .arg(r.weights.first)
            .arg(r.weights.second)
            .arg(r.weights.later),
        {tr("Product"), tr("Details"), tr("Weighted"), tr("Share %")}, r.products, false));
    {
        KpiTable t {QStringLiteral("support_trend"),
            r.supportGranularity == QLatin1String("week") ? tr("Average support level by week")
                                                          : tr("Average support level by month"),
            {tr("From"), tr("Calls"), tr("Average support")}, {}};
        for (const KpiSupportPoint &p : r.supportTrend)
            t.rows.append({p.start.toString(Qt::ISODate), p.visits, opt(p.average)});
        tables.append(t);
    }
    {
        KpiTable t {QStringLiteral("reps"), tr("Reps"),
            {tr("Rep"), tr("User"), tr("Calls"), tr("Field days"), tr("Calls per field day"),
                tr("Targets reached")},
            {}};
        for (const KpiRepRow &x : r.reps)
            t.rows.append({x.name, x.username, x.calls, x.fieldDays, opt(x.callsPerFieldDay), x.reachedHcps});
        tables.append(t);
    }
    return tables;
}

QList<KpiTable> KpiTables::sales(const KpiResult &r)
{
    QList<KpiTable> tables;
    {
        KpiTable t {QStringLiteral("sales_by_month"),
            tr("Sales by month; forecast: %1").arg(forecastMethodName(r.forecastMethod)),
            {tr("Month"), tr("Sales (CNY)"), tr("External (CNY)"), tr("Month on month %"),
                tr("Year on year %"), tr("Forecast")},
            {}};
        for (const KpiMonthSales &m : r.salesByMonth) {
            t.rows.append(
                {m.month, money(m.internalMinor), m.externalMinor ? money(*m.externalMinor) : QVariant(),
                    opt(m.momPct), opt(m.yoyPct), QString()});
        }
        for (const KpiMonthSales &m : r.forecast)
            t.rows.append(
                {m.month, money(m.internalMinor), QVariant(), QVariant(), QVariant(), tr("forecast")});
        tables.append(t);
    }
    tables.append(counts(QStringLiteral("sales_by_territory"), tr("Sales by territory"),
        {tr("Territory"), tr("Facts"), tr("Sales (CNY)"), tr("Share %")}, r.salesByTerritory, true));
    tables.append(counts(QStringLiteral("sales_by_product"), tr("Sales by product"),
        {tr("Product"), tr("Facts"), tr("Sales (CNY)"), tr("Share %")}, r.salesByProduct, true));
    if (!r.institutionSalesHidden) {
        tables.append(counts(QStringLiteral("sales_by_institution"), tr("Sales by institution"),
            {tr("Institution"), tr("Facts"), tr("Sales (CNY)"), tr("Share %")}, r.salesByInstitution, true));
    }
    return tables;
}

KpiTable KpiTables::byId(const KpiResult &result, const QString &id)
{
    for (const KpiTable &t : all(result)) {
        if (t.id == id)
            return t;
    }
    return {};
}

QString KpiTables::cellText(const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return QStringLiteral("–");
    if (value.typeId() == QMetaType::Double) {
        const double d = value.toDouble();
        if (d == std::floor(d) && std::abs(d) < 1e15)
            return QString::number(qint64(d));
        return QString::number(d, 'f', 2);
    }
    return value.toString();
}

QString KpiTables::displayText(const QVariant &value, const QLocale &locale)
{
    if (value.isNull() || !value.isValid())
        return QStringLiteral("–");
    switch (value.typeId()) {
    case QMetaType::Double: {
        const double d = value.toDouble();
        if (d == std::floor(d) && std::abs(d) < 1e15)
            return locale.toString(qint64(d));
        return locale.toString(d, 'f', 2);
    }
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return locale.toString(value.toLongLong());
    default:
        return value.toString();
    }
}

QByteArray KpiTables::toCsv(const KpiTable &table)
{
    QList<QStringList> rows;
    for (const QVariantList &row : table.rows) {
        QStringList cells;
        for (const QVariant &v : row)
            cells << (v.isNull() ? QString() : cellText(v));
        rows << cells;
    }
    return import::writeCsv(table.headers, rows);
}

QString KpiTables::toText(const KpiTable &table)
{
    QList<int> widths;
    for (const QString &h : table.headers)
        widths << displayWidth(h);
    QList<QStringList> cells;
    for (const QVariantList &row : table.rows) {
        QStringList line;
        for (int i = 0; i < row.size(); ++i) {
            line << cellText(row.at(i));
            if (i < widths.size())
                widths[i] = std::max(widths[i], displayWidth(line.last()));
        }
        cells << line;
    }
    const auto format = [&widths](const QStringList &line, const QList<QVariant> *values) {
        QString s;
        for (int i = 0; i < line.size() && i < widths.size(); ++i) {
            const QString pad(widths[i] - displayWidth(line.at(i)), u' ');
            const bool number = values && i < values->size()
                && (values->at(i).typeId() != QMetaType::QString || values->at(i).isNull());
            s += (number ? pad + line.at(i) : line.at(i) + pad) + QStringLiteral("  ");
        }
        while (s.endsWith(u' '))
            s.chop(1);
        return s;
    };
    QString out = table.title + u'\n';
    out += format(table.headers, nullptr) + u'\n';
    for (int r = 0; r < cells.size(); ++r)
        out += format(cells.at(r), &table.rows.at(r)) + u'\n';
    return out;
}

} // namespace rounds
