#include "models/clientschema.h"

#include "common/protocol/ddl.h"
#include "common/protocol/schema.h"
#include "common/sqlite/database.h"
#include "common/sqlite/transaction.h"
#include "models/log.h"
#include "models/namesort.h"
#include "models/store/storeconnection.h"

#include <QSet>
#include <QStringList>

namespace rounds {

namespace {

void createEntityTables(sql::Database &db)
{
    for (const protocol::Entity &entity : protocol::Schema::instance().entities()) {
        for (const QString &statement : protocol::clientTableDdl(entity))
            db.exec(statement);
    }
}

void createSyncTables(sql::Database &db)
{
    // One row per pending mutation, in push order (seq). A record has at most one mutation in state
    // 'pending' (later edits coalesce into it); mutations already handed to a push ('sending') are never
    // changed again, because the server may have seen their mutation_id.
    db.exec(QStringLiteral(R"(
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  mutation_id TEXT NOT NULL UNIQUE,
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
  base_version INTEGER NOT NULL DEFAULT 0,
  base TEXT NOT NULL DEFAULT '{}',
  "set" TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'rejected')),
  error_code TEXT,
  error_message TEXT,
  error_field TEXT
);
CREATE INDEX idx_outbox_record ON outbox(entity, record_id);
CREATE UNIQUE INDEX idx_outbox_one_pending ON outbox(entity, record_id) WHERE state = 'pending';

CREATE TABLE shadow (
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  record TEXT NOT NULL,
  PRIMARY KEY (entity, record_id)
) WITHOUT ROWID;

CREATE TABLE record_bucket (
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  bucket TEXT NOT NULL,
  PRIMARY KEY (entity, record_id, bucket)
) WITHOUT ROWID;
CREATE INDEX idx_record_bucket_bucket ON record_bucket(bucket);

CREATE TABLE sync_cursor (
  bucket TEXT PRIMARY KEY NOT NULL,
  seq INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE sync_meta (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT
) WITHOUT ROWID;
)"));
}

void createConflictTable(sql::Database &db)
{
    db.exec(QStringLiteral(R"(
CREATE TABLE conflict (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  mutation_id TEXT,
  field TEXT NOT NULL,
  base TEXT,
  mine TEXT,
  theirs TEXT,
  created_at TEXT NOT NULL,
  resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
  resolution TEXT CHECK (resolution IS NULL OR resolution IN ('mine', 'theirs', 'other')),
  resolved_value TEXT,
  resolved_at TEXT
);
CREATE INDEX idx_conflict_open ON conflict(resolved, id);
CREATE INDEX idx_conflict_record ON conflict(entity, record_id);
)"));
}

// Adds the FTS documents of the HCPs selected by `where` (over `hcp h`).
QString insertSearchDocs(const QString &where)
{
    return QStringLiteral(R"(
INSERT INTO hcp_search(rowid, name, institution, department, specialty, city, tags)
  SELECT d.docid, h.full_name, i.name, dp.name, h.specialty, i.city,
         (SELECT group_concat(t.tag, ' ') FROM hcp_tag t WHERE t.hcp_id = h.id)
  FROM hcp h JOIN hcp_search_doc d ON d.hcp_id = h.id
  LEFT JOIN institution i ON i.id = h.institution_id
  LEFT JOIN department dp ON dp.id = h.department_id
  WHERE %1;
)")
        .arg(where);
}

// Rebuilds the FTS documents of the HCPs selected by `where` (over `hcp h`).
QString refreshSearchDocs(const QString &where)
{
    return QStringLiteral(R"(
DELETE FROM hcp_search WHERE rowid IN (SELECT d.docid FROM hcp_search_doc d JOIN hcp h ON h.id = d.hcp_id WHERE %1);
)")
               .arg(where)
        + insertSearchDocs(where);
}

// The 1- and 2-character grams of a name (`name` and `id` are SQL expressions), each with the position
// of its first occurrence: the short-query index, because trigram FTS cannot match under 3 characters.
// No "OR IGNORE" in trigger bodies: an UPSERT's update path overrides it with ABORT, so the statements
// must not produce duplicates in the first place (DISTINCT, and the old grams deleted first).
QString insertGrams(const QString &name, const QString &id, const QString &from = {})
{
    const QString src
        = from.isEmpty() ? QStringLiteral("search_seq s") : from + QStringLiteral(", search_seq s");
    return QStringLiteral(R"(
INSERT INTO hcp_gram(gram, hcp_id, pos)
  SELECT DISTINCT lower(substr(%1, s.i, 1)), %2, instr(lower(%1), lower(substr(%1, s.i, 1))) FROM %3
  WHERE s.i <= length(%1) AND substr(%1, s.i, 1) <> ' ';
INSERT INTO hcp_gram(gram, hcp_id, pos)
  SELECT DISTINCT lower(substr(%1, s.i, 2)), %2, instr(lower(%1), lower(substr(%1, s.i, 2))) FROM %3
  WHERE s.i < length(%1) AND instr(substr(%1, s.i, 2), ' ') = 0;
)")
        .arg(name, id, src);
}

QString deleteGrams(const QString &name, const QString &id)
{
    // A gram's position is a function of the name, so the old name gives every key to delete exactly.
    return QStringLiteral(R"(
DELETE FROM hcp_gram WHERE (gram, pos, hcp_id) IN (
  SELECT g, instr(lower(%1), g), %2 FROM (
    SELECT lower(substr(%1, s.i, 1)) AS g FROM search_seq s WHERE s.i <= length(%1)
    UNION SELECT lower(substr(%1, s.i, 2)) FROM search_seq s WHERE s.i < length(%1)));
)")
        .arg(name, id);
}

// The names-only FTS index (the first tier of a text search), keyed by the same document id.
QString insertNameDoc(const QString &row)
{
    return QStringLiteral(
        "INSERT INTO hcp_name_search(rowid, name) SELECT docid, %1.full_name FROM hcp_search_doc "
        "WHERE hcp_id = %1.id;\n")
        .arg(row);
}

QString deleteNameDoc()
{
    return QStringLiteral(
        "DELETE FROM hcp_name_search WHERE rowid = (SELECT docid FROM hcp_search_doc WHERE hcp_id = "
        "OLD.id);\n");
}

QString trigger(const QString &name, const QString &when, const QString &body)
{
    return QStringLiteral("CREATE TRIGGER %1 %2 BEGIN\n%3\nEND;\n").arg(name, when, body);
}

// "AFTER UPDATE OF <columns> ON <table> WHEN <any of them changed>" (NULL-safe).
QString updateWhenChanged(const QStringList &columns, const QString &table)
{
    QStringList changed;
    for (const QString &column : columns)
        changed << QStringLiteral("OLD.%1 IS NOT NEW.%1").arg(column);
    return QStringLiteral("AFTER UPDATE OF %1 ON %2 WHEN %3")
        .arg(columns.join(QStringLiteral(", ")), table, changed.join(QStringLiteral(" OR ")));
}

// The update triggers of the search index. Store::applyPage upserts a pulled row with every column in
// its SET list, so an unguarded trigger re-indexed every pulled HCP (and every HCP of a pulled
// institution) even when only a phone number changed; each fires only when a column its body reads
// changed.
QString searchUpdateTriggers()
{
    QString ddl;
    ddl += trigger(QStringLiteral("hcp_search_au"),
        updateWhenChanged({QStringLiteral("full_name"), QStringLiteral("specialty"),
                              QStringLiteral("institution_id"), QStringLiteral("department_id")},
            QStringLiteral("hcp")),
        refreshSearchDocs(QStringLiteral("h.id = NEW.id")));
    ddl += trigger(QStringLiteral("institution_search_au"),
        updateWhenChanged({QStringLiteral("name"), QStringLiteral("city")}, QStringLiteral("institution")),
        refreshSearchDocs(QStringLiteral("h.institution_id = NEW.id")));
    ddl += trigger(QStringLiteral("department_search_au"),
        updateWhenChanged({QStringLiteral("name")}, QStringLiteral("department")),
        refreshSearchDocs(QStringLiteral("h.department_id = NEW.id")));
    ddl += trigger(QStringLiteral("hcp_tag_search_au"),
        updateWhenChanged({QStringLiteral("tag"), QStringLiteral("hcp_id")}, QStringLiteral("hcp_tag")),
        refreshSearchDocs(QStringLiteral("h.id IN (OLD.hcp_id, NEW.hcp_id)")));
    return ddl;
}

void createSearch(sql::Database &db)
{
    db.exec(QStringLiteral(R"(
CREATE VIRTUAL TABLE hcp_search USING fts5(name, institution, department, specialty, city, tags, tokenize = 'trigram');
CREATE VIRTUAL TABLE hcp_name_search USING fts5(name, tokenize = 'trigram');
CREATE TABLE hcp_search_doc (docid INTEGER PRIMARY KEY, hcp_id TEXT NOT NULL UNIQUE);
CREATE TABLE search_seq (i INTEGER PRIMARY KEY);
CREATE TABLE hcp_gram (
  gram TEXT NOT NULL,
  pos INTEGER NOT NULL,
  hcp_id TEXT NOT NULL,
  PRIMARY KEY (gram, pos, hcp_id)
) WITHOUT ROWID;
)"));
    // Names are indexed for short queries over their first 64 characters.
    for (int i = 1; i <= 64; ++i)
        db.exec(QStringLiteral("INSERT INTO search_seq(i) VALUES (%1)").arg(i));

    QString ddl;
    ddl += trigger(QStringLiteral("hcp_search_ai"), QStringLiteral("AFTER INSERT ON hcp"),
        QStringLiteral("INSERT INTO hcp_search_doc(hcp_id) SELECT NEW.id WHERE NOT EXISTS "
                       "(SELECT 1 FROM hcp_search_doc WHERE hcp_id = NEW.id);")
            + insertSearchDocs(QStringLiteral("h.id = NEW.id")) + insertNameDoc(QStringLiteral("NEW"))
            + insertGrams(QStringLiteral("NEW.full_name"), QStringLiteral("NEW.id")));
    ddl += trigger(QStringLiteral("hcp_gram_au"),
        QStringLiteral("AFTER UPDATE OF full_name ON hcp WHEN OLD.full_name IS NOT NEW.full_name"),
        deleteNameDoc() + insertNameDoc(QStringLiteral("NEW"))
            + deleteGrams(QStringLiteral("OLD.full_name"), QStringLiteral("OLD.id"))
            + insertGrams(QStringLiteral("NEW.full_name"), QStringLiteral("NEW.id")));
    ddl += trigger(QStringLiteral("hcp_search_ad"), QStringLiteral("AFTER DELETE ON hcp"),
        deleteNameDoc()
            + QStringLiteral("DELETE FROM hcp_search WHERE rowid = (SELECT docid FROM hcp_search_doc WHERE "
                             "hcp_id = OLD.id);\nDELETE FROM hcp_search_doc WHERE hcp_id = OLD.id;")
            + deleteGrams(QStringLiteral("OLD.full_name"), QStringLiteral("OLD.id")));
    const struct
    {
        const char *table;
        const char *columns;
        const char *ref;
    } parents[] = {{"institution", "name, city", "institution_id"}, {"department", "name", "department_id"}};
    for (const auto &p : parents) {
        const QString table = QString::fromLatin1(p.table);
        const QString ref = QString::fromLatin1(p.ref);
        ddl += trigger(table + QStringLiteral("_search_ai"), QStringLiteral("AFTER INSERT ON ") + table,
            refreshSearchDocs(QStringLiteral("h.%1 = NEW.id").arg(ref)));
        ddl += trigger(table + QStringLiteral("_search_ad"), QStringLiteral("AFTER DELETE ON ") + table,
            refreshSearchDocs(QStringLiteral("h.%1 = OLD.id").arg(ref)));
    }
    ddl += trigger(QStringLiteral("hcp_tag_search_ai"), QStringLiteral("AFTER INSERT ON hcp_tag"),
        refreshSearchDocs(QStringLiteral("h.id = NEW.hcp_id")));
    ddl += trigger(QStringLiteral("hcp_tag_search_ad"), QStringLiteral("AFTER DELETE ON hcp_tag"),
        refreshSearchDocs(QStringLiteral("h.id = OLD.hcp_id")));
    ddl += searchUpdateTriggers();
    db.exec(ddl);

    // A file migrated from an earlier version may already hold HCPs.
    db.exec(QStringLiteral("INSERT INTO hcp_search_doc(hcp_id) SELECT id FROM hcp;")
        + refreshSearchDocs(QStringLiteral("1"))
        + QStringLiteral(
            "INSERT INTO hcp_name_search(rowid, name) SELECT d.docid, h.full_name FROM hcp h JOIN "
            "hcp_search_doc d ON d.hcp_id = h.id;")
        + insertGrams(QStringLiteral("h.full_name"), QStringLiteral("h.id"), QStringLiteral("hcp h")));
}

// Every pulled row paid for a second B-tree insert into this index, the largest cost of the apply path
// over a raw insert; it served only the revoke of a whole bucket (a realignment: rare), which now
// scans record_bucket instead.
void dropBucketIndex(sql::Database &db)
{
    db.exec(QStringLiteral("DROP INDEX IF EXISTS idx_record_bucket_bucket"));
}

void createListIndexes(sql::Database &db)
{
    db.exec(QStringLiteral(R"(
CREATE INDEX idx_hcp_list_name ON hcp(full_name, id);
CREATE INDEX idx_visit_list_time ON visit(visited_at, id);
CREATE INDEX idx_visit_hcp_time ON visit(hcp_id, visited_at);
CREATE INDEX idx_visit_plan_list_time ON visit_plan(planned_at, id);
CREATE INDEX idx_meeting_list_time ON meeting(starts_at, id);
CREATE INDEX idx_hcp_tag_tag ON hcp_tag(tag);
)"));
}

void addMeetingAttendeeKind(sql::Database &db)
{
    addMissingColumns(db, QStringLiteral("meeting_attendee"));
}

void addMeetingDecisionNote(sql::Database &db)
{
    addMissingColumns(db, QStringLiteral("meeting"));
}

void addMeetingResubmitReason(sql::Database &db)
{
    addMissingColumns(db, QStringLiteral("meeting"));
}

void addTerritoryActive(sql::Database &db)
{
    addMissingColumns(db, QStringLiteral("territory"));
}

// The dashboard's KPI queries (models/kpis.cpp) read a period's visits, their details, the valid
// alignments and a few months of sales; covering indexes let each read only its index (no row
// lookups): measured with rounds-bench kpis, docs/dashboards.md.
void createKpiIndexes(sql::Database &db)
{
    db.exec(QStringLiteral(R"(
CREATE INDEX IF NOT EXISTS idx_visit_kpi ON visit(visited_at, status, channel, territory_id, rep_id, hcp_id, support_level);
CREATE INDEX IF NOT EXISTS idx_visit_detail_kpi ON visit_detail(visit_id, position, product_id);
CREATE INDEX IF NOT EXISTS idx_alignment_kpi ON alignment(hcp_id, target_calls_per_cycle, valid_from, valid_to, territory_id);
CREATE INDEX IF NOT EXISTS idx_sales_fact_kpi ON sales_fact(month, territory_id, source, institution_id, product_id, value_minor);
)"));
}

// The dashboard again (models/kpis.cpp): the KPI visit index also carries the visit id, so product
// share joins the details without reading the visit rows; and a monthly sales summary (month,
// territory, source) kept by triggers lets the 36 months of the sales trend read a few hundred rows
// instead of every sales fact. NULL keys are kept as '' so the upserts meet them; `valued` counts the
// non-NULL values so a month without any reads NULL, as a sum over the facts would.
void createKpiSummaries(sql::Database &db)
{
    db.exec(QStringLiteral(R"(
CREATE INDEX IF NOT EXISTS idx_visit_kpi_id ON visit(visited_at, status, channel, territory_id, rep_id, hcp_id, support_level, id);
DROP INDEX IF EXISTS idx_visit_kpi;
CREATE TABLE IF NOT EXISTS kpi_sales_month (month TEXT NOT NULL, territory_id TEXT NOT NULL, source TEXT NOT NULL,
    value_minor INTEGER NOT NULL DEFAULT 0, valued INTEGER NOT NULL DEFAULT 0, facts INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, territory_id, source)) WITHOUT ROWID;
DELETE FROM kpi_sales_month;
INSERT INTO kpi_sales_month (month, territory_id, source, value_minor, valued, facts)
    SELECT coalesce(month, ''), coalesce(territory_id, ''), coalesce(source, ''), coalesce(sum(value_minor), 0),
        count(value_minor), count(*) FROM sales_fact GROUP BY 1, 2, 3;
CREATE TRIGGER IF NOT EXISTS kpi_sales_month_ai AFTER INSERT ON sales_fact BEGIN
    INSERT INTO kpi_sales_month (month, territory_id, source, value_minor, valued, facts)
        VALUES (coalesce(NEW.month, ''), coalesce(NEW.territory_id, ''), coalesce(NEW.source, ''),
            coalesce(NEW.value_minor, 0), NEW.value_minor IS NOT NULL, 1)
        ON CONFLICT (month, territory_id, source) DO UPDATE SET value_minor = value_minor + excluded.value_minor,
            valued = valued + excluded.valued, facts = facts + 1;
END;
CREATE TRIGGER IF NOT EXISTS kpi_sales_month_ad AFTER DELETE ON sales_fact BEGIN
    UPDATE kpi_sales_month SET value_minor = value_minor - coalesce(OLD.value_minor, 0),
        valued = valued - (OLD.value_minor IS NOT NULL), facts = facts - 1
        WHERE month = coalesce(OLD.month, '') AND territory_id = coalesce(OLD.territory_id, '')
            AND source = coalesce(OLD.source, '');
    DELETE FROM kpi_sales_month WHERE month = coalesce(OLD.month, '') AND territory_id = coalesce(OLD.territory_id, '')
        AND source = coalesce(OLD.source, '') AND facts <= 0;
END;
CREATE TRIGGER IF NOT EXISTS kpi_sales_month_au AFTER UPDATE OF month, territory_id, source, value_minor ON sales_fact BEGIN
    UPDATE kpi_sales_month SET value_minor = value_minor - coalesce(OLD.value_minor, 0),
        valued = valued - (OLD.value_minor IS NOT NULL), facts = facts - 1
        WHERE month = coalesce(OLD.month, '') AND territory_id = coalesce(OLD.territory_id, '')
            AND source = coalesce(OLD.source, '');
    DELETE FROM kpi_sales_month WHERE month = coalesce(OLD.month, '') AND territory_id = coalesce(OLD.territory_id, '')
        AND source = coalesce(OLD.source, '') AND facts <= 0;
    INSERT INTO kpi_sales_month (month, territory_id, source, value_minor, valued, facts)
        VALUES (coalesce(NEW.month, ''), coalesce(NEW.territory_id, ''), coalesce(NEW.source, ''),
            coalesce(NEW.value_minor, 0), NEW.value_minor IS NOT NULL, 1)
        ON CONFLICT (month, territory_id, source) DO UPDATE SET value_minor = value_minor + excluded.value_minor,
            valued = valued + excluded.valued, facts = facts + 1;
END;
)"));
}

// Withdrawn: step 12 first made a copy of each visit detail keyed by its visit's time, kept by
// triggers on visit and visit_detail, for the dashboard's product share. Triggers on those tables keep
// their indexes through a first sync's bulk load (Store::beginBulkLoad keeps the indexes of tables
// with triggers), which the bulk load exists to avoid; so the step now removes what a build of
// 22 November 2026 made, and is a no-op on any other file (docs/dashboards.md, "Performance").
void dropKpiVisitDetails(sql::Database &db)
{
    db.exec(QStringLiteral(R"(
DROP TRIGGER IF EXISTS kpi_visit_detail_ai;
DROP TRIGGER IF EXISTS kpi_visit_detail_ad;
DROP TRIGGER IF EXISTS kpi_visit_detail_au;
DROP TRIGGER IF EXISTS kpi_visit_detail_visit_ai;
DROP TRIGGER IF EXISTS kpi_visit_detail_visit_ad;
DROP TRIGGER IF EXISTS kpi_visit_detail_visit_au;
DROP TABLE IF EXISTS kpi_visit_detail;
)"));
}

// The name keys of one table: `table`_name_key(<ref>, pinyin, initials, sort_key), filled from `nameColumn`
// by triggers on every write path (Store::insert/update, a pulled page, a bulk load), and indexed for
// prefix search (pinyin, initials) and for paging in the locale's order (sort_key).
QString nameKeyDdl(const QString &table, const QString &ref, const QString &nameColumn)
{
    const QString keys = table + QStringLiteral("_name_key");
    const QString values
        = QStringLiteral("rounds_pinyin(NEW.%1), rounds_initials(NEW.%1), rounds_sort_key(NEW.%1)")
              .arg(nameColumn);
    QString ddl = QStringLiteral(R"(
CREATE TABLE %1 (%2 TEXT PRIMARY KEY NOT NULL, pinyin TEXT NOT NULL, initials TEXT NOT NULL, sort_key BLOB) WITHOUT ROWID;
CREATE INDEX idx_%1_pinyin ON %1(pinyin);
CREATE INDEX idx_%1_initials ON %1(initials);
CREATE INDEX idx_%1_sort ON %1(sort_key, %2);
INSERT INTO %1 (%2, pinyin, initials, sort_key)
  SELECT id, rounds_pinyin(%4), rounds_initials(%4), rounds_sort_key(%4) FROM %3;
)")
                      .arg(keys, ref, table, nameColumn);
    ddl += trigger(keys + QStringLiteral("_ai"), QStringLiteral("AFTER INSERT ON ") + table,
        QStringLiteral(
            "INSERT INTO %1 (%2, pinyin, initials, sort_key) VALUES (NEW.id, %3) ON CONFLICT (%2) DO "
            "UPDATE SET pinyin = excluded.pinyin, initials = excluded.initials, sort_key = "
            "excluded.sort_key;")
            .arg(keys, ref, values));
    ddl += trigger(keys + QStringLiteral("_au"),
        QStringLiteral("AFTER UPDATE OF %1 ON %2 WHEN OLD.%1 IS NOT NEW.%1").arg(nameColumn, table),
        QStringLiteral("UPDATE %1 SET (pinyin, initials, sort_key) = (SELECT %3) WHERE %2 = NEW.id;")
            .arg(keys, ref, values));
    ddl += trigger(keys + QStringLiteral("_ad"), QStringLiteral("AFTER DELETE ON ") + table,
        QStringLiteral("DELETE FROM %1 WHERE %2 = OLD.id;").arg(keys, ref));
    return ddl;
}

void createNameKeys(sql::Database &db)
{
    storeconnection::registerFunctions(db);
    db.exec(nameKeyDdl(QStringLiteral("hcp"), QStringLiteral("hcp_id"), QStringLiteral("full_name"))
        + nameKeyDdl(
            QStringLiteral("institution"), QStringLiteral("institution_id"), QStringLiteral("name")));
    // Institutions are also found by any part of their name's pinyin ("ruijin" in 上海…瑞金医院): one row
    // per word a search may start at. Few rows (a territory has tens of institutions, 500,000 HCPs about
    // 2000), so HCP names keep one key each.
    const QString parts = QStringLiteral(
        "INSERT INTO institution_pinyin_part (part, institution_id) SELECT DISTINCT value, %1.id FROM "
        "json_each(rounds_pinyin_parts(%1.name));");
    db.exec(QStringLiteral(
                "CREATE TABLE institution_pinyin_part (part TEXT NOT NULL, institution_id TEXT NOT NULL, "
                "PRIMARY KEY (part, institution_id)) WITHOUT ROWID;\n"
                "CREATE INDEX idx_institution_pinyin_part_id ON institution_pinyin_part(institution_id);\n")
        + QStringLiteral(
            "INSERT INTO institution_pinyin_part (part, institution_id) SELECT DISTINCT j.value, i.id "
            "FROM institution i, json_each(rounds_pinyin_parts(i.name)) j;\n")
        + trigger(QStringLiteral("institution_pinyin_part_ai"), QStringLiteral("AFTER INSERT ON institution"),
            QStringLiteral("DELETE FROM institution_pinyin_part WHERE institution_id = NEW.id;\n")
                + parts.arg(QStringLiteral("NEW")))
        + trigger(QStringLiteral("institution_pinyin_part_au"),
            QStringLiteral("AFTER UPDATE OF name ON institution WHEN OLD.name IS NOT NEW.name"),
            QStringLiteral("DELETE FROM institution_pinyin_part WHERE institution_id = OLD.id;\n")
                + parts.arg(QStringLiteral("NEW")))
        + trigger(QStringLiteral("institution_pinyin_part_ad"), QStringLiteral("AFTER DELETE ON institution"),
            QStringLiteral("DELETE FROM institution_pinyin_part WHERE institution_id = OLD.id;")));
    auto q = db.query(QStringLiteral("INSERT INTO sync_meta (key, value) VALUES ('name_sort_locale', ?1) "
                                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q->bind(1, NameSort::currentLocale());
    q->run();
}

} // namespace

bool refreshNameSortKeys(sql::Database &db)
{
    const QString locale = NameSort::currentLocale();
    {
        auto q = db.query(QStringLiteral("SELECT value FROM sync_meta WHERE key = 'name_sort_locale'"));
        if (q->step() && q->text(0) == locale)
            return false;
    }
    storeconnection::registerFunctions(db);
    sql::Transaction tx(db);
    db.exec(QStringLiteral(R"(
UPDATE hcp_name_key SET sort_key = rounds_sort_key((SELECT full_name FROM hcp WHERE hcp.id = hcp_name_key.hcp_id));
UPDATE institution_name_key SET sort_key = rounds_sort_key((SELECT name FROM institution WHERE institution.id = institution_name_key.institution_id));
)"));
    auto q = db.query(QStringLiteral("INSERT INTO sync_meta (key, value) VALUES ('name_sort_locale', ?1) "
                                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q->bind(1, locale);
    q->run();
    tx.commit();
    qCInfo(lcStore) << "name sort keys made again for the locale" << locale;
    return true;
}

QStringList addMissingColumns(sql::Database &db, const QString &entityName)
{
    const protocol::Entity *entity = protocol::Schema::instance().entity(entityName);
    if (!entity)
        return {};
    QSet<QString> existing;
    {
        auto q = db.query(QStringLiteral("SELECT name FROM pragma_table_info(?1)"));
        q->bind(1, entityName);
        while (q->step())
            existing.insert(q->text(0));
    }
    QStringList added;
    const QString table = protocol::quoteIdentifier(entity->name);
    for (const protocol::Field &f : entity->fields) {
        if (existing.contains(f.name))
            continue;
        db.exec(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3")
                    .arg(table, protocol::quoteIdentifier(f.name), protocol::sqliteType(f.type)));
        if (f.type == protocol::FieldType::Ref) {
            db.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS %1 ON %2(%3)")
                        .arg(protocol::quoteIdentifier(QStringLiteral("idx_%1_%2").arg(entity->name, f.name)),
                            table, protocol::quoteIdentifier(f.name)));
        }
        added << f.name;
    }
    if (!added.isEmpty())
        qCInfo(lcStore) << "added columns to" << entityName << added;
    return added;
}

QStringList createMissingEntityTables(sql::Database &db)
{
    QStringList created;
    for (const protocol::Entity &entity : protocol::Schema::instance().entities()) {
        if (db.tableExists(entity.name))
            continue;
        for (const QString &statement : protocol::clientTableDdl(entity))
            db.exec(statement);
        created << entity.name;
    }
    return created;
}

// Files from before step 13 hold the unguarded update triggers of the search index.
void guardSearchTriggers(sql::Database &db)
{
    db.exec(QStringLiteral(
                "DROP TRIGGER IF EXISTS hcp_search_au; DROP TRIGGER IF EXISTS institution_search_au; "
                "DROP TRIGGER IF EXISTS department_search_au; DROP TRIGGER IF EXISTS hcp_tag_search_au;")
        + searchUpdateTriggers());
}

// Reps hold the server's territory × product × month sums (sales_total) instead of per-institution
// facts (docs/sync-protocol.md, "Sales for reps"): the table, and the monthly sales summary kept from it
// too, each total counting as its `facts` facts, so the dashboard's trend reads the same either way.
void createSalesTotals(sql::Database &db)
{
    createMissingEntityTables(db);
    db.exec(QStringLiteral(R"(
CREATE INDEX IF NOT EXISTS idx_sales_total_kpi ON sales_total(month, territory_id, source, product_id, value_minor, facts, matched_minor);
INSERT INTO kpi_sales_month (month, territory_id, source, value_minor, valued, facts)
    SELECT coalesce(month, ''), coalesce(territory_id, ''), coalesce(source, ''), coalesce(sum(value_minor), 0),
        coalesce(sum(facts), 0), coalesce(sum(facts), 0) FROM sales_total WHERE true GROUP BY 1, 2, 3
    ON CONFLICT (month, territory_id, source) DO UPDATE SET value_minor = value_minor + excluded.value_minor,
        valued = valued + excluded.valued, facts = facts + excluded.facts;
CREATE TRIGGER IF NOT EXISTS kpi_sales_month_total_ai AFTER INSERT ON sales_total BEGIN
    INSERT INTO kpi_sales_month (month, territory_id, source, value_minor, valued, facts)
        VALUES (coalesce(NEW.month, ''), coalesce(NEW.territory_id, ''), coalesce(NEW.source, ''),
            coalesce(NEW.value_minor, 0), coalesce(NEW.facts, 0), coalesce(NEW.facts, 0))
        ON CONFLICT (month, territory_id, source) DO UPDATE SET value_minor = value_minor + excluded.value_minor,
            valued = valued + excluded.valued, facts = facts + excluded.facts;
END;
CREATE TRIGGER IF NOT EXISTS kpi_sales_month_total_ad AFTER DELETE ON sales_total BEGIN
    UPDATE kpi_sales_month SET value_minor = value_minor - coalesce(OLD.value_minor, 0),
        valued = valued - coalesce(OLD.facts, 0), facts = facts - coalesce(OLD.facts, 0)
        WHERE month = coalesce(OLD.month, '') AND territory_id = coalesce(OLD.territory_id, '')
            AND source = coalesce(OLD.source, '');
    DELETE FROM kpi_sales_month WHERE month = coalesce(OLD.month, '') AND territory_id = coalesce(OLD.territory_id, '')
        AND source = coalesce(OLD.source, '') AND facts <= 0;
END;
CREATE TRIGGER IF NOT EXISTS kpi_sales_month_total_au AFTER UPDATE OF month, territory_id, source, value_minor, facts
    ON sales_total BEGIN
    UPDATE kpi_sales_month SET value_minor = value_minor - coalesce(OLD.value_minor, 0),
        valued = valued - coalesce(OLD.facts, 0), facts = facts - coalesce(OLD.facts, 0)
        WHERE month = coalesce(OLD.month, '') AND territory_id = coalesce(OLD.territory_id, '')
            AND source = coalesce(OLD.source, '');
    DELETE FROM kpi_sales_month WHERE month = coalesce(OLD.month, '') AND territory_id = coalesce(OLD.territory_id, '')
        AND source = coalesce(OLD.source, '') AND facts <= 0;
    INSERT INTO kpi_sales_month (month, territory_id, source, value_minor, valued, facts)
        VALUES (coalesce(NEW.month, ''), coalesce(NEW.territory_id, ''), coalesce(NEW.source, ''),
            coalesce(NEW.value_minor, 0), coalesce(NEW.facts, 0), coalesce(NEW.facts, 0))
        ON CONFLICT (month, territory_id, source) DO UPDATE SET value_minor = value_minor + excluded.value_minor,
            valued = valued + excluded.valued, facts = facts + excluded.facts;
END;
)"));
}

// The documents of merged HCPs, which a text search leaves out: a handful, found without reading the
// HCP rows (models/hcpquery.cpp).
void createMergedIndex(sql::Database &db)
{
    db.exec(QStringLiteral("CREATE INDEX idx_hcp_merged ON hcp(id) WHERE status = 'merged'"));
}

// Consent per HCP and channel (docs/privacy.md): the table from the schema, read by HCP.
void createConsent(sql::Database &db)
{
    createMissingEntityTables(db);
    db.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS idx_consent_hcp ON consent(hcp_id, channel)"));
}

void createFileState(sql::Database &db)
{
    db.exec(QStringLiteral(
        "CREATE TABLE file_state(sha256 TEXT PRIMARY KEY NOT NULL, size INTEGER NOT NULL DEFAULT 0, "
        "state TEXT NOT NULL DEFAULT 'missing' CHECK (state IN ('missing', 'partial', 'complete')), "
        "bytes INTEGER NOT NULL DEFAULT 0, pinned INTEGER NOT NULL DEFAULT 0, last_error TEXT, "
        "updated_at TEXT NOT NULL) WITHOUT ROWID"));
}

// Materials, their key messages and the page views of presentations (docs/content.md): the tables
// from the schema, read by product, by material and by HCP.
void createContent(sql::Database &db)
{
    createMissingEntityTables(db);
    db.exec(
        QStringLiteral("CREATE INDEX IF NOT EXISTS idx_material_product ON material(product_id, status)"));
    db.exec(QStringLiteral(
        "CREATE INDEX IF NOT EXISTS idx_material_key_message ON material_key_message(material_id, page)"));
    db.exec(QStringLiteral(
        "CREATE INDEX IF NOT EXISTS idx_content_view_hcp ON content_view(hcp_id, started_at)"));
    db.exec(QStringLiteral(
        "CREATE INDEX IF NOT EXISTS idx_content_view_material ON content_view(material_id, started_at)"));
    db.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS idx_content_view_visit ON content_view(visit_id)"));
}

// The content KPIs (models/contentkpis.cpp) read a period's in-call page views from one covering index:
// no table row is visited, and a month of a 100k-view store reads only that month's entries.
void createContentKpiIndexes(sql::Database &db)
{
    db.exec(
        QStringLiteral("CREATE INDEX IF NOT EXISTS idx_content_view_period ON content_view(mode, started_at, "
                       "territory_id, rep_id, material_id, visit_id, duration_ms, reaction, hcp_id)"));
}

const QList<sql::Migration> &clientMigrations()
{
    static const QList<sql::Migration> steps {
        {1, QStringLiteral("entity tables from the shared schema"), createEntityTables},
        {2, QStringLiteral("sync bookkeeping: outbox, shadow, record_bucket, sync_cursor, sync_meta"),
            createSyncTables},
        {3, QStringLiteral("conflicts kept for the user"), createConflictTable},
        {4, QStringLiteral("HCP search index"), createSearch},
        {5, QStringLiteral("indexes for the list models"), createListIndexes},
        {6, QStringLiteral("record_bucket without its bucket index"), dropBucketIndex},
        {7, QStringLiteral("meeting attendees: kind (hcp, walk-in, staff) and name"), addMeetingAttendeeKind},
        {8, QStringLiteral("meetings: the decision note of a rejection"), addMeetingDecisionNote},
        {9, QStringLiteral("territories: active (retired ones keep their history)"), addTerritoryActive},
        {10, QStringLiteral("covering indexes for the dashboard KPIs"), createKpiIndexes},
        {11, QStringLiteral("dashboard KPIs: visit index with the id, monthly sales summary"),
            createKpiSummaries},
        {12,
            QStringLiteral(
                "withdrawn: no KPI copy of the visit details (it cost the first sync's bulk load)"),
            dropKpiVisitDetails},
        {13, QStringLiteral("search index: update triggers fire only when an indexed column changed"),
            guardSearchTriggers},
        {14, QStringLiteral("meetings: why the server sent an approved one back for a new decision"),
            addMeetingResubmitReason},
        {15, QStringLiteral("sales totals for reps (no per-institution sales), in the monthly sales summary"),
            createSalesTotals},
        {16,
            QStringLiteral(
                "name keys of HCPs and institutions: pinyin, initials (search) and the locale's sort "
                "key (list order)"),
            createNameKeys},
        {17, QStringLiteral("a partial index of the merged HCPs (search leaves them out)"),
            createMergedIndex},
        {18, QStringLiteral("consent per HCP, channel and product"), createConsent},
        {21, QStringLiteral("synced files: size, state, bytes held, pinned, last error"), createFileState},
        {22, QStringLiteral("materials, their key messages and page views"), createContent},
        {26, QStringLiteral("content KPIs: page views by period (covering index)"), createContentKpiIndexes},
    };
    return steps;
}

} // namespace rounds
