// Consent in the desktop client (issue 20 point 1; docs/privacy.md, Consent), offscreen, driving the real
// widgets by object name: the HCP 360 Consent panel lists each channel's state and captures, renews and
// withdraws consent offline; the visit dialog and the meeting editor warn (not block) before saving a
// contact the rule blocks; Today and the HCP list show consent about to expire. Screenshots in English
// and Chinese (ROUNDS_SCREENSHOT_DIR).

#include "common/protocol/pulledchange.h"
#include "common/protocol/values.h"
#include "models/hcplistmodel.h"
#include "models/store.h"
#include "sync/session.h"
#include "ui/common/dates.h"
#include "ui/common/prompter.h"
#include "ui/hcp/consentpanel.h"
#include "ui/hcp/hcpprofileview.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/meetings/meetingeditor.h"
#include "ui/today/todayview.h"
#include "ui/visits/visitdialog.h"
#include "uitest.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace rounds;
using uitest::child;

namespace {

const QString kTerritory = QStringLiteral("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa1");
const QString kRep = QStringLiteral("33333333-3333-4333-8333-333333333331");
const QString kWang = QStringLiteral("66666666-6666-4666-8666-666666666661");
const QString kChen = QStringLiteral("66666666-6666-4666-8666-666666666662");
const QString kProduct = QStringLiteral("77777777-7777-4777-8777-777777777771");

PulledChange change(const QString &entity, const QJsonObject &fields, const QString &bucket,
    const QString &id = protocol::newUuid())
{
    PulledChange c;
    c.bucket = bucket;
    c.entity = entity;
    c.id = id;
    c.record = fields;
    c.record.insert(QStringLiteral("id"), id);
    c.record.insert(QStringLiteral("version"), 1);
    return c;
}

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

class ScriptedPrompter final : public Prompter
{
public:
    bool confirmAnswer = false;
    QStringList asked;
    bool confirm(QWidget *, const QString &, const QString &text) override
    {
        asked << text;
        return confirmAnswer;
    }
    std::optional<QString> askText(QWidget *, const QString &, const QString &, const QString &) override
    {
        return std::nullopt;
    }
    void inform(QWidget *, const QString &, const QString &text) override { asked << text; }
};

// The row of a channel (product-wide) in the panel's table.
int rowOf(QTableWidget *table, const QString &channel)
{
    for (int r = 0; r < table->rowCount(); ++r) {
        const QTableWidgetItem *item = table->item(r, 0);
        if (item->data(Qt::UserRole).toString() == channel
            && item->data(Qt::UserRole + 1).toString().isEmpty())
            return r;
    }
    return -1;
}

QString stateOf(QTableWidget *table, const QString &channel)
{
    const int r = rowOf(table, channel);
    return r < 0 ? QString() : table->item(r, 1)->text();
}

void choose(QComboBox *box, const QString &value)
{
    box->setCurrentIndex(box->findData(value));
}

} // namespace

class TestConsentPanel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void panelListsEveryChannel();
    void captureRenewWithdrawOffline();
    void visitDialogWarnsBeforeSaving();
    void invitationWarnsInTheMeetingEditor();
    void expiringShowsOnTodayAndInTheList();
    void screenshots_data();
    void screenshots();

private:
    QTemporaryDir m_home;
    std::unique_ptr<Session> m_session;
    ScriptedPrompter m_prompter;
    uitest::Language m_language;
};

void TestConsentPanel::initTestCase()
{
    QVERIFY(m_home.isValid());
    uitest::useHome(m_home, "RoundsConsent");
    Prompter::setInstance(&m_prompter);
}

