// The meeting editor offscreen over a real local store: the compliance panel while typing, the
// workflow buttons by role and status, saving (walk-ins, staff, evidence files by SHA-256), and the
// reports (CSV with BOM, PDF, the first page rendered). Set ROUNDS_SCREENSHOT_DIR to keep pictures.
#include "common/protocol/values.h"
#include "models/meetingpermissions.h"
#include "models/meetingrepository.h"
#include "models/store.h"
#include "sync/session.h"
#include "ui/common/prompter.h"
#include "ui/meetings/meetingeditor.h"
#include "ui/meetings/meetingreport.h"
#include "ui/meetings/meetingsview.h"

#include <QCheckBox>
#include <QCryptographicHash>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace rounds;

namespace {

const QString kTerritory = QStringLiteral("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");
const QString kBucket = QStringLiteral("t:") + kTerritory;
const QString kRep = QStringLiteral("33333333-3333-4333-8333-333333333333");
const QString kManager = QStringLiteral("44444444-4444-4444-8444-444444444444");

class ScriptedPrompter final : public Prompter
{
public:
    bool confirm(QWidget *, const QString &, const QString &text) override
    {
        confirmed << text;
        return confirmAnswer;
    }
    std::optional<QString> askText(QWidget *, const QString &, const QString &, const QString &) override
    {
        return answer;
    }
    void inform(QWidget *, const QString &, const QString &text) override { informed << text; }
    std::optional<QString> askSaveFile(QWidget *, const QString &, const QString &, const QString &) override
    {
        return savePath;
    }
    std::optional<QString> answer = QStringLiteral("预算过高");
    QString savePath;
    QStringList informed;
    QStringList confirmed; // the questions asked
    bool confirmAnswer = true;
};

PulledChange change(const QString &entity, const QString &id, const QJsonObject &fields)
{
    PulledChange c;
    c.bucket = entity == QLatin1String("territory") || entity == QLatin1String("user")
        ? QStringLiteral("global")
        : kBucket;
    c.entity = entity;
    c.id = id;
    c.record = fields;
    c.record.insert(QStringLiteral("id"), id);
    c.record.insert(QStringLiteral("version"), 1);
    return c;
}

QStringList codes(const QList<compliance::Violation> &vs)
{
    QStringList out;
    for (const compliance::Violation &v : vs)
        out << v.code();
    return out;
}

} // namespace

class TestMeetingEditor : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void complianceWarnsWhileTyping();
    void buttonsByRoleAndStatus_data();
    void buttonsByRoleAndStatus();
    void savesAttendeesExpensesAndEvidence();
    void heldNeedsASignIn();
    void reports();
    void reportCsvNeutralisesFormulas();
    void meetingsViewStaysCompact();
    void managerDecidesOthersMeetingsOnly();
    void repNeverWritesTheDecisionNote();
    void sentBackMeetingSaysWhy();
    void complianceCountsPlannedAttendeesUntilSignIn();
    void cancelStandsApartFromApprove();

private:
    AccountInfo account(const QString &role) const;
    QString meetingIn(const QString &status); // a stored meeting of the rep with one HCP attendee
    // A meeting as pulled from the server (nothing of it in the outbox) with one HCP attendee (no fee).
    QString pulledMeeting(const QString &status, const QString &owner, const QJsonObject &extra = {});
    // The server's newer copy of a meeting, pulled.
    bool pullMeeting(const QString &id, qint64 version, const QJsonObject &fields);
    QList<OutboxMutation> outboxOf(const QString &id) const;
    QString screenshotDir() const { return qEnvironmentVariable("ROUNDS_SCREENSHOT_DIR"); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    QStringList m_hcps; // tiers A, B, C, D
    ScriptedPrompter m_prompter;
    QTranslator m_translator;
    qint64 m_cursor = 10;
    QHash<QString, QJsonObject> m_pulled; // meeting id → fields as pulled
};

void TestMeetingEditor::initTestCase()
{
    // Pictures in another language: ROUNDS_SCREENSHOT_QM names a compiled translation (rounds_zh_CN.qm).
    const QString qm = qEnvironmentVariable("ROUNDS_SCREENSHOT_QM");
    if (!qm.isEmpty()) {
        QVERIFY(m_translator.load(qm));
        QCoreApplication::installTranslator(&m_translator);
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    }
}

