// The admin's company settings form, offscreen over a real store: each number is checked against its
// bounds (at, below and above) and a refusal names the field by its label; what passes is saved as a
// `setting` record through the store's write path, which the readers then use.
#include "common/compliance/config.h"
#include "common/protocol/values.h"
#include "models/companysettings.h"
#include "models/consentqueries.h"
#include "models/meetingrepository.h"
#include "models/store.h"
#include "ui/admin/companysettingsview.h"
#include "ui/admin/privacysettingsform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;

namespace {

// The value of the pending `setting` record with this key in the outbox, or undefined.
QJsonValue pendingSetting(Store &store, const QString &key, int *rows = nullptr)
{
    QJsonValue value(QJsonValue::Undefined);
    int n = 0;
    for (const OutboxMutation &m : store.outbox()) {
        if (m.entity != QLatin1String("setting") || m.set.value(QLatin1String("key")).toString() != key)
            continue;
        value = m.set.value(QLatin1String("value"));
        ++n;
    }
    if (rows)
        *rows = n;
    return value;
}

} // namespace

class TestCompanySettings : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void showsTheRulesInForce();
    void boundsOfEachField_data();
    void boundsOfEachField();
    void savedRulesAreTheOnesInForce();
    void kpiNumbersAreSavedAsTheirKeys();
    void anotherRoleCannotSave();
    void privacyBounds_data();
    void privacyBounds();
    void privacySavesWhatChanged();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<CompanySettingsView> m_view;

    QLineEdit *edit(const QString &name) { return m_view->findChild<QLineEdit *>(name); }
    QString message() { return m_view->findChild<QLabel *>(QStringLiteral("companyMessageLabel"))->text(); }
};

void TestCompanySettings::init()
{
    m_view.reset();
    m_store = std::make_unique<Store>();
    QVERIFY(m_store->open(m_dir.filePath(protocol::newUuid() + QStringLiteral(".db"))).ok);
    QVERIFY(m_store->setMeta(QStringLiteral("role"), QStringLiteral("admin")));
    QVERIFY(m_store->setMeta(QStringLiteral("user_id"), protocol::newUuid()));
    m_view = std::make_unique<CompanySettingsView>(m_store.get());
}

void TestCompanySettings::showsTheRulesInForce()
{
    // No setting yet: the defaults, as the rules apply them.
    QCOMPARE(
        edit(QStringLiteral("rule_catering_per_head_cap_minorLineEdit"))->text(), QStringLiteral("200.00"));
    QCOMPARE(edit(QStringLiteral("rule_staff_share_max_percentLineEdit"))->text(), QStringLiteral("10"));
    QCOMPARE(edit(QStringLiteral("kpiCostPerCallLineEdit"))->text(), QStringLiteral("200.00"));
    QCOMPARE(edit(QStringLiteral("travelMinutesLineEdit"))->text(), QStringLiteral("30"));
    auto *severity = m_view->findChild<QComboBox *>(QStringLiteral("rule_staff_share_severityComboBox"));
    QCOMPARE(compliance::Severity(severity->currentData().toInt()), compliance::Severity::Warn);
    // Every rule has its form: a severity, and a field per limit.
    for (compliance::Rule rule : compliance::allRules()) {
        const QString code = compliance::ruleCode(rule);
        QVERIFY(m_view->findChild<QComboBox *>(QStringLiteral("rule_%1_severityComboBox").arg(code)));
        for (const compliance::LimitSpec &l : compliance::limitsOf(rule))
            QVERIFY2(edit(QStringLiteral("rule_%1_%2LineEdit").arg(code, l.key)), qPrintable(l.key));
    }
}

