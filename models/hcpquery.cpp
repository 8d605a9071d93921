#include "models/hcpquery.h"

#include "models/pinyin.h"
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
// A pinyin tier at most this many: one or two letters are the start of most names' pinyin, and every
// candidate costs lookups before the page is picked (rounds-bench search, docs/search.md).
constexpr int kPinyinTierLimit = 200;

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

// "key >= ? AND key < ?" over `column`: the keys starting with `prefix` (keys are ASCII letters and
// digits, so the character after 'z' closes the range), an index range search.
QString prefixRange(const QString &column, const QString &prefix, QVariantList *binds)
{
    *binds << prefix << QString(prefix + QLatin1Char('{'));
    return QStringLiteral("%1 >= ? AND %1 < ?").arg(column);
}

// One candidate per HCP from the union of `tiers`: its best group, with the position that group gave
// (SQLite takes the bare column from the row min() chose).
template<typename Tiers> QString groupedTiers(const Tiers &tiers, QVariantList *binds)
{
    QStringList parts;
    for (const auto &t : tiers) {
        parts << QStringLiteral("SELECT * FROM (%1)").arg(t.sql);
        *binds << t.binds;
    }
    return QStringLiteral("(SELECT docid, min(grp) AS grp, pos FROM (%1) GROUP BY docid) c")
        .arg(parts.join(QStringLiteral(" UNION ALL ")));
}

} // namespace

