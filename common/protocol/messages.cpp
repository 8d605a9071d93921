#include "common/protocol/messages.h"

#include <QHash>

namespace rounds::protocol {

namespace {

constexpr char kContext[] = "Messages";

struct Label
{
    const char *scope; // "entity.field", or "field" for that field of any entity
    const char *text; // English; translated in context "Messages"
};

// One row per schema field a user can meet in a message; tests/common/tst_messages.cpp fails on a
// field without one.
const Label kLabels[] = {
    {"id", QT_TRANSLATE_NOOP("Messages", "Id")},
    {"version", QT_TRANSLATE_NOOP("Messages", "Version")},
    {"updated_at", QT_TRANSLATE_NOOP("Messages", "Updated at")},
    {"updated_by", QT_TRANSLATE_NOOP("Messages", "Updated by")},
    {"active", QT_TRANSLATE_NOOP("Messages", "Active")},
    {"address", QT_TRANSLATE_NOOP("Messages", "Address")},
    {"amount_minor", QT_TRANSLATE_NOOP("Messages", "Amount")},
    {"budget_minor", QT_TRANSLATE_NOOP("Messages", "Budget")},
    {"category", QT_TRANSLATE_NOOP("Messages", "Category")},
    {"channel", QT_TRANSLATE_NOOP("Messages", "Channel")},
    {"city", QT_TRANSLATE_NOOP("Messages", "City")},
    {"code", QT_TRANSLATE_NOOP("Messages", "Code")},
    {"currency", QT_TRANSLATE_NOOP("Messages", "Currency")},
    {"decided_by", QT_TRANSLATE_NOOP("Messages", "Decided by")},
    {"decision_note", QT_TRANSLATE_NOOP("Messages", "Decision note")},
    {"department_id", QT_TRANSLATE_NOOP("Messages", "Department")},
    {"description", QT_TRANSLATE_NOOP("Messages", "Description")},
    {"display_name", QT_TRANSLATE_NOOP("Messages", "Display name")},
    {"duration_min", QT_TRANSLATE_NOOP("Messages", "Duration (minutes)")},
    {"email", QT_TRANSLATE_NOOP("Messages", "E-mail")},
    {"ends_at", QT_TRANSLATE_NOOP("Messages", "Ends at")},
    {"entity", QT_TRANSLATE_NOOP("Messages", "Record type")},
    {"evidence", QT_TRANSLATE_NOOP("Messages", "Evidence")},
    {"facts", QT_TRANSLATE_NOOP("Messages", "Sales records")},
    {"fee_minor", QT_TRANSLATE_NOOP("Messages", "Fee")},
    {"feedback", QT_TRANSLATE_NOOP("Messages", "Feedback")},
    {"fields", QT_TRANSLATE_NOOP("Messages", "Proposed values")},
    {"follow_up", QT_TRANSLATE_NOOP("Messages", "Follow-up")},
    {"follow_up_due", QT_TRANSLATE_NOOP("Messages", "Follow-up due")},
    {"full_name", QT_TRANSLATE_NOOP("Messages", "Name")},
    {"gender", QT_TRANSLATE_NOOP("Messages", "Gender")},
    {"grade", QT_TRANSLATE_NOOP("Messages", "Grade")},
    {"hcp_id", QT_TRANSLATE_NOOP("Messages", "HCP")},
    {"home_territory_id", QT_TRANSLATE_NOOP("Messages", "Home territory")},
    {"institution_id", QT_TRANSLATE_NOOP("Messages", "Institution")},
    {"key", QT_TRANSLATE_NOOP("Messages", "Setting")},
    {"key_message_id", QT_TRANSLATE_NOOP("Messages", "Key message")},
    {"kind", QT_TRANSLATE_NOOP("Messages", "Kind")},
    {"level", QT_TRANSLATE_NOOP("Messages", "Level")},
    {"matched_minor", QT_TRANSLATE_NOOP("Messages", "Sales with a market figure")},
    {"meeting_id", QT_TRANSLATE_NOOP("Messages", "Meeting")},
    {"merged_into", QT_TRANSLATE_NOOP("Messages", "Merged into")},
    {"mode", QT_TRANSLATE_NOOP("Messages", "Mode")},
    {"month", QT_TRANSLATE_NOOP("Messages", "Month")},
    {"name", QT_TRANSLATE_NOOP("Messages", "Name")},
    {"notes", QT_TRANSLATE_NOOP("Messages", "Notes")},
    {"owner_id", QT_TRANSLATE_NOOP("Messages", "Owner")},
    {"parent_id", QT_TRANSLATE_NOOP("Messages", "Parent territory")},
    {"phone", QT_TRANSLATE_NOOP("Messages", "Phone")},
    {"planned_at", QT_TRANSLATE_NOOP("Messages", "Planned time")},
    {"position", QT_TRANSLATE_NOOP("Messages", "Position")},
    {"product_id", QT_TRANSLATE_NOOP("Messages", "Product")},
    {"province", QT_TRANSLATE_NOOP("Messages", "Province")},
    {"purpose", QT_TRANSLATE_NOOP("Messages", "Purpose")},
    {"reaction", QT_TRANSLATE_NOOP("Messages", "Reaction")},
    {"reason", QT_TRANSLATE_NOOP("Messages", "Reason")},
    {"resubmit_reason", QT_TRANSLATE_NOOP("Messages", "Sent back because")},
    {"record_id", QT_TRANSLATE_NOOP("Messages", "Record")},
    {"rep_id", QT_TRANSLATE_NOOP("Messages", "Rep")},
    {"role", QT_TRANSLATE_NOOP("Messages", "Role")},
    {"signed_in", QT_TRANSLATE_NOOP("Messages", "Signed in")},
    {"source", QT_TRANSLATE_NOOP("Messages", "Source")},
    {"specialty", QT_TRANSLATE_NOOP("Messages", "Specialty")},
    {"starts_at", QT_TRANSLATE_NOOP("Messages", "Starts at")},
    {"status", QT_TRANSLATE_NOOP("Messages", "Status")},
    {"support_level", QT_TRANSLATE_NOOP("Messages", "Support level")},
    {"tag", QT_TRANSLATE_NOOP("Messages", "Tag")},
    {"target_calls_per_cycle", QT_TRANSLATE_NOOP("Messages", "Target calls per cycle")},
    {"territory_id", QT_TRANSLATE_NOOP("Messages", "Territory")},
    {"text", QT_TRANSLATE_NOOP("Messages", "Text")},
    {"therapeutic_area", QT_TRANSLATE_NOOP("Messages", "Therapeutic area")},
    {"tier", QT_TRANSLATE_NOOP("Messages", "Tier")},
    {"title", QT_TRANSLATE_NOOP("Messages", "Title")},
    {"units", QT_TRANSLATE_NOOP("Messages", "Units")},
    {"username", QT_TRANSLATE_NOOP("Messages", "Username")},
    {"valid_from", QT_TRANSLATE_NOOP("Messages", "Valid from")},
    {"valid_to", QT_TRANSLATE_NOOP("Messages", "Valid to")},
    {"value", QT_TRANSLATE_NOOP("Messages", "Value")},
    {"value_minor", QT_TRANSLATE_NOOP("Messages", "Sales value")},
    {"venue", QT_TRANSLATE_NOOP("Messages", "Venue")},
    {"visit_id", QT_TRANSLATE_NOOP("Messages", "Visit")},
    {"visited_at", QT_TRANSLATE_NOOP("Messages", "Visited at")},
    // Where one name means different things in different entities.
    {"hcp.title", QT_TRANSLATE_NOOP("Messages", "Professional title")},
    {"meeting.kind", QT_TRANSLATE_NOOP("Messages", "Meeting type")},
    {"institution.kind", QT_TRANSLATE_NOOP("Messages", "Institution type")},
    {"meeting_attendee.kind", QT_TRANSLATE_NOOP("Messages", "Attendee type")},
    {"meeting_attendee.name", QT_TRANSLATE_NOOP("Messages", "Attendee name")},
    {"territory.name", QT_TRANSLATE_NOOP("Messages", "Territory name")},
    {"institution.name", QT_TRANSLATE_NOOP("Messages", "Institution name")},
    {"department.name", QT_TRANSLATE_NOOP("Messages", "Department name")},
    {"product.name", QT_TRANSLATE_NOOP("Messages", "Product name")},
    {"territory.code", QT_TRANSLATE_NOOP("Messages", "Territory code")},
    {"territory.owner_id", QT_TRANSLATE_NOOP("Messages", "Rep")},
    {"setting.value", QT_TRANSLATE_NOOP("Messages", "Setting value")},
    {"consent.status", QT_TRANSLATE_NOOP("Messages", "Consent")},
    {"consent.source", QT_TRANSLATE_NOOP("Messages", "Consent source")},
    {"consent.evidence", QT_TRANSLATE_NOOP("Messages", "Evidence reference")},
    {"captured_at", QT_TRANSLATE_NOOP("Messages", "Captured at")},
    {"expires_at", QT_TRANSLATE_NOOP("Messages", "Expires at")},
    {"language", QT_TRANSLATE_NOOP("Messages", "Language")},
    {"supersedes", QT_TRANSLATE_NOOP("Messages", "Replaces")},
    {"approval_code", QT_TRANSLATE_NOOP("Messages", "Approval code")},
    {"file", QT_TRANSLATE_NOOP("Messages", "File")},
    {"file_size", QT_TRANSLATE_NOOP("Messages", "File size")},
    {"thumbnail", QT_TRANSLATE_NOOP("Messages", "Thumbnail")},
    {"page_count", QT_TRANSLATE_NOOP("Messages", "Pages")},
    {"page", QT_TRANSLATE_NOOP("Messages", "Page")},
    {"material_id", QT_TRANSLATE_NOOP("Messages", "Material")},
    {"material_version", QT_TRANSLATE_NOOP("Messages", "Material version")},
    {"started_at", QT_TRANSLATE_NOOP("Messages", "Shown at")},
    {"duration_ms", QT_TRANSLATE_NOOP("Messages", "Time on page")},
    {"material.kind", QT_TRANSLATE_NOOP("Messages", "Material type")},
    {"content_view.mode", QT_TRANSLATE_NOOP("Messages", "Shown")},
};

// What each kind of record is called (tests/ui/tst_chinese.cpp fails on an entity without a Chinese one).
const Label kEntityLabels[] = {
    {"territory", QT_TRANSLATE_NOOP("Messages", "Territory")},
    {"institution", QT_TRANSLATE_NOOP("Messages", "Institution")},
    {"department", QT_TRANSLATE_NOOP("Messages", "Department")},
    {"hcp", QT_TRANSLATE_NOOP("Messages", "HCP")},
    {"hcp_tag", QT_TRANSLATE_NOOP("Messages", "Tag")},
    {"consent", QT_TRANSLATE_NOOP("Messages", "Consent")},
    {"alignment", QT_TRANSLATE_NOOP("Messages", "Alignment")},
    {"product", QT_TRANSLATE_NOOP("Messages", "Product")},
    {"key_message", QT_TRANSLATE_NOOP("Messages", "Key message")},
    {"visit_plan", QT_TRANSLATE_NOOP("Messages", "Visit plan")},
    {"visit", QT_TRANSLATE_NOOP("Messages", "Visit")},
    {"visit_detail", QT_TRANSLATE_NOOP("Messages", "Product discussed")},
    {"meeting", QT_TRANSLATE_NOOP("Messages", "Meeting")},
    {"meeting_attendee", QT_TRANSLATE_NOOP("Messages", "Meeting attendee")},
    {"meeting_expense", QT_TRANSLATE_NOOP("Messages", "Meeting expense")},
    {"change_request", QT_TRANSLATE_NOOP("Messages", "Correction request")},
    {"user", QT_TRANSLATE_NOOP("Messages", "User")},
    {"setting", QT_TRANSLATE_NOOP("Messages", "Setting")},
    {"sales_fact", QT_TRANSLATE_NOOP("Messages", "Sales record")},
    {"sales_total", QT_TRANSLATE_NOOP("Messages", "Sales total")},
    {"material", QT_TRANSLATE_NOOP("Messages", "Material")},
    {"material_key_message", QT_TRANSLATE_NOOP("Messages", "Key message of a material")},
    {"content_view", QT_TRANSLATE_NOOP("Messages", "Page view")},
};

const Label *find(const QString &entity, const QString &field)
{
    static const QHash<QString, const Label *> byScope = [] {
        QHash<QString, const Label *> h;
        for (const Label &l : kLabels)
            h.insert(QString::fromLatin1(l.scope), &l);
        return h;
    }();
    if (const Label *l = byScope.value(entity + QLatin1Char('.') + field))
        return l;
    return byScope.value(field);
}

} // namespace

QString Messages::fieldLabel(const QString &entity, const QString &field)
{
    const Label *l = find(entity, field);
    return l ? QCoreApplication::translate(kContext, l->text) : field;
}

QString Messages::entityLabel(const QString &entity)
{
    static const QHash<QString, const Label *> byName = [] {
        QHash<QString, const Label *> h;
        for (const Label &l : kEntityLabels)
            h.insert(QString::fromLatin1(l.scope), &l);
        return h;
    }();
    const Label *l = byName.value(entity);
    return l ? QCoreApplication::translate(kContext, l->text) : entity;
}

bool Messages::hasFieldLabel(const QString &entity, const QString &field)
{
    return find(entity, field) != nullptr;
}

QString Messages::fieldError(const FieldError &error)
{
    if (!error.sentence)
        return error.message;
    QString text = QCoreApplication::translate(kContext, error.sentence)
                       .arg(QStringLiteral("“%1”").arg(fieldLabel(error.entity, error.field)));
    for (const QString &a : error.args)
        text = text.arg(a);
    return text;
}

QString Messages::refusal(
    const QString &code, const QString &entity, const QString &field, const QString &serverMessage)
{
    if (code == QLatin1String(ErrorCode::InvalidRequest))
        return field.isEmpty() ? tr("The server found this change invalid.")
                               : tr("The server refused the value of “%1”.").arg(fieldLabel(entity, field));
    if (code == QLatin1String(ErrorCode::Forbidden)) {
        // The one refusal a rep meets daily has its own sentence (the server's says "read-only").
        if (serverMessage.contains(QLatin1String("read-only")))
            return tr("A submitted record is read-only: the server keeps the submitted version.");
        return tr("Your role or territory does not allow this change.");
    }
    if (code == QLatin1String(ErrorCode::NotFound))
        return tr("The server does not know this record, or it is outside what you may see.");
    if (code == QLatin1String(ErrorCode::PayloadTooLarge))
        return tr("This change is too large to send to the server.");
    if (code == QLatin1String(ErrorCode::Unauthorized))
        return tr("Your sign-in has expired: sign in again.");
    if (code == QLatin1String(ErrorCode::RateLimited))
        return tr("The server is busy: Rounds tries again later.");
    if (code == QLatin1String(ErrorCode::UnsupportedProtocol))
        return tr("This version of Rounds is too old for the server: please update.");
    if (code == QLatin1String(ErrorCode::Internal))
        return tr("The server could not store the change; Rounds sends it again with the next sync.");
    if (code == QLatin1String("compliance"))
        return tr("A compliance rule blocks this change.");
    if (code == QLatin1String(ErrorCode::ConsentRequired))
        return tr("The HCP has not consented to this channel (no consent, withdrawn or expired): capture "
                  "consent in the HCP's profile, then send again.");
    return tr("The server refused this change (%1).").arg(code.isEmpty() ? serverMessage : code);
}

} // namespace rounds::protocol