void TestConsentPanel::init()
{
    QVERIFY(m_language.use(QStringLiteral("en")));
    m_prompter.asked.clear();
    m_prompter.confirmAnswer = false;
    const QString path = m_home.filePath(QStringLiteral("rep-%1.db").arg(protocol::newUuid()));
    {
        Store store;
        QVERIFY(store.open(path).ok);
        QVERIFY(store.setMeta(QStringLiteral("role"), QStringLiteral("rep")));
        QVERIFY(store.setMeta(QStringLiteral("user_id"), kRep));
        const QString global = QStringLiteral("global");
        const QString bucket = QStringLiteral("t:") + kTerritory;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QList<PulledChange> page {
            change(QStringLiteral("territory"),
                {{"code", "SH-01"}, {"name", "上海一区"}, {"level", "territory"}, {"owner_id", kRep}}, global,
                kTerritory),
            change(QStringLiteral("product"), {{"name", "Amlodin"}, {"active", true}}, global, kProduct),
            change(QStringLiteral("hcp"),
                {{"full_name", "王建华"}, {"status", "active"}, {"tier", "A"}, {"specialty", "心内科"}},
                bucket, kWang),
            change(QStringLiteral("hcp"), {{"full_name", "陈志强"}, {"status", "active"}, {"tier", "B"}},
                bucket, kChen),
            change(QStringLiteral("alignment"),
                {{"territory_id", kTerritory}, {"hcp_id", kWang}, {"valid_from", "2026-01-01"},
                    {"target_calls_per_cycle", 4}},
                bucket),
            change(QStringLiteral("alignment"),
                {{"territory_id", kTerritory}, {"hcp_id", kChen}, {"valid_from", "2026-01-01"},
                    {"target_calls_per_cycle", 2}},
                bucket),
            // Wang: face to face in force, phone ends in 10 days, e-mail withdrawn, one product's message.
            change(QStringLiteral("consent"),
                {{"hcp_id", kWang}, {"channel", "face_to_face"}, {"status", "granted"},
                    {"captured_at", iso(now.addDays(-30))}, {"source", "paper_form"},
                    {"evidence", "表 2026-031"}, {"expires_at", iso(now.addDays(335))}},
                bucket),
            change(QStringLiteral("consent"),
                {{"hcp_id", kWang}, {"channel", "phone"}, {"status", "granted"},
                    {"captured_at", iso(now.addDays(-355))}, {"source", "verbal"},
                    {"expires_at", iso(now.addDays(10))}},
                bucket),
            change(QStringLiteral("consent"),
                {{"hcp_id", kWang}, {"channel", "email"}, {"status", "withdrawn"},
                    {"captured_at", iso(now.addDays(-3))}, {"source", "online"}},
                bucket),
            change(QStringLiteral("consent"),
                {{"hcp_id", kWang}, {"channel", "message"}, {"product_id", kProduct}, {"status", "granted"},
                    {"captured_at", iso(now.addDays(-3))}, {"source", "online"}},
                bucket),
        };
        const ApplyResult r = store.applyPage(page, {{global, 3}, {bucket, 10}});
        QVERIFY2(r.ok, qPrintable(r.error));
    }
    m_session = std::make_unique<Session>();
    QString error;
    QVERIFY2(m_session->openDatabase(path, &error), qPrintable(error));
}

void TestConsentPanel::cleanup()
{
    m_session.reset();
    QVERIFY(m_language.use(QStringLiteral("en")));
}

void TestConsentPanel::panelListsEveryChannel()
{
    HcpProfileView profile(m_session.get());
    profile.setHcp(kWang);
    auto *table = child<QTableWidget>(&profile, "consentTableWidget");
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 9); // eight channels and message for one product
    QCOMPARE(stateOf(table, QStringLiteral("face_to_face")), QStringLiteral("Granted"));
    QCOMPARE(stateOf(table, QStringLiteral("phone")), QStringLiteral("Expires soon"));
    QCOMPARE(stateOf(table, QStringLiteral("email")), QStringLiteral("Withdrawn"));
    QCOMPARE(stateOf(table, QStringLiteral("wecom")), QStringLiteral("None"));
    // The product's own line sits under its channel, which as a whole has none.
    const int message = rowOf(table, QStringLiteral("message"));
    QCOMPARE(table->item(message, 1)->text(), QStringLiteral("None"));
    QVERIFY(table->item(message + 1, 0)->text().contains(QStringLiteral("Amlodin")));
    QCOMPARE(table->item(message + 1, 1)->text(), QStringLiteral("Granted"));
    QVERIFY(table->item(rowOf(table, QStringLiteral("face_to_face")), 3)
                ->text()
                .contains(QStringLiteral("表 2026-031")));
    // Selecting a line picks its channel and product for the form.
    table->setCurrentCell(message + 1, 0);
    QCOMPARE(child<QComboBox>(&profile, "consentChannelComboBox")->currentData().toString(),
        QStringLiteral("message"));
    QCOMPARE(child<QComboBox>(&profile, "consentProductComboBox")->currentData().toString(), kProduct);
}

