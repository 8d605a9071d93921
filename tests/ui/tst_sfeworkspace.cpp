// The SFE workspace widgets offscreen over a real store: the territory tree's edits as outbox
// mutations and its pending/conflict marks, a move of selected HCPs with an effective date and a bulk
// target edit through the alignment editor's own controls, the workload table's highlights, the
// master data form's validation next to the fields, a GBK import whose bad row is marked and nothing
// applied, the duplicate review's merge, and a change request decided from the queue.

#include "common/protocol/values.h"
#include "common/sqlite/database.h"
#include "models/alignments.h"
#include "models/store.h"
#include "ui/common/prompter.h"
#include "ui/masterdata/changerequestsview.h"
#include "ui/masterdata/duplicatesview.h"
#include "ui/masterdata/masterdataview.h"
#include "ui/territories/alignmenteditor.h"
#include "ui/territories/territoryview.h"
#include "ui/territories/workloadview.h"

#include "ui/common/dateedit.h"
#include "ui/common/importpreview.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardItem>
#include <QStringEncoder>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTreeView>
#include <QtTest>

using namespace rounds;

namespace {

const QDate kToday {2026, 11, 22};

QString day(int offset)
{
    return kToday.addDays(offset).toString(Qt::ISODate);
}

template<typename T> T *child(QWidget *parent, const char *name)
{
    T *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

class ScriptedPrompter final : public Prompter
{
public:
    bool confirm(QWidget *, const QString &title, const QString &text) override
    {
        ++confirms;
        lastTitle = title;
        lastText = text;
        return answer;
    }
    std::optional<QString> askSaveFile(QWidget *, const QString &, const QString &, const QString &) override
    {
        return savePath.isEmpty() ? std::nullopt : std::optional<QString>(savePath);
    }
    std::optional<QString> askText(QWidget *, const QString &, const QString &, const QString &) override
    {
        return texts.isEmpty() ? std::nullopt : std::optional<QString>(texts.takeFirst());
    }
    void inform(QWidget *, const QString &, const QString &) override { }
    bool answer = true;
    int confirms = 0;
    QString lastTitle;
    QString lastText;
    QString savePath;
    QStringList texts;
};

} // namespace

class TestSfeWorkspace : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void treeEditsAreOutboxMutations();
    void treeMarksPendingAndConflicted();
    void moveSelectionWithEffectiveDate();
    void bulkTargetByTier();
    void workloadHighlightsOutliers();
    void hcpFormShowsProblemsNextToFields();
    void importPreviewMarksBadGbkRowAndAppliesNothing();
    void importAppliesAGoodFileWhole();
    void duplicateReviewMerges();
    void changeRequestQueue();
    void pagesFitASmallWindow();
    // Issue 19, point 3: realignment without traps.
    void dateEditTakesFourDigitYearsAndIso();
    void changesAskWithASummaryAndCancelAppliesNothing();
    void pendingMoveCanBeChangedAndWithdrawnUntilEffective();
    void alignmentTableFiltersLikeTheHcpList();
    // Issue 19, point 11: an import preview that shows everything.
    void importPreviewListsEveryProblemAndMarksTheCells();
    void templateImportsBackWithoutErrors();
    // Pictures for review (ROUNDS_SHOT_DIR set; ROUNDS_SHOT_QM a zh_CN .qm for the Chinese ones).
    void screenshotsForReview();

private:
    QString pulled(const QString &entity, QJsonObject fields);
    QString hcp(const QString &name, const QString &tier, const QString &institution = {});
    QString align(const QString &territory, const QString &hcpId, int from, int target = 4);
    QList<OutboxMutation> outboxOf(const QString &entity, const QString &recordId = {}) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    ScriptedPrompter m_prompter;
    qint64 m_seq = 0;
    QString m_region, m_district, m_district2, m_t1, m_t2, m_rep1, m_rep2, m_inst;
};

QString TestSfeWorkspace::pulled(const QString &entity, QJsonObject fields)
{
    const QString id = protocol::newUuid();
    fields.insert(QStringLiteral("id"), id);
    fields.insert(QStringLiteral("version"), 1);
    fields.insert(QStringLiteral("updated_at"), QStringLiteral("2026-11-01T00:00:00.000Z"));
    fields.insert(QStringLiteral("updated_by"), m_rep1.isEmpty() ? protocol::newUuid() : m_rep1);
    PulledChange c;
    c.bucket = QStringLiteral("global");
    c.seq = ++m_seq;
    c.entity = entity;
    c.id = id;
    c.record = fields;
    const ApplyResult r = m_store->applyPage({c}, {});
    if (r.upserted != 1)
        qWarning() << "pull of" << entity << "failed" << r.error;
    return id;
}

QString TestSfeWorkspace::hcp(const QString &name, const QString &tier, const QString &institution)
{
    QJsonObject f {{QStringLiteral("full_name"), name}, {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("tier"), tier}};
    if (!institution.isEmpty())
        f.insert(QStringLiteral("institution_id"), institution);
    return pulled(QStringLiteral("hcp"), f);
}

QString TestSfeWorkspace::align(const QString &territory, const QString &hcpId, int from, int target)
{
    return pulled(QStringLiteral("alignment"),
        {{QStringLiteral("territory_id"), territory}, {QStringLiteral("hcp_id"), hcpId},
            {QStringLiteral("valid_from"), day(from)}, {QStringLiteral("target_calls_per_cycle"), target}});
}

QList<OutboxMutation> TestSfeWorkspace::outboxOf(const QString &entity, const QString &recordId) const
{
    QList<OutboxMutation> out;
    for (const OutboxMutation &m : m_store->outbox()) {
        if (m.entity == entity && (recordId.isEmpty() || m.recordId == recordId))
            out << m;
    }
    return out;
}