void TestMeetingEditor::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<Store>();
    QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("rounds.db"))).ok);
    QList<PulledChange> page;
    page << change(QStringLiteral("territory"), kTerritory,
        {{"code", "SH-01"}, {"name", "上海一区"}, {"level", "territory"}});
    page << change(
        QStringLiteral("user"), kRep, {{"username", "rep"}, {"display_name", "张伟"}, {"role", "rep"}});
    const char *names[] = {"王建华", "李红梅", "陈志强", "刘芳"};
    const char *tiers[] = {"A", "B", "C", "D"};
    m_hcps.clear();
    for (int i = 0; i < 4; ++i) {
        const QString id = protocol::newUuid();
        m_hcps << id;
        page << change(QStringLiteral("hcp"), id,
            {{"full_name", QString::fromUtf8(names[i])}, {"tier", QString::fromLatin1(tiers[i])},
                {"status", "active"}, {"specialty", "心内科"}});
    }
    QVERIFY(m_store->applyPage(page, {{kBucket, 10}, {QStringLiteral("global"), 2}}).ok);
    m_cursor = 10;
    m_prompter.confirmed.clear();
    m_prompter.confirmAnswer = true;
    Prompter::setInstance(&m_prompter);
}

void TestMeetingEditor::cleanup()
{
    Prompter::setInstance(nullptr);
    m_store.reset();
    m_dir.reset();
}

AccountInfo TestMeetingEditor::account(const QString &role) const
{
    AccountInfo a;
    a.server = QStringLiteral("https://example.invalid");
    a.user = role;
    a.userId = role == QLatin1String("rep") ? kRep : kManager;
    a.role = role;
    a.territoryIds = {kTerritory};
    return a;
}

QString TestMeetingEditor::meetingIn(const QString &status)
{
    const WriteResult m = m_store->create(QStringLiteral("meeting"),
        {{"territory_id", kTerritory}, {"title", "高血压诊疗进展学术会"},
            {"starts_at", "2026-12-05T10:00:00Z"}, {"owner_id", kRep}, {"status", status},
            {"budget_minor", 500000}});
    if (!m.ok)
        return {};
    m_store->create(QStringLiteral("meeting_attendee"),
        {{"meeting_id", m.id}, {"hcp_id", m_hcps[2]}, {"signed_in", true}});
    return m.id;
}