void TestConsentPanel::captureRenewWithdrawOffline()
{
    HcpProfileView profile(m_session.get());
    profile.setHcp(kWang);
    profile.show();
    auto *table = child<QTableWidget>(&profile, "consentTableWidget");
    auto *grant = child<QPushButton>(&profile, "consentGrantButton");
    auto *withdraw = child<QPushButton>(&profile, "consentWithdrawButton");
    QVERIFY(grant && withdraw && grant->isVisible());
    Store *store = m_session->store();
    const int queued = store->pendingCount();

    // Capture WeCom from a paper form, with its evidence reference.
    choose(child<QComboBox>(&profile, "consentChannelComboBox"), QStringLiteral("wecom"));
    choose(child<QComboBox>(&profile, "consentProductComboBox"), QString());
    choose(child<QComboBox>(&profile, "consentSourceComboBox"), QStringLiteral("paper_form"));
    QTest::keyClicks(child<QLineEdit>(&profile, "consentEvidenceLineEdit"), "form 2026-044");
    QTest::mouseClick(grant, Qt::LeftButton);
    QCOMPARE(stateOf(table, QStringLiteral("wecom")), QStringLiteral("Granted"));
    QVERIFY(table->item(rowOf(table, QStringLiteral("wecom")), 3)
                ->text()
                .contains(QStringLiteral("form 2026-044")));
    QCOMPARE(store->pendingCount(), queued + 1);
    const OutboxMutation m = store->outbox().last();
    QCOMPARE(m.entity, QStringLiteral("consent"));
    QCOMPARE(m.set.value("source").toString(), QStringLiteral("paper_form"));
    // The default validity: one year from capture.
    const QDateTime captured = QDateTime::fromString(m.set.value("captured_at").toString(), Qt::ISODate);
    const QDateTime expires = QDateTime::fromString(m.set.value("expires_at").toString(), Qt::ISODate);
    QCOMPARE(captured.daysTo(expires), 365);
    QVERIFY(child<QLineEdit>(&profile, "consentEvidenceLineEdit")->text().isEmpty());

    // Renew the phone consent about to end: it is in force for a year again.
    choose(child<QComboBox>(&profile, "consentChannelComboBox"), QStringLiteral("phone"));
    QTest::mouseClick(grant, Qt::LeftButton);
    QCOMPARE(stateOf(table, QStringLiteral("phone")), QStringLiteral("Granted"));

    // Withdraw face to face.
    choose(child<QComboBox>(&profile, "consentChannelComboBox"), QStringLiteral("face_to_face"));
    QTest::mouseClick(withdraw, Qt::LeftButton);
    QCOMPARE(stateOf(table, QStringLiteral("face_to_face")), QStringLiteral("Withdrawn"));
    QCOMPARE(store->pendingCount(), queued + 3);
    QVERIFY(child<QLabel>(&profile, "consentMessageLabel")->text().contains(QStringLiteral("Withdrawal")));
}