void TestSfeWorkspace::init()
{
    Prompter::setInstance(&m_prompter);
    m_prompter = ScriptedPrompter {};
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<Store>();
    QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("rounds.db"))).ok);
    m_seq = 0;
    m_rep1 = QString();
    m_rep1 = pulled(QStringLiteral("user"),
        {{QStringLiteral("username"), QStringLiteral("rep.sh01")},
            {QStringLiteral("display_name"), QStringLiteral("张伟")},
            {QStringLiteral("role"), QStringLiteral("rep")}, {QStringLiteral("active"), true}});
    m_rep2 = pulled(QStringLiteral("user"),
        {{QStringLiteral("username"), QStringLiteral("rep.sh02")},
            {QStringLiteral("display_name"), QStringLiteral("李娜")},
            {QStringLiteral("role"), QStringLiteral("rep")}, {QStringLiteral("active"), true}});
    auto territory
        = [this](const char *code, const char *level, const QString &parent, const QString &owner = {}) {
              QJsonObject f {{QStringLiteral("code"), QString::fromLatin1(code)},
                  {QStringLiteral("name"), QStringLiteral("上海%1").arg(QString::fromLatin1(code))},
                  {QStringLiteral("level"), QString::fromLatin1(level)}};
              if (!parent.isEmpty())
                  f.insert(QStringLiteral("parent_id"), parent);
              if (!owner.isEmpty())
                  f.insert(QStringLiteral("owner_id"), owner);
              return pulled(QStringLiteral("territory"), f);
          };
    m_region = territory("EAST", "region", {});
    m_district = territory("SH", "district", m_region);
    m_district2 = territory("JS", "district", m_region);
    m_t1 = territory("SH-01", "territory", m_district, m_rep1);
    m_t2 = territory("SH-02", "territory", m_district, m_rep2);
    m_inst = pulled(QStringLiteral("institution"),
        {{QStringLiteral("name"), QStringLiteral("复旦大学附属中山医院")},
            {QStringLiteral("kind"), QStringLiteral("hospital")},
            {QStringLiteral("city"), QStringLiteral("上海")},
            {QStringLiteral("grade"), QStringLiteral("三级甲等")}});
    QCOMPARE(m_store->pendingCount(), 0);
}

void TestSfeWorkspace::cleanup()
{
    m_store.reset();
    m_dir.reset();
    Prompter::setInstance(nullptr);
}

void TestSfeWorkspace::treeEditsAreOutboxMutations()
{
    TerritoryView view(m_store.get());
    view.setToday(kToday);
    view.resize(1400, 800);
    view.show();
    QVERIFY(view.itemFor(m_t1));
    QCOMPARE(view.itemFor(m_t1)->parent()->data(TerritoryView::IdRole).toString(), m_district);

    // "New…" under a district asks code then name, and creates a territory there.
    QVERIFY(view.selectTerritory(m_district));
    m_prompter.texts = {QStringLiteral("SH-03"), QStringLiteral("闵行")};
    QTest::mouseClick(child<QPushButton>(&view, "newTerritoryButton"), Qt::LeftButton);
    const QList<OutboxMutation> created = outboxOf(QStringLiteral("territory"));
    QCOMPARE(created.size(), 1);
    const QString t3 = created.first().recordId;
    QCOMPARE(created.first().set.value(QLatin1String("level")).toString(), QStringLiteral("territory"));
    QCOMPARE(created.first().set.value(QLatin1String("parent_id")).toString(), m_district);
    QCOMPARE(created.first().set.value(QLatin1String("code")).toString(), QStringLiteral("SH-03"));
    QCOMPARE(view.currentTerritoryId(), t3);

    // Rename through the prompt.
    QVERIFY(view.selectTerritory(m_t1));
    m_prompter.texts = {QStringLiteral("徐汇北")};
    QTest::mouseClick(child<QPushButton>(&view, "renameTerritoryButton"), Qt::LeftButton);
    // Move to the other district and hand to the other rep (turnover) through the owner box.
    QVERIFY(view.moveCurrentTo(m_district2));
    QCOMPARE(view.itemFor(m_t1)->parent()->data(TerritoryView::IdRole).toString(), m_district2);
    auto *owner = child<QComboBox>(&view, "ownerComboBox");
    QCOMPARE(owner->currentData().toString(), m_rep1);
    owner->setCurrentIndex(owner->findData(m_rep2));
    emit owner->activated(owner->currentIndex());
    const QList<OutboxMutation> t1 = outboxOf(QStringLiteral("territory"), m_t1);
    QCOMPARE(t1.size(), 1); // coalesced into one pending upsert
    QCOMPARE(t1.first().baseVersion, 1);
    QCOMPARE(t1.first().set,
        (QJsonObject {{QStringLiteral("name"), QStringLiteral("徐汇北")},
            {QStringLiteral("parent_id"), m_district2}, {QStringLiteral("owner_id"), m_rep2}}));

    // A move that breaks the level chain is refused and says so; nothing is written.
    QVERIFY(view.selectTerritory(m_t2));
    QVERIFY(!view.moveCurrentTo(m_region));
    QVERIFY(!child<QLabel>(&view, "territoryStatusLabel")->text().isEmpty());
    QVERIFY(outboxOf(QStringLiteral("territory"), m_t2).isEmpty());

    // Retire asks first; a territory with a current alignment is refused.
    align(m_t2, hcp(QStringLiteral("王伟"), QStringLiteral("A")), -10);
    QVERIFY(view.selectTerritory(m_t2));
    QTest::mouseClick(child<QPushButton>(&view, "retireTerritoryButton"), Qt::LeftButton);
    QCOMPARE(m_prompter.confirms, 1);
    QVERIFY(outboxOf(QStringLiteral("territory"), m_t2).isEmpty());
    // The empty new one retires.
    QVERIFY(view.selectTerritory(t3));
    QVERIFY(view.retireCurrent());
}

void TestSfeWorkspace::treeMarksPendingAndConflicted()
{
    TerritoryView view(m_store.get());
    QVERIFY(!view.itemFor(m_t1)->data(TerritoryView::PendingRole).toBool());
    QVERIFY(view.selectTerritory(m_t1));
    QVERIFY(view.renameCurrent(QStringLiteral("徐汇")));
    QTRY_VERIFY(view.itemFor(m_t1)->data(TerritoryView::PendingRole).toBool());
    QVERIFY(!view.itemFor(m_t2)->data(TerritoryView::PendingRole).toBool());
    // A conflict the sync engine stored for SH-02 (a concurrent rename) marks it.
    m_store->database()->exec(QStringLiteral(
        "INSERT INTO conflict(entity, record_id, field, base, mine, theirs, created_at) "
        "VALUES ('territory', '%1', 'name', '\"a\"', '\"b\"', '\"c\"', '2026-11-22T00:00:00Z')")
                                  .arg(m_t2));
    view.reload();
    QVERIFY(view.itemFor(m_t2)->data(TerritoryView::ConflictRole).toBool());
    QVERIFY(view.itemFor(m_t2)->text().contains(QStringLiteral("⚠")));
    QVERIFY(!view.itemFor(m_t1)->data(TerritoryView::ConflictRole).toBool());
}

