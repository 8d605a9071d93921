// The entity schema of PROTOCOL.md, declared once. Everything else derives from this table: the JSON
// codec and validation, the client's SQLite tables, the server's validation and authorization.
// Adding a field is one line here plus a migration in the client store.

#include "common/protocol/schema.h"

namespace rounds::protocol {
namespace {

Field make(const char *name, FieldType type)
{
    Field f;
    f.name = QString::fromLatin1(name);
    f.type = type;
    return f;
}

Field text(const char *name, int maxLength = 200)
{
    return make(name, FieldType::Text).length(maxLength);
}
Field longText(const char *name)
{
    return text(name, 10000);
}
Field integer(const char *name, std::int64_t lo, std::int64_t hi)
{
    return make(name, FieldType::Int).range(lo, hi);
}
Field boolean(const char *name, bool byDefault)
{
    return make(name, FieldType::Bool).required().byDefault(byDefault);
}
Field date(const char *name)
{
    return make(name, FieldType::Date);
}
Field dateTime(const char *name)
{
    return make(name, FieldType::DateTime);
}
Field money(const char *name, std::int64_t lo = 0)
{
    // Up to 10^13 minor units: a hundred billion yuan, far above any line item, well inside 2^53.
    return make(name, FieldType::Money).range(lo, 10'000'000'000'000);
}
Field currency(const char *name)
{
    return make(name, FieldType::Currency).required().byDefault(QStringLiteral("CNY"));
}
Field enumOf(const char *name, std::initializer_list<const char *> values)
{
    Field f = make(name, FieldType::Enum);
    for (const char *v : values)
        f.enumValues << QString::fromLatin1(v);
    return f;
}
Field ref(const char *name, const char *entity)
{
    Field f = make(name, FieldType::Ref);
    f.refEntity = QString::fromLatin1(entity);
    return f;
}

const std::initializer_list<const char *> kChannels
    = {"face_to_face", "remote", "phone", "message", "material"};

Entity entity(const char *name, Roles writers, ConflictPolicy policy, BucketRule buckets, QList<Field> fields)
{
    Entity e;
    e.name = QString::fromLatin1(name);
    e.writers = writers;
    e.creators = writers;
    e.policy = policy;
    e.buckets = buckets;
    e.fields = std::move(fields);
    return e;
}

Entity serverOnly(Entity e)
{
    e.serverOnly = true;
    e.writers = NoRole;
    e.creators = NoRole;
    return e;
}

} // namespace

QList<Entity> declareEntities()
{
    constexpr Roles MasterData = RoleSfe | RoleAdmin;
    constexpr Roles Admin = RoleAdmin;
    const std::int64_t maxInt = 1'000'000'000;

    return {
        entity("territory", MasterData, ConflictPolicy::AskUser, BucketRule::Global,
            {
                text("code", 32).required(),
                text("name").required(),
                enumOf("level", {"region", "district", "territory"}).required(),
                ref("parent_id", "territory"),
                ref("owner_id", "user"),
                // Addition to PROTOCOL.md (docs/sync-protocol.md): false = retired; null counts as active.
                make("active", FieldType::Bool).byDefault(true),
            })
            .withWorkflow(Workflow::TerritoryTree),
        entity("institution", MasterData, ConflictPolicy::ServerReviews, BucketRule::FollowsHcp,
            {
                text("name").required(),
                enumOf("kind", {"hospital", "clinic", "pharmacy", "other"})
                    .required()
                    .byDefault(QStringLiteral("hospital")),
                text("grade", 16),
                text("province", 64),
                text("city", 64),
                text("address", 500),
            }),
        entity("department", MasterData, ConflictPolicy::ServerReviews, BucketRule::FollowsHcp,
            {
                ref("institution_id", "institution").required(),
                text("name").required(),
            }),
        entity("hcp", MasterData, ConflictPolicy::ServerReviews, BucketRule::Hcp,
            {
                text("full_name").required().about(Personal::Name),
                enumOf("gender", {"male", "female", "other", "unknown"}).about(Personal::Profile),
                text("specialty", 100),
                text("title", 100).about(Personal::Profile),
                ref("institution_id", "institution"),
                ref("department_id", "department"),
                enumOf("tier", {"A", "B", "C", "D"}),
                enumOf("status", {"active", "inactive", "merged"})
                    .required()
                    .byDefault(QStringLiteral("active")),
                ref("merged_into", "hcp"),
                text("phone", 64).about(Personal::Contact),
                text("email", 254).about(Personal::Contact),
            })
            .withWorkflow(Workflow::HcpMerge),
        // No owner: any rep who covers the HCP may tag it (OwnerWins then keeps the tagger's value).
        entity("hcp_tag", RoleRep | MasterData, ConflictPolicy::OwnerWins, BucketRule::FollowsHcp,
            {
                ref("hcp_id", "hcp").required(),
                enumOf("category", {"basic", "marketing", "value"}).required(),
                text("tag", 100).required().about(Personal::Tag),
                text("source", 100).about(Personal::Tag),
            })
            .withParent("hcp_id", "hcp"),
        // Consent (docs/privacy.md): per HCP, channel and optionally product; a rep who covers the HCP
        // captures, renews and withdraws it (like a tag: in the HCP's buckets, no owner). A renewal or a
        // withdrawal is a new record; the newest captured_at decides (common/protocol/consent.h).
        entity("consent", RoleRep | MasterData, ConflictPolicy::OwnerWins, BucketRule::FollowsHcp,
            {
                ref("hcp_id", "hcp").required(),
                enumOf("channel",
                    {"face_to_face", "remote", "phone", "message", "email", "wecom", "event_invitation",
                        "activity_tracking"})
                    .required(),
                ref("product_id", "product"),
                enumOf("status", {"granted", "withdrawn"}).required(),
                dateTime("captured_at").required(),
                enumOf("source", {"paper_form", "verbal", "online"}).required(),
                // A reference to the signed form: a file name, an archive number, or a synced file
                // ("sha256:<hex>:<name>", common/protocol/files.h).
                text("evidence", 300).holdsFileReference(),
                // Null: captured_at + the company's consent.validity_days.
                dateTime("expires_at"),
            })
            .withParent("hcp_id", "hcp"),
        entity("alignment", MasterData, ConflictPolicy::AskUser, BucketRule::Alignment,
            {
                ref("territory_id", "territory").required(),
                ref("hcp_id", "hcp").required(),
                date("valid_from").required(),
                date("valid_to"),
                integer("target_calls_per_cycle", 0, 1000).required().byDefault(0),
            }),
        entity("product", Admin, ConflictPolicy::AskUser, BucketRule::Global,
            {
                text("name").required(),
                text("therapeutic_area", 100),
                boolean("active", true),
            }),
        entity("key_message", Admin, ConflictPolicy::AskUser, BucketRule::Global,
            {
                ref("product_id", "product").required(),
                text("text", 1000).required(),
                boolean("active", true),
            }),
        // Approved content (issue 21; docs/content.md): a file per version of a material, for one product,
        // managed by admins. A new version is a new record naming the one it `supersedes`. Reps present
        // only `approved` ones within valid_from..valid_to (common/protocol/content.h), offline too.
        entity("material", Admin, ConflictPolicy::AskUser, BucketRule::Global,
            {
                text("title").required(),
                ref("product_id", "product").required(),
                enumOf("kind", {"pdf", "image"}).required().byDefault(QStringLiteral("pdf")),
                text("language", 16).required().byDefault(QStringLiteral("zh_CN")),
                // Not "version": every record already has that column and wire field (its sync counter).
                integer("material_version", 1, 10000).required().byDefault(1),
                ref("supersedes", "material"),
                text("approval_code", 64),
                enumOf("status", {"draft", "approved", "withdrawn", "expired"})
                    .required()
                    .byDefault(QStringLiteral("draft")),
                date("valid_from"),
                date("valid_to"),
                // "sha256:<hex>:<name>" of the file and of a thumbnail (common/protocol/files.h).
                text("file", 300).required().holdsFileReference(),
                integer("file_size", 0, 4LL * 1024 * 1024 * 1024),
                text("thumbnail", 300).holdsFileReference(),
                integer("page_count", 0, 10000),
                text("description", 2000),
            }),
        // The key messages a material carries: on one page, or on the whole material (page null).
        entity("material_key_message", Admin, ConflictPolicy::AskUser, BucketRule::Parent,
            {
                ref("material_id", "material").required(),
                ref("key_message_id", "key_message").required(),
                integer("page", 1, 10000),
            })
            .withParent("material_id", "material"),
        // One page of a material on screen (issue 21): in a call (visit_id, hcp_id) or a preview outside
        // one. It counts as viewed at >= 2 s or with a reaction (common/protocol/content.h). Without the
        // HCP's activity_tracking consent it is stored anonymous: no hcp_id and no visit_id
        // (consent::trackingAllowed). Written once by the rep who presented it.
        entity("content_view", RoleRep, ConflictPolicy::OwnerWins, BucketRule::Territory,
            {
                ref("territory_id", "territory").required(),
                ref("rep_id", "user").required(),
                ref("material_id", "material").required(),
                integer("material_version", 1, 10000).required(),
                integer("page", 1, 10000).required(),
                dateTime("started_at").required(),
                integer("duration_ms", 0, 24LL * 3600 * 1000).required(),
                enumOf("reaction", {"positive", "neutral", "negative"}).about(Personal::Profile),
                enumOf("mode", {"in_call", "preview"}).required().byDefault(QStringLiteral("in_call")),
                ref("visit_id", "visit"),
                ref("hcp_id", "hcp"),
            })
            .ownedBy("rep_id")
            .repWritesOwnOnly()
            .repCreatesOnly(),
        entity("visit_plan", RoleRep | RoleManager, ConflictPolicy::AskUser, BucketRule::Territory,
            {
                ref("territory_id", "territory").required(),
                ref("hcp_id", "hcp").required(),
                dateTime("planned_at").required(),
                enumOf("channel", kChannels).required().byDefault(QStringLiteral("face_to_face")),
                text("purpose", 1000).about(Personal::Note),
                enumOf("status", {"planned", "done", "cancelled"})
                    .required()
                    .byDefault(QStringLiteral("planned")),
                ref("visit_id", "visit"),
            }),
        // A rep records only their own visits; once submitted, a visit and its details are read-only
        // for everyone. A visit is also in its HCP's buckets, so the HCP's history travels with it.
        entity("visit", RoleRep, ConflictPolicy::OwnerWins, BucketRule::Territory,
            {
                ref("territory_id", "territory").required(),
                ref("hcp_id", "hcp").required(),
                ref("institution_id", "institution"),
                ref("rep_id", "user").required(),
                enumOf("channel", kChannels).required().byDefault(QStringLiteral("face_to_face")),
                dateTime("visited_at").required(),
                integer("duration_min", 0, 24 * 60),
                enumOf("status", {"draft", "submitted"}).required().byDefault(QStringLiteral("draft")),
                longText("notes").about(Personal::Note),
                longText("feedback").about(Personal::Note),
                integer("support_level", 1, 5),
                text("follow_up", 2000).about(Personal::Note),
                date("follow_up_due"),
            })
            .ownedBy("rep_id")
            .repWritesOwnOnly()
            .readOnlyWhen("status", "submitted")
            .alsoInBucketsOfHcp("hcp_id"),
        entity("visit_detail", RoleRep, ConflictPolicy::OwnerWins, BucketRule::Parent,
            {
                ref("visit_id", "visit").required(),
                ref("product_id", "product").required(),
                ref("key_message_id", "key_message"),
                integer("position", 1, 100).required().byDefault(1),
                enumOf("reaction", {"positive", "neutral", "negative"}),
            })
            .withParent("visit_id", "visit")
            .ownedBy("rep_id")
            .repWritesOwnOnly()
            .readOnlyWithParent(),
        // Who moves a meeting between statuses is the workflow's (server/meetingrules.cpp). The plan is
        // the owner rep's; a manager only decides (status, decision_note), so that the one who decides
        // never also wrote what is decided on (docs/meetings.md, Decisions), and never starts a meeting
        // (it could never be submitted).
        entity("meeting", RoleRep | RoleManager, ConflictPolicy::AskUser, BucketRule::Territory,
            {
                ref("territory_id", "territory").required().writtenBy(RoleRep),
                text("title").required().writtenBy(RoleRep),
                enumOf("kind", {"academic", "department", "webinar", "dinner", "other"})
                    .required()
                    .byDefault(QStringLiteral("academic"))
                    .writtenBy(RoleRep),
                enumOf("mode", {"online", "offline"})
                    .required()
                    .byDefault(QStringLiteral("offline"))
                    .writtenBy(RoleRep),
                enumOf(
                    "status", {"draft", "submitted", "approved", "rejected", "held", "closed", "cancelled"})
                    .required()
                    .byDefault(QStringLiteral("draft")),
                dateTime("starts_at").required().writtenBy(RoleRep),
                dateTime("ends_at").writtenBy(RoleRep),
                text("venue", 500).writtenBy(RoleRep),
                ref("owner_id", "user").required().writtenBy(RoleRep),
                money("budget_minor").required().byDefault(0).writtenBy(RoleRep),
                currency("currency").writtenBy(RoleRep),
                // Addition (docs/sync-protocol.md): the manager's reason for a decision.
                text("decision_note", 2000).writtenBy(RoleManager),
                // Addition: why the server sent an approved meeting back to `submitted` (a material
                // change); cleared by the next status change.
                enumOf("resubmit_reason", {"speaker_added", "fee_raised", "date_moved"}).setByServer(),
            })
            .ownedBy("owner_id")
            .createdOnlyBy(RoleRep)
            .repWritesOwnOnly()
            .withWorkflow(Workflow::MeetingWorkflow),
        // The attendees and expenses are the owner's plan and record: managers decide on them through
        // the meeting's status and do not write them.
        entity("meeting_attendee", RoleRep, ConflictPolicy::OwnerWins, BucketRule::Parent,
            {
                ref("meeting_id", "meeting").required(),
                // Required when kind is hcp (checked by the meeting rules, both sides).
                ref("hcp_id", "hcp"),
                enumOf("role", {"attendee", "speaker", "chair"})
                    .required()
                    .byDefault(QStringLiteral("attendee")),
                boolean("signed_in", false),
                money("fee_minor").required().byDefault(0),
                // Additions (docs/sync-protocol.md): walk-ins and company staff.
                enumOf("kind", {"hcp", "walk_in", "staff"}).required().byDefault(QStringLiteral("hcp")),
                text("name", 200).about(Personal::Name),
            })
            .withParent("meeting_id", "meeting")
            .ownedBy("owner_id")
            .repWritesOwnOnly()
            .withWorkflow(Workflow::MeetingWorkflow),
        entity("meeting_expense", RoleRep, ConflictPolicy::OwnerWins, BucketRule::Parent,
            {
                ref("meeting_id", "meeting").required(),
                enumOf("category", {"venue", "catering", "travel", "speaker_fee", "material", "other"})
                    .required(),
                money("amount_minor").required(),
                currency("currency"),
                text("description", 1000),
                // "sha256:<hex>:<name>" of the receipt the client uploads (common/protocol/files.h).
                text("evidence", 300).holdsFileReference(),
                enumOf("status", {"estimated", "committed", "actual"})
                    .required()
                    .byDefault(QStringLiteral("estimated")),
            })
            .withParent("meeting_id", "meeting")
            .ownedBy("owner_id")
            .repWritesOwnOnly()
            .withWorkflow(Workflow::MeetingWorkflow),
        // A rep files open requests; deciding them (and changing existing ones) is SFE's. They also wait
        // in the `review` bucket, SFE's queue.
        entity("change_request", RoleRep | MasterData, ConflictPolicy::AskUser, BucketRule::Territory,
            {
                ref("territory_id", "territory").required(),
                enumOf("entity", {"hcp", "institution", "department"}).required(),
                ref("record_id", "").required().targetNamedBy("entity"),
                make("fields", FieldType::JsonObject).required().about(Personal::Proposal),
                text("reason", 2000).about(Personal::Note),
                enumOf("status", {"open", "approved", "rejected"})
                    .required()
                    .byDefault(QStringLiteral("open")),
                ref("decided_by", "user").setByServer(),
                text("decision_note", 2000).about(Personal::Note),
            })
            .repCreatesOnly()
            .repWritesOnlyWhen("status", "open")
            .alsoInReview()
            .withWorkflow(Workflow::ChangeRequestDecision),
        serverOnly(entity("user", NoRole, ConflictPolicy::AskUser, BucketRule::Global,
            {
                text("username", 64).required().about(Personal::Name),
                text("display_name").required().about(Personal::Name),
                enumOf("role", {"rep", "manager", "sfe", "admin"}).required(),
                ref("home_territory_id", "territory"),
                boolean("active", true),
            })),
        entity("setting", Admin, ConflictPolicy::AskUser, BucketRule::Global,
            {
                text("key", 200).required(),
                make("value", FieldType::Json).required(),
            }),
        serverOnly(entity("sales_fact", NoRole, ConflictPolicy::AskUser, BucketRule::Territory,
                       {
                           ref("territory_id", "territory").required(),
                           ref("institution_id", "institution").required(),
                           ref("product_id", "product").required(),
                           make("month", FieldType::Month).required(),
                           integer("units", -maxInt, maxInt).required(),
                           money("value_minor", -10'000'000'000'000).required(),
                           currency("currency"),
                           enumOf("source", {"internal", "external"}).required(),
                       }))
            .pulledBy(RoleManager | RoleSfe | RoleAdmin),
        // What a rep holds of sales instead (the China rule): the server's sum of the sales_fact rows of
        // one territory, product, month, source and currency, kept by the server on every change of
        // them (server/salestotals.h). `facts` counts the rows; `matched_minor` is the internal value of
        // the institution × product × month groups that also have an external figure, the numerator of
        // market share, so the rep's dashboard shows the same share without any per-institution row.
        serverOnly(entity("sales_total", NoRole, ConflictPolicy::AskUser, BucketRule::Territory,
                       {
                           ref("territory_id", "territory").required(),
                           ref("product_id", "product").required(),
                           make("month", FieldType::Month).required(),
                           enumOf("source", {"internal", "external"}).required(),
                           currency("currency"),
                           integer("units", -maxInt, maxInt).required(),
                           money("value_minor", -10'000'000'000'000).required(),
                           integer("facts", 0, maxInt).required(),
                           money("matched_minor", -10'000'000'000'000).required(),
                       }))
            .pulledBy(RoleRep),
    };
}

} // namespace rounds::protocol
