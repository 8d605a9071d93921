#pragma once

// The KPI result as tables with exact numbers: what the dashboard shows under each chart, what its
// CSV export writes and what `rounds-cli kpis` prints. Money is in major units (yuan) with two decimals.

#include "models/kpis.h"

#include <QCoreApplication>
#include <QLocale>
#include <QVariant>

namespace rounds {

struct KpiTable
{
    QString id; // "summary", "reach_by_tier", "calls_per_day", ... (the CSV file name)
    QString title;
    QStringList headers;
    QList<QVariantList> rows; // numbers as int/qint64/double, a null QVariant where a KPI is undefined
};

class KpiTables final
{
    Q_DECLARE_TR_FUNCTIONS(KpiTables)
public:
    static QList<KpiTable> all(const KpiResult &result);
    static KpiTable byId(const KpiResult &result, const QString &id);
    // The content tables (models/contenttables.cpp): key figures of content in calls, per material (in
    // engagement rank order), per product. Part of all().
    static QList<KpiTable> content(const KpiResult &r);

    // Names of the channels and tiers, for tables and charts.
    static QString channelName(const QString &channel);
    static QString forecastMethodName(const QString &method);

    // A cell as text: two decimals at most, "–" for an undefined KPI (CSV, the terminal).
    static QString cellText(const QVariant &value);
    // A cell for the screen: as cellText(), in `locale`'s digits with its thousands separators.
    static QString displayText(const QVariant &value, const QLocale &locale);
    // RFC 4180 CSV with a UTF-8 byte-order mark (Excel opens Chinese text right), CRLF line ends.
    static QByteArray toCsv(const KpiTable &table);
    // Aligned plain text for a terminal.
    static QString toText(const KpiTable &table);

private:
    // all() in three parts: the key figures, the field-force charts, the sales.
    static KpiTable summary(const KpiResult &r);
    static QList<KpiTable> activity(const KpiResult &r);
    static QList<KpiTable> sales(const KpiResult &r);
};

} // namespace rounds
