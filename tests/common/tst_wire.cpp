#include "common/protocol/wire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace rounds;
using namespace rounds::protocol;

namespace {

const QString kMid = QStringLiteral("0b5e7c1a-1111-4222-8333-444455556666");
const QString kId = QStringLiteral("7d0f2a9e-aaaa-4bbb-8ccc-ddddeeeeffff");

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// Decodes `json` as the message `kind` and encodes it again; nothing (with the decoder's error and field)
// when the decoder refuses it.
std::optional<QJsonObject> roundTrip(
    const QString &kind, const QJsonObject &json, QString *error, QString *field)
{
    auto again = [](const auto &decoded) -> std::optional<QJsonObject> {
        if (!decoded)
            return std::nullopt;
        return decoded->toJson();
    };
    if (kind == QLatin1String("change"))
        return again(PulledChange::fromJson(json, error));
    if (kind == QLatin1String("mutation"))
        return again(OutboxMutation::fromJson(json, error, field));
    if (kind == QLatin1String("pull request"))
        return again(PullRequest::fromJson(json, error, field));
    if (kind == QLatin1String("pull page"))
        return again(PullPage::fromJson(json, error));
    if (kind == QLatin1String("push request"))
        return again(PushRequest::fromJson(json, error, field));
    if (kind == QLatin1String("push result"))
        return again(PushResult::fromJson(json, error));
    if (kind == QLatin1String("push answer"))
        return again(PushAnswer::fromJson(json, error));
    qFatal("unknown kind");
}

QString withIds(const char *json)
{
    return QString::fromUtf8(json).replace(QLatin1String("MID"), kMid).replace(QLatin1String("RID"), kId);
}

} // namespace

class TestWire : public QObject
{
    Q_OBJECT
private slots:
    void roundTrips_data();
    void roundTrips();
    void refused_data();
    void refused();
    void malformedMutationIsRejectedNotDropped();
    void cursorRule_data();
    void cursorRule();
    void serverConflictEncoding();
};

void TestWire::roundTrips_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("json");
    // Every message the two ends exchange, as they send it today: decoding and encoding again gives the
    // same bytes, so the wire did not change.
    QTest::newRow("upsert change")
        << "change" << withIds(R"({"bucket":"t:1","seq":121,"entity":"visit","id":"RID","op":"upsert",
                                        "record":{"id":"RID","version":3,"notes":"x","extra":[1]}})");
    QTest::newRow("delete change")
        << "change" << withIds(R"({"bucket":"t:1","seq":122,"entity":"hcp","id":"RID","op":"delete"})");
    QTest::newRow("revoke change")
        << "change" << withIds(R"({"bucket":"global","seq":1,"entity":"hcp","id":"RID","op":"revoke"})");
    QTest::newRow("upsert mutation")
        << "mutation"
        << withIds(R"({"mutation_id":"MID","entity":"visit","id":"RID","op":"upsert","base_version":2,
               "base":{"notes":"old"},"set":{"notes":"new","status":"submitted"}})");
    QTest::newRow("create mutation")
        << "mutation" << withIds(R"({"mutation_id":"MID","entity":"hcp_tag","id":"RID","op":"upsert",
                                          "base_version":0,"base":{},"set":{"tag":"KOL"}})");
    QTest::newRow("delete mutation")
        << "mutation"
        << withIds(R"({"mutation_id":"MID","entity":"hcp_tag","id":"RID","op":"delete","base_version":1})");
    QTest::newRow("pull request") << "pull request"
                                  << QStringLiteral(R"({"cursors":{"t:1":120,"global":7},"limit":5000})");
    QTest::newRow("pull request, first") << "pull request" << QStringLiteral(R"({"cursors":{}})");
    QTest::newRow("pull page")
        << "pull page"
        << withIds(R"({"changes":[{"bucket":"t:1","seq":121,"entity":"visit","id":"RID","op":"upsert",
               "record":{"id":"RID","version":3}},{"bucket":"t:1","seq":122,"entity":"hcp","id":"RID","op":"delete"}],
               "cursors":{"t:1":122,"global":7},"revoked_buckets":["t:2"],"more":true,"remaining":40,"epoch":"e1",
               "withheld_fields":{"hcp":["email","phone"]},"reset_buckets":["t:1"]})");
    QTest::newRow("empty pull page") << "pull page"
                                     << QStringLiteral(
                                            R"({"changes":[],"cursors":{},"revoked_buckets":[],"more":false,
                                          "remaining":0,"epoch":"e1","withheld_fields":{}})");
    QTest::newRow("push request")
        << "push request"
        << withIds(
               R"({"mutations":[{"mutation_id":"MID","entity":"visit","id":"RID","op":"upsert","base_version":2,
               "base":{"notes":"a"},"set":{"notes":"b"}},
               {"mutation_id":"MID","entity":"hcp_tag","id":"RID","op":"delete","base_version":1}]})");
    QTest::newRow("applied") << "push result"
                             << withIds(R"({"mutation_id":"MID","status":"applied","version":3})");
    QTest::newRow("merged with review")
        << "push result"
        << withIds(R"({"mutation_id":"MID","status":"merged","version":5,"record":{"id":"RID","version":5},
               "conflicts":[{"field":"phone","base":null,"mine":"1","theirs":"2"}],"change_request_id":"RID"})");
    QTest::newRow("conflict") << "push result"
                              << withIds(R"({"mutation_id":"MID","status":"conflict","version":5,
                                   "conflicts":[{"field":"planned_at","base":"a","mine":"b","theirs":"c"}],
                                   "record":{"id":"RID","version":5}})");
    QTest::newRow("delete conflict")
        << "push result" << withIds(R"({"mutation_id":"MID","status":"conflict","version":4,"conflicts":[],
                                          "record":{"id":"RID","version":4},"deleted":true})");
    QTest::newRow("rejected") << "push result" << withIds(R"({"mutation_id":"MID","status":"rejected",
                                   "error":{"code":"invalid_request","message":"m","field":"notes"}})");
    QTest::newRow("compliance refusal")
        << "push result"
        << withIds(R"({"mutation_id":"MID","status":"rejected","error":{"code":"compliance","message":"m",
               "rule":"fee_cap","violations":[{"rule":"fee_cap","figure":3}]}})");
    QTest::newRow("push answer") << "push answer"
                                 << withIds(
                                        R"({"results":[{"mutation_id":"MID","status":"applied","version":1},
                                      {"mutation_id":"MID","status":"rejected","error":{"code":"forbidden","message":"no"}}]})");
}

