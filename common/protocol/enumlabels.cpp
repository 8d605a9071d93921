#include "common/protocol/enumlabels.h"

#include "common/protocol/schema.h"

#include <QCoreApplication>
#include <QHash>

#include <iterator>

namespace rounds {

namespace {

constexpr char kContext[] = "EnumLabels";

struct Row
{
    const char *scope; // "entity.field", or "field" for that field of any entity
    const char *value;
    const char *text; // English; translated in context "EnumLabels"
};

// One row per schema value. A value without a row shows raw and fails tests/ui/tst_enumlabels.cpp.
const Row kRows[] = {
    {"territory.level", "region", QT_TRANSLATE_NOOP("EnumLabels", "Region")},
    {"territory.level", "district", QT_TRANSLATE_NOOP("EnumLabels", "District")},
    {"territory.level", "territory", QT_TRANSLATE_NOOP("EnumLabels", "Territory")},
    {"institution.kind", "hospital", QT_TRANSLATE_NOOP("EnumLabels", "Hospital")},
    {"institution.kind", "clinic", QT_TRANSLATE_NOOP("EnumLabels", "Clinic")},
    {"institution.kind", "pharmacy", QT_TRANSLATE_NOOP("EnumLabels", "Pharmacy")},
    {"institution.kind", "other", QT_TRANSLATE_NOOP("EnumLabels", "Other")},
    {"hcp.gender", "male", QT_TRANSLATE_NOOP("EnumLabels", "Male")},
    {"hcp.gender", "female", QT_TRANSLATE_NOOP("EnumLabels", "Female")},
    {"hcp.gender", "other", QT_TRANSLATE_NOOP("EnumLabels", "Other")},
    {"hcp.gender", "unknown", QT_TRANSLATE_NOOP("EnumLabels", "Unknown")},
    {"hcp.tier", "A", QT_TRANSLATE_NOOP("EnumLabels", "A")},
    {"hcp.tier", "B", QT_TRANSLATE_NOOP("EnumLabels", "B")},
    {"hcp.tier", "C", QT_TRANSLATE_NOOP("EnumLabels", "C")},
    {"hcp.tier", "D", QT_TRANSLATE_NOOP("EnumLabels", "D")},
    {"hcp.status", "active", QT_TRANSLATE_NOOP("EnumLabels", "Active")},
    {"hcp.status", "inactive", QT_TRANSLATE_NOOP("EnumLabels", "Inactive")},
    {"hcp.status", "merged", QT_TRANSLATE_NOOP("EnumLabels", "Merged")},
    {"hcp_tag.category", "basic", QT_TRANSLATE_NOOP("EnumLabels", "Basic")},
    {"hcp_tag.category", "marketing", QT_TRANSLATE_NOOP("EnumLabels", "Marketing")},
    {"hcp_tag.category", "value", QT_TRANSLATE_NOOP("EnumLabels", "Value")},
    {"channel", "face_to_face", QT_TRANSLATE_NOOP("EnumLabels", "Face to face")},
    {"channel", "remote", QT_TRANSLATE_NOOP("EnumLabels", "Remote (video)")},
    {"channel", "phone", QT_TRANSLATE_NOOP("EnumLabels", "Phone")},
    {"channel", "message", QT_TRANSLATE_NOOP("EnumLabels", "Message")},
    {"channel", "material", QT_TRANSLATE_NOOP("EnumLabels", "Material sent")},
    {"consent.channel", "face_to_face", QT_TRANSLATE_NOOP("EnumLabels", "Face to face")},
    {"consent.channel", "remote", QT_TRANSLATE_NOOP("EnumLabels", "Remote (video)")},
    {"consent.channel", "phone", QT_TRANSLATE_NOOP("EnumLabels", "Phone")},
    {"consent.channel", "message", QT_TRANSLATE_NOOP("EnumLabels", "Message")},
    {"consent.channel", "email", QT_TRANSLATE_NOOP("EnumLabels", "E-mail")},
    {"consent.channel", "wecom", QT_TRANSLATE_NOOP("EnumLabels", "WeCom")},
    {"consent.channel", "event_invitation", QT_TRANSLATE_NOOP("EnumLabels", "Event invitations")},
    {"consent.channel", "activity_tracking", QT_TRANSLATE_NOOP("EnumLabels", "Activity tracking")},
    {"consent.status", "granted", QT_TRANSLATE_NOOP("EnumLabels", "Granted")},
    {"consent.status", "withdrawn", QT_TRANSLATE_NOOP("EnumLabels", "Withdrawn")},
    {"consent.source", "paper_form", QT_TRANSLATE_NOOP("EnumLabels", "Paper form")},
    {"consent.source", "verbal", QT_TRANSLATE_NOOP("EnumLabels", "Verbal, during a visit")},
    {"consent.source", "online", QT_TRANSLATE_NOOP("EnumLabels", "Online")},
    {"visit_plan.status", "planned", QT_TRANSLATE_NOOP("EnumLabels", "Planned")},
    {"visit_plan.status", "done", QT_TRANSLATE_NOOP("EnumLabels", "Done")},
    {"visit_plan.status", "cancelled", QT_TRANSLATE_NOOP("EnumLabels", "Cancelled")},
    {"visit.status", "draft", QT_TRANSLATE_NOOP("EnumLabels", "Draft")},
    {"visit.status", "submitted", QT_TRANSLATE_NOOP("EnumLabels", "Submitted")},
    {"visit_detail.reaction", "positive", QT_TRANSLATE_NOOP("EnumLabels", "Positive")},
    {"visit_detail.reaction", "neutral", QT_TRANSLATE_NOOP("EnumLabels", "Neutral")},
    {"visit_detail.reaction", "negative", QT_TRANSLATE_NOOP("EnumLabels", "Negative")},
    {"meeting.kind", "academic", QT_TRANSLATE_NOOP("EnumLabels", "Academic meeting")},
    {"meeting.kind", "department", QT_TRANSLATE_NOOP("EnumLabels", "Department meeting")},
    {"meeting.kind", "webinar", QT_TRANSLATE_NOOP("EnumLabels", "Webinar")},
    {"meeting.kind", "dinner", QT_TRANSLATE_NOOP("EnumLabels", "Dinner meeting")},
    {"meeting.kind", "other", QT_TRANSLATE_NOOP("EnumLabels", "Other")},
    {"meeting.mode", "online", QT_TRANSLATE_NOOP("EnumLabels", "Online")},
    {"meeting.mode", "offline", QT_TRANSLATE_NOOP("EnumLabels", "In person")},
    {"meeting.status", "draft", QT_TRANSLATE_NOOP("EnumLabels", "Draft")},
    {"meeting.status", "submitted", QT_TRANSLATE_NOOP("EnumLabels", "Awaiting approval")},
    {"meeting.status", "approved", QT_TRANSLATE_NOOP("EnumLabels", "Approved")},
    {"meeting.status", "rejected", QT_TRANSLATE_NOOP("EnumLabels", "Rejected")},
    {"meeting.status", "held", QT_TRANSLATE_NOOP("EnumLabels", "Held")},
    {"meeting.status", "closed", QT_TRANSLATE_NOOP("EnumLabels", "Closed")},
    {"meeting.status", "cancelled", QT_TRANSLATE_NOOP("EnumLabels", "Cancelled")},
    {"meeting.resubmit_reason", "speaker_added", QT_TRANSLATE_NOOP("EnumLabels", "a speaker was added")},
    {"meeting.resubmit_reason", "fee_raised", QT_TRANSLATE_NOOP("EnumLabels", "a fee was added or raised")},
    {"meeting.resubmit_reason", "date_moved", QT_TRANSLATE_NOOP("EnumLabels", "the meeting's time moved")},
    {"meeting_attendee.role", "attendee", QT_TRANSLATE_NOOP("EnumLabels", "Attendee")},
    {"meeting_attendee.role", "speaker", QT_TRANSLATE_NOOP("EnumLabels", "Speaker")},
    {"meeting_attendee.role", "chair", QT_TRANSLATE_NOOP("EnumLabels", "Chair")},
    {"meeting_attendee.kind", "hcp", QT_TRANSLATE_NOOP("EnumLabels", "HCP")},
    {"meeting_attendee.kind", "walk_in", QT_TRANSLATE_NOOP("EnumLabels", "Walk-in")},
    {"meeting_attendee.kind", "staff", QT_TRANSLATE_NOOP("EnumLabels", "Company staff")},
    {"meeting_expense.category", "venue", QT_TRANSLATE_NOOP("EnumLabels", "Venue")},
    {"meeting_expense.category", "catering", QT_TRANSLATE_NOOP("EnumLabels", "Catering")},
    {"meeting_expense.category", "travel", QT_TRANSLATE_NOOP("EnumLabels", "Travel")},
    {"meeting_expense.category", "speaker_fee", QT_TRANSLATE_NOOP("EnumLabels", "Speaker fee")},
    {"meeting_expense.category", "material", QT_TRANSLATE_NOOP("EnumLabels", "Materials")},
    {"meeting_expense.category", "other", QT_TRANSLATE_NOOP("EnumLabels", "Other")},
    {"meeting_expense.status", "estimated", QT_TRANSLATE_NOOP("EnumLabels", "Estimated")},
    {"meeting_expense.status", "committed", QT_TRANSLATE_NOOP("EnumLabels", "Committed")},
    {"meeting_expense.status", "actual", QT_TRANSLATE_NOOP("EnumLabels", "Actual")},
    {"change_request.entity", "hcp", QT_TRANSLATE_NOOP("EnumLabels", "HCP")},
    {"change_request.entity", "institution", QT_TRANSLATE_NOOP("EnumLabels", "Institution")},
    {"change_request.entity", "department", QT_TRANSLATE_NOOP("EnumLabels", "Department")},
    {"change_request.status", "open", QT_TRANSLATE_NOOP("EnumLabels", "Open")},
    {"change_request.status", "approved", QT_TRANSLATE_NOOP("EnumLabels", "Approved")},
    {"change_request.status", "rejected", QT_TRANSLATE_NOOP("EnumLabels", "Rejected")},
    {"user.role", "rep", QT_TRANSLATE_NOOP("EnumLabels", "Medical rep")},
    {"user.role", "manager", QT_TRANSLATE_NOOP("EnumLabels", "District manager")},
    {"user.role", "sfe", QT_TRANSLATE_NOOP("EnumLabels", "Sales force effectiveness")},
    {"user.role", "admin", QT_TRANSLATE_NOOP("EnumLabels", "Administrator")},
    {"sales_fact.source", "internal", QT_TRANSLATE_NOOP("EnumLabels", "Internal")},
    {"sales_fact.source", "external", QT_TRANSLATE_NOOP("EnumLabels", "External")},
    {"sales_total.source", "internal", QT_TRANSLATE_NOOP("EnumLabels", "Internal")},
    {"sales_total.source", "external", QT_TRANSLATE_NOOP("EnumLabels", "External")},
    {"material.kind", "pdf", QT_TRANSLATE_NOOP("EnumLabels", "PDF")},
    {"material.kind", "image", QT_TRANSLATE_NOOP("EnumLabels", "Image")},
    {"material.status", "draft", QT_TRANSLATE_NOOP("EnumLabels", "Draft")},
    {"material.status", "approved", QT_TRANSLATE_NOOP("EnumLabels", "Approved")},
    {"material.status", "withdrawn", QT_TRANSLATE_NOOP("EnumLabels", "Withdrawn")},
    {"material.status", "expired", QT_TRANSLATE_NOOP("EnumLabels", "Expired")},
    {"content_view.reaction", "positive", QT_TRANSLATE_NOOP("EnumLabels", "Positive")},
    {"content_view.reaction", "neutral", QT_TRANSLATE_NOOP("EnumLabels", "Neutral")},
    {"content_view.reaction", "negative", QT_TRANSLATE_NOOP("EnumLabels", "Negative")},
    {"content_view.mode", "in_call", QT_TRANSLATE_NOOP("EnumLabels", "In a call")},
    {"content_view.mode", "preview", QT_TRANSLATE_NOOP("EnumLabels", "Preview")},
};

QString key(const QString &scope, const QString &value)
{
    return scope + QLatin1Char('=') + value;
}

// The English text of a value: the entity's own row first, then the row for the field of any entity.
const char *source(const QString &entity, const QString &field, const QString &value)
{
    static const QHash<QString, const char *> table = [] {
        QHash<QString, const char *> t;
        t.reserve(int(std::size(kRows)));
        for (const Row &r : kRows)
            t.insert(key(QString::fromLatin1(r.scope), QString::fromLatin1(r.value)), r.text);
        return t;
    }();
    if (const char *text = table.value(key(entity + QLatin1Char('.') + field, value)))
        return text;
    return table.value(key(field, value));
}

} // namespace

QList<EnumLabels::Choice> EnumLabels::values(const QString &entity, const QString &field)
{
    QList<Choice> out;
    const protocol::Entity *e = protocol::Schema::instance().entity(entity);
    const protocol::Field *f = e ? e->field(field) : nullptr;
    if (!f)
        return out;
    for (const QString &v : f->enumValues)
        out << Choice {v, label(entity, field, v)};
    return out;
}

QList<EnumLabels::Choice> EnumLabels::choices(const QString &entity, const QString &field)
{
    QList<Choice> out;
    const protocol::Entity *e = protocol::Schema::instance().entity(entity);
    const protocol::Field *f = e ? e->field(field) : nullptr;
    if (f && f->nullable)
        out << Choice {
            QString(), QCoreApplication::translate(kContext, QT_TRANSLATE_NOOP("EnumLabels", "—"))};
    return out + values(entity, field);
}

QString EnumLabels::label(const QString &entity, const QString &field, const QString &value)
{
    const char *text = source(entity, field, value);
    return text ? QCoreApplication::translate(kContext, text) : value;
}

bool EnumLabels::hasLabel(const QString &entity, const QString &field, const QString &value)
{
    return source(entity, field, value) != nullptr;
}

QStringList EnumLabels::unlabelled(const QList<protocol::Entity> &entities)
{
    QStringList out;
    for (const protocol::Entity &e : entities) {
        for (const protocol::Field &f : e.fields) {
            for (const QString &v : f.enumValues) {
                if (!hasLabel(e.name, f.name, v))
                    out << QString(e.name + QLatin1Char('.') + f.name + QLatin1Char('=') + v);
            }
        }
    }
    return out;
}

} // namespace rounds
