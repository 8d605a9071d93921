#include "ui/common/labels.h"

#include "common/protocol/enumlabels.h"
#include "ui/common/dates.h"

namespace rounds {

QString Labels::channel(const QString &value)
{
    return EnumLabels::label(QStringLiteral("visit"), QStringLiteral("channel"), value);
}

QString Labels::reaction(const QString &value)
{
    return EnumLabels::label(QStringLiteral("visit_detail"), QStringLiteral("reaction"), value);
}

QString Labels::supportLevel(int level)
{
    switch (level) {
    case 1:
        return tr("1 – Opposes");
    case 2:
        return tr("2 – Sceptical");
    case 3:
        return tr("3 – Neutral");
    case 4:
        return tr("4 – Supportive");
    case 5:
        return tr("5 – Advocate");
    default:
        return tr("Not assessed");
    }
}

QString Labels::meetingStatus(const QString &value)
{
    return EnumLabels::label(QStringLiteral("meeting"), QStringLiteral("status"), value);
}

QString Labels::visitStatus(const QString &value)
{
    return EnumLabels::label(QStringLiteral("visit"), QStringLiteral("status"), value);
}

QString Labels::localDateTime(const QString &iso)
{
    return Dates::dateTime(iso);
}

QString Labels::role(const QString &value)
{
    return EnumLabels::label(QStringLiteral("user"), QStringLiteral("role"), value);
}

} // namespace rounds