void TestWire::roundTrips()
{
    QFETCH(QString, kind);
    QFETCH(QString, json);
    const QJsonObject sent = object(json.toUtf8().constData());
    QVERIFY2(!sent.isEmpty(), "the test's JSON parses");
    QString error;
    QString field;
    const std::optional<QJsonObject> again = roundTrip(kind, sent, &error, &field);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(QJsonDocument(*again).toJson(QJsonDocument::Compact),
        QJsonDocument(sent).toJson(QJsonDocument::Compact));
}

void TestWire::refused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("field");
    // The errors are those the client and the server gave before the messages were typed (the server's
    // reach the client in its 400 answers and rejections, see tst_serverbadinput).
    QTest::newRow("change: unknown op") << "change"
                                        << R"({"entity":"hcp","id":"x","op":"merge"})"
                                        << "unknown op 'merge'"
                                        << "";
    QTest::newRow("change: no op") << "change"
                                   << R"({"entity":"hcp","id":"x"})"
                                   << "unknown op ''"
                                   << "";
    QTest::newRow("change: no entity") << "change"
                                       << R"({"id":"x","op":"delete"})"
                                       << "a change needs an entity and an id"
                                       << "";
    QTest::newRow("change: no id") << "change"
                                   << R"({"entity":"hcp","op":"revoke"})"
                                   << "a change needs an entity and an id"
                                   << "";
    QTest::newRow("change: upsert without record") << "change"
                                                   << R"({"entity":"hcp","id":"x","op":"upsert"})"
                                                   << "an upsert needs its record"
                                                   << "";
    QTest::newRow("page: a bad change") << "pull page"
                                        << R"({"changes":[{"entity":"hcp","id":"x","op":"?"}],"epoch":"e"})"
                                        << "unknown op '?'"
                                        << "";

    const char *mutation = "mutation";
    QTest::newRow("mutation: no mutation_id")
        << mutation << withIds(R"({"entity":"visit","id":"RID","op":"delete","base_version":1})")
        << "field 'mutation_id' is not a lower-case UUID"
        << "mutation_id";
    QTest::newRow("mutation: upper-case mutation_id")
        << mutation
        << withIds(R"({"mutation_id":"0B5E7C1A-1111-4222-8333-444455556666","entity":"visit","id":"RID"})")
        << "field 'mutation_id' is not a lower-case UUID"
        << "mutation_id";
    QTest::newRow("mutation: entity not a string")
        << mutation << withIds(R"({"mutation_id":"MID","entity":3})") << "field 'entity' must be a string"
        << "entity";
    QTest::newRow("mutation: unknown entity")
        << mutation << withIds(R"({"mutation_id":"MID","entity":"spaceship"})")
        << "unknown entity 'spaceship'"
        << "entity";
    QTest::newRow("mutation: bad id")
        << mutation << withIds(R"({"mutation_id":"MID","entity":"visit","id":"42"})")
        << "field 'id' is not a lower-case UUID"
        << "id";
    QTest::newRow("mutation: bad op")
        << mutation << withIds(R"({"mutation_id":"MID","entity":"visit","id":"RID","op":"revoke"})")
        << "field 'op' must be upsert or delete"
        << "op";
    QTest::newRow("mutation: negative base_version")
        << mutation
        << withIds(R"({"mutation_id":"MID","entity":"visit","id":"RID","op":"delete","base_version":-1})")
        << "field 'base_version' must be an integer of at least 0"
        << "base_version";
    QTest::newRow("mutation: fractional base_version")
        << mutation
        << withIds(R"({"mutation_id":"MID","entity":"visit","id":"RID","op":"delete","base_version":1.5})")
        << "field 'base_version' must be an integer of at least 0"
        << "base_version";
    QTest::newRow("mutation: base_version a string")
        << mutation
        << withIds(R"({"mutation_id":"MID","entity":"visit","id":"RID","op":"delete","base_version":"1"})")
        << "field 'base_version' must be an integer of at least 0"
        << "base_version";
    QTest::newRow("mutation: base a list")
        << mutation
        << withIds(
               R"({"mutation_id":"MID","entity":"visit","id":"RID","op":"upsert","base_version":0,"base":[],"set":{}})")
        << "field 'base' must be an object"
        << "base";
    QTest::newRow("mutation: upsert without set")
        << mutation
        << withIds(R"({"mutation_id":"MID","entity":"visit","id":"RID","op":"upsert","base_version":0})")
        << "field 'set' must be an object"
        << "set";

    QTest::newRow("pull: cursors a list") << "pull request"
                                          << R"({"cursors":[]})"
                                          << "field 'cursors' must be an object"
                                          << "cursors";
    QTest::newRow("pull: negative cursor") << "pull request"
                                           << R"({"cursors":{"global":-1}})"
                                           << "cursor of bucket 'global' must be an integer of at least 0"
                                           << "cursors";
    QTest::newRow("pull: cursor a string") << "pull request"
                                           << R"({"cursors":{"t:1":"5"}})"
                                           << "cursor of bucket 't:1' must be an integer of at least 0"
                                           << "cursors";
    QTest::newRow("pull: limit 0") << "pull request"
                                   << R"({"cursors":{},"limit":0})"
                                   << "field 'limit' must be an integer of at least 1"
                                   << "limit";
    QTest::newRow("pull: limit fractional") << "pull request"
                                            << R"({"limit":2.5})"
                                            << "field 'limit' must be an integer of at least 1"
                                            << "limit";
    QTest::newRow("push: no mutations") << "push request"
                                        << R"({})"
                                        << "field 'mutations' must be a list"
                                        << "mutations";
    QTest::newRow("push: mutations an object") << "push request"
                                               << R"({"mutations":{}})"
                                               << "field 'mutations' must be a list"
                                               << "mutations";
    QTest::newRow("push: an entry not an object") << "push request"
                                                  << R"({"mutations":[{},3]})"
                                                  << "every entry of 'mutations' must be an object"
                                                  << "mutations";
    QTest::newRow("result: unknown status") << "push result"
                                            << R"({"mutation_id":"x","status":"done"})"
                                            << "unknown status 'done'"
                                            << "";
    QTest::newRow("answer: a result with an unknown status")
        << "push answer"
        << R"({"results":[{"status":"applied"},{"status":"?"}]})"
        << "unknown status '?'"
        << "";
}

