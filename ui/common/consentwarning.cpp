#include "ui/common/consentwarning.h"

#include "common/protocol/enumlabels.h"
#include "models/consentqueries.h"
#include "models/hcpqueries.h"
#include "ui/common/dates.h"
#include "ui/common/prompter.h"

#include <QCoreApplication>

namespace rounds::consentwarning {

bool confirmContact(
    QWidget *parent, Store *store, const QString &hcpId, const QString &channel, const QDateTime &at)
{
    using protocol::consent::State;
    protocol::consent::Verdict v;
    QString error;
    // A rule that cannot be read does not stop the save: the server decides.
    if (!ConsentQueries::verdict(store, hcpId, channel, at, &v, &error) || !v.blocks)
        return true;
    HcpSummary hcp;
    HcpQueries::summary(store, hcpId, &hcp);
    const QString who = hcp.name.isEmpty() ? hcpId : hcp.name;
    const QString how = EnumLabels::label(QStringLiteral("consent"), QStringLiteral("channel"), channel);
    QString why;
    switch (v.state) {
    case State::Withdrawn:
        why = QCoreApplication::translate("ConsentWarning", "%1 withdrew consent to %2 on %3.")
                  .arg(who, how, Dates::date(v.deciding->capturedAt.toLocalTime().date()));
        break;
    case State::Expired:
        why = QCoreApplication::translate("ConsentWarning", "%1's consent to %2 expired on %3.")
                  .arg(who, how, Dates::date(v.expiresAt.toLocalTime().date()));
        break;
    default:
        why = QCoreApplication::translate("ConsentWarning", "%1 has not consented to %2.").arg(who, how);
        break;
    }
    return Prompter::instance().confirm(parent, QCoreApplication::translate("ConsentWarning", "No consent"),
        why + QLatin1Char('\n')
            + QCoreApplication::translate("ConsentWarning",
                "The server will refuse this record until consent is captured in the HCP's profile. Save "
                "anyway?"));
}

} // namespace rounds::consentwarning
