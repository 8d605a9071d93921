#include "common/protocol/codec.h"
#include "common/protocol/privacy.h"
#include "common/protocol/schema.h"
#include "common/protocol/values.h"
#include "support/samples.h"

#include <QJsonDocument>
#include <QtTest>

using namespace rounds::protocol;

class TestSchema : public QObject
{
    Q_OBJECT
private slots:
    void everyEntityOfTheProtocolIsDeclared();
    void referencesPointAtDeclaredEntities();
    void whoWritesWhat_data();
    void whoWritesWhat();
    void fieldWriters_data();
    void fieldWriters();
    void ruleDeclarationsAreConsistent();
    void roundTrip_data();
    void roundTrip();
    void unknownFieldsAreKept();
    void dateTimesComeBackInUtc();
    void invalidValues_data();
    void invalidValues();
    void createNeedsRequiredFieldsAndFillsDefaults();
    void changesRejectUnknownAndServerFields();
    void lenientDecodeKeepsWhatANewerServerSends();
    void baseFieldsAreChecked();
    void personalFieldsComeFromTheSchemaMarks();
};

void TestSchema::everyEntityOfTheProtocolIsDeclared()
{
    const QStringList expected {QStringLiteral("territory"), QStringLiteral("institution"),
        QStringLiteral("department"), QStringLiteral("hcp"), QStringLiteral("hcp_tag"),
        QStringLiteral("consent"), QStringLiteral("alignment"), QStringLiteral("product"),
        QStringLiteral("key_message"), QStringLiteral("material"), QStringLiteral("material_key_message"),
        QStringLiteral("content_view"), QStringLiteral("visit_plan"), QStringLiteral("visit"),
        QStringLiteral("visit_detail"), QStringLiteral("meeting"), QStringLiteral("meeting_attendee"),
        QStringLiteral("meeting_expense"), QStringLiteral("change_request"), QStringLiteral("user"),
        QStringLiteral("setting"), QStringLiteral("sales_fact"), QStringLiteral("sales_total")};
    QStringList actual = Schema::instance().entityNames();
    QCOMPARE(actual, expected);
    // Spot checks against PROTOCOL.md's table.
    const Entity *visit = Schema::instance().entity(u"visit");
    QVERIFY(visit);
    QCOMPARE(visit->policy, ConflictPolicy::OwnerWins);
    QVERIFY(visit->writableBy(RoleRep));
    QVERIFY(!visit->writableBy(RoleSfe));
    QCOMPARE(visit->field(u"support_level")->max, 5);
    QCOMPARE(visit->field(u"channel")->enumValues.size(), 5);
    QCOMPARE(Schema::instance().entity(u"hcp")->policy, ConflictPolicy::ServerReviews);
    QCOMPARE(Schema::instance().entity(u"visit_plan")->policy, ConflictPolicy::AskUser);
    QVERIFY(Schema::instance().entity(u"user")->serverOnly);
    QVERIFY(Schema::instance().entity(u"sales_fact")->serverOnly);
    QVERIFY(Schema::instance().entity(u"sales_total")->serverOnly);
    // The China rule: per-institution sales never reach a rep, who holds the territory totals instead.
    QCOMPARE(Schema::instance().withheldFrom(RoleRep), QStringList {QStringLiteral("sales_fact")});
    for (const Role role : {RoleManager, RoleSfe, RoleAdmin})
        QCOMPARE(Schema::instance().withheldFrom(role), QStringList {QStringLiteral("sales_total")});
    QVERIFY(!Schema::instance().entity(u"sales_total")->hasField(u"institution_id"));
    QCOMPARE(Schema::instance().entity(u"meeting_expense")->parentEntity, QStringLiteral("meeting"));
    QVERIFY(!Schema::instance().entity(u"nonsense"));
}

