// Settings → Dashboard on a manager's store without a server (offscreen): the company's product weights
// (the newest `kpi.weights` record) are shown and followed until the manager chooses their own, and
// "use the company's weights" is a state of its own with a way back to it.
#include "common/sqlite/database.h"
#include "models/kpis.h"
#include "models/store.h"
#include "sync/preferences.h"
#include "sync/session.h"
#include "ui/settings/settingsdialog.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;

class TestSettingsDialog : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void dashboardFollowsTheCompanyWeightsUntilTheUserChooses();

private:
    void companyWeights(const char *id, const char *updatedAt, const char *json);
    KpiWeights dashboardWeights();
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Session> m_session;
};

void TestSettingsDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    const QString path = m_dir->filePath(QStringLiteral("settings.db"));
    {
        Store store;
        QVERIFY(store.open(path).ok);
        QVERIFY(store.setMeta(QStringLiteral("role"), QStringLiteral("manager")));
    }
    m_session = std::make_unique<Session>();
    QString error;
    QVERIFY2(m_session->openDatabase(path, &error), qPrintable(error));
}

void TestSettingsDialog::cleanup()
{
    m_session.reset();
    m_dir.reset();
}

void TestSettingsDialog::companyWeights(const char *id, const char *updatedAt, const char *json)
{
    auto q = m_session->store()->database()->query(
        QStringLiteral("INSERT INTO setting(id, key, value, updated_at) VALUES (?1, 'kpi.weights', ?2, ?3)"));
    q->bind(1, id);
    q->bind(2, json);
    q->bind(3, updatedAt);
    q->run();
}

KpiWeights TestSettingsDialog::dashboardWeights()
{
    KpiEngine engine(*m_session->store()->database());
    KpiResult r;
    return engine.compute(KpiPeriod::month(2026, 10), KpiScope {}, &r) ? r.weights : KpiWeights {-1, -1, -1};
}

void TestSettingsDialog::dashboardFollowsTheCompanyWeightsUntilTheUserChooses()
{
    // Two records: the newer one is the company's, whatever the order they came in.
    companyWeights("w2", "2026-06-01T00:00:00.000Z", R"({"first":1,"second":0.8,"later":0.4})");
    companyWeights("w1", "2026-05-01T00:00:00.000Z", R"({"first":1,"second":0.1,"later":0.1})");
    const KpiWeights company {1, 0.8, 0.4};
    QCOMPARE(dashboardWeights(), company);
    {
        SettingsDialog dialog(m_session.get());
        auto *useCompany = dialog.findChild<QCheckBox *>(QStringLiteral("companyWeightsCheckBox"));
        auto *second = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("weightSecondSpinBox"));
        auto *label = dialog.findChild<QLabel *>(QStringLiteral("companyWeightsLabel"));
        QVERIFY(useCompany && second && label);
        QVERIFY(useCompany->isChecked());
        QCOMPARE(second->value(), 0.8);
        QVERIFY(!second->isEnabled());
        QVERIFY2(label->text().contains(QStringLiteral("0.80")), qPrintable(label->text()));
        dialog.apply(); // OK without a change keeps following the company
        QVERIFY(preferences::kpiWeights(*m_session->store()).isEmpty());

        // The manager's own: even equal to the company's, they stay when the company changes.
        useCompany->setChecked(false);
        QVERIFY(second->isEnabled());
        QCOMPARE(second->value(), 0.8);
        dialog.apply();
        QCOMPARE(dashboardWeights(), company);
        second->setValue(0.3);
        dialog.apply();
        QCOMPARE(dashboardWeights(), (KpiWeights {1, 0.3, 0.4}));
    }
    companyWeights("w3", "2026-07-01T00:00:00.000Z", R"({"first":1,"second":0.6,"later":0.2})");
    QCOMPARE(dashboardWeights(), (KpiWeights {1, 0.3, 0.4}));
    {
        SettingsDialog dialog(m_session.get());
        auto *useCompany = dialog.findChild<QCheckBox *>(QStringLiteral("companyWeightsCheckBox"));
        auto *second = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("weightSecondSpinBox"));
        QVERIFY(!useCompany->isChecked());
        QCOMPARE(second->value(), 0.3);
        // Back to the company's: its newest weights are shown and followed.
        useCompany->setChecked(true);
        QCOMPARE(second->value(), 0.6);
        dialog.apply();
    }
    QVERIFY(preferences::kpiWeights(*m_session->store()).isEmpty());
    QCOMPARE(dashboardWeights(), (KpiWeights {1, 0.6, 0.2}));
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
