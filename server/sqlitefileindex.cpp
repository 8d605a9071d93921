#include "server/sqlitefileindex.h"

#include "common/protocol/files.h"
#include "common/sqlite/database.h"
#include "common/sqlite/statement.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace rounds::server::sqlitefileindex {

void migrate(sql::Database &db)
{
    db.exec(QStringLiteral(
        "CREATE TABLE file_refs(sha256 TEXT NOT NULL, entity TEXT NOT NULL, field TEXT NOT NULL, "
        "record_id TEXT NOT NULL, PRIMARY KEY(sha256, entity, field, record_id)) WITHOUT ROWID; "
        "CREATE INDEX file_refs_record ON file_refs(entity, record_id);"));
    sql::Query ins = db.query(QStringLiteral(
        "INSERT OR IGNORE INTO file_refs(sha256, entity, field, record_id) VALUES (?1, ?2, ?3, ?4)"));
    QStringList done;
    for (const auto &pair : protocol::files::referenceFields()) {
        if (done.contains(pair.first))
            continue;
        done << pair.first;
        sql::Statement s(
            db.handle(), QStringLiteral("SELECT id, data FROM records WHERE entity = ?1 AND deleted = 0"));
        s.bind(1, pair.first);
        while (s.step()) {
            StoredRecord r;
            r.entity = pair.first;
            r.record.id = s.text(0);
            r.record.fields = QJsonDocument::fromJson(s.textUtf8(1)).object();
            for (const auto &[field, sha256] : referencedFiles(r)) {
                ins.bindAll(sha256, r.entity, field, r.record.id);
                ins->run();
                ins->reset();
            }
        }
    }
}

void index(sql::Database &db, const StoredRecord &r)
{
    sql::Query del = db.query(QStringLiteral("DELETE FROM file_refs WHERE entity = ?1 AND record_id = ?2"));
    del.bindAll(r.entity, r.record.id);
    del->run();
    sql::Query ins = db.query(QStringLiteral(
        "INSERT OR IGNORE INTO file_refs(sha256, entity, field, record_id) VALUES (?1, ?2, ?3, ?4)"));
    for (const auto &[field, sha256] : referencedFiles(r)) {
        ins.bindAll(sha256, r.entity, field, r.record.id);
        ins->run();
        ins->reset();
    }
}

QStringList references(sql::Database &db, const QString &entity, const QString &field, const QString &sha256)
{
    sql::Query q = db.query(QStringLiteral("SELECT record_id FROM file_refs WHERE sha256 = ?1 AND entity = "
                                           "?2 AND field = ?3 ORDER BY record_id"));
    q.bindAll(sha256, entity, field);
    QStringList out;
    while (q->step())
        out << q->text(0);
    return out;
}

QList<QPair<QString, QString>> referrerBuckets(sql::Database &db, const QString &sha256)
{
    sql::Query q = db.query(
        QStringLiteral("SELECT DISTINCT f.entity, m.bucket FROM file_refs f JOIN membership m ON m.entity = "
                       "f.entity AND m.id = f.record_id WHERE f.sha256 = ?1 ORDER BY 1, 2"));
    q.bindAll(sha256);
    QList<QPair<QString, QString>> out;
    while (q->step())
        out.append({q->text(0), q->text(1)});
    return out;
}

} // namespace rounds::server::sqlitefileindex