void TestSchema::referencesPointAtDeclaredEntities()
{
    for (const Entity &e : Schema::instance().entities()) {
        for (const Field &f : e.fields) {
            if (f.type == FieldType::Ref && !f.refEntity.isEmpty())
                QVERIFY2(Schema::instance().entity(f.refEntity), qPrintable(e.name + u'.' + f.name));
            if (f.type == FieldType::Enum)
                QVERIFY2(!f.enumValues.isEmpty(), qPrintable(e.name + u'.' + f.name));
            if (!f.defaultValue.isUndefined())
                QVERIFY2(!validateValue(f, f.defaultValue), qPrintable(e.name + u'.' + f.name));
        }
        if (!e.parentField.isEmpty())
            QVERIFY2(e.field(e.parentField), qPrintable(e.name));
    }
}

// The authorization the server reads from the schema, entity by entity: a schema edit that opens a
// write (a new writer role, a dropped owner or parent rule, a rep limit gone) fails here.
void TestSchema::whoWritesWhat_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<int>("writers");
    QTest::addColumn<QString>("owner"); // owner field, "parent." when it is on the parent record
    QTest::addColumn<QString>("parent"); // parent entity.field
    QTest::addColumn<QString>("rep"); // what a rep may write beyond role and scope
    QTest::addColumn<QString>("readOnly");
    QTest::addColumn<int>("workflow");

    constexpr int master = RoleSfe | RoleAdmin;
    auto row = [](const char *entity, int writers, const char *owner, const char *parent, const char *rep,
                   const char *readOnly, Workflow workflow) {
        QTest::newRow(entity) << QString::fromLatin1(entity) << writers << QString::fromLatin1(owner)
                              << QString::fromLatin1(parent) << QString::fromLatin1(rep)
                              << QString::fromLatin1(readOnly) << int(workflow);
    };
    row("territory", master, "", "", "", "", Workflow::TerritoryTree);
    row("institution", master, "", "", "", "", Workflow::None);
    row("department", master, "", "", "", "", Workflow::None);
    row("hcp", master, "", "", "", "", Workflow::HcpMerge);
    row("hcp_tag", RoleRep | master, "", "hcp.hcp_id", "", "", Workflow::None);
    // Addition (docs/privacy.md): consent hangs off its HCP like a tag.
    row("consent", RoleRep | master, "", "hcp.hcp_id", "", "", Workflow::None);
    row("alignment", master, "", "", "", "", Workflow::None);
    row("product", RoleAdmin, "", "", "", "", Workflow::None);
    row("key_message", RoleAdmin, "", "", "", "", Workflow::None);
    row("visit_plan", RoleRep | RoleManager, "", "", "", "", Workflow::None);
    row("visit", RoleRep, "rep_id", "", "own", "status=submitted", Workflow::None);
    row("visit_detail", RoleRep, "parent.rep_id", "visit.visit_id", "own", "parent", Workflow::None);
    row("meeting", RoleRep | RoleManager, "owner_id", "", "own", "", Workflow::MeetingWorkflow);
    // Managers decide a meeting (status, decision_note: fieldWriters) and write none of its children.
    row("meeting_attendee", RoleRep, "parent.owner_id", "meeting.meeting_id", "own", "",
        Workflow::MeetingWorkflow);
    row("meeting_expense", RoleRep, "parent.owner_id", "meeting.meeting_id", "own", "",
        Workflow::MeetingWorkflow);
    row("change_request", RoleRep | master, "", "", "new,status=open", "", Workflow::ChangeRequestDecision);
    row("user", NoRole, "", "", "", "", Workflow::None);
    row("setting", RoleAdmin, "", "", "", "", Workflow::None);
    row("sales_fact", NoRole, "", "", "", "", Workflow::None);
    row("sales_total", NoRole, "", "", "", "", Workflow::None);
}

