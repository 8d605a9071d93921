#include "models/hcplistmodel.h"

#include "models/consentqueries.h"
#include "models/localday.h"

#include <QDateTime>

namespace rounds {

namespace {

// Positions of the selected values (0 is the id).
enum Value {
    VId,
    VName,
    VSpecialty,
    VInstitution,
    VTier,
    VCity,
    VLastVisit,
    VConsent,
    VInstitutionId,
    VStatus,
    VPending,
    VSortKey, // the name's sort key in the locale's collation (hex, so it compares as text)
};

// The name's order: the locale's collation (pinyin in Chinese), the sort-key index's own order (its key
// ends with the HCP id, so no sort is needed for a tie either).
QString nameOrder(Qt::SortOrder order)
{
    const QString dir = order == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    return QStringLiteral("nk.sort_key") + dir + QStringLiteral(", nk.hcp_id") + dir;
}

QString localDate(const QVariant &utc)
{
    if (utc.isNull())
        return {};
    const QDate day = LocalDay::of(utc.toString());
    return day.isValid() ? day.toString(Qt::ISODate) : utc.toString();
}

// The consent marker of an HCP row (ConsentRole), in SQL over the rule's own terms: the newest
// product-wide face_to_face record decides its state; ":soon" when any granted record still in force (no
// newer one for its channel and product) ends within the warning days. `now` and the bounds are literals
// made here, never input.
QString consentExpression(const protocol::consent::Rules &r)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString nowText = now.toString(Qt::ISODateWithMs);
    const QString soon = now.addDays(r.warningDays).toString(Qt::ISODateWithMs);
    const QString expiry = QStringLiteral(
        "coalesce(%1.expires_at, strftime('%Y-%m-%dT%H:%M:%fZ', %1.captured_at, '+%2 days'))");
    const QString cExpiry = expiry.arg(QStringLiteral("c")).arg(r.validityDays);
    return QStringLiteral(
        "coalesce((SELECT CASE WHEN c.status = 'withdrawn' THEN 'withdrawn' WHEN %1 <= '%2' THEN 'expired' "
        "ELSE 'granted' END FROM consent c WHERE c.hcp_id = h.id AND c.channel = 'face_to_face' AND "
        "c.product_id IS NULL ORDER BY c.captured_at DESC, c.status = 'withdrawn' DESC LIMIT 1), '') || "
        "CASE WHEN EXISTS (SELECT 1 FROM consent c WHERE c.hcp_id = h.id AND c.status = 'granted' AND %1 > "
        "'%2' AND %1 <= '%3' AND NOT EXISTS (SELECT 1 FROM consent n WHERE n.hcp_id = c.hcp_id AND n.channel "
        "= c.channel AND n.product_id IS c.product_id AND n.captured_at > c.captured_at)) THEN ':soon' ELSE "
        "'' END")
        .arg(cExpiry, nowText, soon);
}

} // namespace

HcpListModel::HcpListModel(Store *store, QObject *parent)
    : PagedTableModel(store, QStringLiteral("hcp"),
        {QStringLiteral("institution"), QStringLiteral("department"), QStringLiteral("visit"),
            QStringLiteral("hcp_tag"), QStringLiteral("visit_plan"), QStringLiteral("consent"),
            QStringLiteral("setting")},
        parent)
{
    setRoleValues(
        {{IdRole, VId}, {TierRole, VTier}, {LastVisitRole, VLastVisit}, {InstitutionIdRole, VInstitutionId},
            {StatusRole, VStatus}, {PendingRole, VPending, true}, {ConsentRole, VConsent}});
    reload();
}

void HcpListModel::setFilter(const HcpFilter &filter)
{
    m_filter = filter;
    reload();
}

QStringList HcpListModel::headers() const
{
    return {tr("Name"), tr("Specialty"), tr("Institution"), tr("Tier"), tr("City"), tr("Last visit"),
        tr("Consent")};
}

QStringList HcpListModel::selectExpressions() const
{
    protocol::consent::Rules rules; // the defaults when the settings cannot be read
    ConsentQueries::rules(store(), &rules, nullptr);
    return {QStringLiteral("h.id"), QStringLiteral("h.full_name"), QStringLiteral("h.specialty"),
        QStringLiteral("i.name"), QStringLiteral("h.tier"), QStringLiteral("i.city"),
        QStringLiteral("(SELECT max(v.visited_at) FROM visit v WHERE v.hcp_id = h.id)"),
        consentExpression(rules), QStringLiteral("h.institution_id"), QStringLiteral("h.status"),
        pendingExpression(QStringLiteral("hcp"), QStringLiteral("h.id")),
        QStringLiteral("(SELECT hex(k.sort_key) FROM hcp_name_key k WHERE k.hcp_id = h.id)")};
}