void TestSfeWorkspace::moveSelectionWithEffectiveDate()
{
    QStringList hcps;
    QStringList alignments;
    for (int i = 0; i < 5; ++i) {
        hcps << hcp(QStringLiteral("医生%1").arg(i), i < 2 ? QStringLiteral("A") : QStringLiteral("B"));
        alignments << align(m_t1, hcps.last(), -30, 6);
    }
    TerritoryView view(m_store.get());
    view.setToday(kToday);
    QVERIFY(view.selectTerritory(m_t1));
    AlignmentEditor *editor = view.alignmentEditor();
    QCOMPARE(editor->territoryId(), m_t1);
    QTableWidget *table = child<QTableWidget>(editor, "alignmentTableWidget");
    QCOMPARE(table->rowCount(), 5);
    // Select the first three rows (as a user would with shift-click).
    table->clearSelection();
    for (int r = 0; r < 3; ++r)
        table->selectionModel()->select(
            table->model()->index(r, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const QStringList moving = editor->selectedHcpIds();
    QCOMPARE(moving.size(), 3);
    auto *target = child<QComboBox>(editor, "moveTerritoryComboBox");
    target->setCurrentIndex(target->findData(m_t2));
    QVERIFY(target->currentIndex() >= 0);
    child<QDateEdit>(editor, "effectiveDateEdit")->setDate(kToday.addDays(7));
    QTest::mouseClick(child<QPushButton>(editor, "moveSelectionButton"), Qt::LeftButton);

    int ended = 0;
    int created = 0;
    for (const OutboxMutation &m : outboxOf(QStringLiteral("alignment"))) {
        if (m.baseVersion == 0) {
            ++created;
            QVERIFY(moving.contains(m.set.value(QLatin1String("hcp_id")).toString()));
            QCOMPARE(m.set.value(QLatin1String("territory_id")).toString(), m_t2);
            QCOMPARE(m.set.value(QLatin1String("valid_from")).toString(), day(7));
            QCOMPARE(m.set.value(QLatin1String("target_calls_per_cycle")).toInt(), 6);
        } else {
            ++ended;
            QCOMPARE(m.set, (QJsonObject {{QStringLiteral("valid_to"), day(6)}}));
        }
    }
    QCOMPARE(ended, 3);
    QCOMPARE(created, 3);
    // Still current in SH-01 until the day before; the table says so.
    QCOMPARE(table->rowCount(), 5);
    QVERIFY(child<QLabel>(editor, "alignmentStatusLabel")->text().contains(QLatin1Char('3')));
    view.selectTerritory(m_t2);
    QCOMPARE(table->rowCount(), 3);
    for (int r = 0; r < 3; ++r)
        QCOMPARE(table->item(r, 0)->data(Qt::UserRole + 2).toInt(), int(AlignmentPhase::Future));
}

void TestSfeWorkspace::bulkTargetByTier()
{
    const QString a1 = align(m_t1, hcp(QStringLiteral("甲"), QStringLiteral("A")), -30, 4);
    const QString a2 = align(m_t1, hcp(QStringLiteral("乙"), QStringLiteral("A")), -30, 4);
    align(m_t1, hcp(QStringLiteral("丙"), QStringLiteral("B")), -30, 4);
    align(m_t2, hcp(QStringLiteral("丁"), QStringLiteral("A")), -30, 4);
    AlignmentEditor editor(m_store.get());
    editor.setToday(kToday);
    editor.setTerritory(m_t1);
    auto *tier = child<QComboBox>(&editor, "targetTierComboBox");
    tier->setCurrentIndex(tier->findData(QStringLiteral("A")));
    child<QSpinBox>(&editor, "targetSpinBox")->setValue(10);
    QTest::mouseClick(child<QPushButton>(&editor, "applyTargetButton"), Qt::LeftButton);
    const QList<OutboxMutation> out = outboxOf(QStringLiteral("alignment"));
    QCOMPARE(out.size(), 2);
    QStringList ids {out.at(0).recordId, out.at(1).recordId};
    ids.sort();
    QStringList expected {a1, a2};
    expected.sort();
    QCOMPARE(ids, expected);
    for (const OutboxMutation &m : out)
        QCOMPARE(m.set, (QJsonObject {{QStringLiteral("target_calls_per_cycle"), 10}}));
    QTableWidget *table = editor.table();
    int tens = 0;
    for (int r = 0; r < table->rowCount(); ++r)
        tens += table->item(r, AlignmentEditor::Target)->text() == QLatin1String("10");
    QCOMPARE(tens, 2);
}

void TestSfeWorkspace::workloadHighlightsOutliers()
{
    for (int i = 0; i < 6; ++i)
        align(m_t1, hcp(QStringLiteral("甲%1").arg(i), QStringLiteral("A"), m_inst), -30, 8);
    align(m_t2, hcp(QStringLiteral("乙"), QStringLiteral("B"), m_inst), -30, 2);
    WorkloadView view(m_store.get());
    view.setToday(kToday);
    view.setDistrict(m_district);
    QTableWidget *table = view.table();
    QCOMPARE(table->rowCount(), 2);
    // SH-01: 48 calls × 20 + 30 = 990; SH-02: 2 × 20 + 30 = 70; mean 530.
    QCOMPARE(table->item(0, 11)->data(Qt::UserRole).toInt(), 1);
    QCOMPARE(table->item(1, 11)->data(Qt::UserRole).toInt(), -1);
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("6"));
    QCOMPARE(table->item(0, 6)->text(), QStringLiteral("48"));
    QCOMPARE(table->item(0, 10)->text(), QLocale().toString(990 / 60.0, 'f', 1));
}

void TestSfeWorkspace::hcpFormShowsProblemsNextToFields()
{
    MasterDataView view(m_store.get());
    view.show();
    view.editHcp({});
    child<QLineEdit>(&view, "phoneLineEdit")->setText(QStringLiteral("12ab"));
    child<QLineEdit>(&view, "emailLineEdit")->setText(QStringLiteral("not-an-address"));
    QVERIFY(!view.saveHcp());
    QVERIFY(child<QLabel>(&view, "full_nameErrorLabel")->isVisible());
    QVERIFY(child<QLabel>(&view, "phoneErrorLabel")->isVisible());
    QVERIFY(child<QLabel>(&view, "emailErrorLabel")->isVisible());
    QVERIFY(!child<QLabel>(&view, "tierErrorLabel")->isVisible());
    QCOMPARE(m_store->pendingCount(), 0);

    child<QLineEdit>(&view, "fullNameLineEdit")->setText(QStringLiteral("陈静"));
    child<QLineEdit>(&view, "phoneLineEdit")->setText(QStringLiteral("+86 138 0013 8000"));
    child<QLineEdit>(&view, "emailLineEdit")->setText(QStringLiteral("chen.jing@zs-hospital.sh.cn"));
    auto *inst = child<QComboBox>(&view, "hcpInstitutionComboBox");
    inst->setCurrentIndex(inst->findData(m_inst));
    auto *tier = child<QComboBox>(&view, "tierComboBox");
    tier->setCurrentIndex(tier->findData(QStringLiteral("B")));
    QVERIFY(view.saveHcp());
    QVERIFY(!child<QLabel>(&view, "phoneErrorLabel")->isVisible());
    const QList<OutboxMutation> out = outboxOf(QStringLiteral("hcp"));
    QCOMPARE(out.size(), 1);
    QCOMPARE(out.first().set.value(QLatin1String("full_name")).toString(), QStringLiteral("陈静"));
    QCOMPARE(out.first().set.value(QLatin1String("institution_id")).toString(), m_inst);
    QCOMPARE(out.first().set.value(QLatin1String("tier")).toString(), QStringLiteral("B"));

    // An institution grade outside the list is refused next to the field.
    view.tabs()->setCurrentIndex(1);
    view.editInstitution(m_inst);
    QCOMPARE(
        child<QLineEdit>(&view, "institutionNameLineEdit")->text(), QStringLiteral("复旦大学附属中山医院"));
    child<QLineEdit>(&view, "institutionNameLineEdit")->clear();
    QVERIFY(!view.saveInstitution());
    QVERIFY(child<QLabel>(&view, "nameErrorLabel")->isVisible());
    QVERIFY(outboxOf(QStringLiteral("institution")).isEmpty());
}

void TestSfeWorkspace::importPreviewMarksBadGbkRowAndAppliesNothing()
{
    const QString csv
        = QStringLiteral("full_name,gender,specialty,institution,tier,phone,territory\r\n"
                         "赵敏,女,心内科,复旦大学附属中山医院,A,13800138001,SH-01\r\n"
                         "钱伟,男,呼吸科,上海市第一人民医院,Z,13800138002,SH-01\r\n" // tier Z: line 3
                         "孙丽,女,内分泌科,上海市第一人民医院,B,,SH-02\r\n");
    QStringEncoder gbk("GBK");
    QVERIFY(gbk.isValid());
    const QByteArray bytes = gbk.encode(csv);
    QVERIFY(bytes != csv.toUtf8());

    MasterDataView view(m_store.get());
    view.previewImport(import::Kind::Hcps, bytes);
    const import::Preview &p = view.importPreview();
    QVERIFY2(p.fatal.isEmpty(), qPrintable(p.fatal));
    QCOMPARE(p.encoding, QStringLiteral("gbk"));
    QCOMPARE(p.rows.size(), 3);
    QCOMPARE(p.invalidCount(), 1);
    QTableWidget *table = view.previewTable();
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->item(1, 0)->text(), QStringLiteral("3"));
    QCOMPARE(table->item(1, 1)->data(Qt::UserRole).toInt(), 1); // invalid
    QVERIFY(table->item(1, 2)->text().contains(QStringLiteral("tier")));
    QCOMPARE(table->item(0, 1)->data(Qt::UserRole).toInt(), 0);
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("赵敏")); // decoded, not mojibake
    QVERIFY(!child<QPushButton>(&view, "applyImportButton")->isEnabled());
    QVERIFY(!view.applyImport());
    QCOMPARE(m_store->pendingCount(), 0);
}

