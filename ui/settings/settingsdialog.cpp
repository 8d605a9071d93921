#include "ui/settings/settingsdialog.h"

#include "common/compliance/config.h"
#include "models/companysettings.h"
#include "sync/diagnostics.h"
#include "sync/preferences.h"
#include "sync/session.h"
#include "ui/common/dates.h"
#include "ui/common/prompter.h"
#include "ui/common/screenfit.h"
#include "ui/common/theme.h"
#include "ui/common/widgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rounds {

namespace {

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
    label->setPalette(p);
    return label;
}

QString money(std::int64_t minor)
{
    return QLocale().toCurrencyString(double(minor) / 100.0, QStringLiteral("¥"));
}

bool isManagerRole(const QString &role)
{
    return role == QLatin1String("manager") || role == QLatin1String("sfe") || role == QLatin1String("admin");
}

} // namespace

SettingsDialog::SettingsDialog(Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    // Fits 1280×720 (150 % on a 1920×1080 screen) with room for the frame; wide pages scroll.
    setMinimumSize(640, 400);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(screenfit::scrollable(buildGeneralPage(), m_tabs), tr("General"));
    m_tabs->addTab(screenfit::scrollable(buildSyncPage(), m_tabs), tr("Sync"));
    m_tabs->addTab(screenfit::scrollable(buildCompliancePage(), m_tabs), tr("Compliance rules"));
    if (isManagerRole(m_session->account().role) && m_session->store())
        m_tabs->addTab(screenfit::scrollable(buildDashboardPage(), m_tabs), tr("Dashboard"));
    m_tabs->addTab(screenfit::scrollable(buildDiagnosticsPage(), m_tabs), tr("Diagnostics"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (apply()) {
            Prompter::instance().inform(
                this, tr("Language"), tr("The new language is used the next time you start Rounds."));
        }
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    screenfit::resizeToScreen(this, QSize(900, 560));
}

QWidget *SettingsDialog::buildGeneralPage()
{
    auto *page = new QWidget(this);
    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("languageComboBox"));
    // Each language is named in itself, so a user who cannot read the current one still finds theirs.
    m_language->addItem(tr("System default (%1)").arg(QLocale::system().nativeLanguageName()), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    const int index = m_language->findData(preferences::language());
    m_language->setCurrentIndex(index < 0 ? 0 : index);

    m_theme = new QComboBox(page);
    m_theme->setObjectName(QStringLiteral("themeComboBox"));
    m_theme->addItem(tr("System"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    const int themeIndex = m_theme->findData(preferences::theme());
    m_theme->setCurrentIndex(themeIndex < 0 ? 0 : themeIndex);

    auto *form = new QFormLayout(page);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(),
        note(tr("Takes effect the next time Rounds starts. Dates, numbers and money "
                "follow the language's conventions."),
            page));
    form->addRow(tr("&Appearance:"), m_theme);
    form->addRow(QString(),
        note(tr("System follows the desktop's colours; Light and Dark use Rounds' own. Applies as soon "
                "as you press OK."),
            page));
    return page;
}

QWidget *SettingsDialog::buildSyncPage()
{
    auto *page = new QWidget(this);
    auto *server = new QLineEdit(m_session->account().server, page);
    server->setObjectName(QStringLiteral("serverLineEdit"));
    server->setReadOnly(true);
    auto *user = new QLineEdit(m_session->account().user, page);
    user->setObjectName(QStringLiteral("userLineEdit"));
    user->setReadOnly(true);
    m_autoSync = new QSpinBox(page);
    m_autoSync->setObjectName(QStringLiteral("autoSyncSpinBox"));
    m_autoSync->setRange(0, 240);
    m_autoSync->setSuffix(tr(" min"));
    m_autoSync->setSpecialValueText(tr("Only when asked"));
    m_autoSync->setValue(preferences::autoSyncMinutes());
    m_livePull = new QSpinBox(page);
    m_livePull->setObjectName(QStringLiteral("livePullSpinBox"));
    m_livePull->setRange(0, preferences::MaxLivePullSeconds);
    m_livePull->setSuffix(tr(" s"));
    m_livePull->setSpecialValueText(tr("Off"));
    m_livePull->setValue(preferences::livePullSeconds());

    QString lastSync = tr("never");
    if (Store *store = m_session->store()) {
        const QDateTime at
            = QDateTime::fromString(store->meta(QStringLiteral("last_sync")), Qt::ISODateWithMs);
        if (at.isValid())
            lastSync = Dates::dateTime(at);
    }

    auto *form = new QFormLayout(page);
    form->addRow(tr("Server:"), server);
    form->addRow(tr("User:"), user);
    form->addRow(QString(),
        note(tr("To use another server or account, sign out and sign in again. "
                "Your local data stays on this computer."),
            page));
    form->addRow(tr("&Sync automatically every:"), m_autoSync);
    form->addRow(QString(),
        note(tr("Rounds also syncs shortly after you save, when the network comes "
                "back, and when you press F5."),
            page));
    form->addRow(tr("&Check for others' changes every:"), m_livePull);
    form->addRow(QString(),
        note(tr("While Rounds is the active window, so that a manager's decision reaches you within "
                "seconds; six times less often behind other windows, and not while offline."),
            page));
    form->addRow(tr("Last sync:"), new QLabel(lastSync, page));
    return page;
}

QWidget *SettingsDialog::buildCompliancePage()
{
    auto *page = new QWidget(this);
    m_rules = new QTableWidget(0, 3, page);
    m_rules->setObjectName(QStringLiteral("complianceRulesTable"));
    m_rules->setHorizontalHeaderLabels({tr("Rule"), tr("When broken"), tr("Limit")});
    m_rules->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_rules->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_rules->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_rules->verticalHeader()->hide();
    m_rules->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rules->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rules->setWordWrap(false);
    m_rulesError = widgets::errorLabel(QStringLiteral("complianceErrorLabel"), page);
    fillCompliance();

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(note(tr("The rules your company applies to meetings. Your administrator sets them "
                              "on the server; they reach this computer with every sync and are checked "
                              "here while you type, even offline."),
        page));
    layout->addWidget(m_rulesError);
    layout->addWidget(m_rules);
    return page;
}

void SettingsDialog::fillCompliance()
{
    using namespace compliance;
    std::optional<QJsonValue> value;
    if (Store *store = m_session->store()) {
        QString error;
        if (!CompanySettings::value(store, SettingKey, &value, &error)) {
            m_rulesError->setText(widgets::readError(error));
            m_rulesError->show();
        }
    }
    const Config config = Config::fromJson(value.value_or(QJsonValue()));
    const auto severityText = [](Severity s) {
        switch (s) {
        case Severity::Off:
            return tr("Not checked");
        case Severity::Warn:
            return tr("Warns");
        case Severity::Block:
            return tr("Blocks");
        }
        return QString();
    };
    const QList<Rule> rules = allRules();
    m_rules->setRowCount(int(rules.size()));
    for (int row = 0; row < rules.size(); ++row) {
        const Rule rule = rules.at(row);
        QString title;
        QString limit;
        switch (rule) {
        case Rule::CateringPerHead:
            title = tr("Catering per attendee");
            limit = money(config.cateringPerHeadCap);
            break;
        case Rule::SpeakerFee:
            title = tr("Speaker fee by the speaker's tier");
            limit = tr("A %1 · B %2 · C/D %3")
                        .arg(money(config.speakerFeeCapA), money(config.speakerFeeCapB),
                            money(config.speakerFeeCapCD));
            break;
        case Rule::StaffShare:
            title = tr("Company staff among the attendees");
            limit = tr("%1%").arg(config.staffSharePercent);
            break;
        case Rule::SignedInBeforeHeld:
            title = tr("At least one signed-in attendee before the meeting is held");
            limit = QStringLiteral("≥ 1");
            break;
        case Rule::EvidenceBeforeClosed:
            title = tr("Evidence for every expense before the meeting is closed");
            limit = QStringLiteral("—");
            break;
        case Rule::YearlyTransfers:
            title = tr("Transfers of value to one HCP in a calendar year");
            limit = money(config.yearlyTransfersCap);
            break;
        case Rule::BudgetOverrun:
            title = tr("Actual spend over the budget (a manager approves again)");
            limit = tr("budget + %1%").arg(config.budgetTolerancePercent);
            break;
        }
        auto *titleItem = new QTableWidgetItem(title);
        titleItem->setToolTip(title);
        m_rules->setItem(row, 0, titleItem);
        m_rules->setItem(row, 1, new QTableWidgetItem(severityText(config.severity(rule))));
        m_rules->setItem(row, 2, new QTableWidgetItem(limit));
    }
}

QWidget *SettingsDialog::buildDashboardPage()
{
    auto *page = new QWidget(this);
    auto *readError = widgets::errorLabel(QStringLiteral("companyWeightsErrorLabel"), page);
    QString error;
    if (!CompanySettings::kpiWeights(m_session->store(), &m_companyWeights, &error)) {
        readError->setText(widgets::readError(error));
        readError->show();
    }
    const QJsonObject own = preferences::kpiWeights(*m_session->store());
    KpiWeights shown = m_companyWeights;
    shown.apply(own);
    const auto spin = [page](const QString &name, double value) {
        auto *box = new QDoubleSpinBox(page);
        box->setObjectName(name);
        box->setRange(0.0, 100.0);
        box->setSingleStep(0.05);
        box->setDecimals(2);
        box->setValue(value);
        return box;
    };
    m_weightFirst = spin(QStringLiteral("weightFirstSpinBox"), shown.first);
    m_weightSecond = spin(QStringLiteral("weightSecondSpinBox"), shown.second);
    m_weightLater = spin(QStringLiteral("weightLaterSpinBox"), shown.later);
    // Following the company is a state of its own, not a set of numbers that happen to match: the
    // company's weights may change with the next sync, and the dashboard follows them.
    m_useCompanyWeights = new QCheckBox(tr("&Use the company's weights"), page);
    m_useCompanyWeights->setObjectName(QStringLiteral("companyWeightsCheckBox"));
    m_useCompanyWeights->setChecked(own.isEmpty());
    const auto follow = [this](bool company) {
        if (company)
            showWeights(m_companyWeights);
        for (QDoubleSpinBox *box : {m_weightFirst, m_weightSecond, m_weightLater})
            box->setEnabled(!company);
    };
    connect(m_useCompanyWeights, &QCheckBox::toggled, this, follow);
    follow(m_useCompanyWeights->isChecked());
    auto *company = new QLabel(tr("Your company's weights: first %1, second %2, later %3.")
                                   .arg(QLocale().toString(m_companyWeights.first, 'f', 2),
                                       QLocale().toString(m_companyWeights.second, 'f', 2),
                                       QLocale().toString(m_companyWeights.later, 'f', 2)),
        page);
    company->setObjectName(QStringLiteral("companyWeightsLabel"));

    auto *form = new QFormLayout(page);
    form->addRow(note(tr("How much a product counts in the product detail share by its position in a "
                         "visit. Your administrator sets the company's weights; you may choose your own "
                         "for your dashboard on this computer."),
        page));
    form->addRow(readError);
    form->addRow(company);
    form->addRow(m_useCompanyWeights);
    form->addRow(tr("&First product:"), m_weightFirst);
    form->addRow(tr("S&econd product:"), m_weightSecond);
    form->addRow(tr("&Later products:"), m_weightLater);
    return page;
}

void SettingsDialog::showWeights(const KpiWeights &weights)
{
    m_weightFirst->setValue(weights.first);
    m_weightSecond->setValue(weights.second);
    m_weightLater->setValue(weights.later);
}

QWidget *SettingsDialog::buildDiagnosticsPage()
{
    auto *page = new QWidget(this);
    auto *button = new QPushButton(tr("&Export diagnostics…"), page);
    button->setObjectName(QStringLiteral("exportDiagnosticsButton"));
    m_diagnosticsResult = new QLabel(page);
    m_diagnosticsResult->setObjectName(QStringLiteral("diagnosticsResultLabel"));
    m_diagnosticsResult->setWordWrap(true);
    m_diagnosticsResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(button, &QPushButton::clicked, this, [this] { exportDiagnostics(); });

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(note(tr("When support asks for diagnostics, export this file and attach it to your "
                              "ticket. It holds the versions, the sync state (how many changes wait, "
                              "refusals, conflicts) and Rounds' log files — no doctor, visit or meeting "
                              "data."),
        page));
    layout->addWidget(button, 0, Qt::AlignLeft);
    layout->addWidget(m_diagnosticsResult);
    layout->addStretch();
    return page;
}

bool SettingsDialog::apply()
{
    const QString language = m_language->currentData().toString();
    const bool languageChanged = language != preferences::language();
    preferences::setLanguage(language);
    const QString look = m_theme->currentData().toString();
    if (look != preferences::theme()) {
        preferences::setTheme(look);
        theme::apply(look);
    }
    preferences::setAutoSyncMinutes(m_autoSync->value());
    m_session->engine()->setAutoSyncMinutes(m_autoSync->value());
    preferences::setLivePullSeconds(m_livePull->value());
    m_session->engine()->setLivePullSeconds(m_livePull->value());
    if (m_useCompanyWeights && m_session->store()) {
        const KpiWeights own {m_weightFirst->value(), m_weightSecond->value(), m_weightLater->value()};
        preferences::setKpiWeights(
            *m_session->store(), m_useCompanyWeights->isChecked() ? QJsonObject() : own.toJson());
    }
    return languageChanged;
}

QString SettingsDialog::exportDiagnostics()
{
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
        + QDir::separator()
        + QStringLiteral("rounds-diagnostics-%1.json")
              .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")));
    const std::optional<QString> path
        = Prompter::instance().askSaveFile(this, tr("Export diagnostics"), suggested, tr("JSON (*.json)"));
    if (!path)
        return {};
    QString error;
    if (!diagnostics::exportBundle(m_session->store(), *path, &error)) {
        m_diagnosticsResult->setText(
            tr("Could not write %1: %2").arg(QDir::toNativeSeparators(*path), error));
        return {};
    }
    m_diagnosticsResult->setText(tr("Saved to %1").arg(QDir::toNativeSeparators(*path)));
    return *path;
}

} // namespace rounds
