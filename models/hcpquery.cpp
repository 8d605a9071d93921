#include "models/hcpquery.h"

#include "models/sqlguard.h"
#include "models/sqlrows.h"

#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace rounds {

namespace {

// Each relevance tier of a text search holds at most this many HCPs.
constexpr int kTierLimit = 1000;

// Counts characters as SQLite and the trigram tokenizer do: code points, not UTF-16 units.
int codePoints(const QString &s)
{
    return int(s.toUcs4().size());
}

QString likePattern(const QString &token)
{
    QString escaped = token;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

QString ftsPhrase(const QString &token)
{
    QString escaped = token;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

bool HcpFilter::isEmpty() const
{
    return text.trimmed().isEmpty() && tier.isEmpty() && specialty.isEmpty() && institutionId.isEmpty()
        && tag.isEmpty() && territoryId.isEmpty() && notVisitedDays < 0 && !inPlanThisWeek;
}

HcpSql buildHcpSql(const HcpFilter &filter)
{
    HcpSql out;
    QStringList where;
    QVariantList fromBinds;
    QVariantList whereBinds;

    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    const QStringList tokens = filter.text.trimmed().split(spaces, Qt::SkipEmptyParts);
    QStringList longTokens;
    QStringList shortTokens;
    for (const QString &t : tokens)
        (codePoints(t) >= 3 ? longTokens : shortTokens) << t;

    // The attribute filters, over `h`; the text modes below add them where the HCP rows are produced.
    QStringList filters;
    QVariantList filterBinds;
    // An HCP merged into another (duplicate review) is no longer a person to list or find.
    filters << QStringLiteral("h.status <> 'merged'");
    if (!filter.tier.isEmpty()) {
        filters << QStringLiteral("h.tier = ?");
        filterBinds << filter.tier;
    }
    if (!filter.specialty.isEmpty()) {
        filters << QStringLiteral("h.specialty = ?");
        filterBinds << filter.specialty;
    }
    if (!filter.institutionId.isEmpty()) {
        filters << QStringLiteral("h.institution_id = ?");
        filterBinds << filter.institutionId;
    }
    if (!filter.territoryId.isEmpty()) {
        filters << QStringLiteral(
            "EXISTS (SELECT 1 FROM alignment al WHERE al.hcp_id = h.id AND al.territory_id = ?)");
        filterBinds << filter.territoryId;
    }
    if (!filter.tag.isEmpty()) {
        filters << QStringLiteral("EXISTS (SELECT 1 FROM hcp_tag t WHERE t.hcp_id = h.id AND t.tag = ?)");
        filterBinds << filter.tag;
    }
    const QDate today = filter.today.isValid() ? filter.today : QDate::currentDate();
    if (filter.notVisitedDays >= 0) {
        filters << QStringLiteral(
            "NOT EXISTS (SELECT 1 FROM visit v WHERE v.hcp_id = h.id AND v.visited_at >= ?)");
        filterBinds << utcDayStart(today.addDays(-filter.notVisitedDays));
    }
    if (filter.inPlanThisWeek) {
        const QDate monday = today.addDays(1 - today.dayOfWeek());
        filters << QStringLiteral("EXISTS (SELECT 1 FROM visit_plan p WHERE p.hcp_id = h.id AND p.status <> "
                                  "'cancelled' AND p.planned_at >= ? AND p.planned_at < ?)");
        filterBinds << utcDayStart(monday) << utcDayStart(monday.addDays(7));
    }

    if (!longTokens.isEmpty()) {
        // Two tiers, each bounded so that a query matching most of the file (a 3-character hospital
        // word) costs the same as a rare one: HCPs whose name holds every long word, then HCPs matching
        // in any field. Ranking all matches (bm25) was measured at ~200 ms for 100,000 matches.
        QStringList phrases;
        for (const QString &t : std::as_const(longTokens))
            phrases << ftsPhrase(t);
        const QString match = phrases.join(QLatin1Char(' '));
        // Short words next to long ones narrow the hits down, over the same indexed text.
        QStringList shortWhere;
        QVariantList shortBinds;
        for (const QString &t : std::as_const(shortTokens)) {
            QStringList any;
            for (const char *column : {"name", "institution", "department", "specialty", "city", "tags"})
                any << QStringLiteral("hcp_search.%1 LIKE ? ESCAPE '\\'").arg(QString::fromLatin1(column));
            shortWhere << QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + QLatin1Char(')');
            for (int i = 0; i < 6; ++i)
                shortBinds << likePattern(t);
        }
        // A tier over one FTS table: its rowid is the document id; joins only where words or filters need
        // them.
        auto tier = [&](const QString &fts, const QString &columns, QVariantList *binds) {
            QString from = fts;
            if (!shortWhere.isEmpty() && fts != QLatin1String("hcp_search"))
                from += QStringLiteral(" JOIN hcp_search ON hcp_search.rowid = %1.rowid").arg(fts);
            if (!filters.isEmpty())
                from += QStringLiteral(
                    " JOIN hcp_search_doc d ON d.docid = %1.rowid JOIN hcp h ON h.id = d.hcp_id")
                            .arg(fts);
            const QStringList where
                = QStringList {QStringLiteral("%1 MATCH ?").arg(fts)} + shortWhere + filters;
            *binds << match << shortBinds << filterBinds;
            return QStringLiteral("SELECT %1 FROM %2 WHERE %3 LIMIT %4")
                .arg(columns, from, where.join(QStringLiteral(" AND ")))
                .arg(kTierLimit);
        };
        QString first = longTokens.first();
        first.replace(QLatin1Char('\''), QStringLiteral("''"));
        // The name tier searches a names-only index, so a word found in every institution name costs
        // nothing here; names holding the first word earlier come first.
        QVariantList nameBinds;
        QVariantList otherBinds;
        const QString nameTier = tier(QStringLiteral("hcp_name_search"),
            QStringLiteral("hcp_name_search.rowid AS docid, "
                           "instr(lower(hcp_name_search.name), lower('%1')) AS pos")
                .arg(first),
            &nameBinds);
        const QString otherTier
            = tier(QStringLiteral("hcp_search"), QStringLiteral("hcp_search.rowid AS docid"), &otherBinds);
        const QString candidates
            = QStringLiteral("(SELECT docid, 0 AS grp, pos FROM (%1) UNION ALL SELECT docid, 1 AS "
                             "grp, 0 AS pos FROM (%2) WHERE docid NOT IN (SELECT docid FROM (%1))) c")
                  .arg(nameTier, otherTier);
        out.from = candidates
            + QStringLiteral(" JOIN hcp_search_doc d ON d.docid = c.docid JOIN hcp h ON h.id = d.hcp_id");
        fromBinds << nameBinds << otherBinds << nameBinds;
        out.relevance = QStringLiteral("c.grp, c.pos, c.docid");
        // Picking a page needs neither the HCP row nor a sort of anything but the candidates' keys.
        out.pick
            = QStringLiteral("SELECT d.hcp_id AS id, c.grp AS k1, c.pos AS k2, c.docid AS k3 FROM %1 JOIN "
                             "hcp_search_doc d ON d.docid = c.docid")
                  .arg(candidates);
        out.pickBinds = fromBinds;
    } else if (!shortTokens.isEmpty()) {
        out.from = QStringLiteral("hcp_gram g JOIN hcp h ON h.id = g.hcp_id");
        where << QStringLiteral("g.gram = lower(?)");
        whereBinds << shortTokens.first();
        out.relevance = QStringLiteral("g.pos, g.hcp_id");
        for (qsizetype i = 1; i < shortTokens.size(); ++i) {
            where << QStringLiteral("h.full_name LIKE ? ESCAPE '\\'");
            whereBinds << likePattern(shortTokens.at(i));
        }
        where << filters;
        whereBinds << filterBinds;
    } else {
        out.from = QStringLiteral("hcp h");
        where << filters;
        whereBinds << filterBinds;
    }
    out.where = where.isEmpty() ? QStringLiteral("1") : where.join(QStringLiteral(" AND "));
    out.binds = fromBinds + whereBinds;
    return out;
}

bool searchHcps(sql::Database &db, const HcpFilter &filter, int limit, QList<HcpHit> *hits, QString *error)
{
    const HcpSql s = buildHcpSql(filter);
    const QString columns
        = QStringLiteral("h.id, h.full_name, h.tier, (SELECT max(v.visited_at) FROM visit v WHERE "
                         "v.hcp_id = h.id)");
    QString text;
    QVariantList binds;
    if (!s.pick.isEmpty()) {
        text = QStringLiteral(
            "SELECT %1 FROM (SELECT * FROM (%2) ORDER BY k1, k2, k3 LIMIT ?) k JOIN hcp h ON h.id = "
            "k.id ORDER BY k.k1, k.k2, k.k3")
                   .arg(columns, s.pick);
        binds = s.pickBinds;
    } else {
        const QString order = s.relevance.isEmpty() ? QStringLiteral("h.full_name, h.id") : s.relevance;
        text = QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %4 LIMIT ?")
                   .arg(columns, s.from, s.where, order);
        binds = s.binds;
    }
    binds << limit;
    return guarded(error, [&] {
        auto q = db.query(text);
        bindVariants(*q, binds);
        hits->clear();
        while (q->step())
            hits->append(HcpHit {q->text(0), q->text(1), q->text(2), q->text(3)});
    });
}

} // namespace rounds
