// A meeting's whole life across two laptops and a real server: a rep plans and submits it offline,
// syncs; the manager approves it from another client; the rep records attendance and expenses with
// evidence, holds and closes it. And a client that skips the local rule check is still refused.
#include "e2e/syncclient.h"
#include "models/meetingrepository.h"

#include <QCryptographicHash>
#include <QtTest>

using namespace rounds;
using namespace rounds::test;

class TestMeetings : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void aMeetingFromPlanToClosed();
    void theServerRefusesWhatTheClientDidNotCheck();
    void anOfflineMaterialChangeComesBackSubmitted();

private:
    QJsonObject serverRecord(const QString &entity, const QString &id);

    ServerProcess m_server;
    QTemporaryDir m_dir;
    SyncClient m_rep;
    SyncClient m_manager;
    QString m_url;
};

void TestMeetings::initTestCase()
{
    QVERIFY(m_server.createDemo(40, 20));
    QVERIFY(m_server.start());
    m_url = m_server.url().toString();
    QVERIFY(m_rep.signIn(m_server, m_url, m_dir.path(), QStringLiteral("rep.sh01")));
    QVERIFY(m_manager.signIn(m_server, m_url, m_dir.path(), QStringLiteral("manager.sh")));
    QVERIFY(m_rep.sync().ok);
    QVERIFY(m_manager.sync().ok);
}

QJsonObject TestMeetings::serverRecord(const QString &entity, const QString &id)
{
    const PullResult all = m_server.pullAll(m_server.login(QStringLiteral("admin")));
    for (const QJsonObject &r : recordsOf(all.changes, entity)) {
        if (r.value("id").toString() == id)
            return r;
    }
    return {};
}