void TestConsentPanel::visitDialogWarnsBeforeSaving()
{
    Store *store = m_session->store();
    AccountInfo account;
    account.server = QStringLiteral("https://rounds.example");
    account.user = QStringLiteral("zhang");
    account.userId = kRep;
    account.role = QStringLiteral("rep");
    account.territoryIds = {kTerritory};
    const int before = int(store->records(QStringLiteral("visit")).size());
    {
        // E-mail was withdrawn: a "material sent" visit (an e-mail contact) warns; "no" saves nothing.
        VisitDialog dialog(store, account, kWang);
        choose(child<QComboBox>(&dialog, "channelComboBox"), QStringLiteral("material"));
        m_prompter.confirmAnswer = false;
        QVERIFY(!dialog.saveDraft());
        QCOMPARE(m_prompter.asked.size(), 1);
        QVERIFY2(m_prompter.asked.first().contains(QStringLiteral("withdrew")),
            qPrintable(m_prompter.asked.first()));
        QVERIFY(m_prompter.asked.first().contains(QStringLiteral("王建华")));
        QCOMPARE(int(store->records(QStringLiteral("visit")).size()), before);
        // "Save anyway" saves (warn, not block), and does not ask again for the same channel.
        m_prompter.confirmAnswer = true;
        QVERIFY(dialog.saveDraft());
        QVERIFY(dialog.saveDraft());
        QCOMPARE(m_prompter.asked.size(), 2);
        QCOMPARE(int(store->records(QStringLiteral("visit")).size()), before + 1);
    }
    {
        // Face to face is in force: no question.
        m_prompter.asked.clear();
        VisitDialog dialog(store, account, kWang);
        choose(child<QComboBox>(&dialog, "channelComboBox"), QStringLiteral("face_to_face"));
        QVERIFY(dialog.saveDraft());
        QVERIFY(m_prompter.asked.isEmpty());
    }
    {
        // Consent not required (the company setting is off): missing consent does not warn...
        m_prompter.asked.clear();
        VisitDialog dialog(store, account, kChen);
        choose(child<QComboBox>(&dialog, "channelComboBox"), QStringLiteral("phone"));
        QVERIFY(dialog.saveDraft());
        QVERIFY(m_prompter.asked.isEmpty());
    }
    // ... and does once an administrator turns it on (the setting arrives by sync).
    const QString bucket = QStringLiteral("global");
    PulledChange setting
        = change(QStringLiteral("setting"), {{"key", "consent.required"}, {"value", true}}, bucket);
    setting.record.insert(QStringLiteral("updated_at"), iso(QDateTime::currentDateTimeUtc()));
    QVERIFY(store->applyPage({setting}, {{bucket, 4}}).ok);
    m_prompter.asked.clear();
    m_prompter.confirmAnswer = false;
    VisitDialog dialog(store, account, kChen);
    choose(child<QComboBox>(&dialog, "channelComboBox"), QStringLiteral("phone"));
    QVERIFY(!dialog.saveDraft());
    QCOMPARE(m_prompter.asked.size(), 1);
    QVERIFY(m_prompter.asked.first().contains(QStringLiteral("has not consented")));
}

void TestConsentPanel::invitationWarnsInTheMeetingEditor()
{
    // Wang withdrew event invitations (captured in the panel): adding him to a meeting asks first.
    {
        HcpProfileView profile(m_session.get());
        profile.setHcp(kWang);
        choose(child<QComboBox>(&profile, "consentChannelComboBox"), QStringLiteral("event_invitation"));
        QVERIFY(profile.findChild<ConsentPanel *>()->withdraw());
    }
    AccountInfo account;
    account.server = QStringLiteral("https://rounds.example");
    account.user = QStringLiteral("zhang");
    account.userId = kRep;
    account.role = QStringLiteral("rep");
    account.territoryIds = {kTerritory};
    MeetingEditor editor(m_session->store(), account);
    auto *attendees = child<QTableWidget>(&editor, "attendeesTableWidget");
    QVERIFY(attendees);
    const int rows = attendees->rowCount();
    m_prompter.confirmAnswer = false;
    editor.addHcp(kWang);
    QCOMPARE(attendees->rowCount(), rows);
    QCOMPARE(m_prompter.asked.size(), 1);
    QVERIFY(m_prompter.asked.first().contains(QStringLiteral("Event invitations")));
    m_prompter.confirmAnswer = true;
    editor.addHcp(kWang);
    QCOMPARE(attendees->rowCount(), rows + 1);
    // Chen has no record at all and consent is not required: added without a question.
    m_prompter.asked.clear();
    editor.addHcp(kChen);
    QCOMPARE(attendees->rowCount(), rows + 2);
    QVERIFY(m_prompter.asked.isEmpty());
}

