#include "ui/meetings/meetingwords.h"

#include <QLocale>

namespace rounds {

namespace {
QString find(const QList<MeetingWords::Choice> &choices, const QString &value)
{
    for (const auto &c : choices) {
        if (c.first == value)
            return c.second;
    }
    return value;
}
} // namespace

QList<MeetingWords::Choice> MeetingWords::kinds()
{
    return {{QStringLiteral("academic"), tr("Academic meeting")},
        {QStringLiteral("department"), tr("Department meeting")}, {QStringLiteral("webinar"), tr("Webinar")},
        {QStringLiteral("dinner"), tr("Dinner meeting")}, {QStringLiteral("other"), tr("Other")}};
}

QList<MeetingWords::Choice> MeetingWords::modes()
{
    return {{QStringLiteral("offline"), tr("In person")}, {QStringLiteral("online"), tr("Online")}};
}

QList<MeetingWords::Choice> MeetingWords::roles()
{
    return {{QStringLiteral("attendee"), tr("Attendee")}, {QStringLiteral("speaker"), tr("Speaker")},
        {QStringLiteral("chair"), tr("Chair")}};
}

QList<MeetingWords::Choice> MeetingWords::categories()
{
    return {{QStringLiteral("venue"), tr("Venue")}, {QStringLiteral("catering"), tr("Catering")},
        {QStringLiteral("travel"), tr("Travel")}, {QStringLiteral("speaker_fee"), tr("Speaker fee")},
        {QStringLiteral("material"), tr("Materials")}, {QStringLiteral("other"), tr("Other")}};
}

QList<MeetingWords::Choice> MeetingWords::expenseStatuses()
{
    return {{QStringLiteral("estimated"), tr("Estimated")}, {QStringLiteral("committed"), tr("Committed")},
        {QStringLiteral("actual"), tr("Actual")}};
}

QString MeetingWords::kind(const QString &value)
{
    return find(kinds(), value);
}

QString MeetingWords::mode(const QString &value)
{
    return find(modes(), value);
}

QString MeetingWords::attendeeKind(const QString &value)
{
    if (value == QLatin1String("walk_in"))
        return tr("Walk-in");
    if (value == QLatin1String("staff"))
        return tr("Company staff");
    return tr("HCP");
}

QString MeetingWords::role(const QString &value)
{
    return find(roles(), value);
}

QString MeetingWords::category(const QString &value)
{
    return find(categories(), value);
}

QString MeetingWords::expenseStatus(const QString &value)
{
    return find(expenseStatuses(), value);
}

QString MeetingWords::money(qint64 minor)
{
    return QStringLiteral("¥") + QLocale().toString(double(minor) / 100.0, 'f', 2);
}

QString MeetingWords::severity(bool blocking)
{
    return blocking ? tr("Blocks") : tr("Warning");
}

QString MeetingWords::describe(compliance::Violation violation)
{
    if (violation.rule == compliance::Rule::EvidenceBeforeClosed)
        violation.subjectName = category(violation.subjectName);
    return compliance::describe(violation);
}

} // namespace rounds