void TestSfeWorkspace::importAppliesAGoodFileWhole()
{
    const QByteArray bytes = QByteArray("\xEF\xBB\xBF")
        + QStringLiteral("full_name,institution,department,tier,territory\n"
                         "赵敏,复旦大学附属中山医院,心内科,A,SH-01\n"
                         "孙丽,上海市第一人民医院,内分泌科,B,SH-02\n")
              .toUtf8();
    MasterDataView view(m_store.get());
    view.previewImport(import::Kind::Hcps, bytes);
    QVERIFY(view.importPreview().ok());
    QVERIFY(child<QPushButton>(&view, "applyImportButton")->isEnabled());
    QVERIFY(view.applyImport());
    // Two HCPs, one new institution (the other exists), two departments, two alignments.
    QCOMPARE(outboxOf(QStringLiteral("hcp")).size(), 2);
    QCOMPARE(outboxOf(QStringLiteral("institution")).size(), 1);
    QCOMPARE(outboxOf(QStringLiteral("department")).size(), 2);
    QCOMPARE(outboxOf(QStringLiteral("alignment")).size(), 2);
    // The same file again: both rows exist now, nothing more to import.
    view.previewImport(import::Kind::Hcps, bytes);
    QCOMPARE(view.importPreview().existingCount(), 2);
    QVERIFY(!child<QPushButton>(&view, "applyImportButton")->isEnabled());
    // Export gives the same shape back.
    const QString file = m_dir->filePath(QStringLiteral("hcps.csv"));
    QVERIFY(view.exportTo(file, import::Kind::Hcps));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString exported = QString::fromUtf8(f.readAll());
    QVERIFY(exported.contains(QStringLiteral("赵敏")));
    QVERIFY(exported.contains(QStringLiteral("SH-02")));
}

void TestSfeWorkspace::duplicateReviewMerges()
{
    const QString a = pulled(QStringLiteral("hcp"),
        {{QStringLiteral("full_name"), QStringLiteral("王 伟")}, {QStringLiteral("institution_id"), m_inst},
            {QStringLiteral("status"), QStringLiteral("active")},
            {QStringLiteral("phone"), QStringLiteral("13800138000")}});
    const QString b = pulled(QStringLiteral("hcp"),
        {{QStringLiteral("full_name"), QStringLiteral("王伟")}, {QStringLiteral("institution_id"), m_inst},
            {QStringLiteral("status"), QStringLiteral("active")},
            {QStringLiteral("tier"), QStringLiteral("A")}});
    align(m_t1, b, -30); // b has history: it is kept by default
    hcp(QStringLiteral("李娜"), QStringLiteral("B"), m_inst);
    DuplicatesView view(m_store.get());
    view.show();
    QCOMPARE(view.pairs().size(), 1);
    QVERIFY(view.selectPair(0));
    QCOMPARE(view.winnerId(), b);
    QCOMPARE(view.loserId(), a);
    // Empty fields of the winner take the other's value; the name is chosen from the left.
    QCOMPARE(view.chosenValues().value(QLatin1String("phone")).toString(), QStringLiteral("13800138000"));
    QCOMPARE(view.chosenValues().value(QLatin1String("tier")).toString(), QStringLiteral("A"));
    const int leftIsA = view.pairs().first().first == a ? 0 : 1;
    view.chooseValue(QStringLiteral("full_name"), leftIsA == 0 ? 1 : 0); // the side holding "王伟"
    QCOMPARE(view.chosenValues().value(QLatin1String("full_name")).toString(), QStringLiteral("王伟"));
    m_prompter.answer = false;
    QTest::mouseClick(child<QPushButton>(&view, "mergeButton"), Qt::LeftButton);
    QCOMPARE(m_store->pendingCount(), 0); // declined
    m_prompter.answer = true;
    QTest::mouseClick(child<QPushButton>(&view, "mergeButton"), Qt::LeftButton);
    QCOMPARE(outboxOf(QStringLiteral("hcp"), b).first().set,
        (QJsonObject {{QStringLiteral("phone"), QStringLiteral("13800138000")}}));
    QCOMPARE(outboxOf(QStringLiteral("hcp"), a).first().set,
        (QJsonObject {
            {QStringLiteral("status"), QStringLiteral("merged")}, {QStringLiteral("merged_into"), b}}));
    QVERIFY(view.pairs().isEmpty());
}