void TestWire::refused()
{
    QFETCH(QString, kind);
    QFETCH(QString, json);
    QFETCH(QString, error);
    QFETCH(QString, field);
    QString why;
    QString at;
    QVERIFY(!roundTrip(kind, object(json.toUtf8().constData()), &why, &at));
    QCOMPARE(why, error);
    QCOMPARE(at, field);
}

void TestWire::malformedMutationIsRejectedNotDropped()
{
    // A push answers each malformed mutation on its own and applies the others (PROTOCOL.md, Push).
    const std::optional<PushRequest> request = PushRequest::fromJson(object(withIds(
        R"({"mutations":[{"mutation_id":"MID","entity":"visit","id":"RID","op":"delete","base_version":1},
            {"mutation_id":"MID","entity":"nothing"}]})")
                                                                                .toUtf8()
                                                                                .constData()));
    QVERIFY(request);
    QCOMPARE(request->mutations.size(), 2);
    QVERIFY(!request->mutations.at(0).isRejected());
    const OutboxMutation &bad = request->mutations.at(1);
    QVERIFY(bad.isRejected());
    QCOMPARE(bad.mutationId, kMid);
    QCOMPARE(bad.errorCode, QStringLiteral("invalid_request"));
    QCOMPARE(bad.errorMessage, QStringLiteral("unknown entity 'nothing'"));
    QCOMPARE(bad.errorField, QStringLiteral("entity"));
}