void TestConsentPanel::expiringShowsOnTodayAndInTheList()
{
    TodayView today(m_session.get());
    auto *list = child<QListWidget>(&today, "consentExpiringListWidget");
    QVERIFY(list);
    QCOMPARE(list->count(), 1);
    QVERIFY(list->item(0)->text().contains(QStringLiteral("王建华")));
    QVERIFY(list->item(0)->text().contains(QStringLiteral("Phone")));

    // Three more of Wang's consents end soon, one of them sooner: still one line for Wang, with the
    // soonest end and the channels, the rest named in the tooltip.
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString bucket = QStringLiteral("t:") + kTerritory;
        QList<PulledChange> more;
        const std::pair<const char *, int> ends[] = {{"remote", 20}, {"wecom", 5}, {"event_invitation", 25}};
        for (const auto &[channel, days] : ends)
            more << change(QStringLiteral("consent"),
                {{"hcp_id", kWang}, {"channel", channel}, {"status", "granted"},
                    {"captured_at", iso(now.addDays(days - 365))}, {"source", "verbal"},
                    {"expires_at", iso(now.addDays(days))}},
                bucket);
        const ApplyResult r = m_session->store()->applyPage(more, {{bucket, 11}});
        QVERIFY2(r.ok, qPrintable(r.error));
        TodayView again(m_session.get());
        auto *grouped = child<QListWidget>(&again, "consentExpiringListWidget");
        QCOMPARE(grouped->count(), 1);
        const QString text = grouped->item(0)->text();
        QVERIFY2(text.contains(Dates::date(now.addDays(5).toLocalTime().date())), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("and 2 more")), qPrintable(text));
        for (const char *label : {"Phone", "WeCom", "Remote (video)", "Event invitations"})
            QVERIFY2(grouped->item(0)->toolTip().contains(QString::fromLatin1(label)),
                qPrintable(grouped->item(0)->toolTip()));
    }

    HcpListModel model(m_session->store());
    QTRY_VERIFY(model.rowCount() == 2);
    QHash<QString, QString> consentOf;
    for (int r = 0; r < model.rowCount(); ++r)
        consentOf.insert(model.data(model.index(r, 0), HcpListModel::IdRole).toString(),
            model.data(model.index(r, HcpListModel::Consent)).toString());
    QCOMPARE(consentOf.value(kWang), QStringLiteral("Face to face · expires soon"));
    // Chen has no consent: listed all the same, and said so.
    QCOMPARE(consentOf.value(kChen), QStringLiteral("None"));
}

void TestConsentPanel::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << "en";
    QTest::newRow("zh_CN") << "zh_CN";
}

// The Consent panel in the HCP profile (ROUNDS_SCREENSHOT_DIR: docs/screenshots/consent-LANG.png).
void TestConsentPanel::screenshots()
{
    QFETCH(QString, language);
    QVERIFY(m_language.use(language));
    MainWindow window(m_session.get());
    window.resize(1366, 768);
    window.show();
    window.showView(QStringLiteral("hcps"));
    window.showHcp(kWang);
    QCoreApplication::processEvents();
    auto *panel = child<ConsentPanel>(&window, "consentGroupBox");
    QVERIFY(panel && panel->isVisible());
    // The profile scrolls: bring the panel into view, as a rep scrolling down sees it.
    for (QWidget *w = panel->parentWidget(); w; w = w->parentWidget()) {
        if (auto *scroll = qobject_cast<QScrollArea *>(w)) {
            scroll->ensureWidgetVisible(panel, 0, 0);
            break;
        }
    }
    QCoreApplication::processEvents();
    const QPixmap shot = window.grab();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("ROUNDS_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(shot.save(dir + QStringLiteral("/consent-") + language + QStringLiteral(".png")));
}

QTEST_MAIN(TestConsentPanel)
#include "tst_consentpanel.moc"
