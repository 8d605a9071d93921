#include "ui/meetings/meetingwords.h"

#include "common/protocol/enumlabels.h"
#include "models/money.h"

namespace rounds {

namespace {
QString meeting(const QString &field, const QString &value)
{
    return EnumLabels::label(QStringLiteral("meeting"), field, value);
}
QString attendee(const QString &field, const QString &value)
{
    return EnumLabels::label(QStringLiteral("meeting_attendee"), field, value);
}
QString expense(const QString &field, const QString &value)
{
    return EnumLabels::label(QStringLiteral("meeting_expense"), field, value);
}
} // namespace

QString MeetingWords::kind(const QString &value)
{
    return meeting(QStringLiteral("kind"), value);
}

QString MeetingWords::mode(const QString &value)
{
    return meeting(QStringLiteral("mode"), value);
}

QString MeetingWords::attendeeKind(const QString &value)
{
    // A row without a known kind is an HCP, the field's default.
    const QString field = QStringLiteral("kind");
    const bool known = EnumLabels::hasLabel(QStringLiteral("meeting_attendee"), field, value);
    return attendee(field, known ? value : QStringLiteral("hcp"));
}

QString MeetingWords::role(const QString &value)
{
    return attendee(QStringLiteral("role"), value);
}

QString MeetingWords::category(const QString &value)
{
    return expense(QStringLiteral("category"), value);
}

QString MeetingWords::expenseStatus(const QString &value)
{
    return expense(QStringLiteral("status"), value);
}

QString MeetingWords::money(qint64 minor)
{
    return formatMoney(minor);
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