void TestSchema::whoWritesWhat()
{
    QFETCH(QString, entity);
    QFETCH(int, writers);
    QFETCH(QString, owner);
    QFETCH(QString, parent);
    QFETCH(QString, rep);
    QFETCH(QString, readOnly);
    QFETCH(int, workflow);
    const Entity *e = Schema::instance().entity(entity);
    QVERIFY(e);
    QCOMPARE(int(e->writers), writers);
    QCOMPARE(e->ownerOnParent() ? QStringLiteral("parent.") + e->ownerField : e->ownerField, owner);
    QCOMPARE(e->parentEntity.isEmpty() ? QString() : e->parentEntity + u'.' + e->parentField, parent);
    QStringList limits;
    if (e->rep.ownOnly)
        limits << QStringLiteral("own");
    if (e->rep.createOnly)
        limits << QStringLiteral("new");
    if (!e->rep.statusField.isEmpty())
        limits << e->rep.statusField + u'=' + e->rep.statusValue;
    QCOMPARE(limits.join(u','), rep);
    QCOMPARE(e->readOnly.withParent       ? QStringLiteral("parent")
            : e->readOnly.field.isEmpty() ? QString()
                                          : e->readOnly.field + u'=' + e->readOnly.value,
        readOnly);
    QCOMPARE(int(e->workflow), workflow);
    // The roles no rule names never write it.
    for (const Role role : {RoleRep, RoleManager, RoleSfe, RoleAdmin})
        QCOMPARE(e->writableBy(role), (writers & role) != 0);
}

// What the server assumes when it reads the declarations.
void TestSchema::ruleDeclarationsAreConsistent()
{
    const Schema &schema = Schema::instance();
    for (const Entity &e : schema.entities()) {
        const char *name = qPrintable(e.name);
        if (!e.parentEntity.isEmpty()) {
            QVERIFY2(schema.entity(e.parentEntity), name);
            QCOMPARE(e.field(e.parentField)->refEntity, e.parentEntity);
        }
        // An owner on the parent is read from the parent the scope check loads (BucketRule::Parent).
        if (e.ownerOnParent()) {
            QVERIFY2(e.buckets == BucketRule::Parent, name);
            QVERIFY2(schema.entity(e.parentEntity)->hasField(e.ownerField), name);
        }
        if (e.rep.ownOnly)
            QVERIFY2(!e.ownerField.isEmpty() && e.writableBy(RoleRep), name);
        if (!e.rep.statusField.isEmpty())
            QVERIFY2(e.field(e.rep.statusField)->enumValues.contains(e.rep.statusValue), name);
        if (!e.readOnly.field.isEmpty())
            QVERIFY2(e.field(e.readOnly.field)->enumValues.contains(e.readOnly.value), name);
        if (e.readOnly.withParent)
            QVERIFY2(!schema.entity(e.parentEntity)->readOnly.field.isEmpty(), name);
        if (!e.hcpField.isEmpty())
            QCOMPARE(e.field(e.hcpField)->refEntity, QStringLiteral("hcp"));
        // Master data that follows the HCPs naming it is found through a reference of the HCP.
        if (e.buckets == BucketRule::FollowsHcp && e.parentEntity.isEmpty())
            QVERIFY2(!schema.entity(u"hcp")->refTo(e.name).isEmpty(), name);
        if (e.buckets == BucketRule::Territory || e.buckets == BucketRule::Alignment)
            QVERIFY2(e.field(u"territory_id"), name);
    }
    QCOMPARE(schema.entity(u"alignment")->refTo(u"hcp"), QStringLiteral("hcp_id"));
    QStringList children;
    for (const Entity *c : schema.childrenOf(u"meeting"))
        children << c->name;
    QCOMPARE(children, (QStringList {QStringLiteral("meeting_attendee"), QStringLiteral("meeting_expense")}));
    QCOMPARE(schema.childrenOf(u"visit").size(), 1);
    QVERIFY(schema.childrenOf(u"hcp").isEmpty()); // tags follow the HCP, not as children (BucketRule)
}

void TestSchema::roundTrip_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<int>("variant");
    for (const Entity &e : Schema::instance().entities()) {
        QTest::newRow(qPrintable(e.name + QStringLiteral("/chinese"))) << e.name << 0;
        QTest::newRow(qPrintable(e.name + QStringLiteral("/quotes"))) << e.name << 1;
    }
}

