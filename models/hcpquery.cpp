#include "models/hcpquery.h"

#include "models/sqlite/database.h"
#include "models/sqlite/sqlerror.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace rounds {

namespace {

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

QString utcStartOf(const QDate &day)
{
    return QDateTime(day, QTime(0, 0)).toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

bool HcpFilter::isEmpty() const
{
    return text.trimmed().isEmpty() && tier.isEmpty() && specialty.isEmpty() && institutionId.isEmpty()
        && tag.isEmpty() && notVisitedDays < 0 && !inPlanThisWeek;
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

    if (!longTokens.isEmpty()) {
        QStringList phrases;
        for (const QString &t : std::as_const(longTokens))
            phrases << ftsPhrase(t);
        out.from = QStringLiteral(
            "hcp_search JOIN hcp_search_doc d ON d.docid = hcp_search.rowid JOIN hcp h ON h.id = d.hcp_id");
        where << QStringLiteral("hcp_search MATCH ?");
        whereBinds << phrases.join(QLatin1Char(' '));
        out.relevance = QStringLiteral("bm25(hcp_search, 10.0, 3.0, 2.0, 3.0, 1.0, 2.0), h.id");
        // Short words next to long ones narrow the hits down, over the same indexed text.
        for (const QString &t : std::as_const(shortTokens)) {
            QStringList any;
            for (const char *column : {"name", "institution", "department", "specialty", "city", "tags"})
                any << QStringLiteral("hcp_search.%1 LIKE ? ESCAPE '\\'").arg(QString::fromLatin1(column));
            where << QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + QLatin1Char(')');
            for (int i = 0; i < 6; ++i)
                whereBinds << likePattern(t);
        }
    } else if (!shortTokens.isEmpty()) {
        out.from = QStringLiteral("hcp_gram g JOIN hcp h ON h.id = g.hcp_id");
        where << QStringLiteral("g.gram = lower(?)");
        whereBinds << shortTokens.first();
        out.relevance = QStringLiteral("g.pos, g.hcp_id");
        for (qsizetype i = 1; i < shortTokens.size(); ++i) {
            where << QStringLiteral("h.full_name LIKE ? ESCAPE '\\'");
            whereBinds << likePattern(shortTokens.at(i));
        }
    } else {
        out.from = QStringLiteral("hcp h");
    }

    if (!filter.tier.isEmpty()) {
        where << QStringLiteral("h.tier = ?");
        whereBinds << filter.tier;
    }
    if (!filter.specialty.isEmpty()) {
        where << QStringLiteral("h.specialty = ?");
        whereBinds << filter.specialty;
    }
    if (!filter.institutionId.isEmpty()) {
        where << QStringLiteral("h.institution_id = ?");
        whereBinds << filter.institutionId;
    }
    if (!filter.tag.isEmpty()) {
        where << QStringLiteral("EXISTS (SELECT 1 FROM hcp_tag t WHERE t.hcp_id = h.id AND t.tag = ?)");
        whereBinds << filter.tag;
    }
    const QDate today = filter.today.isValid() ? filter.today : QDate::currentDate();
    if (filter.notVisitedDays >= 0) {
        where << QStringLiteral(
            "NOT EXISTS (SELECT 1 FROM visit v WHERE v.hcp_id = h.id AND v.visited_at >= ?)");
        whereBinds << utcStartOf(today.addDays(-filter.notVisitedDays));
    }
    if (filter.inPlanThisWeek) {
        const QDate monday = today.addDays(1 - today.dayOfWeek());
        where << QStringLiteral("EXISTS (SELECT 1 FROM visit_plan p WHERE p.hcp_id = h.id AND p.status <> "
                                "'cancelled' AND p.planned_at >= ? AND p.planned_at < ?)");
        whereBinds << utcStartOf(monday) << utcStartOf(monday.addDays(7));
    }
    out.where = where.isEmpty() ? QStringLiteral("1") : where.join(QStringLiteral(" AND "));
    out.binds = fromBinds + whereBinds;
    return out;
}

void bindVariants(sql::Statement &stmt, const QVariantList &values, int first)
{
    int pos = first;
    for (const QVariant &v : values) {
        switch (v.typeId()) {
        case QMetaType::UnknownType:
            stmt.bindNull(pos);
            break;
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::UInt:
        case QMetaType::Bool:
            stmt.bind(pos, std::int64_t(v.toLongLong()));
            break;
        case QMetaType::Double:
            stmt.bind(pos, v.toDouble());
            break;
        default:
            if (v.isNull())
                stmt.bindNull(pos);
            else
                stmt.bind(pos, v.toString());
        }
        ++pos;
    }
}

bool searchHcps(sql::Database &db, const HcpFilter &filter, int limit, QList<HcpHit> *hits, QString *error)
{
    const HcpSql s = buildHcpSql(filter);
    const QString order = s.relevance.isEmpty() ? QStringLiteral("h.full_name, h.id") : s.relevance;
    const QString text
        = QStringLiteral("SELECT h.id, h.full_name, h.tier, (SELECT max(v.visited_at) FROM visit v WHERE "
                         "v.hcp_id = h.id) FROM %1 WHERE %2 ORDER BY %3 LIMIT ?")
              .arg(s.from, s.where, order);
    try {
        auto q = db.query(text);
        bindVariants(*q, s.binds);
        q->bind(int(s.binds.size()) + 1, limit);
        hits->clear();
        while (q->step())
            hits->append(HcpHit {q->text(0), q->text(1), q->text(2), q->text(3)});
        return true;
    } catch (const sql::SqlError &e) {
        if (error)
            *error = e.text();
        return false;
    }
}

} // namespace rounds