void TestSfeWorkspace::changeRequestQueue()
{
    const QString h = hcp(QStringLiteral("周杰"), QStringLiteral("C"), m_inst);
    const QString open1 = pulled(QStringLiteral("change_request"),
        {{QStringLiteral("territory_id"), m_t1}, {QStringLiteral("entity"), QStringLiteral("hcp")},
            {QStringLiteral("record_id"), h},
            {QStringLiteral("fields"),
                QJsonObject {{QStringLiteral("title"), QStringLiteral("主任医师")},
                    {QStringLiteral("tier"), QStringLiteral("B")}}},
            {QStringLiteral("reason"), QStringLiteral("升任主任")},
            {QStringLiteral("status"), QStringLiteral("open")}});
    const QString open2 = pulled(QStringLiteral("change_request"),
        {{QStringLiteral("territory_id"), m_t1}, {QStringLiteral("entity"), QStringLiteral("hcp")},
            {QStringLiteral("record_id"), h},
            {QStringLiteral("fields"), QJsonObject {{QStringLiteral("phone"), QStringLiteral("123")}}},
            {QStringLiteral("status"), QStringLiteral("open")}});
    ChangeRequestsView view(m_store.get());
    view.show();
    QCOMPARE(view.requestTable()->rowCount(), 2);
    QVERIFY(view.selectRequest(open1));
    QTableWidget *fields = view.fieldTable();
    QCOMPARE(fields->rowCount(), 2);
    QStringList rows;
    for (int r = 0; r < fields->rowCount(); ++r)
        rows << fields->item(r, 1)->text() + QStringLiteral("→") + fields->item(r, 2)->text();
    rows.sort();
    QCOMPARE(rows, (QStringList {QStringLiteral("(empty)→主任医师"), QStringLiteral("C→B")}));
    QTest::mouseClick(child<QPushButton>(&view, "approveButton"), Qt::LeftButton);
    QCOMPARE(outboxOf(QStringLiteral("change_request"), open1).first().set,
        (QJsonObject {{QStringLiteral("status"), QStringLiteral("approved")}}));
    // The queue shows open requests: one left. Rejecting needs a reason.
    QTRY_COMPARE(view.requestTable()->rowCount(), 1);
    QVERIFY(view.selectRequest(open2));
    QVERIFY(!view.rejectCurrent(QString()));
    child<QLineEdit>(&view, "decisionNoteLineEdit")->setText(QStringLiteral("号码位数不对"));
    QTest::mouseClick(child<QPushButton>(&view, "rejectButton"), Qt::LeftButton);
    QCOMPARE(outboxOf(QStringLiteral("change_request"), open2).first().set,
        (QJsonObject {{QStringLiteral("status"), QStringLiteral("rejected")},
            {QStringLiteral("decision_note"), QStringLiteral("号码位数不对")}}));
}

void TestSfeWorkspace::pagesFitASmallWindow()
{
    // The main window's stack is as wide as its widest page: none may force a window wider than a
    // 1024-pixel screen leaves for it (the sidebar takes about 150).
    QList<QWidget *> pages {new TerritoryView(m_store.get()), new MasterDataView(m_store.get()),
        new DuplicatesView(m_store.get()), new ChangeRequestsView(m_store.get())};
    for (QWidget *page : pages) {
        QVERIFY2(page->minimumSizeHint().width() <= 860,
            qPrintable(
                QStringLiteral("%1: %2").arg(page->objectName()).arg(page->minimumSizeHint().width())));
        delete page;
    }
}