const QString kHcpByDocument = QStringLiteral("hcp_search_doc kd JOIN hcp h ON h.id = kd.hcp_id");
const QString kHcpDocumentKey = QStringLiteral("kd.docid");

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
    // The HCPs come from grouped candidate tiers (c.grp, c.pos, c.docid): the page is picked from the
    // candidates' keys alone, needing neither the HCP row nor a sort of anything else.
    auto useCandidates = [&out, &fromBinds](const QString &candidates) {
        out.from = candidates
            + QStringLiteral(" JOIN hcp_search_doc d ON d.docid = c.docid JOIN hcp h ON h.id = d.hcp_id");
        out.relevance = QStringLiteral("c.grp, c.pos, c.docid");
        // The page's ids are document ids: the HCP id is looked up for the page alone, not for every
        // candidate before the sort.
        out.pick = QStringLiteral("SELECT c.docid AS id, c.grp AS k1, c.pos AS k2, c.docid AS k3 FROM %1")
                       .arg(candidates);
        out.pickBinds = fromBinds;
    };

    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    const QStringList tokens = filter.text.trimmed().split(spaces, Qt::SkipEmptyParts);
    QStringList longTokens;
    QStringList shortTokens;
    for (const QString &t : tokens)
        (codePoints(t) >= 3 ? longTokens : shortTokens) << t;

    // The attribute filters the user set, over `h`; the text modes below add them where the HCP rows are
    // produced.
    QStringList filters;
    QVariantList filterBinds;
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

    // An HCP merged into another (duplicate review) is no longer a person to list or find. A text search's
    // candidates are documents: with no other filter they are checked against the documents of the few
    // merged HCPs (a partial index, migration 17), not by reading each candidate's HCP row, the largest
    // cost of a word found in thousands of names.
    const bool userFilters = !filters.isEmpty();
    filters.prepend(QStringLiteral("h.status IS NOT 'merged'"));
    auto notMergedDoc = [](const QString &docid) {
        return QStringLiteral("%1 NOT IN (SELECT md.docid FROM hcp m JOIN hcp_search_doc md ON md.hcp_id = "
                              "m.id WHERE m.status = 'merged')")
            .arg(docid);
    };

    const QString pinyin = Pinyin::queryKey(filter.text);
    // The tiers of a text search as (docid, grp, pos) selects, best group first; used when the text can be
    // pinyin, so that a name found by its characters and one found by its pinyin share one order.
    struct Tier
    {
        QString sql;
        QVariantList binds;
    };
    QList<Tier> tiers;
    const QString filterJoin = userFilters ? QStringLiteral(" JOIN hcp h ON h.id = d.hcp_id") : QString();
    const QString filterWhere = QStringLiteral(" AND ")
        + (userFilters ? filters.join(QStringLiteral(" AND ")) : notMergedDoc(QStringLiteral("d.docid")));
    if (!pinyin.isEmpty()) {
        // 1, 2: the HCP's name by its full pinyin (closest length first), by its initials;
        // 4: HCPs of an institution with a part of its name's pinyin or initials starting so.
        for (const char *column : {"pinyin", "initials"}) {
            // One letter starts a name's pinyin exactly when it starts its initials.
            if (pinyin.size() == 1 && qstrcmp(column, "initials") == 0)
                continue;
            Tier t;
            const QString range = prefixRange(QStringLiteral("k.") + QLatin1String(column), pinyin, &t.binds);
            t.sql = QStringLiteral(
                "SELECT d.docid AS docid, %1 AS grp, length(k.%2) AS pos FROM hcp_name_key k "
                "JOIN hcp_search_doc d ON d.hcp_id = k.hcp_id%3 WHERE %4%5 LIMIT %6")
                        .arg(qstrcmp(column, "pinyin") == 0 ? 1 : 2)
                        .arg(QLatin1String(column), filterJoin, range, filterWhere)
                        .arg(kPinyinTierLimit);
            t.binds << filterBinds;
            tiers << t;
        }
    }
    // One or two letters start a part of most hospitals' names: the hospital tier needs three.
    if (pinyin.size() >= 3) {
        Tier t;
        const QString byPart = prefixRange(QStringLiteral("part"), pinyin, &t.binds);
        t.sql = QStringLiteral(
            "SELECT d.docid AS docid, 4 AS grp, 0 AS pos FROM hcp h JOIN hcp_search_doc d ON "
            "d.hcp_id = h.id WHERE h.institution_id IN (SELECT institution_id FROM "
            "institution_pinyin_part WHERE %1)%2 LIMIT %3")
                    .arg(byPart, QStringLiteral(" AND ") + filters.join(QStringLiteral(" AND ")))
                    .arg(kPinyinTierLimit);
        t.binds << filterBinds;
        tiers << t;
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
            if (userFilters)
                from += QStringLiteral(
                    " JOIN hcp_search_doc d ON d.docid = %1.rowid JOIN hcp h ON h.id = d.hcp_id")
                            .arg(fts);
            const QStringList where = QStringList {QStringLiteral("%1 MATCH ?").arg(fts)} + shortWhere
                + (userFilters ? filters : QStringList {notMergedDoc(fts + QStringLiteral(".rowid"))});
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
        QString candidates;
        if (tiers.isEmpty()) {
            candidates
                = QStringLiteral("(SELECT docid, 0 AS grp, pos FROM (%1) UNION ALL SELECT docid, 1 AS "
                                 "grp, 0 AS pos FROM (%2) WHERE docid NOT IN (SELECT docid FROM (%1))) c")
                      .arg(nameTier, otherTier);
            fromBinds << nameBinds << otherBinds << nameBinds;
        } else {
            tiers.prepend(
                Tier {QStringLiteral("SELECT docid, 0 AS grp, pos FROM (%1)").arg(nameTier), nameBinds});
            tiers << Tier {
                QStringLiteral("SELECT docid, 3 AS grp, 0 AS pos FROM (%1)").arg(otherTier), otherBinds};
            candidates = groupedTiers(tiers, &fromBinds);
        }
        useCandidates(candidates);
    } else if (!shortTokens.isEmpty() && !tiers.isEmpty()) {
        // Short words that can be pinyin: the name grams as the first tier, bounded like the pinyin ones
        // (one or two letters are in most Latin names; each candidate costs lookups before the page).
        Tier grams;
        QStringList gramWhere {QStringLiteral("g.gram = lower(?)")};
        grams.binds << shortTokens.first();
        for (qsizetype i = 1; i < shortTokens.size(); ++i) {
            gramWhere << QStringLiteral("h.full_name LIKE ? ESCAPE '\\'");
            grams.binds << likePattern(shortTokens.at(i));
        }
        // The HCP row is read only where a second word or a filter needs it.
        const bool readHcp = userFilters || shortTokens.size() > 1;
        gramWhere << (readHcp ? filters : QStringList {notMergedDoc(QStringLiteral("d.docid"))});
        grams.binds << filterBinds;
        grams.sql = QStringLiteral("SELECT d.docid AS docid, 0 AS grp, g.pos AS pos FROM hcp_gram g%1 JOIN "
                                   "hcp_search_doc d ON d.hcp_id = g.hcp_id WHERE %2 ORDER BY g.pos, g.hcp_id "
                                   "LIMIT %3")
                        .arg(readHcp ? QStringLiteral(" JOIN hcp h ON h.id = g.hcp_id") : QString(),
                            gramWhere.join(QStringLiteral(" AND ")))
                        .arg(kPinyinTierLimit);
        tiers.prepend(grams);
        const QString candidates = groupedTiers(tiers, &fromBinds);
        useCandidates(candidates);
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
                         "v.hcp_id = h.id), h.institution_id, (SELECT i.name FROM institution i WHERE i.id = "
                         "h.institution_id)");
    QString text;
    QVariantList binds;
    if (!s.pick.isEmpty()) {
        text = QStringLiteral(
            "SELECT %1 FROM (SELECT * FROM (%2) ORDER BY k1, k2, k3 LIMIT ?) k, %3 WHERE %4 = k.id ORDER "
            "BY k.k1, k.k2, k.k3")
                   .arg(columns, s.pick, kHcpByDocument, kHcpDocumentKey);
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
            hits->append(HcpHit {q->text(0), q->text(1), q->text(2), q->text(3), q->text(4), q->text(5)});
    });
}

} // namespace rounds