PagedTableModel::QuerySpec HcpListModel::querySpec() const
{
    const HcpSql s = buildHcpSql(m_filter);
    QuerySpec spec;
    // Without text the list pages in name order straight from the sort-key index: CROSS JOIN keeps the
    // keys the outer loop, so SQLite does not read every HCP a filter lets through and sort them (a
    // tier filter on 500,000 HCPs: 1.8 s instead of milliseconds).
    const QString keys = s.relevance.isEmpty()
        ? QString(
            QStringLiteral("hcp_name_key nk CROSS JOIN ") + s.from + QStringLiteral(" ON h.id = nk.hcp_id"))
        : QString(s.from + QStringLiteral(" JOIN hcp_name_key nk ON nk.hcp_id = h.id"));
    spec.from = keys + QStringLiteral(" LEFT JOIN institution i ON i.id = h.institution_id");
    spec.where = s.where;
    spec.binds = s.binds;
    spec.canPlaceRows = s.relevance.isEmpty();
    spec.orderBy = s.relevance.isEmpty() ? nameOrder(Qt::AscendingOrder) : s.relevance;
    spec.pick = s.pick;
    spec.pickBinds = s.pickBinds;
    spec.pickDisplayFrom
        = kHcpByDocument + QStringLiteral(" LEFT JOIN institution i ON i.id = h.institution_id");
    spec.pickKey = kHcpDocumentKey;
    return spec;
}

QString HcpListModel::orderByColumn(int column, Qt::SortOrder order) const
{
    if (column < 0 || column >= ColumnCount)
        return {};
    if (column == Name)
        return nameOrder(order);
    return orderBy(selectExpressions().at(sortValueIndex(column)), order);
}

int HcpListModel::sortValueIndex(int column) const
{
    return column > Name && column < ColumnCount ? column + 1 : VSortKey;
}

QVariant HcpListModel::data(const QModelIndex &index, int role) const
{
    // The last visit shows as a local day, with its full UTC time as the tooltip.
    const bool lastVisit = index.isValid() && index.column() == LastVisit && index.row() < rowCount();
    if (role == Qt::DisplayRole && lastVisit)
        return localDate(rowValues(index.row()).value(VLastVisit));
    // Consent: face to face's state, and a warning when a consent is about to expire.
    const bool consent = index.isValid() && index.column() == Consent && index.row() < rowCount();
    if ((role == Qt::DisplayRole || role == Qt::ToolTipRole) && consent)
        return consentText(rowValues(index.row()).value(VConsent).toString(), role == Qt::ToolTipRole);
    if (role == Qt::ToolTipRole)
        return lastVisit ? rowValues(index.row()).value(VLastVisit) : QVariant();
    return PagedTableModel::data(index, role);
}

QString HcpListModel::consentText(const QString &code, bool tooltip)
{
    const bool soon = code.endsWith(QLatin1String(":soon"));
    const QString state = soon ? code.chopped(5) : code;
    QString text = state == QLatin1String("granted") ? tr("Face to face")
        : state == QLatin1String("withdrawn")        ? tr("Withdrawn")
        : state == QLatin1String("expired")          ? tr("Expired")
                                                     : tr("None");
    if (tooltip) {
        text = state == QLatin1String("granted")  ? tr("Consent to face-to-face visits in force.")
            : state == QLatin1String("withdrawn") ? tr("Consent to face-to-face visits was withdrawn.")
            : state == QLatin1String("expired")   ? tr("Consent to face-to-face visits has expired.")
                                                  : tr("No consent to face-to-face visits recorded.");
        return soon
            ? QString(text + QLatin1Char(' ') + tr("A consent expires soon: renew it at the next visit."))
            : text;
    }
    return soon ? QString(text + QStringLiteral(" · ") + tr("expires soon")) : text;
}

QHash<int, QByteArray> HcpListModel::roleNames() const
{
    QHash<int, QByteArray> names = PagedTableModel::roleNames();
    names.insert(IdRole, "hcpId");
    names.insert(TierRole, "tier");
    names.insert(LastVisitRole, "lastVisit");
    names.insert(InstitutionIdRole, "institutionId");
    names.insert(StatusRole, "status");
    names.insert(PendingRole, "pending");
    names.insert(ConsentRole, "consent");
    return names;
}

} // namespace rounds