namespace {

// Types into a date edit as a user does: select everything, type, press Enter.
void typeDate(QDateEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

void selectRows(QTableWidget *table, const QList<int> &rows)
{
    table->clearSelection();
    for (int r : rows)
        table->selectionModel()->select(
            table->model()->index(r, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

} // namespace

void TestSfeWorkspace::dateEditTakesFourDigitYearsAndIso()
{
    const QLocale before;
    for (const QLocale &locale :
        {QLocale(QLocale::English, QLocale::UnitedStates), QLocale(QLocale::Chinese, QLocale::China)}) {
        QLocale::setDefault(locale);
        DateEdit edit;
        edit.show();
        QVERIFY(edit.calendarPopup());
        QVERIFY2(edit.displayFormat().contains(QLatin1String("yyyy")), qPrintable(edit.displayFormat()));
        QVERIFY(!edit.displayFormat().contains(QLatin1String("yyyyy")));
        edit.setDate(QDate(2026, 1, 1));
        // The locale's own form with four digits.
        typeDate(&edit, locale.toString(QDate(2026, 12, 15), edit.displayFormat()));
        QCOMPARE(edit.date(), QDate(2026, 12, 15));
        // ISO, whatever the locale.
        typeDate(&edit, QStringLiteral("2027-01-03"));
        QCOMPARE(edit.date(), QDate(2027, 1, 3));
        QCOMPARE(edit.text(), locale.toString(QDate(2027, 1, 3), edit.displayFormat()));
        // A two-digit year is not taken as any year: the date stays.
        typeDate(&edit,
            locale.toString(QDate(2026, 3, 4),
                locale.dateFormat(QLocale::ShortFormat).replace(QLatin1String("yyyy"), QLatin1String("yy"))));
        QCOMPARE(edit.date(), QDate(2027, 1, 3));
        typeDate(&edit, QStringLiteral("26-03-04"));
        QCOMPARE(edit.date(), QDate(2027, 1, 3));
    }
    QLocale::setDefault(before);
    // The editor's dates are such fields.
    AlignmentEditor editor(m_store.get());
    QVERIFY(qobject_cast<DateEdit *>(child<QDateEdit>(&editor, "effectiveDateEdit")));
    QVERIFY(qobject_cast<DateEdit *>(child<QDateEdit>(&editor, "validFromDateEdit")));
    QVERIFY(qobject_cast<DateEdit *>(child<QDateEdit>(&editor, "pendingDateEdit")));
}

void TestSfeWorkspace::changesAskWithASummaryAndCancelAppliesNothing()
{
    for (int i = 0; i < 4; ++i)
        align(m_t1, hcp(QStringLiteral("医生%1").arg(i), QStringLiteral("A")), -30, 6);
    AlignmentEditor editor(m_store.get());
    editor.setToday(kToday);
    editor.setTerritory(m_t1);
    QTableWidget *table = editor.table();
    QCOMPARE(table->rowCount(), 4);
    selectRows(table, {0, 1, 2});
    auto *target = child<QComboBox>(&editor, "moveTerritoryComboBox");
    target->setCurrentIndex(target->findData(m_t2));
    child<QDateEdit>(&editor, "effectiveDateEdit")->setDate(kToday.addDays(7));

    // Cancel: the summary was shown, nothing is written.
    m_prompter.answer = false;
    QTest::mouseClick(child<QPushButton>(&editor, "moveSelectionButton"), Qt::LeftButton);
    QCOMPARE(m_prompter.confirms, 1);
    const QString text = m_prompter.lastText;
    QVERIFY2(text.contains(QLatin1String("Move 3 HCP")), qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("SH-01")) && text.contains(QStringLiteral("SH-02")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("张伟 loses 3 HCP"))
            && text.contains(QStringLiteral(" on ") + DateEdit::toText(kToday.addDays(7))),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("李娜 gains them")), qPrintable(text));
    QCOMPARE(m_store->pendingCount(), 0);
    QVERIFY(editor.statusText().contains(QLatin1String("nothing was changed")));

    // End and target: a summary each, Cancel applies nothing either.
    QTest::mouseClick(child<QPushButton>(&editor, "endAlignmentButton"), Qt::LeftButton);
    QCOMPARE(m_prompter.confirms, 2);
    QVERIFY2(m_prompter.lastText.contains(QLatin1String("End 3 alignment")), qPrintable(m_prompter.lastText));
    QVERIFY2(
        m_prompter.lastText.contains(QStringLiteral("张伟 loses 3 HCP")), qPrintable(m_prompter.lastText));
    auto *tier = child<QComboBox>(&editor, "targetTierComboBox");
    tier->setCurrentIndex(tier->findData(QStringLiteral("A")));
    child<QSpinBox>(&editor, "targetSpinBox")->setValue(9);
    QTest::mouseClick(child<QPushButton>(&editor, "applyTargetButton"), Qt::LeftButton);
    QCOMPARE(m_prompter.confirms, 3);
    QVERIFY2(m_prompter.lastText.contains(QLatin1String("target of 4 alignment")),
        qPrintable(m_prompter.lastText));
    QCOMPARE(m_store->pendingCount(), 0);
    QCOMPARE(table->rowCount(), 4);

    // Apply: the move is written.
    m_prompter.answer = true;
    selectRows(table, {0, 1, 2});
    QTest::mouseClick(child<QPushButton>(&editor, "moveSelectionButton"), Qt::LeftButton);
    QCOMPARE(m_prompter.confirms, 4);
    QCOMPARE(outboxOf(QStringLiteral("alignment")).size(), 6);
}

void TestSfeWorkspace::pendingMoveCanBeChangedAndWithdrawnUntilEffective()
{
    QStringList hcps;
    QStringList olds;
    for (int i = 0; i < 3; ++i) {
        hcps << hcp(QStringLiteral("医生%1").arg(i), QStringLiteral("B"));
        olds << align(m_t1, hcps.last(), -30, 5);
    }
    QVERIFY(Alignments::move(m_store.get(), m_t1, m_t2, hcps, kToday.addDays(7)).ok);
    AlignmentEditor editor(m_store.get());
    editor.setToday(kToday);
    editor.setTerritory(m_t2);
    QTableWidget *table = editor.table();
    QCOMPARE(table->rowCount(), 3);
    auto *edit = child<QPushButton>(&editor, "editPendingButton");
    auto *withdraw = child<QPushButton>(&editor, "withdrawPendingButton");
    table->clearSelection();
    QVERIFY(!edit->isEnabled());
    selectRows(table, {0, 1});
    QVERIFY(edit->isEnabled() && withdraw->isEnabled());
    const QList<PendingMove> pending = editor.selectedPendingMoves();
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending.first().effective, kToday.addDays(7));
    QCOMPARE(pending.first().fromTerritoryId, m_t1);
    QCOMPARE(child<QDateEdit>(&editor, "pendingDateEdit")->date(), kToday.addDays(7));

    // A later day: both halves of each move follow.
    child<QDateEdit>(&editor, "pendingDateEdit")->setDate(kToday.addDays(10));
    QTest::mouseClick(edit, Qt::LeftButton);
    QVERIFY2(m_prompter.lastText.contains(QStringLiteral("张伟 keeps 2 HCP"))
            && m_prompter.lastText.contains(QStringLiteral("until ") + DateEdit::toText(kToday.addDays(9))),
        qPrintable(m_prompter.lastText));
    for (const PendingMove &m : pending) {
        QCOMPARE(m_store->record(QStringLiteral("alignment"), m.alignmentId)
                     ->fields.value(QLatin1String("valid_from"))
                     .toString(),
            day(10));
        QCOMPARE(m_store->record(QStringLiteral("alignment"), m.fromAlignmentId)
                     ->fields.value(QLatin1String("valid_to"))
                     .toString(),
            day(9));
    }

    // Seen from the territory moved from (the ending half), it is the same pending move: withdraw it.
    editor.setTerritory(m_t1);
    QCOMPARE(table->rowCount(), 3);
    int row = -1;
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->item(r, AlignmentEditor::Hcp)->data(Qt::UserRole).toString()
            == pending.first().fromAlignmentId)
            row = r;
    }
    QVERIFY(row >= 0);
    selectRows(table, {row});
    QCOMPARE(editor.selectedPendingMoves().size(), 1);
    QCOMPARE(editor.selectedPendingMoves().first().alignmentId, pending.first().alignmentId);
    m_prompter.answer = false;
    QTest::mouseClick(withdraw, Qt::LeftButton);
    QVERIFY(m_store->record(QStringLiteral("alignment"), pending.first().alignmentId));
    m_prompter.answer = true;
    selectRows(table, {row});
    QTest::mouseClick(withdraw, Qt::LeftButton);
    QVERIFY2(
        m_prompter.lastText.contains(QStringLiteral("张伟 keeps 1 HCP")), qPrintable(m_prompter.lastText));
    QVERIFY(!m_store->record(QStringLiteral("alignment"), pending.first().alignmentId));
    QVERIFY(m_store->record(QStringLiteral("alignment"), pending.first().fromAlignmentId)
                ->fields.value(QLatin1String("valid_to"))
                .toString()
                .isEmpty());
    // The withdrawal is an outbox change like any other: it reaches the server by sync.
    bool deleted = false;
    for (const OutboxMutation &m : outboxOf(QStringLiteral("alignment"), pending.first().alignmentId))
        deleted = deleted || m.op == QLatin1String("delete");
    QVERIFY(deleted || outboxOf(QStringLiteral("alignment"), pending.first().alignmentId).isEmpty());

    // Once effective, neither is possible any more.
    editor.setToday(kToday.addDays(10));
    editor.setTerritory(m_t2);
    selectRows(table, {0});
    QVERIFY(editor.selectedPendingMoves().isEmpty());
    QVERIFY(!edit->isEnabled());
    const AlignmentEditResult late
        = Alignments::withdrawPending(m_store.get(), {pending.last()}, kToday.addDays(10));
    QVERIFY(!late.ok);
    QVERIFY(late.error.contains(QLatin1String("taken effect")));
    const AlignmentEditResult lateEdit = Alignments::editPending(
        m_store.get(), {pending.last()}, {}, kToday.addDays(12), kToday.addDays(10));
    QVERIFY(!lateEdit.ok);
}

