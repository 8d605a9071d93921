#include "ui/common/icons.h"

#include "ui/common/theme.h"

#include <QAbstractButton>
#include <QAction>
#include <QHash>
#include <QWidget>

namespace rounds::icons {

namespace {

QIcon named(const QString &name)
{
    if (!QIcon::themeName().startsWith(QLatin1String("rounds-breeze")))
        theme::useIcons();
    return name.isEmpty() ? QIcon() : QIcon::fromTheme(name);
}

} // namespace

QString viewIconName(const QString &key)
{
    static const QHash<QString, QString> names = {
        {QStringLiteral("today"), QStringLiteral("view-calendar-day")},
        {QStringLiteral("hcps"), QStringLiteral("system-users")},
        {QStringLiteral("hcp"), QStringLiteral("im-user")},
        {QStringLiteral("plan"), QStringLiteral("view-calendar")},
        {QStringLiteral("visits"), QStringLiteral("view-list-details")},
        {QStringLiteral("meetings"), QStringLiteral("meeting-attending")},
        {QStringLiteral("dashboard"), QStringLiteral("office-chart-bar")},
        {QStringLiteral("territories"), QStringLiteral("map-flat")},
        {QStringLiteral("masterdata"), QStringLiteral("table")},
        {QStringLiteral("duplicates"), QStringLiteral("edit-copy")},
        {QStringLiteral("changerequests"), QStringLiteral("document-edit")},
        {QStringLiteral("conflicts"), QStringLiteral("data-warning")},
        {QStringLiteral("company"), QStringLiteral("settings-configure")},
        {QStringLiteral("users"), QStringLiteral("user-group-properties")},
        {QStringLiteral("library"), QStringLiteral("document-new")},
        {QStringLiteral("materials"), QStringLiteral("document-new")},
    };
    return names.value(key);
}

QIcon view(const QString &key)
{
    return named(viewIconName(key));
}

QIcon action(Action action)
{
    switch (action) {
    case Action::NewVisit:
        return named(QStringLiteral("list-add"));
    case Action::Sync:
        return named(QStringLiteral("view-refresh"));
    case Action::Save:
        return named(QStringLiteral("document-save"));
    case Action::Submit:
    case Action::Approve:
        return named(QStringLiteral("dialog-ok-apply"));
    case Action::Reject:
        return named(QStringLiteral("dialog-cancel"));
    case Action::Export:
        return named(QStringLiteral("document-export"));
    case Action::Import:
        return named(QStringLiteral("document-import"));
    case Action::Search:
        return named(QStringLiteral("edit-find"));
    case Action::Settings:
        return named(QStringLiteral("configure"));
    case Action::SignIn:
        return named(QStringLiteral("im-user"));
    case Action::SignOut:
        return named(QStringLiteral("system-log-out"));
    case Action::About:
        return named(QStringLiteral("help-about"));
    case Action::History:
        return named(QStringLiteral("view-history"));
    case Action::Back:
        return named(QStringLiteral("go-previous"));
    case Action::Forward:
        return named(QStringLiteral("go-next"));
    case Action::New:
        return named(QStringLiteral("document-new"));
    case Action::Edit:
        return named(QStringLiteral("document-edit"));
    }
    return {};
}

void decorate(QWidget *root)
{
    static const QHash<QString, Action> byName = {
        {QStringLiteral("logVisitButton"), Action::NewVisit},
        {QStringLiteral("logVisitAction"), Action::NewVisit},
        {QStringLiteral("syncNowAction"), Action::Sync},
        {QStringLiteral("settingsAction"), Action::Settings},
        {QStringLiteral("aboutAction"), Action::About},
        {QStringLiteral("signInAction"), Action::SignIn},
        {QStringLiteral("signOutAction"), Action::SignOut},
        {QStringLiteral("saveDraftButton"), Action::Save},
        {QStringLiteral("submitButton"), Action::Submit},
        {QStringLiteral("saveButton"), Action::Save},
        {QStringLiteral("saveRulesButton"), Action::Save},
        {QStringLiteral("saveKpiButton"), Action::Save},
        {QStringLiteral("approveButton"), Action::Approve},
        {QStringLiteral("approveQueuedButton"), Action::Approve},
        {QStringLiteral("rejectButton"), Action::Reject},
        {QStringLiteral("rejectQueuedButton"), Action::Reject},
        {QStringLiteral("exportCsvButton"), Action::Export},
        {QStringLiteral("exportImageButton"), Action::Export},
        {QStringLiteral("exportPdfButton"), Action::Export},
        {QStringLiteral("exportDiagnosticsButton"), Action::Export},
        {QStringLiteral("applyImportButton"), Action::Import},
        {QStringLiteral("openCsvButton"), Action::Import},
        {QStringLiteral("saveHcpButton"), Action::Save},
        {QStringLiteral("saveInstitutionButton"), Action::Save},
        {QStringLiteral("newHcpButton"), Action::New},
        {QStringLiteral("newInstitutionButton"), Action::New},
        {QStringLiteral("newMeetingButton"), Action::New},
        {QStringLiteral("newTerritoryButton"), Action::New},
        {QStringLiteral("hcpHistoryButton"), Action::History},
        {QStringLiteral("visitHistoryButton"), Action::History},
        {QStringLiteral("territoryHistoryButton"), Action::History},
        {QStringLiteral("alignmentHistoryButton"), Action::History},
        {QStringLiteral("meetingHistoryButton"), Action::History},
    };
    if (!root)
        return;
    for (QAbstractButton *button : root->findChildren<QAbstractButton *>()) {
        const auto it = byName.constFind(button->objectName());
        if (it != byName.constEnd() && button->icon().isNull())
            button->setIcon(action(*it));
    }
    for (QAction *a : root->findChildren<QAction *>()) {
        const auto it = byName.constFind(a->objectName());
        if (it != byName.constEnd() && a->icon().isNull())
            a->setIcon(action(*it));
    }
}

} // namespace rounds::icons