void TestSchema::roundTrip()
{
    QFETCH(QString, entity);
    QFETCH(int, variant);
    const Entity *e = Schema::instance().entity(entity);
    const QJsonObject sent = rounds::test::sampleRecord(*e, variant);

    // Through the wire as bytes, as a pull page carries it.
    const QByteArray wire = QJsonDocument(sent).toJson(QJsonDocument::Compact);
    Record decoded;
    const auto err = decodeRecord(*e, QJsonDocument::fromJson(wire).object(), &decoded);
    QVERIFY2(!err, err ? qPrintable(err->message) : "");
    QCOMPARE(decoded.id, sent.value(u"id").toString());
    QCOMPARE(decoded.version, sent.value(u"version").toInteger());
    QCOMPARE(decoded.fields.size(), e->fields.size());
    QVERIFY(decoded.extra.isEmpty());

    const QJsonObject back = encodeRecord(decoded);
    for (const Field &f : e->fields) {
        QJsonValue expected;
        QVERIFY(!validateValue(f, sent.value(f.name), &expected));
        QCOMPARE(back.value(f.name), expected);
        if (f.type == FieldType::Text)
            QCOMPARE(back.value(f.name).toString(), sent.value(f.name).toString()); // byte for byte
    }
    // A second trip changes nothing: the normalised form is a fixed point.
    Record again;
    QVERIFY(!decodeRecord(*e, back, &again));
    QCOMPARE(encodeRecord(again), back);
}

void TestSchema::unknownFieldsAreKept()
{
    const Entity *hcp = Schema::instance().entity(u"hcp");
    QJsonObject sent = rounds::test::sampleRecord(*hcp);
    sent.insert(QStringLiteral("wechat_id"), QStringLiteral("zhangwei_md"));
    sent.insert(QStringLiteral("future_scores"), QJsonObject {{QStringLiteral("kol"), 0.8}});
    Record r;
    QVERIFY(!decodeRecord(*hcp, sent, &r));
    QCOMPARE(r.extra.size(), 2);
    QCOMPARE(r.extra.value(u"wechat_id").toString(), QStringLiteral("zhangwei_md"));
    const QJsonObject back = encodeRecord(r);
    QCOMPARE(back.value(u"wechat_id"), sent.value(u"wechat_id"));
    QCOMPARE(back.value(u"future_scores"), sent.value(u"future_scores"));
}

void TestSchema::dateTimesComeBackInUtc()
{
    QCOMPARE(normalizeDateTime(QStringLiteral("2026-11-22T08:00:00+08:00")),
        QStringLiteral("2026-11-22T00:00:00.000Z"));
    QCOMPARE(normalizeDateTime(QStringLiteral("2026-11-22T00:00:00Z")),
        QStringLiteral("2026-11-22T00:00:00.000Z"));
    QCOMPARE(normalizeDateTime(QStringLiteral("2026-11-22T00:00:00.123456Z")),
        QStringLiteral("2026-11-22T00:00:00.123Z"));
    QCOMPARE(normalizeDateTime(QStringLiteral("2026-11-22T00:00-0530")),
        QStringLiteral("2026-11-22T05:30:00.000Z"));
    QVERIFY(normalizeDateTime(QStringLiteral("2026-11-22T00:00:00")).isEmpty()); // no offset
    QVERIFY(normalizeDateTime(QStringLiteral("2026-13-22T00:00:00Z")).isEmpty());
    QVERIFY(normalizeDateTime(QStringLiteral("yesterday")).isEmpty());
}

