#include "models/kpis.h"

#include "models/kpis/kpicommon.h"

#include <QRegularExpression>

namespace rounds {

using kpi::monthKey;

std::optional<KpiPeriod> KpiPeriod::parse(const QString &text, QString *error)
{
    const QString t = text.trimmed();
    static const QRegularExpression monthRe(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    static const QRegularExpression quarterRe(QStringLiteral("^(\\d{4})-[Qq]([1-4])$"));
    static const QRegularExpression cycleRe(
        QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})$"));
    KpiPeriod p;
    if (const auto m = monthRe.match(t); m.hasMatch()) {
        const int month = m.captured(2).toInt();
        if (month >= 1 && month <= 12)
            p = KpiPeriod::month(m.captured(1).toInt(), month);
    } else if (const auto m = quarterRe.match(t); m.hasMatch()) {
        const int q = m.captured(2).toInt();
        p.kind = Kind::Quarter;
        p.start = QDate(m.captured(1).toInt(), 3 * q - 2, 1);
        p.end = p.start.addMonths(3).addDays(-1);
    } else if (const auto m = cycleRe.match(t); m.hasMatch()) {
        p.kind = Kind::Cycle;
        p.start = QDate::fromString(m.captured(1), Qt::ISODate);
        p.end = QDate::fromString(m.captured(2), Qt::ISODate);
    }
    if (!p.isValid() || p.days() > 3 * 366) {
        if (error)
            *error = QStringLiteral("'%1' is not a period: use a month (2026-10), a quarter (2026-Q3) or a "
                                    "cycle of at most three years (2026-09-01..2026-09-30)")
                         .arg(text);
        return std::nullopt;
    }
    return p;
}

KpiPeriod KpiPeriod::month(int year, int month)
{
    KpiPeriod p;
    p.kind = Kind::Month;
    p.start = QDate(year, month, 1);
    p.end = p.start.addMonths(1).addDays(-1);
    return p;
}

KpiPeriod KpiPeriod::previous() const
{
    KpiPeriod p = *this;
    switch (kind) {
    case Kind::Month:
        return month(start.addMonths(-1).year(), start.addMonths(-1).month());
    case Kind::Quarter:
        p.start = start.addMonths(-3);
        p.end = start.addDays(-1);
        return p;
    case Kind::Cycle:
        p.end = start.addDays(-1);
        p.start = p.end.addDays(-(days() - 1));
        return p;
    }
    return p;
}

KpiPeriod KpiPeriod::yearBefore() const
{
    KpiPeriod p = *this;
    p.start = start.addYears(-1);
    p.end
        = kind == Kind::Cycle ? end.addYears(-1) : p.start.addMonths(kind == Kind::Month ? 1 : 3).addDays(-1);
    return p;
}

QString KpiPeriod::label() const
{
    switch (kind) {
    case Kind::Month:
        return monthKey(start);
    case Kind::Quarter:
        return QStringLiteral("%1-Q%2").arg(start.year()).arg((start.month() - 1) / 3 + 1);
    case Kind::Cycle:
        return start.toString(Qt::ISODate) + QStringLiteral("..") + end.toString(Qt::ISODate);
    }
    return {};
}

QStringList KpiPeriod::months() const
{
    QStringList out;
    if (!isValid())
        return out;
    for (QDate m(start.year(), start.month(), 1); m <= end; m = m.addMonths(1))
        out << monthKey(m);
    return out;
}

} // namespace rounds