void TestCompanySettings::boundsOfEachField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("key"); // the setting it is saved under
    QTest::addColumn<QJsonValue>("saved"); // the saved value's part for this field; undefined when refused
    QTest::addColumn<QString>("label"); // what a refusal names

    const QString catering = QStringLiteral("rule_catering_per_head_cap_minorLineEdit");
    const QString rules = compliance::SettingKey;
    const QString cateringLabel = QStringLiteral("Catering per attendee · Cap per attendee (CNY)");
    const QJsonValue refused(QJsonValue::Undefined);
    QTest::newRow("amount below 0") << catering << "-0.01" << rules << refused << cateringLabel;
    QTest::newRow("amount at 0") << catering << "0" << rules << QJsonValue(0) << cateringLabel;
    QTest::newRow("amount at the bound") << catering << "100000000000.00" << rules
                                         << QJsonValue(double(compliance::MaxMoneyMinor)) << cateringLabel;
    QTest::newRow("amount above the bound")
        << catering << "100000000000.01" << rules << refused << cateringLabel;
    QTest::newRow("amount with fen") << catering << "150.55" << rules << QJsonValue(15055) << cateringLabel;
    QTest::newRow("amount below a fen") << catering << "150.555" << rules << refused << cateringLabel;
    QTest::newRow("not a number") << catering << "两百" << rules << refused << cateringLabel;
    QTest::newRow("empty") << catering << "" << rules << refused << cateringLabel;

    const QString staff = QStringLiteral("rule_staff_share_max_percentLineEdit");
    const QString staffLabel = QStringLiteral("Company staff share · Largest share (%)");
    QTest::newRow("percent below 0") << staff << "-1" << rules << refused << staffLabel;
    QTest::newRow("percent at 0") << staff << "0" << rules << QJsonValue(0) << staffLabel;
    QTest::newRow("percent at the bound") << staff << "1000" << rules << QJsonValue(1000) << staffLabel;
    QTest::newRow("percent above the bound") << staff << "1001" << rules << refused << staffLabel;
    QTest::newRow("percent not whole") << staff << "10.5" << rules << refused << staffLabel;

    const QString weight = QStringLiteral("kpiWeightSecondLineEdit");
    const QString weights = QStringLiteral("kpi.weights");
    const QString weightLabel = QStringLiteral("Weight of the second product detailed");
    QTest::newRow("weight below 0") << weight << "-0.01" << weights << refused << weightLabel;
    QTest::newRow("weight at 0") << weight << "0" << weights << QJsonValue(0) << weightLabel;
    QTest::newRow("weight at 1") << weight << "1" << weights << QJsonValue(1) << weightLabel;
    QTest::newRow("weight above 1") << weight << "1.01" << weights << refused << weightLabel;

    const QString cost = QStringLiteral("kpiCostPerCallLineEdit");
    const QString costKey = QStringLiteral("kpi.cost_per_call_minor");
    const QString costLabel = QStringLiteral("Cost of one call (CNY)");
    QTest::newRow("cost below 0") << cost << "-0.01" << costKey << refused << costLabel;
    QTest::newRow("cost at 0") << cost << "0" << costKey << QJsonValue(0) << costLabel;
    QTest::newRow("cost above the bound") << cost << "100000000000.01" << costKey << refused << costLabel;

    const QString travel = QStringLiteral("travelMinutesLineEdit");
    const QString travelKey = QStringLiteral("sfe.travel_minutes_per_institution");
    const QString travelLabel = QStringLiteral("Travel minutes per institution");
    QTest::newRow("minutes below 0") << travel << "-1" << travelKey << refused << travelLabel;
    QTest::newRow("minutes at 0") << travel << "0" << travelKey << QJsonValue(0) << travelLabel;
    QTest::newRow("minutes at the bound") << travel << "1439" << travelKey << QJsonValue(1439) << travelLabel;
    QTest::newRow("minutes above the bound") << travel << "1440" << travelKey << refused << travelLabel;
}

void TestCompanySettings::boundsOfEachField()
{
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QString, key);
    QFETCH(QJsonValue, saved);
    QFETCH(QString, label);
    QLineEdit *e = edit(field);
    QVERIFY(e);
    e->setText(text);
    const bool rules = key == compliance::SettingKey;
    QTest::mouseClick(m_view->findChild<QPushButton *>(
                          rules ? QStringLiteral("saveRulesButton") : QStringLiteral("saveKpiButton")),
        Qt::LeftButton);
    const QJsonValue value = pendingSetting(*m_store, key);
    if (saved.isUndefined()) {
        QVERIFY2(message().startsWith(label + QStringLiteral(": ")), qPrintable(message()));
        QVERIFY(m_store->outbox().isEmpty());
        return;
    }
    QVERIFY2(!value.isUndefined(), qPrintable(message()));
    QJsonValue part = value;
    if (rules) {
        const QString rule = field.section(QLatin1Char('_'), 1, -1).startsWith(QLatin1String("catering"))
            ? QStringLiteral("catering_per_head")
            : QStringLiteral("staff_share");
        part = value[rule][rule == QLatin1String("catering_per_head") ? QStringLiteral("cap_minor")
                                                                      : QStringLiteral("max_percent")];
    } else if (key == QLatin1String("kpi.weights")) {
        part = value[QStringLiteral("second")];
    }
    QCOMPARE(part.toDouble(), saved.toDouble());
}

