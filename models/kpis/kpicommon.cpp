#include "models/kpis/kpicommon.h"

namespace rounds::kpi {

const QStringList &tiers()
{
    static const QStringList all {
        QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D")};
    return all;
}

const QStringList &channels()
{
    static const QStringList all {QStringLiteral("face_to_face"), QStringLiteral("remote"),
        QStringLiteral("phone"), QStringLiteral("message"), QStringLiteral("material")};
    return all;
}

std::optional<double> ratio(double num, double den, double scale)
{
    if (den == 0)
        return std::nullopt;
    return num / den * scale;
}

QString monthKey(const QDate &d)
{
    return d.toString(QStringLiteral("yyyy-MM"));
}

QDate monthStart(const QString &key)
{
    return QDate::fromString(key + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd"));
}

bool isCallChannel(const QString &channel)
{
    return channel == QLatin1String("face_to_face") || channel == QLatin1String("remote")
        || channel == QLatin1String("phone");
}

bool isCallChannel(std::string_view channel)
{
    return channel == "face_to_face" || channel == "remote" || channel == "phone";
}

} // namespace rounds::kpi
