#include "server/pgfileindex.h"

#include "common/protocol/files.h"
#include "server/pgconnection.h"

namespace rounds::server::pgfileindex {

const char *const kCreateSql = R"(
CREATE TABLE file_refs(sha256 text COLLATE "C" NOT NULL, entity text COLLATE "C" NOT NULL,
  field text COLLATE "C" NOT NULL, record_id text COLLATE "C" NOT NULL,
  PRIMARY KEY(sha256, entity, field, record_id));
CREATE INDEX file_refs_record ON file_refs(entity, record_id);
)";

void fill(pg::Connection &c)
{
    for (const auto &[entity, field] : protocol::files::referenceFields()) {
        // Names from the schema, never from input; the pattern is protocol::files::sha256Of's.
        c.run(QStringLiteral(
            "INSERT INTO file_refs(sha256, entity, field, record_id) SELECT "
            "lower(substring((data::json)->>'%2' from 8 for 64)), entity, '%2', id FROM records "
            "WHERE entity = '%1' AND NOT deleted AND (data::json)->>'%2' ~ "
            "'^sha256:[0-9a-fA-F]{64}(:|$)' ON CONFLICT DO NOTHING")
                  .arg(entity, field));
    }
}

void index(pg::Connection &c, const StoredRecord &r)
{
    c.run("DELETE FROM file_refs WHERE entity = $1 AND record_id = $2", {r.entity, r.record.id});
    for (const auto &[field, sha256] : referencedFiles(r))
        c.run(
            "INSERT INTO file_refs(sha256, entity, field, record_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO "
            "NOTHING",
            {sha256, r.entity, field, r.record.id});
}

QStringList references(pg::Connection &c, const QString &entity, const QString &field, const QString &sha256)
{
    const pg::Result r = c.run(
        "SELECT record_id FROM file_refs WHERE sha256 = $1 AND entity = $2 AND field = $3 ORDER BY record_id",
        {sha256, entity, field});
    QStringList out;
    for (int i = 0; i < r.rows(); ++i)
        out << r.text(i, 0);
    return out;
}

QList<QPair<QString, QString>> referrerBuckets(pg::Connection &c, const QString &sha256)
{
    const pg::Result r
        = c.run("SELECT DISTINCT f.entity, m.bucket FROM file_refs f JOIN membership m ON m.entity "
                "= f.entity AND m.id = f.record_id WHERE f.sha256 = $1 ORDER BY 1, 2",
            {sha256});
    QList<QPair<QString, QString>> out;
    for (int i = 0; i < r.rows(); ++i)
        out.append({r.text(i, 0), r.text(i, 1)});
    return out;
}

} // namespace rounds::server::pgfileindex