QString TestMeetingEditor::pulledMeeting(
    const QString &status, const QString &owner, const QJsonObject &extra)
{
    const QString id = protocol::newUuid();
    QJsonObject f {{"territory_id", kTerritory}, {"title", "冠心病诊疗沙龙"}, {"kind", "academic"},
        {"mode", "offline"}, {"starts_at", "2026-12-05T10:00:00.000Z"}, {"owner_id", owner},
        {"status", status}, {"budget_minor", 500000}, {"currency", "CNY"}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        f.insert(it.key(), it.value());
    m_pulled.insert(id, f);
    const QList<PulledChange> page {change(QStringLiteral("meeting"), id, f),
        change(QStringLiteral("meeting_attendee"), protocol::newUuid(),
            {{"meeting_id", id}, {"hcp_id", m_hcps[2]}, {"kind", "hcp"}, {"role", "attendee"},
                {"signed_in", true}, {"fee_minor", 0}})};
    return m_store->applyPage(page, {{kBucket, ++m_cursor}}).ok ? id : QString();
}

bool TestMeetingEditor::pullMeeting(const QString &id, qint64 version, const QJsonObject &fields)
{
    QJsonObject f = m_pulled.value(id);
    for (auto it = fields.begin(); it != fields.end(); ++it)
        f.insert(it.key(), it.value());
    PulledChange c = change(QStringLiteral("meeting"), id, f);
    c.record.insert(QStringLiteral("version"), version);
    return m_store->applyPage({c}, {{kBucket, ++m_cursor}}).ok;
}

QList<OutboxMutation> TestMeetingEditor::outboxOf(const QString &id) const
{
    QList<OutboxMutation> out;
    for (const OutboxMutation &m : m_store->outbox()) {
        if (m.recordId == id)
            out << m;
    }
    return out;
}

void TestMeetingEditor::complianceWarnsWhileTyping()
{
    MeetingEditor editor(m_store.get(), account(QStringLiteral("rep")));
    QTest::keyClicks(editor.findChild<QLineEdit *>(QStringLiteral("titleLineEdit")),
        QStringLiteral("Coronary case review"));
    auto *submit = editor.findChild<QPushButton *>(QStringLiteral("submitButton"));
    auto *panel = editor.findChild<QListWidget *>(QStringLiteral("complianceListWidget"));
    auto *reason = editor.findChild<QLabel *>(QStringLiteral("blockedReasonLabel"));
    QVERIFY(submit && panel && reason);
    QVERIFY(!submit->isHidden());
    QVERIFY(submit->isEnabled());

    // A tier-C speaker with a fee of 1,500 CNY: above the 1,000 CNY cap, which blocks submitting.
    editor.addHcp(m_hcps[2], QStringLiteral("speaker"), 150000);
    QCOMPARE(codes(editor.violations()), QStringList {QStringLiteral("speaker_fee")});
    QVERIFY(!submit->isEnabled());
    QVERIFY(!reason->isHidden());
    QVERIFY2(reason->text().contains(QStringLiteral("1,000.00"))
            || reason->text().contains(QStringLiteral("1000.00")),
        qPrintable(reason->text()));
    QCOMPARE(panel->item(0)->data(Qt::UserRole).toString(), QStringLiteral("speaker_fee"));

    // Typing the fee down in the table clears it.
    auto *table = editor.findChild<QTableWidget *>(QStringLiteral("attendeesTableWidget"));
    auto *fee = qobject_cast<QDoubleSpinBox *>(table->cellWidget(0, 3));
    QVERIFY(fee);
    fee->setValue(800.0);
    QVERIFY(editor.violations().isEmpty());
    QVERIFY(submit->isEnabled());
    QVERIFY(reason->isHidden());

    // Catering of 500 CNY for one planned head (cap 200): blocks; two more heads (166.67 each): fine.
    editor.findChild<QDoubleSpinBox *>(QStringLiteral("budgetSpinBox"))->setValue(5000.0);
    editor.addExpense(QStringLiteral("catering"), 50000);
    QCOMPARE(codes(editor.violations()), QStringList {QStringLiteral("catering_per_head")});
    QVERIFY(!submit->isEnabled());
    editor.addHcp(m_hcps[0]);
    // The same HCP again is not a second row (one row per HCP, as the server requires).
    const int rows = table->rowCount();
    editor.addHcp(m_hcps[0], QStringLiteral("speaker"), 90000);
    QCOMPARE(table->rowCount(), rows);
    editor.addPerson(QStringLiteral("walk_in"), QStringLiteral("社区医院 赵医生"));
    QVERIFY(editor.violations().isEmpty());
    QVERIFY(submit->isEnabled());

    // A colleague makes staff 1 of 4 heads: above 10%, a warning only — submitting stays possible.
    editor.addPerson(QStringLiteral("staff"), QStringLiteral("医学联络 孙经理"));
    QCOMPARE(codes(editor.violations()), QStringList {QStringLiteral("staff_share")});
    QVERIFY(!editor.violations().first().blocking);
    QVERIFY(submit->isEnabled());

    if (!screenshotDir().isEmpty()) {
        editor.resize(1280, 860);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.grab().save(screenshotDir() + QStringLiteral("/meeting-editor-test.png"));
    }
}

void TestMeetingEditor::buttonsByRoleAndStatus_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QStringList>("visible");

    const auto list = [](std::initializer_list<const char *> names) {
        QStringList out;
        for (const char *n : names)
            out << QString::fromLatin1(n);
        return out;
    };
    QTest::newRow("rep, draft") << "rep"
                                << "draft" << list({"saveButton", "submitButton", "cancelMeetingButton"});
    QTest::newRow("rep, submitted") << "rep"
                                    << "submitted" << list({"cancelMeetingButton"});
    QTest::newRow("rep, approved") << "rep"
                                   << "approved" << list({"saveButton", "holdButton", "cancelMeetingButton"});
    QTest::newRow("rep, held") << "rep"
                               << "held" << list({"saveButton", "closeMeetingButton"});
    QTest::newRow("rep, rejected") << "rep"
                                   << "rejected" << list({"cancelMeetingButton", "reopenButton"});
    QTest::newRow("rep, closed") << "rep"
                                 << "closed" << QStringList();
    QTest::newRow("manager, submitted")
        << "manager"
        << "submitted" << list({"approveButton", "rejectButton", "cancelMeetingButton"});
    QTest::newRow("manager, draft") << "manager"
                                    << "draft" << list({"cancelMeetingButton"});
    QTest::newRow("manager, held") << "manager"
                                   << "held" << list({"closeMeetingButton"});
    QTest::newRow("manager, cancelled") << "manager"
                                        << "cancelled" << QStringList();
}

void TestMeetingEditor::buttonsByRoleAndStatus()
{
    QFETCH(QString, role);
    QFETCH(QString, status);
    QFETCH(QStringList, visible);
    const QString id = meetingIn(status);
    QVERIFY(!id.isEmpty());
    MeetingEditor editor(m_store.get(), account(role), id);
    QCOMPARE(editor.status(), status);
    QStringList shown;
    for (const char *name : {"saveButton", "submitButton", "approveButton", "rejectButton", "holdButton",
             "closeMeetingButton", "cancelMeetingButton", "reopenButton"}) {
        auto *b = editor.findChild<QPushButton *>(QString::fromLatin1(name));
        QVERIFY2(b, name);
        if (!b->isHidden())
            shown << QString::fromLatin1(name);
    }
    QCOMPARE(shown, visible);
    // The plan itself is edited in draft by its owner only.
    QCOMPARE(editor.findChild<QLineEdit *>(QStringLiteral("titleLineEdit"))->isEnabled(),
        role == QLatin1String("rep") && status == QLatin1String("draft"));
}