void TestCompanySettings::savedRulesAreTheOnesInForce()
{
    edit(QStringLiteral("rule_catering_per_head_cap_minorLineEdit"))->setText(QStringLiteral("150.00"));
    auto *severity
        = m_view->findChild<QComboBox *>(QStringLiteral("rule_catering_per_head_severityComboBox"));
    severity->setCurrentIndex(severity->findData(int(compliance::Severity::Warn)));
    QVERIFY(m_view->saveRules());
    compliance::Config inForce = meetings::config(m_store.get());
    QCOMPARE(inForce.cateringPerHeadCap, 15000);
    QCOMPARE(inForce.severity(compliance::Rule::CateringPerHead), compliance::Severity::Warn);
    // A second save before the sync changes the same pending record: one change goes to the server.
    edit(QStringLiteral("rule_catering_per_head_cap_minorLineEdit"))->setText(QStringLiteral("180.00"));
    QVERIFY(m_view->saveRules());
    int rows = 0;
    pendingSetting(*m_store, compliance::SettingKey, &rows);
    QCOMPARE(rows, 1);
    QCOMPARE(meetings::config(m_store.get()).cateringPerHeadCap, 18000);
    // A fresh form shows what was saved.
    CompanySettingsView again(m_store.get());
    QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("rule_catering_per_head_cap_minorLineEdit"))->text(),
        QStringLiteral("180.00"));
    // Saving what is in force writes nothing.
    QVERIFY(again.saveRules());
    QCOMPARE(m_store->pendingCount(), 1);
}

void TestCompanySettings::kpiNumbersAreSavedAsTheirKeys()
{
    edit(QStringLiteral("kpiWeightFirstLineEdit"))->setText(QStringLiteral("0.8"));
    QVERIFY(m_view->saveKpis());
    // Only the key that changed: the untouched defaults stay unset.
    QCOMPARE(m_store->pendingCount(), 1);
    const QJsonObject weights = pendingSetting(*m_store, QStringLiteral("kpi.weights")).toObject();
    QCOMPARE(weights.value(QLatin1String("first")).toDouble(), 0.8);
    QCOMPARE(weights.value(QLatin1String("second")).toDouble(), 0.5);
    QJsonValue read;
    QVERIFY(CompanySettings::newest(m_store.get(), QStringLiteral("kpi.weights"), &read));
    QCOMPARE(read.toObject(), weights);
    // A number is read back as a number: a fresh form shows the saved cost.
    edit(QStringLiteral("kpiCostPerCallLineEdit"))->setText(QStringLiteral("150.50"));
    QVERIFY(m_view->saveKpis());
    QCOMPARE(pendingSetting(*m_store, QStringLiteral("kpi.cost_per_call_minor")).toDouble(), 15050.0);
    CompanySettingsView again(m_store.get());
    QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("kpiCostPerCallLineEdit"))->text(),
        QStringLiteral("150.50"));
    QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("kpiWeightFirstLineEdit"))->text(),
        QStringLiteral("0.80"));
}

void TestCompanySettings::anotherRoleCannotSave()
{
    QVERIFY(m_store->setMeta(QStringLiteral("role"), QStringLiteral("manager")));
    edit(QStringLiteral("travelMinutesLineEdit"))->setText(QStringLiteral("45"));
    QVERIFY(!m_view->saveKpis());
    QVERIFY2(message().contains(QLatin1String("nothing was saved")), qPrintable(message()));
    QVERIFY(m_store->outbox().isEmpty());
}

void TestCompanySettings::privacyBounds_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("member"); // within retention.days
    QTest::addColumn<int>("saved"); // -1: refused
    QTest::addColumn<QString>("label");

    const struct
    {
        const char *field, *key, *member, *label;
        int min, max;
    } fields[] = {
        {"consentValidityLineEdit", "consent.validity_days", "", "A consent lasts (days)", 1, 3650},
        {"consentWarningLineEdit", "consent.expiry_warning_days", "", "Warn before it ends (days)", 0, 365},
        {"offlineDaysLineEdit", "security.offline_days", "", "Days offline before signing in again", 1, 365},
        {"retentionAuditLineEdit", "retention.days", "audit", "Server keeps the audit trail (days)", 365,
            36500},
        {"retentionTombstonesLineEdit", "retention.days", "tombstones", "Server keeps deletions (days)", 90,
            36500},
        {"retentionMutationsLineEdit", "retention.days", "mutations", "Server keeps push answers (days)", 90,
            36500},
    };
    for (const auto &f : fields) {
        const auto row = [&](const char *what, const QString &text, int saved) {
            QTest::addRow("%s %s", f.field, what)
                << QString::fromLatin1(f.field) << text << QString::fromLatin1(f.key)
                << QString::fromLatin1(f.member) << saved << QString::fromLatin1(f.label);
        };
        row("below", QString::number(f.min - 1), -1);
        row("at the minimum", QString::number(f.min), f.min);
        row("at the maximum", QString::number(f.max), f.max);
        row("above", QString::number(f.max + 1), -1);
        row("not whole", QStringLiteral("30.5"), -1);
    }
}