void TestMeetings::aMeetingFromPlanToClosed()
{
    Store *store = m_rep.store.get();
    const QStringList hcps = m_rep.ids(QStringLiteral("hcp"));
    QVERIFY(hcps.size() >= 3);

    // Offline (no sync yet): nothing reaches the server until the sync.
    MeetingDraft d;
    d.fields = QJsonObject {{"territory_id", m_rep.territories.value(0)}, {"title", "慢阻肺规范化诊疗科室会"},
        {"kind", "department"}, {"mode", "offline"}, {"starts_at", "2026-12-18T10:00:00Z"},
        {"ends_at", "2026-12-18T12:00:00Z"}, {"venue", "瑞金医院 3 号楼会议室"}, {"owner_id", m_rep.userId},
        {"budget_minor", 300000}, {"currency", "CNY"}, {"status", "submitted"}};
    MeetingAttendeeRow speaker;
    speaker.hcpId = hcps[0];
    speaker.role = QStringLiteral("speaker");
    speaker.feeMinor = 80000;
    MeetingAttendeeRow guest;
    guest.hcpId = hcps[1];
    d.attendees << speaker << guest;
    MeetingExpenseRow catering;
    catering.category = QStringLiteral("catering");
    catering.amountMinor = 30000; // 150 CNY a head for 2 planned heads
    d.expenses << catering;
    // The client's own check (what the editor does): nothing blocks submitting.
    compliance::MeetingFacts facts = meetings::facts(store, d);
    for (const compliance::Violation &v : compliance::evaluate(meetings::config(store), facts))
        QVERIFY2(!v.blocking, qPrintable(compliance::describe(v)));
    QString error;
    const QString id = meetings::save(store, d, &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    QVERIFY(serverRecord(QStringLiteral("meeting"), id).isEmpty());

    // Back online: one sync.
    SyncSummary s = m_rep.sync();
    QVERIFY(s.ok);
    QCOMPARE(s.rejected, 0);
    QCOMPARE(m_rep.store->pendingCount(), 0);
    QCOMPARE(
        serverRecord(QStringLiteral("meeting"), id).value("status").toString(), QStringLiteral("submitted"));

    // The manager sees it in the approval queue and approves it from the other laptop.
    QVERIFY(m_manager.sync().ok);
    bool queued = false;
    for (const meetings::QueueEntry &e : meetings::approvalQueue(m_manager.store.get()))
        queued = queued || e.id == id;
    QVERIFY(queued);
    QVERIFY(meetings::setStatus(m_manager.store.get(), id, QStringLiteral("approved"), &error));
    s = m_manager.sync();
    QVERIFY(s.ok);
    QCOMPARE(s.rejected, 0);

    // The rep: a walk-in came, both HCPs signed in, the actual bills with their evidence; held, then closed.
    QVERIFY(m_rep.sync().ok);
    std::optional<MeetingDraft> now = meetings::load(store, id);
    QVERIFY(now);
    QCOMPARE(now->status(), QStringLiteral("approved"));
    for (MeetingAttendeeRow &a : now->attendees)
        a.signedIn = true;
    MeetingAttendeeRow walkIn;
    walkIn.kind = QStringLiteral("walk_in");
    walkIn.name = QStringLiteral("社区卫生服务中心 周医生");
    walkIn.signedIn = true;
    now->attendees << walkIn;
    const QString receipt = m_dir.filePath(QStringLiteral("餐费发票.pdf"));
    {
        QFile f(receipt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("%PDF-1.4 invoice 0042");
    }
    const evidence::Stored kept = evidence::store(m_rep.dbPath, receipt);
    QVERIFY2(kept.ok, qPrintable(kept.error));
    now->expenses[0].status = QStringLiteral("actual");
    now->expenses[0].amountMinor = 42000;
    now->expenses[0].evidence = kept.reference;
    now->fields.insert(QStringLiteral("status"), QStringLiteral("held"));
    QVERIFY2(!meetings::save(store, *now, &error).isEmpty(), qPrintable(error));
    s = m_rep.sync();
    QVERIFY(s.ok);
    QCOMPARE(s.rejected, 0);
    QVERIFY(meetings::setStatus(store, id, QStringLiteral("closed"), &error));
    s = m_rep.sync();
    QVERIFY(s.ok);
    QCOMPARE(s.rejected, 0);

    // The server's final state.
    QCOMPARE(
        serverRecord(QStringLiteral("meeting"), id).value("status").toString(), QStringLiteral("closed"));
    const QString expenseId = meetings::load(store, id)->expenses[0].id;
    const QJsonObject expense = serverRecord(QStringLiteral("meeting_expense"), expenseId);
    const QString hex = QString::fromLatin1(
        QCryptographicHash::hash("%PDF-1.4 invoice 0042", QCryptographicHash::Sha256).toHex());
    QCOMPARE(expense.value("evidence").toString(), QStringLiteral("sha256:%1:餐费发票.pdf").arg(hex));
    QCOMPARE(expense.value("amount_minor").toInteger(), 42000);
    QCOMPARE(expense.value("status").toString(), QStringLiteral("actual"));
    int signedIn = 0;
    int walkIns = 0;
    const PullResult all = m_server.pullAll(m_server.login(QStringLiteral("admin")));
    for (const QJsonObject &a : recordsOf(all.changes, QStringLiteral("meeting_attendee"))) {
        if (a.value("meeting_id").toString() != id)
            continue;
        signedIn += a.value("signed_in").toBool() ? 1 : 0;
        walkIns += a.value("kind").toString() == QLatin1String("walk_in") ? 1 : 0;
    }
    QCOMPARE(signedIn, 3);
    QCOMPARE(walkIns, 1);
    // Closed is final, for the manager's client too.
    QVERIFY(m_manager.sync().ok);
    QCOMPARE(meetings::load(m_manager.store.get(), id)->status(), QStringLiteral("closed"));
}

void TestMeetings::theServerRefusesWhatTheClientDidNotCheck()
{
    // Straight into the store, no rule check: a tier-agnostic fee far above every cap, submitted.
    Store *store = m_rep.store.get();
    const QStringList hcps = m_rep.ids(QStringLiteral("hcp"));
    const WriteResult m = store->create(QStringLiteral("meeting"),
        {{"territory_id", m_rep.territories.value(0)}, {"title", "讲课费超标"},
            {"starts_at", "2026-12-20T10:00:00Z"}, {"owner_id", m_rep.userId}, {"budget_minor", 1000000}});
    QVERIFY(m.ok);
    QVERIFY(store
                ->create(QStringLiteral("meeting_attendee"),
                    {{"meeting_id", m.id}, {"hcp_id", hcps[2]}, {"role", "speaker"}, {"fee_minor", 900000}})
                .ok);
    QVERIFY(m_rep.sync().ok);
    QVERIFY(store->update(QStringLiteral("meeting"), m.id, {{"status", "submitted"}}).ok);
    const SyncSummary s = m_rep.sync();
    QVERIFY(s.ok);
    QCOMPARE(s.rejected, 1);
    bool kept = false;
    for (const OutboxMutation &o : store->outbox()) {
        if (o.recordId == m.id && o.state == QLatin1String("rejected")) {
            kept = true;
            QCOMPARE(o.errorCode, QStringLiteral("compliance"));
            QVERIFY(o.errorMessage.contains(QStringLiteral("fee")));
        }
    }
    QVERIFY(kept);
    QCOMPARE(
        serverRecord(QStringLiteral("meeting"), m.id).value("status").toString(), QStringLiteral("draft"));
}

void TestMeetings::anOfflineMaterialChangeComesBackSubmitted()
{
    // Issue 18 point 9: an approved meeting; offline the rep records a walk-in (not material) and adds a
    // speaker with a fee (material). After the sync the meeting is back to submitted, with why, on both
    // laptops, and waits in the manager's queue again.
    Store *store = m_rep.store.get();
    const QStringList hcps = m_rep.ids(QStringLiteral("hcp"));
    MeetingDraft d;
    d.fields = QJsonObject {{"territory_id", m_rep.territories.value(0)}, {"title", "房颤抗凝沙龙"},
        {"starts_at", "2026-12-22T10:00:00Z"}, {"owner_id", m_rep.userId}, {"budget_minor", 200000},
        {"status", "submitted"}};
    MeetingAttendeeRow guest;
    guest.hcpId = hcps[1];
    d.attendees << guest;
    QString error;
    const QString id = meetings::save(store, d, &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    QVERIFY(m_rep.sync().ok);
    QVERIFY(m_manager.sync().ok);
    QVERIFY(meetings::decide(m_manager.store.get(), id, QStringLiteral("approved"), {}, &error));
    QCOMPARE(m_manager.sync().rejected, 0);
    QVERIFY(m_rep.sync().ok);

    std::optional<MeetingDraft> now = meetings::load(store, id);
    QCOMPARE(now->status(), QStringLiteral("approved"));
    MeetingAttendeeRow walkIn;
    walkIn.kind = QStringLiteral("walk_in");
    walkIn.name = QStringLiteral("社区医院 吴医生");
    now->attendees << walkIn;
    QCOMPARE(meetings::resubmitReason(store, *now), QString());
    QVERIFY2(!meetings::save(store, *now, &error).isEmpty(), qPrintable(error));
    now = meetings::load(store, id);
    MeetingAttendeeRow speaker;
    speaker.hcpId = hcps[2];
    speaker.role = QStringLiteral("speaker");
    speaker.feeMinor = 99000;
    now->attendees << speaker;
    QCOMPARE(meetings::resubmitReason(store, *now), QStringLiteral("speaker_added"));
    QVERIFY2(!meetings::save(store, *now, &error).isEmpty(), qPrintable(error));
    QCOMPARE(meetings::load(store, id)->status(), QStringLiteral("approved")); // offline: not yet

    const SyncSummary s = m_rep.sync();
    QVERIFY(s.ok);
    QCOMPARE(s.rejected, 0);
    const QJsonObject server = serverRecord(QStringLiteral("meeting"), id);
    QCOMPARE(server.value("status").toString(), QStringLiteral("submitted"));
    QCOMPARE(server.value("resubmit_reason").toString(), QStringLiteral("speaker_added"));
    now = meetings::load(store, id);
    QCOMPARE(now->status(), QStringLiteral("submitted"));
    QCOMPARE(now->fields.value("resubmit_reason").toString(), QStringLiteral("speaker_added"));
    QCOMPARE(now->attendees.size(), 3);

    QVERIFY(m_manager.sync().ok);
    bool queued = false;
    for (const meetings::QueueEntry &e : meetings::approvalQueue(m_manager.store.get()))
        queued = queued || e.id == id;
    QVERIFY(queued);
    QVERIFY(meetings::decide(m_manager.store.get(), id, QStringLiteral("approved"), {}, &error));
    QCOMPARE(m_manager.sync().rejected, 0);
    QVERIFY(m_rep.sync().ok);
    QCOMPARE(meetings::load(store, id)->status(), QStringLiteral("approved"));
    QVERIFY(meetings::load(store, id)->fields.value("resubmit_reason").isNull());
}

QTEST_GUILESS_MAIN(TestMeetings)
#include "tst_meetings.moc"
