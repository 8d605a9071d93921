#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace rounds {

class Store;

// Likely duplicate HCPs ("ONE ID"): pairs found by keys, never by comparing every HCP with every
// other. One pass over the live HCPs computes each one's normalized keys; HCPs sharing a key form
// the candidate pairs, each with its reasons and a score. Merged HCPs are left out.
//
// The rules (reasons can combine; the score adds their weights, at most 100):
//  - SameNameInstitution (60): the same normalized name at the same institution.
//  - SamePhone (50) / SameEmail (50): the same phone digits (a leading +86 / 0086 dropped) / the same
//    e-mail address, case ignored.
//  - NameVariant (25): names spelt differently that are equal once spaces, full-width forms (NFKC) and
//    case are removed: "王 伟" / "王伟", "ＺＨＡＮＧ Wei" / "zhang wei". Equal spelling alone is not a
//    reason (two doctors may share a common name).
//  - Pinyin (40): a Latin name equal to the pinyin of a Chinese name ("Wang Wei", "wei wang" / "王伟"),
//    the pinyin being the search index's (models/pinyin.h: ICU's Han-Latin, one reading per character).
struct DuplicatePair
{
    enum Reason {
        SameNameInstitution = 0x1,
        SamePhone = 0x2,
        SameEmail = 0x4,
        NameVariant = 0x8,
        Pinyin = 0x10,
    };
    QString first; // the two HCP ids, first < second
    QString second;
    int reasons = 0;
    int score = 0;
};

// What the finder needs of one HCP (for tests and for rows read from the store).
struct DuplicateCandidate
{
    QString id;
    QString name;
    QString institutionId;
    QString phone;
    QString email;
};

class Duplicates final
{
    Q_DECLARE_TR_FUNCTIONS(Duplicates)
public:
    static QString normalizeName(const QString &name);
    static QString normalizePhone(const QString &phone);
    static QString normalizeEmail(const QString &email);
    // The toneless pinyin of a Chinese name, joined ("王 伟" → "wangwei"), as Pinyin::key() spells it;
    // empty for a name without Han characters or with Latin letters in it.
    static QString pinyinOf(const QString &hanziName);
    // The name a merge proposes: trimmed, runs of spaces made one, and no space between two Han
    // characters ("沈 华 " → "沈华", "Wang  Wei" → "Wang Wei").
    static QString proposedName(const QString &name);
    // The Latin letters of a name in both given-name/surname orders ("wei zhang" → zhangwei, weizhang);
    // empty for a name that is not all Latin.
    static QStringList latinKeys(const QString &name);

    static int weight(DuplicatePair::Reason reason);
    static QStringList reasonLabels(int reasons);

    // Pairs among `candidates`, highest score first. A key shared by more than `maxGroup` HCPs (a
    // switchboard number) gives pairs for its first `maxGroup` only.
    static QList<DuplicatePair> find(const QList<DuplicateCandidate> &candidates, int maxGroup = 12);
    // Pairs among the store's live HCPs (status not merged). False with `error` on an SQLite error.
    static bool find(Store *store, QList<DuplicatePair> *out, QString *error = nullptr, int maxGroup = 12);

    // The HCP fields a merge lets SFE choose between.
    static QStringList mergeFields();
    // Merges `loserId` into `winnerId` in one transaction: the winner takes `chosen` (field → value,
    // only the fields that differ are written), the loser becomes {status: merged, merged_into: winner}.
    // The server re-points the loser's visits, plans, tags, attendances and alignments.
    struct MergeResult
    {
        bool ok = false;
        QString error;
    };
    static MergeResult merge(
        Store *store, const QString &winnerId, const QString &loserId, const QJsonObject &chosen);
};

} // namespace rounds