void TestSfeWorkspace::alignmentTableFiltersLikeTheHcpList()
{
    const QString other = pulled(QStringLiteral("institution"),
        {{QStringLiteral("name"), QStringLiteral("上海市第一人民医院")},
            {QStringLiteral("kind"), QStringLiteral("hospital")},
            {QStringLiteral("city"), QStringLiteral("上海")}});
    const QString wang = hcp(QStringLiteral("王伟"), QStringLiteral("A"), m_inst);
    const QString li = hcp(QStringLiteral("李静"), QStringLiteral("B"), other);
    const QString zhao = hcp(QStringLiteral("赵敏"), QStringLiteral("B"), m_inst);
    for (const QString &h : {wang, li, zhao})
        align(m_t1, h, -30);
    // An HCP of another territory matching the words is not shown here.
    align(m_t2, hcp(QStringLiteral("王芳"), QStringLiteral("A"), m_inst), -30);
    AlignmentEditor editor(m_store.get());
    editor.setToday(kToday);
    editor.setTerritory(m_t1);
    QCOMPARE(editor.visibleRowCount(), 3);
    auto *filter = child<QLineEdit>(&editor, "alignmentFilterLineEdit");
    QVERIFY(filter);
    auto visibleHcps = [&] {
        QStringList ids;
        for (int r = 0; r < editor.table()->rowCount(); ++r) {
            if (!editor.table()->isRowHidden(r))
                ids << editor.table()->item(r, AlignmentEditor::Hcp)->data(Qt::UserRole + 1).toString();
        }
        ids.sort();
        return ids;
    };
    auto sorted = [](QStringList l) {
        l.sort();
        return l;
    };
    filter->insert(QStringLiteral("中山医院")); // a hospital word
    QCOMPARE(visibleHcps(), sorted({wang, zhao}));
    filter->clear();
    filter->insert(QStringLiteral("王")); // a surname
    QCOMPARE(visibleHcps(), QStringList {wang});
    filter->clear();
    filter->insert(QStringLiteral("第一人民 李")); // a long and a short word
    QCOMPARE(visibleHcps(), QStringList {li});
    filter->clear();
    QCOMPARE(editor.visibleRowCount(), 3);
    // A hidden row is not acted on.
    filter->setText(QStringLiteral("王"));
    editor.table()->selectAll();
    QCOMPARE(editor.selectedHcpIds(), QStringList {wang});
}

void TestSfeWorkspace::importPreviewListsEveryProblemAndMarksTheCells()
{
    const QByteArray bytes
        = QStringLiteral("full_name,gender,institution,tier,phone,email,territory\n"
                         "赵敏,女,复旦大学附属中山医院,A,13800138001,,SH-01\n"
                         "钱伟,X,上海市第一人民医院,Z,12ab,not-an-address,NOPE\n" // five problems, line 3
                         ",女,,B,,,SH-02\n") // no name, no institution: line 4
              .toUtf8();
    MasterDataView view(m_store.get());
    view.previewImport(import::Kind::Hcps, bytes);
    const import::Preview &p = view.importPreview();
    QCOMPARE(p.invalidCount(), 2);
    QCOMPARE(p.rows.at(1).issues.size(), 5);
    QCOMPARE(p.rows.at(2).issues.size(), 2);
    ImportPreview *preview = view.preview();
    QTableWidget *table = view.previewTable();
    auto column = [&](const QString &name) {
        for (int c = 0; c < table->columnCount(); ++c) {
            if (table->horizontalHeaderItem(c)->text() == name)
                return c;
        }
        return -1;
    };
    QStringList bad;
    for (const QString &c : import::hcpColumns()) {
        const int i = column(c);
        QVERIFY(i >= 0);
        if (table->item(1, i)->data(ImportPreview::BadCellRole).toBool()) {
            bad << c;
            QVERIFY(!table->item(1, i)->toolTip().isEmpty());
        }
        QVERIFY(!table->item(0, i)->data(ImportPreview::BadCellRole).toBool());
    }
    bad.sort();
    QCOMPARE(bad,
        (QStringList {QStringLiteral("email"), QStringLiteral("gender"), QStringLiteral("phone"),
            QStringLiteral("territory"), QStringLiteral("tier")}));
    QVERIFY(table->item(2, column(QStringLiteral("full_name")))->data(ImportPreview::BadCellRole).toBool());
    QVERIFY(table->item(2, column(QStringLiteral("institution")))->data(ImportPreview::BadCellRole).toBool());
    // The Problem column of a row holds all of its problems, and the list every problem of every row.
    QCOMPARE(table->item(1, ImportPreview::Problem)->text().count(QLatin1Char('\n')), 4);
    QListWidget *problems = child<QListWidget>(&view, "importProblemsListWidget");
    QCOMPARE(problems->count(), 7);
    QVERIFY(problems->item(0)->text().startsWith(QLatin1String("Line 3")));
    QVERIFY(problems->item(6)->text().startsWith(QLatin1String("Line 4")));
    // Picking a problem selects its cell.
    problems->setCurrentRow(1);
    QCOMPARE(table->currentRow(), 1);
    QVERIFY(table->currentItem()->data(ImportPreview::BadCellRole).toBool());
    QVERIFY(!child<QPushButton>(&view, "applyImportButton")->isEnabled());
    QCOMPARE(m_store->pendingCount(), 0);
    Q_UNUSED(preview);
}