void TestSchema::invalidValues_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("message");

    auto row = [](const char *name, const char *entity, const char *field, const QJsonValue &value,
                   const char *message) {
        QTest::newRow(name) << QString::fromLatin1(entity) << QString::fromLatin1(field) << value
                            << QString::fromUtf8(message);
    };
    row("text: number", "hcp", "full_name", 42, "field 'full_name' must be a string");
    row("text: too long", "hcp", "phone", QString(65, QLatin1Char('1')),
        "field 'phone' is longer than 64 characters");
    row("text: blank required", "hcp", "full_name", QStringLiteral("   "),
        "field 'full_name' may not be empty");
    row("text: null required", "hcp", "full_name", QJsonValue(QJsonValue::Null),
        "field 'full_name' may not be null");
    row("int: fraction", "visit", "duration_min", 1.5, "field 'duration_min' must be an integer");
    row("int: string", "visit", "duration_min", QStringLiteral("30"),
        "field 'duration_min' must be an integer");
    row("int: above range", "visit", "support_level", 6, "field 'support_level' must be between 1 and 5");
    row("int: below range", "visit", "support_level", 0, "field 'support_level' must be between 1 and 5");
    row("bool: number", "product", "active", 1, "field 'active' must be true or false");
    row("date: slashes", "alignment", "valid_from", QStringLiteral("2026/11/22"),
        "field 'valid_from' is not a date (YYYY-MM-DD)");
    row("date: 30 February", "alignment", "valid_from", QStringLiteral("2026-02-30"),
        "field 'valid_from' is not a date (YYYY-MM-DD)");
    row("datetime: no offset", "visit", "visited_at", QStringLiteral("2026-11-22T10:00:00"),
        "field 'visited_at' is not an ISO 8601 date-time with an offset or Z");
    row("datetime: number", "visit", "visited_at", 1700000000,
        "field 'visited_at' is not an ISO 8601 date-time with an offset or Z");
    row("month: 13", "sales_fact", "month", QStringLiteral("2026-13"),
        "field 'month' is not a month (YYYY-MM)");
    row("money: negative", "meeting", "budget_minor", -1,
        "field 'budget_minor' must be between 0 and 10000000000000");
    row("money: decimal", "meeting_expense", "amount_minor", 12.5, "field 'amount_minor' must be an integer");
    row("currency: lower case", "meeting", "currency", QStringLiteral("cny"),
        "field 'currency' is not a currency code (three capital letters, e.g. CNY)");
    row("enum: unknown", "hcp", "tier", QStringLiteral("E"), "field 'tier' must be one of: A, B, C, D");
    row("enum: wrong case", "visit", "status", QStringLiteral("Submitted"),
        "field 'status' must be one of: draft, submitted");
    row("ref: upper case", "visit", "hcp_id", QStringLiteral("6F9619FF-8B86-D011-B42D-00C04FC964FF"),
        "field 'hcp_id' is not a lower-case UUID");
    row("ref: not a uuid", "visit", "hcp_id", QStringLiteral("1; DROP TABLE visit"),
        "field 'hcp_id' is not a lower-case UUID");
    row("json object: array", "change_request", "fields", QJsonArray {1},
        "field 'fields' must be a JSON object");
    row("json: null required", "setting", "value", QJsonValue(QJsonValue::Null),
        "field 'value' may not be null");
}

void TestSchema::invalidValues()
{
    QFETCH(QString, entity);
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, message);
    const Entity *e = Schema::instance().entity(entity);
    QVERIFY(e);
    const Field *f = e->field(field);
    QVERIFY(f);
    const auto err = validateValue(*f, value);
    QVERIFY(err);
    QCOMPARE(err->field, field);
    QCOMPARE(err->message, message);

    // The same value inside a push `set` and inside a pulled record is refused with the same words.
    const auto viaSet = validateChanges(*e, QJsonObject {{field, value}}, false, nullptr);
    QVERIFY(viaSet);
    QCOMPARE(viaSet->message, message);
    QJsonObject record = rounds::test::sampleRecord(*e);
    record.insert(field, value);
    const auto viaRecord = decodeRecord(*e, record, nullptr);
    QVERIFY(viaRecord);
    QCOMPARE(viaRecord->field, field);
}