void TestMeetingEditor::savesAttendeesExpensesAndEvidence()
{
    const QString receipt = m_dir->filePath(QStringLiteral("发票-餐费.pdf"));
    {
        QFile f(receipt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("%PDF-1.4 fake receipt");
    }
    const QString hex = QString::fromLatin1(
        QCryptographicHash::hash("%PDF-1.4 fake receipt", QCryptographicHash::Sha256).toHex());

    MeetingEditor editor(m_store.get(), account(QStringLiteral("rep")));
    QSignalSpy saved(&editor, &MeetingEditor::meetingSaved);
    editor.findChild<QLineEdit *>(QStringLiteral("titleLineEdit"))->setText(QStringLiteral("心衰管理科室会"));
    editor.findChild<QDoubleSpinBox *>(QStringLiteral("budgetSpinBox"))->setValue(3000.0);
    editor.addHcp(m_hcps[0], QStringLiteral("speaker"), 200000);
    editor.addPerson(QStringLiteral("walk_in"), QStringLiteral("社区医院 赵医生"));
    editor.addPerson(QStringLiteral("staff"), QStringLiteral("医学联络 孙经理"));
    editor.addExpense(QStringLiteral("venue"), 80000, QStringLiteral("committed"), QStringLiteral("会议室"));
    editor.setFilePicker([&] { return receipt; });
    auto *expenses = editor.findChild<QTableWidget *>(QStringLiteral("expensesTableWidget"));
    expenses->setCurrentCell(0, 3);
    QTest::mouseClick(
        editor.findChild<QPushButton *>(QStringLiteral("attachEvidenceButton")), Qt::LeftButton);
    QTest::mouseClick(editor.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QCOMPARE(saved.count(), 1);
    const QString id = editor.meetingId();
    QVERIFY(!id.isEmpty());

    const std::optional<MeetingDraft> d = meetings::load(m_store.get(), id);
    QVERIFY(d);
    QCOMPARE(d->fields.value("budget_minor").toInteger(), 300000);
    QCOMPARE(d->attendees.size(), 3);
    QStringList kinds;
    for (const MeetingAttendeeRow &a : d->attendees) {
        kinds << a.kind + QLatin1Char(':') + a.name;
        if (a.kind == QLatin1String("hcp")) {
            QCOMPARE(a.hcpId, m_hcps[0]);
            QCOMPARE(a.feeMinor, 200000);
            QCOMPARE(a.role, QStringLiteral("speaker"));
        } else {
            QVERIFY(a.hcpId.isEmpty());
        }
    }
    kinds.sort();
    QCOMPARE(kinds,
        QStringList({QStringLiteral("hcp:王建华"), QStringLiteral("staff:医学联络 孙经理"),
            QStringLiteral("walk_in:社区医院 赵医生")}));
    QCOMPARE(d->expenses.size(), 1);
    QCOMPARE(d->expenses[0].evidence, QStringLiteral("sha256:%1:发票-餐费.pdf").arg(hex));
    QVERIFY(QFile::exists(evidence::folderFor(m_store->path()) + QLatin1Char('/') + hex));

    // Removing the walk-in and submitting writes the difference; the status goes last.
    QVERIFY(editor.transition(QStringLiteral("submitted")));
    QCOMPARE(meetings::load(m_store.get(), id)->status(), QStringLiteral("submitted"));
    const QList<OutboxMutation> outbox = m_store->outbox();
    QVERIFY(!outbox.isEmpty());
    QCOMPARE(outbox.first().entity, QStringLiteral("meeting"));
    QCOMPARE(outbox.first().set.value("status").toString(), QStringLiteral("submitted"));
}

void TestMeetingEditor::heldNeedsASignIn()
{
    const QString id = meetingIn(QStringLiteral("approved"));
    MeetingEditor editor(m_store.get(), account(QStringLiteral("rep")), id);
    auto *hold = editor.findChild<QPushButton *>(QStringLiteral("holdButton"));
    QVERIFY(hold->isEnabled());
    auto *table = editor.findChild<QTableWidget *>(QStringLiteral("attendeesTableWidget"));
    table->item(0, 4)->setCheckState(Qt::Unchecked);
    QVERIFY(!hold->isEnabled());
    QVERIFY(!editor.blockedReason(QStringLiteral("held")).isEmpty());
    QVERIFY(!editor.transition(QStringLiteral("held")));
    QCOMPARE(meetings::load(m_store.get(), id)->status(), QStringLiteral("approved"));
    table->item(0, 4)->setCheckState(Qt::Checked);
    QVERIFY(editor.transition(QStringLiteral("held")));
    QCOMPARE(meetings::load(m_store.get(), id)->status(), QStringLiteral("held"));
    // Closing wants evidence for every expense.
    editor.addExpense(QStringLiteral("catering"), 10000, QStringLiteral("actual"));
    QVERIFY(!editor.findChild<QPushButton *>(QStringLiteral("closeMeetingButton"))->isEnabled());
    QVERIFY(editor.blockedReason(QStringLiteral("closed")).contains(QStringLiteral("evidence")));
}

// A walk-in's name is typed by a rep; in the manager's spreadsheet it must stay text, not a formula.
void TestMeetingEditor::reportCsvNeutralisesFormulas()
{
    const QString id = meetingIn(QStringLiteral("held"));
    QVERIFY(m_store
                ->create(QStringLiteral("meeting_attendee"),
                    {{"meeting_id", id}, {"kind", "walk_in"}, {"name", "=HYPERLINK(\"http://x\",\"y\")"},
                        {"role", "attendee"}, {"signed_in", true}})
                .ok);
    QVERIFY(m_store
                ->create(QStringLiteral("meeting_expense"),
                    {{"meeting_id", id}, {"category", "other"}, {"amount_minor", 1000}, {"status", "actual"},
                        {"description", "@SUM(A1)"}, {"evidence", "-2+3"}})
                .ok);
    const std::optional<MeetingDraft> d = meetings::load(m_store.get(), id);
    QVERIFY(d);
    const QString csv = MeetingReport::meetingCsv(m_store.get(), *d, compliance::Config());
    QVERIFY2(csv.contains(QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")), qPrintable(csv));
    QVERIFY2(csv.contains(QStringLiteral(",\"'@SUM(A1)\",\"'-2+3\"")), qPrintable(csv));
    QVERIFY(csv.contains(QStringLiteral(",10.00,")));
    for (const QString &line : csv.split(QStringLiteral("\r\n"))) {
        for (const QString &cell : line.split(u','))
            QVERIFY2(
                !cell.startsWith(u'=') && !cell.startsWith(u'@') && !cell.startsWith(u'+'), qPrintable(line));
    }
}

void TestMeetingEditor::reports()
{
    const QString id = meetingIn(QStringLiteral("held"));
    m_store->create(QStringLiteral("meeting_attendee"),
        {{"meeting_id", id}, {"hcp_id", m_hcps[0]}, {"role", "speaker"}, {"fee_minor", 250000},
            {"signed_in", true}});
    m_store->create(QStringLiteral("meeting_expense"),
        {{"meeting_id", id}, {"category", "catering"}, {"amount_minor", 60000}, {"status", "actual"}});
    const std::optional<MeetingDraft> d = meetings::load(m_store.get(), id);
    QVERIFY(d);
    const compliance::Config config;

    const QString csv = MeetingReport::meetingCsv(m_store.get(), *d, config);
    QVERIFY(csv.contains(QStringLiteral("王建华")));
    QVERIFY(csv.contains(QStringLiteral("2500.00")));
    QVERIFY(csv.contains(QStringLiteral("catering_per_head"))); // 300 CNY a head for 2 heads
    const QString csvPath = m_dir->filePath(QStringLiteral("meeting.csv"));
    QVERIFY(MeetingReport::writeCsv(csv, csvPath, nullptr));
    QFile f(csvPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QVERIFY(bytes.contains(QStringLiteral("王建华").toUtf8()));

    const QString html = MeetingReport::meetingHtml(m_store.get(), *d, config);
    QVERIFY(html.contains(QStringLiteral("高血压诊疗进展学术会")));
    const QString pdfPath = m_dir->filePath(QStringLiteral("meeting.pdf"));
    QVERIFY(MeetingReport::writePdf(html, pdfPath, nullptr));
    QFile pdf(pdfPath);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray pdfBytes = pdf.readAll();
    QVERIFY(pdfBytes.startsWith("%PDF"));
    QVERIFY(pdfBytes.size() > 2000);
    // The CJK font is embedded (a subset named after WenQuanYi).
    QVERIFY2(pdfBytes.contains("WenQuanYi"), "the PDF does not embed the CJK font");

    const QImage page = MeetingReport::renderFirstPage(html);
    QVERIFY(!page.isNull());
    int inked = 0;
    for (int y = 0; y < page.height(); y += 4) {
        for (int x = 0; x < page.width(); x += 4)
            inked += qGray(page.pixel(x, y)) < 128 ? 1 : 0;
    }
    QVERIFY2(inked > 200, "the rendered page is (nearly) blank");

    const QString hcpCsv = MeetingReport::hcpCsv(m_store.get(), m_hcps[0], 2026);
    QVERIFY(hcpCsv.contains(QStringLiteral("2500.00"))); // the fee
    QVERIFY(hcpCsv.contains(QStringLiteral("300.00"))); // 600 CNY catering over 2 signed-in heads
    // The editor's button for the chosen HCP writes that report where the user says.
    MeetingEditor editor(m_store.get(), account(QStringLiteral("rep")), id);
    auto *attendees = editor.findChild<QTableWidget *>(QStringLiteral("attendeesTableWidget"));
    for (int r = 0; r < attendees->rowCount(); ++r) {
        if (attendees->item(r, 0)->text().startsWith(QStringLiteral("王建华")))
            attendees->setCurrentCell(r, 1);
    }
    m_prompter.savePath = m_dir->filePath(QStringLiteral("tov.csv"));
    QTest::mouseClick(editor.findChild<QPushButton *>(QStringLiteral("hcpReportButton")), Qt::LeftButton);
    QFile tov(m_prompter.savePath);
    QVERIFY(tov.open(QIODevice::ReadOnly));
    QVERIFY(tov.readAll().contains("2500.00"));
    if (!screenshotDir().isEmpty()) {
        page.save(screenshotDir() + QStringLiteral("/meeting-report-test.png"));
        MeetingReport::renderFirstPage(MeetingReport::hcpHtml(m_store.get(), m_hcps[0], 2026))
            .save(screenshotDir() + QStringLiteral("/meeting-hcp-report-test.png"));
    }
}

void TestMeetingEditor::meetingsViewStaysCompact()
{
    // The Meetings view sits in the main window's page stack: it must not widen the window.
    Session session;
    QString error;
    QVERIFY2(session.openDatabase(m_store->path(), &error), qPrintable(error));
    MeetingsView view(&session);
    QVERIFY2(
        view.minimumSizeHint().width() < 700, qPrintable(QString::number(view.minimumSizeHint().width())));
    QVERIFY(view.findChild<QTableWidget *>(QStringLiteral("approvalQueueTableWidget")));
}

void TestMeetingEditor::managerDecidesOthersMeetingsOnly()
{
    // Issue 18 point 8: a manager is offered the decision only (approve, reject with a note) on others'
    // meetings, never an approve button on one they own, and the decision writes status and note only.
    const QString own = pulledMeeting(QStringLiteral("submitted"), kManager);
    const QString others = pulledMeeting(QStringLiteral("submitted"), kRep); // no ends_at: nothing to fill in
    QVERIFY(!own.isEmpty() && !others.isEmpty());
    {
        MeetingEditor editor(m_store.get(), account(QStringLiteral("manager")), own);
        QVERIFY(editor.findChild<QPushButton *>(QStringLiteral("approveButton"))->isHidden());
        QVERIFY(editor.findChild<QPushButton *>(QStringLiteral("rejectButton"))->isHidden());
        QVERIFY(editor.findChild<QPushButton *>(QStringLiteral("saveButton"))->isHidden());
    }
    MeetingEditor editor(m_store.get(), account(QStringLiteral("manager")), others);
    auto *approve = editor.findChild<QPushButton *>(QStringLiteral("approveButton"));
    QVERIFY(!approve->isHidden());
    QVERIFY(!editor.findChild<QPushButton *>(QStringLiteral("rejectButton"))->isHidden());
    QVERIFY(editor.findChild<QPushButton *>(QStringLiteral("saveButton"))->isHidden());
    for (const char *name : {"titleLineEdit", "budgetSpinBox", "startsAtEdit", "attendeesTableWidget",
             "expensesTableWidget", "addExpenseButton", "hcpSearchLineEdit"})
        QVERIFY2(!editor.findChild<QWidget *>(QString::fromLatin1(name))->isEnabled(), name);
    QTest::mouseClick(approve, Qt::LeftButton);
    QCOMPARE(editor.status(), QStringLiteral("approved"));
    QList<OutboxMutation> sent = outboxOf(others);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().set.keys(), QStringList {QStringLiteral("status")});

    // A rejection carries the note, and nothing else.
    const QString third = pulledMeeting(QStringLiteral("submitted"), kRep);
    MeetingEditor rejecting(m_store.get(), account(QStringLiteral("manager")), third);
    QTest::mouseClick(rejecting.findChild<QPushButton *>(QStringLiteral("rejectButton")), Qt::LeftButton);
    QCOMPARE(rejecting.status(), QStringLiteral("rejected"));
    sent = outboxOf(third);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(
        sent.first().set.keys(), (QStringList {QStringLiteral("decision_note"), QStringLiteral("status")}));
    QCOMPARE(sent.first().set.value("decision_note").toString(), QStringLiteral("预算过高"));
}

void TestMeetingEditor::repNeverWritesTheDecisionNote()
{
    // Issue 18 point 9: the rep reads the manager's note and has no way to write it.
    const QString id = pulledMeeting(QStringLiteral("rejected"), kRep, {{"decision_note", "讲者费用过高"}});
    MeetingEditor editor(m_store.get(), account(QStringLiteral("rep")), id);
    auto *banner = editor.findChild<QLabel *>(QStringLiteral("decisionBannerLabel"));
    QVERIFY(banner);
    QVERIFY(!banner->isHidden());
    QVERIFY2(banner->text().contains(QStringLiteral("讲者费用过高")), qPrintable(banner->text()));
    for (const QLineEdit *edit : editor.findChildren<QLineEdit *>())
        QVERIFY(!edit->text().contains(QStringLiteral("讲者费用过高")));
    QVERIFY(MeetingPermissions(QStringLiteral("manager"), kManager, m_pulled.value(id)).writeDecisionNote());
    QVERIFY(!MeetingPermissions(QStringLiteral("rep"), kRep, m_pulled.value(id)).writeDecisionNote());
    // Editing it again sends the status only: the note stays the manager's.
    QVERIFY(editor.transition(QStringLiteral("draft")));
    const QList<OutboxMutation> sent = outboxOf(id);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().set.keys(), QStringList {QStringLiteral("status")});
}

void TestMeetingEditor::sentBackMeetingSaysWhy()
{
    // Issue 18 point 9: a save that adds money to an approved meeting says it goes back for a new
    // decision; the server's answer (submitted, with the reason) is shown with the reason.
    const QString id = pulledMeeting(QStringLiteral("approved"), kRep);
    auto *editor = new MeetingEditor(m_store.get(), account(QStringLiteral("rep")), id);
    auto *banner = editor->findChild<QLabel *>(QStringLiteral("decisionBannerLabel"));
    QVERIFY(banner->isHidden());
    // Below the limit: a listener added, the fee left at 0.
    editor->addHcp(m_hcps[0]);
    QVERIFY(editor->save());
    QVERIFY(banner->isHidden());
    QCOMPARE(meetings::resubmitReason(m_store.get(), *meetings::load(m_store.get(), id)), QString());
    // At it: a fee of 1 fen.
    auto *table = editor->findChild<QTableWidget *>(QStringLiteral("attendeesTableWidget"));
    qobject_cast<QDoubleSpinBox *>(table->cellWidget(0, 3))->setValue(0.01);
    QVERIFY(editor->save());
    QVERIFY(!banner->isHidden());
    QVERIFY2(
        banner->text().contains(QStringLiteral("a fee was added or raised")), qPrintable(banner->text()));
    // A speaker added.
    editor->addHcp(m_hcps[1], QStringLiteral("speaker"));
    QVERIFY(editor->save());
    QVERIFY2(banner->text().contains(QStringLiteral("a speaker was added")), qPrintable(banner->text()));
    QCOMPARE(editor->status(), QStringLiteral("approved")); // the server decides, at the next sync
    delete editor;

    // The server's answer: back to submitted, with why. The rep cannot hold it.
    QVERIFY(pullMeeting(id, 2, {{"status", "submitted"}, {"resubmit_reason", "speaker_added"}}));
    MeetingEditor sentBack(m_store.get(), account(QStringLiteral("rep")), id);
    banner = sentBack.findChild<QLabel *>(QStringLiteral("decisionBannerLabel"));
    QCOMPARE(sentBack.status(), QStringLiteral("submitted"));
    QVERIFY(!banner->isHidden());
    QVERIFY2(
        banner->text().contains(QStringLiteral("sent back for a new decision because a speaker was added")),
        qPrintable(banner->text()));
    QVERIFY(sentBack.findChild<QPushButton *>(QStringLiteral("holdButton"))->isHidden());
    // Approved again: the reason was answered.
    QVERIFY(pullMeeting(id, 3, {{"status", "approved"}, {"resubmit_reason", QJsonValue()}}));
    MeetingEditor decided(m_store.get(), account(QStringLiteral("rep")), id);
    QVERIFY(decided.findChild<QLabel *>(QStringLiteral("decisionBannerLabel"))->isHidden());
}

// Right after approval nobody has signed in yet: the panel counts the planned attendees (as the rules
// do for an approved meeting), not the signed-in ones (none, so the whole catering bill would be one
// head's and the panel would turn red). Once sign-in starts, it counts those signed in.
void TestMeetingEditor::complianceCountsPlannedAttendeesUntilSignIn()
{
    const WriteResult m = m_store->create(QStringLiteral("meeting"),
        {{"territory_id", kTerritory}, {"title", "高血压诊疗进展学术会"},
            {"starts_at", "2026-12-05T10:00:00Z"}, {"owner_id", kRep}, {"status", "approved"},
            {"budget_minor", 500000}});
    QVERIFY(m.ok);
    for (const QString &hcp : std::as_const(m_hcps))
        QVERIFY(m_store
                    ->create(QStringLiteral("meeting_attendee"),
                        {{"meeting_id", m.id}, {"hcp_id", hcp}, {"signed_in", false}})
                    .ok);
    // 600 CNY of catering: 150 per planned head, under the 200 cap; 600 for "no head at all".
    QVERIFY(m_store
                ->create(QStringLiteral("meeting_expense"),
                    {{"meeting_id", m.id}, {"category", "catering"}, {"amount_minor", 60000},
                        {"status", "estimated"}})
                .ok);
    MeetingEditor editor(m_store.get(), account(QStringLiteral("rep")), m.id);
    QCOMPARE(editor.status(), QStringLiteral("approved"));
    auto *heads = editor.findChild<QLabel *>(QStringLiteral("headCountLabel"));
    QVERIFY(heads);
    QCOMPARE(heads->text(), MeetingEditor::tr("Counts %n planned attendee(s).", nullptr, 4));
    QVERIFY2(editor.violations().isEmpty(), qPrintable(codes(editor.violations()).join(QLatin1Char(' '))));
    auto *list = editor.findChild<QListWidget *>(QStringLiteral("complianceListWidget"));
    QCOMPARE(list->count(), 1);
    QCOMPARE(list->item(0)->text(), QStringLiteral("No rule is broken."));
    // Holding still needs a signed-in attendee: the button says so (and only that: the per-head figures
    // over nobody are not the reason), the list does not turn red for it.
    QVERIFY(!editor.findChild<QPushButton *>(QStringLiteral("holdButton"))->isEnabled());
    const QString holdReason = editor.blockedReason(QStringLiteral("held"));
    QVERIFY(!holdReason.isEmpty());
    QVERIFY2(!holdReason.contains(QStringLiteral("600")), qPrintable(holdReason));

    // Sign-in starts: one head so far, and the catering is 600 CNY for that one.
    auto *table = editor.findChild<QTableWidget *>(QStringLiteral("attendeesTableWidget"));
    table->item(0, 4)->setCheckState(Qt::Checked);
    QCOMPARE(heads->text(),
        MeetingEditor::tr("Counts %n signed-in attendee(s) of %1 planned.", nullptr, 1).arg(4));
    QVERIFY(codes(editor.violations()).contains(QStringLiteral("catering_per_head")));
    for (int r = 1; r < table->rowCount(); ++r)
        table->item(r, 4)->setCheckState(Qt::Checked);
    QCOMPARE(heads->text(),
        MeetingEditor::tr("Counts %n signed-in attendee(s) of %1 planned.", nullptr, 4).arg(4));
    // 150 CNY a head again; what remains is the evidence the close will want (a warning for now).
    QCOMPARE(codes(editor.violations()), QStringList {QStringLiteral("evidence_before_closed")});
    QVERIFY(!editor.violations().first().blocking);
    QVERIFY(editor.findChild<QPushButton *>(QStringLiteral("holdButton"))->isEnabled());
}

// "Cancel meeting" cannot be undone: it stands at the far left, apart from Approve and Reject at the
// right, not next to them on screen nor in the Tab order, and asks before it acts.
void TestMeetingEditor::cancelStandsApartFromApprove()
{
    const QString id = pulledMeeting(QStringLiteral("submitted"), kRep);
    QVERIFY(!id.isEmpty());
    MeetingEditor editor(m_store.get(), account(QStringLiteral("manager")), id);
    editor.resize(1180, 820);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    auto *cancel = editor.findChild<QPushButton *>(QStringLiteral("cancelMeetingButton"));
    auto *approve = editor.findChild<QPushButton *>(QStringLiteral("approveButton"));
    QVERIFY(cancel && approve);
    QVERIFY(cancel->isVisible() && approve->isVisible());
    // The visible buttons of the row, left to right.
    QList<QPushButton *> row;
    for (QPushButton *b : editor.findChildren<QPushButton *>()) {
        if (b->isVisible() && b->parentWidget() == &editor && qAbs(b->y() - approve->y()) < 4)
            row << b;
    }
    std::sort(row.begin(), row.end(), [](QPushButton *a, QPushButton *b) { return a->x() < b->x(); });
    QStringList names;
    for (QPushButton *b : std::as_const(row))
        names << b->objectName();
    QCOMPARE(names.first(), QStringLiteral("cancelMeetingButton"));
    QVERIFY2(qAbs(names.indexOf(QStringLiteral("cancelMeetingButton"))
                 - names.indexOf(QStringLiteral("approveButton")))
            > 1,
        qPrintable(names.join(QLatin1Char(' '))));
    QVERIFY2(approve->x() - cancel->geometry().right() > editor.width() / 3,
        qPrintable(QStringLiteral("%1 → %2").arg(cancel->geometry().right()).arg(approve->x())));
    // Nor neighbours by Tab.
    QVERIFY(cancel->nextInFocusChain() != approve && approve->nextInFocusChain() != cancel);

    // It asks; "no" leaves the meeting as it was.
    m_prompter.confirmAnswer = false;
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(m_prompter.confirmed.size(), 1);
    QCOMPARE(meetings::load(m_store.get(), id)->status(), QStringLiteral("submitted"));
}

QTEST_MAIN(TestMeetingEditor)
#include "tst_meetingeditor.moc"
