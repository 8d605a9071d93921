#include "models/showcasequeries.h"

#include "models/sqlrows.h"

namespace rounds {

namespace {

bool readId(Store *store, const QString &sql, QString *out, QString *error)
{
    QVariant value;
    const bool ok = readValue(store, sql, {}, &value, error);
    *out = value.toString();
    return ok;
}

} // namespace

bool ShowcaseQueries::busiestHcp(Store *store, QString *out, QString *error)
{
    return readId(store,
        QStringLiteral(
            "SELECT v.hcp_id FROM visit v GROUP BY v.hcp_id ORDER BY EXISTS (SELECT 1 FROM hcp_tag t "
            "WHERE t.hcp_id = v.hcp_id) DESC, count(*) DESC, v.hcp_id LIMIT 1"),
        out, error);
}

bool ShowcaseQueries::busiestTerritory(Store *store, QString *out, QString *error)
{
    return readId(store,
        QStringLiteral("SELECT territory_id FROM alignment GROUP BY territory_id ORDER BY count(*) DESC, "
                       "territory_id LIMIT 1"),
        out, error);
}

bool ShowcaseQueries::liveliestMeeting(Store *store, QString *out, QString *error)
{
    return readId(store,
        QStringLiteral("SELECT id FROM meeting WHERE status IN ('draft', 'submitted', 'approved', 'held') "
                       "ORDER BY status = 'draft' DESC, starts_at, id LIMIT 1"),
        out, error);
}

} // namespace rounds