void TestSchema::createNeedsRequiredFieldsAndFillsDefaults()
{
    const Entity *visit = Schema::instance().entity(u"visit");
    QJsonObject set {{QStringLiteral("territory_id"), newUuid()}, {QStringLiteral("hcp_id"), newUuid()},
        {QStringLiteral("rep_id"), newUuid()}};
    auto err = validateChanges(*visit, set, true, nullptr);
    QVERIFY(err);
    QCOMPARE(err->field, QStringLiteral("visited_at"));
    QCOMPARE(err->message, QStringLiteral("field 'visited_at' is required"));

    set.insert(QStringLiteral("visited_at"), QStringLiteral("2026-11-22T09:30:00+08:00"));
    QJsonObject normalized;
    err = validateChanges(*visit, set, true, &normalized);
    QVERIFY2(!err, err ? qPrintable(err->message) : "");
    QCOMPARE(normalized.value(u"status").toString(), QStringLiteral("draft"));
    QCOMPARE(normalized.value(u"channel").toString(), QStringLiteral("face_to_face"));
    QCOMPARE(normalized.value(u"visited_at").toString(), QStringLiteral("2026-11-22T01:30:00.000Z"));
    QVERIFY(!normalized.contains(u"notes")); // nullable without default: left out

    // An edit (not a create) needs nothing more than what it changes.
    QVERIFY(!validateChanges(
        *visit, QJsonObject {{QStringLiteral("notes"), QStringLiteral("改期到周五")}}, false, nullptr));
}

void TestSchema::changesRejectUnknownAndServerFields()
{
    const Entity *visit = Schema::instance().entity(u"visit");
    auto err = validateChanges(
        *visit, QJsonObject {{QStringLiteral("mood"), QStringLiteral("good")}}, false, nullptr);
    QVERIFY(err);
    QCOMPARE(err->field, QStringLiteral("mood"));
    QCOMPARE(err->message, QStringLiteral("entity 'visit' has no field 'mood'"));

    err = validateChanges(*visit, QJsonObject {{QStringLiteral("version"), 9}}, false, nullptr);
    QVERIFY(err);
    QCOMPARE(err->field, QStringLiteral("version"));

    const Entity *cr = Schema::instance().entity(u"change_request");
    err = validateChanges(*cr, QJsonObject {{QStringLiteral("decided_by"), newUuid()}}, false, nullptr);
    QVERIFY(err);
    QCOMPARE(err->field, QStringLiteral("decided_by"));
}

void TestSchema::lenientDecodeKeepsWhatANewerServerSends()
{
    // A newer server may add a tier "E"; the client keeps it rather than dropping the record.
    const Entity *hcp = Schema::instance().entity(u"hcp");
    QJsonObject sent = rounds::test::sampleRecord(*hcp);
    sent.insert(QStringLiteral("tier"), QStringLiteral("E"));
    QVERIFY(decodeRecord(*hcp, sent, nullptr, DecodeMode::Strict));
    Record r;
    QVERIFY(!decodeRecord(*hcp, sent, &r, DecodeMode::Lenient));
    QCOMPARE(r.fields.value(u"tier").toString(), QStringLiteral("E"));
}

void TestSchema::baseFieldsAreChecked()
{
    const Entity *hcp = Schema::instance().entity(u"hcp");
    QJsonObject sent = rounds::test::sampleRecord(*hcp);
    sent.insert(QStringLiteral("id"), QStringLiteral("not-a-uuid"));
    auto err = decodeRecord(*hcp, sent, nullptr, DecodeMode::Lenient);
    QVERIFY(err);
    QCOMPARE(err->field, QStringLiteral("id"));

    sent = rounds::test::sampleRecord(*hcp);
    sent.insert(QStringLiteral("version"), 0);
    err = decodeRecord(*hcp, sent, nullptr);
    QVERIFY(err);
    QCOMPARE(err->field, QStringLiteral("version"));

    sent = rounds::test::sampleRecord(*hcp);
    sent.insert(QStringLiteral("updated_at"), QStringLiteral("last tuesday"));
    err = decodeRecord(*hcp, sent, nullptr);
    QVERIFY(err);
    QCOMPARE(err->field, QStringLiteral("updated_at"));
}