void TestSfeWorkspace::templateImportsBackWithoutErrors()
{
    const QString someone = hcp(QStringLiteral("孙丽"), QStringLiteral("B"), m_inst);
    MasterDataView view(m_store.get());
    for (import::Kind kind : {import::Kind::Hcps, import::Kind::Alignments}) {
        auto *kindBox = child<QComboBox>(&view, "importKindComboBox");
        kindBox->setCurrentIndex(kind == import::Kind::Hcps ? 0 : 1);
        QCOMPARE(view.preview()->kind(), kind);
        const QString path
            = m_dir->filePath(kind == import::Kind::Hcps ? QStringLiteral("h.csv") : QStringLiteral("a.csv"));
        m_prompter.savePath = path;
        QTest::mouseClick(child<QPushButton>(&view, "saveTemplateButton"), Qt::LeftButton);
        QFile csv(path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QByteArray bytes = csv.readAll();
        QFile readme(ImportPreview::readmePath(path));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const QString help = QString::fromUtf8(readme.readAll());
        const QStringList &columns
            = kind == import::Kind::Hcps ? import::hcpColumns() : import::alignmentColumns();
        for (const QString &c : columns)
            QVERIFY2(help.contains(c + QLatin1Char('\n')) || help.contains(c + QLatin1String(" (")),
                qPrintable(c));
        // As it is: nothing to import and nothing wrong.
        view.previewImport(kind, bytes);
        QVERIFY2(view.importPreview().fatal.isEmpty(), qPrintable(view.importPreview().fatal));
        QCOMPARE(view.importPreview().rows.size(), 0);
        // One valid row under the header: it imports without a single problem.
        QStringList cells;
        for (const QString &c : columns) {
            const QHash<QString, QString> hcpRow {{QStringLiteral("full_name"), QStringLiteral("周杰")},
                {QStringLiteral("gender"), QStringLiteral("male")},
                {QStringLiteral("institution"), QStringLiteral("复旦大学附属中山医院")},
                {QStringLiteral("tier"), QStringLiteral("A")},
                {QStringLiteral("phone"), QStringLiteral("+86 138 0013 8000")},
                {QStringLiteral("email"), QStringLiteral("zhou@example.cn")},
                {QStringLiteral("territory"), QStringLiteral("SH-01")}};
            const QHash<QString, QString> alignRow {{QStringLiteral("territory"), QStringLiteral("SH-02")},
                {QStringLiteral("hcp_id"), someone}, {QStringLiteral("valid_from"), day(3)},
                {QStringLiteral("target_calls_per_cycle"), QStringLiteral("4")}};
            cells << (kind == import::Kind::Hcps ? hcpRow : alignRow).value(c);
        }
        bytes += cells.join(QLatin1Char(',')).toUtf8() + "\r\n";
        view.previewImport(kind, bytes);
        const import::Preview &p = view.importPreview();
        QVERIFY2(p.ok(), qPrintable(p.errors().join(QLatin1Char('\n')) + p.fatal));
        QCOMPARE(p.rows.size(), 1);
        QCOMPARE(p.applyCount(), 1);
        QVERIFY(p.warnings.isEmpty());
    }
}

void TestSfeWorkspace::screenshotsForReview()
{
    const QString dir = qEnvironmentVariable("ROUNDS_SHOT_DIR");
    if (dir.isEmpty())
        QSKIP("ROUNDS_SHOT_DIR is not set");
    QStringList hcps;
    for (int i = 0; i < 3; ++i) {
        hcps << hcp(QStringLiteral("医生%1").arg(i), QStringLiteral("A"), m_inst);
        align(m_t1, hcps.last(), -30, 6);
    }
    QVERIFY(Alignments::move(m_store.get(), m_t1, m_t2, {hcps.first()}, kToday.addDays(7)).ok);
    const QByteArray bad = QStringLiteral("full_name,gender,institution,tier,phone,email,territory\n"
                                          "赵敏,女,复旦大学附属中山医院,A,13800138001,,SH-01\n"
                                          "钱伟,X,上海市第一人民医院,Z,12ab,not-an-address,NOPE\n"
                                          ",女,,B,,,SH-02\n")
                               .toUtf8();
    const QLocale before;
    for (const QString &lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        QTranslator translator;
        if (lang == QLatin1String("zh_CN")) {
            if (!translator.load(qEnvironmentVariable("ROUNDS_SHOT_QM")))
                continue;
            QCoreApplication::installTranslator(&translator);
            QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        } else {
            QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        }
        {
            MasterDataView view(m_store.get());
            view.resize(1300, 720);
            view.tabs()->setCurrentIndex(view.tabs()->count() - 1);
            view.show();
            view.previewImport(import::Kind::Hcps, bad);
            QVERIFY(view.grab().save(dir + QStringLiteral("/import-preview-%1.png").arg(lang)));
        }
        {
            AlignmentEditor editor(m_store.get());
            editor.resize(1300, 720);
            editor.setToday(kToday);
            editor.setTerritory(m_t2);
            editor.show();
            selectRows(editor.table(), {0});
            QVERIFY(editor.grab().save(dir + QStringLiteral("/alignment-editor-%1.png").arg(lang)));
            editor.setTerritory(m_t1);
            selectRows(editor.table(), {0, 1});
            auto *target = child<QComboBox>(&editor, "moveTerritoryComboBox");
            target->setCurrentIndex(target->findData(m_t2));
            child<QDateEdit>(&editor, "effectiveDateEdit")->setDate(kToday.addDays(14));
            m_prompter.answer = false;
            editor.moveSelected(m_t2, kToday.addDays(14));
            QMessageBox box(QMessageBox::Question, m_prompter.lastTitle, m_prompter.lastText,
                QMessageBox::Apply | QMessageBox::Cancel);
            box.show();
            QVERIFY(box.grab().save(dir + QStringLiteral("/move-summary-%1.png").arg(lang)));
        }
        QCoreApplication::removeTranslator(&translator);
    }
    QLocale::setDefault(before);
}

QTEST_MAIN(TestSfeWorkspace)
#include "tst_sfeworkspace.moc"