void TestWire::cursorRule_data()
{
    QTest::addColumn<Cursors>("before");
    QTest::addColumn<Cursors>("page");
    QTest::addColumn<QStringList>("revoked");
    QTest::addColumn<Cursors>("after");
    const QString a = QStringLiteral("t:a");
    const QString b = QStringLiteral("t:b");
    const QString g = QStringLiteral("global");
    QTest::newRow("first page") << Cursors {} << Cursors {{a, 10}, {g, 3}} << QStringList {}
                                << Cursors {{a, 10}, {g, 3}};
    QTest::newRow("page moves some buckets")
        << Cursors {{a, 10}, {g, 3}} << Cursors {{a, 12}} << QStringList {} << Cursors {{a, 12}, {g, 3}};
    QTest::newRow("a bucket left the scope") << Cursors {{a, 10}, {b, 4}, {g, 3}} << Cursors {{a, 11}, {g, 3}}
                                             << QStringList {b} << Cursors {{a, 11}, {g, 3}};
    QTest::newRow("a revoked bucket the page names anyway")
        << Cursors {{a, 10}, {b, 4}} << Cursors {{a, 10}, {b, 9}} << QStringList {b} << Cursors {{a, 10}};
    QTest::newRow("a revoked bucket the client never held")
        << Cursors {{a, 1}} << Cursors {} << QStringList {b} << Cursors {{a, 1}};
}

void TestWire::cursorRule()
{
    QFETCH(Cursors, before);
    QFETCH(Cursors, page);
    QFETCH(QStringList, revoked);
    QFETCH(Cursors, after);
    QCOMPARE(advanceCursors(before, page, revoked), after);
    PullPage p;
    p.cursors = page;
    p.revokedBuckets = revoked;
    QCOMPARE(p.advance(before), after);
}

void TestWire::serverConflictEncoding()
{
    // The server's merge leaves a value it never held undefined; on the wire that is null.
    PushResult r;
    r.mutationId = kMid;
    r.status = PushResult::Status::Conflict;
    r.version = 2;
    r.conflicts << FieldConflict {
        QStringLiteral("status"), QJsonValue(), QStringLiteral("done"), QJsonValue()};
    const QJsonObject c = r.toJson().value(QLatin1String("conflicts")).toArray().at(0).toObject();
    QVERIFY(c.value(QLatin1String("base")).isNull());
    QVERIFY(c.value(QLatin1String("theirs")).isNull());
    QCOMPARE(c.value(QLatin1String("mine")).toString(), QStringLiteral("done"));
    QVERIFY(!r.toJson().contains(QLatin1String("error")));
    QVERIFY(!PushResult::rejected(kMid, {}).toJson().contains(QLatin1String("version")));
}

QTEST_APPLESS_MAIN(TestWire)
#include "tst_wire.moc"