void TestSchema::fieldWriters_data()
{
    // Issue 18 points 8 and 9: on a meeting a manager writes status and decision_note only; a rep
    // everything but decision_note (and the server's resubmit_reason); other roles nothing.
    QTest::addColumn<QString>("role");
    QTest::addColumn<QStringList>("writable");
    QStringList plan;
    for (const char *f : {"territory_id", "title", "kind", "mode", "status", "starts_at", "ends_at", "venue",
             "owner_id", "budget_minor", "currency"})
        plan << QString::fromLatin1(f);
    QTest::newRow("rep") << "rep" << plan;
    QTest::newRow("manager") << "manager" << QStringList {"status", "decision_note"};
    QTest::newRow("sfe") << "sfe" << QStringList();
    QTest::newRow("admin") << "admin" << QStringList();
}

void TestSchema::fieldWriters()
{
    QFETCH(QString, role);
    QFETCH(QStringList, writable);
    const Entity *meeting = Schema::instance().entity(u"meeting");
    QStringList got;
    for (const Field &f : meeting->fields) {
        if (meeting->fieldWritableBy(f.name, roleFromString(role)))
            got << f.name;
    }
    QCOMPARE(got, writable);
    // A change is checked field by field against what is stored: a value sent again is no write, a
    // null and an absent value are the same, a new value of a field the role may not write is named.
    const QJsonObject stored {{"title", "a"}, {"status", "submitted"}};
    const Role r = roleFromString(role);
    QCOMPARE(meeting->fieldNotWritableBy(r, stored, stored), QString());
    QJsonObject nulled = stored;
    nulled.insert("decision_note", QJsonValue());
    QCOMPARE(meeting->fieldNotWritableBy(r, stored, nulled), QString());
    QJsonObject noted = stored;
    noted.insert("decision_note", "x");
    QCOMPARE(meeting->fieldNotWritableBy(r, stored, noted),
        writable.contains("decision_note") ? QString() : QStringLiteral("decision_note"));
    QJsonObject renamed = stored;
    renamed.insert("title", "b");
    QCOMPARE(meeting->fieldNotWritableBy(r, stored, renamed),
        writable.contains("title") ? QString() : QStringLiteral("title"));
    // The server's own field is never the client's to write, nor checked here (validation refuses it).
    QVERIFY(!meeting->fieldWritableBy(u"resubmit_reason", r));
}

// The schema is the one place that marks a field as personal (Field::personal); the lists derived from it
// are exactly the ones written out by hand before the marks existed: what `rounds-server export
// --no-personal` leaves out, the contact fields a company may keep off laptops, and what an erasure clears.
void TestSchema::personalFieldsComeFromTheSchemaMarks()
{
    using namespace rounds::protocol::privacy;
    const WithheldFields expected {
        {"hcp", {"email", "full_name", "phone"}},
        {"hcp_tag", {"source", "tag"}},
        {"visit", {"feedback", "follow_up", "notes"}},
        {"visit_plan", {"purpose"}},
        {"meeting_attendee", {"name"}},
        {"change_request", {"decision_note", "fields", "reason"}},
        {"user", {"display_name", "username"}},
    };
    QCOMPARE(personalFields(), expected);
    QCOMPARE(contactFields(), QStringList({"email", "phone"}));

    QCOMPARE(erasure::hcpNameFields(), QStringList {"full_name"});
    QStringList cleared = erasure::hcpClearedFields();
    cleared.sort();
    QCOMPARE(cleared, QStringList({"email", "gender", "phone", "title"}));
    QMap<QString, QPair<QStringList, bool>> rules;
    for (const erasure::Rule &r : erasure::rules()) {
        QStringList fields = r.cleared;
        fields.sort();
        rules.insert(r.entity, {fields, r.removed});
    }
    const QMap<QString, QPair<QStringList, bool>> expectedRules {
        {"visit", {{"feedback", "follow_up", "notes"}, false}},
        {"visit_plan", {{"purpose"}, false}},
        {"meeting_attendee", {{"name"}, false}},
        {"hcp_tag", {{}, true}},
        // An erased HCP's page views stay as counts (material, page, dwell); their reactions go.
        {"content_view", {{"reaction"}, false}},
    };
    QCOMPARE(rules, expectedRules);
    QStringList text = erasure::changeRequestText();
    text.sort();
    QCOMPARE(text, QStringList({"decision_note", "reason"}));
}

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
