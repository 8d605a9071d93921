#pragma once

#include "common/import/importrules.h"
#include "models/store.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace rounds {

// HCP and institution master data as SFE edits it: the schema's own validation (common/protocol) plus
// the format rules a form checks next to each field (phone, e-mail, institution grade), and the CSV
// import and export of HCPs and alignments through the same parser and rules as `rounds-server import`
// (common/import).

struct FieldIssue
{
    QString field;
    QString message;
};

struct ImportApplyResult
{
    bool ok = false;
    QString error;
    int hcps = 0;
    int institutions = 0;
    int departments = 0;
    int alignments = 0;
    int skipped = 0; // rows describing records that exist already
};

class MasterData final
{
    Q_DECLARE_TR_FUNCTIONS(MasterData)
public:
    // The institution grades the form offers (the Chinese hospital grading, and its short codes).
    static QStringList institutionGrades();
    static bool isValidPhone(const QString &phone);
    static bool isValidEmail(const QString &email);

    // Every problem of an HCP's or institution's fields, one per field at most. `creating` requires the
    // required fields. Empty: the values can be saved.
    static QList<FieldIssue> checkHcp(const QJsonObject &fields, bool creating);
    static QList<FieldIssue> checkInstitution(const QJsonObject &fields, bool creating);

    // Saves after checking: creates when `id` is empty, else writes only the fields that changed.
    static WriteResult saveHcp(Store *store, const QString &id, const QJsonObject &fields);
    static WriteResult saveInstitution(Store *store, const QString &id, const QJsonObject &fields);

    // Parses a CSV file against the store (existing HCPs, territories, alignments): nothing is written.
    static import::Preview preview(Store *store, import::Kind kind, const QByteArray &bytes,
        const QString &encoding = QStringLiteral("auto"), const QString &today = {});
    // Applies a preview in one transaction, all or nothing; refused unless preview.ok().
    static ImportApplyResult apply(
        Store *store, import::Kind kind, const import::Preview &preview, const QString &today = {});
    // The store's live HCPs (or current and future alignments) in the import shape.
    static QByteArray exportCsv(Store *store, import::Kind kind);
};

} // namespace rounds