void TestCompanySettings::privacyBounds()
{
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QString, key);
    QFETCH(QString, member);
    QFETCH(int, saved);
    QFETCH(QString, label);
    QLineEdit *e = edit(field);
    QVERIFY(e);
    e->setText(text);
    QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("savePrivacyButton")), Qt::LeftButton);
    if (saved < 0) {
        QVERIFY2(message().startsWith(label + QStringLiteral(": ")), qPrintable(message()));
        QVERIFY(m_store->outbox().isEmpty());
        return;
    }
    const QJsonValue value = pendingSetting(*m_store, key);
    QVERIFY2(!value.isUndefined(), qPrintable(message()));
    QCOMPARE((member.isEmpty() ? value : value[member]).toInt(), saved);
    // Only the key that changed.
    QCOMPARE(m_store->pendingCount(), 1);
}

void TestCompanySettings::privacySavesWhatChanged()
{
    auto *form = m_view->privacyForm();
    // The defaults, as the readers apply them; saving them writes nothing.
    auto *required = m_view->findChild<QCheckBox *>(QStringLiteral("consentRequiredCheckBox"));
    QVERIFY(!required->isChecked());
    QCOMPARE(edit(QStringLiteral("consentValidityLineEdit"))->text(), QStringLiteral("365"));
    QCOMPARE(edit(QStringLiteral("retentionAuditLineEdit"))->text(), QStringLiteral("1095"));
    QVERIFY(m_view->findChild<QCheckBox *>(QStringLiteral("contact_rep_phoneCheckBox"))->isChecked());
    QVERIFY(form->save());
    QCOMPARE(m_store->pendingCount(), 0);
    QCOMPARE(message(), QStringLiteral("Nothing changed."));

    // Consent required, a shorter validity, reps without phone numbers.
    required->setChecked(true);
    edit(QStringLiteral("consentValidityLineEdit"))->setText(QStringLiteral("180"));
    m_view->findChild<QCheckBox *>(QStringLiteral("contact_rep_phoneCheckBox"))->setChecked(false);
    QVERIFY2(form->save(), qPrintable(message()));
    QCOMPARE(m_store->pendingCount(), 3);
    QCOMPARE(pendingSetting(*m_store, QStringLiteral("consent.required")), QJsonValue(true));
    QCOMPARE(pendingSetting(*m_store, QStringLiteral("consent.validity_days")).toInt(), 180);
    const QJsonObject contact = pendingSetting(*m_store, QStringLiteral("privacy.contact_fields")).toObject();
    QCOMPARE(contact.value(QLatin1String("rep")).toArray(), QJsonArray {QStringLiteral("email")});
    QCOMPARE(contact.value(QLatin1String("manager")).toArray(),
        (QJsonArray {QStringLiteral("email"), QStringLiteral("phone")}));

    // The consent rule on this laptop now reads them.
    protocol::consent::Rules rules;
    QVERIFY(ConsentQueries::rules(m_store.get(), &rules, nullptr));
    QVERIFY(rules.required);
    QCOMPARE(rules.validityDays, 180);

    // A fresh form shows what was saved, and saving it again writes nothing more.
    CompanySettingsView again(m_store.get());
    QVERIFY(again.findChild<QCheckBox *>(QStringLiteral("consentRequiredCheckBox"))->isChecked());
    QVERIFY(!again.findChild<QCheckBox *>(QStringLiteral("contact_rep_phoneCheckBox"))->isChecked());
    QVERIFY(again.findChild<QCheckBox *>(QStringLiteral("contact_manager_phoneCheckBox"))->isChecked());
    QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("consentValidityLineEdit"))->text(),
        QStringLiteral("180"));
    QVERIFY(again.privacyForm()->save());
    QCOMPARE(m_store->pendingCount(), 3);
}

QTEST_MAIN(TestCompanySettings)
#include "tst_companysettings.moc"
