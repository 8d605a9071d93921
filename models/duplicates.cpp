#include "models/duplicates.h"

#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"
#include "common/sqlite/transaction.h"
#include "models/pinyin.h"
#include "models/sqlguard.h"
#include "models/store.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <tuple>

namespace rounds {

namespace {

bool isSeparator(QChar c)
{
    // Spaces of every width, and the dots and hyphens written between parts of a name.
    return c.isSpace() || c == QChar(0x00b7) || c == QChar(0x30fb) || c == QChar(0x2027)
        || c == QLatin1Char('.') || c == QLatin1Char('-') || c == QLatin1Char('_');
}

} // namespace

QString Duplicates::normalizeName(const QString &name)
{
    const QString folded = name.normalized(QString::NormalizationForm_KC).toCaseFolded();
    QString out;
    out.reserve(folded.size());
    for (QChar c : folded) {
        if (!isSeparator(c))
            out += c;
    }
    return out;
}

QString Duplicates::pinyinOf(const QString &hanziName)
{
    bool han = false;
    for (const char32_t c : hanziName.toUcs4()) {
        if (Pinyin::isHan(c))
            han = true;
        else if (QChar::isLetter(c))
            return {};
    }
    return han ? Pinyin::key(hanziName) : QString();
}

QString Duplicates::proposedName(const QString &name)
{
    const QList<uint> chars = name.simplified().toUcs4();
    QString out;
    for (qsizetype i = 0; i < chars.size(); ++i) {
        const char32_t c = chars.at(i);
        if (c == U' ' && i > 0 && i + 1 < chars.size() && Pinyin::isHan(chars.at(i - 1))
            && Pinyin::isHan(chars.at(i + 1)))
            continue;
        out += QString::fromUcs4(&c, 1);
    }
    return out;
}

QString Duplicates::normalizePhone(const QString &phone)
{
    QString digits;
    for (QChar c : phone.normalized(QString::NormalizationForm_KC)) {
        if (c.isDigit())
            digits += c;
    }
    if (digits.startsWith(QLatin1String("0086")))
        digits.remove(0, 4);
    else if (digits.startsWith(QLatin1String("86")) && digits.size() == 13)
        digits.remove(0, 2);
    // Fewer than 7 digits is an extension or a typo, not an identity.
    return digits.size() >= 7 ? digits : QString();
}

QString Duplicates::normalizeEmail(const QString &email)
{
    const QString e = email.normalized(QString::NormalizationForm_KC).trimmed().toCaseFolded();
    return e.contains(QLatin1Char('@')) ? e : QString();
}

QStringList Duplicates::latinKeys(const QString &name)
{
    const QString n = name.normalized(QString::NormalizationForm_KC).toCaseFolded();
    QStringList words;
    QString word;
    for (QChar c : n) {
        if (c >= QLatin1Char('a') && c <= QLatin1Char('z')) {
            word += c;
        } else if (isSeparator(c) || c == QLatin1Char(',')) {
            if (!word.isEmpty())
                words << word;
            word.clear();
        } else if (c == QChar(0x00fc)) { // ü as in Lü
            word += QLatin1Char('v');
        } else {
            return {};
        }
    }
    if (!word.isEmpty())
        words << word;
    if (words.isEmpty())
        return {};
    QStringList keys {words.join(QString())};
    if (words.size() >= 2) {
        // "Wei Zhang" is Zhang Wei written given name first.
        QStringList rotated = words.mid(1);
        rotated << words.first();
        keys << rotated.join(QString());
        QStringList lastFirst {words.last()};
        lastFirst << words.mid(0, words.size() - 1);
        keys << lastFirst.join(QString());
    }
    keys.removeDuplicates();
    return keys;
}

int Duplicates::weight(DuplicatePair::Reason reason)
{
    switch (reason) {
    case DuplicatePair::SameNameInstitution:
        return 60;
    case DuplicatePair::SamePhone:
    case DuplicatePair::SameEmail:
        return 50;
    case DuplicatePair::NameVariant:
        return 25;
    case DuplicatePair::Pinyin:
        return 40;
    }
    return 0;
}

QStringList Duplicates::reasonLabels(int reasons)
{
    QStringList out;
    if (reasons & DuplicatePair::SameNameInstitution)
        out << tr("same name, same institution");
    if (reasons & DuplicatePair::SamePhone)
        out << tr("same phone");
    if (reasons & DuplicatePair::SameEmail)
        out << tr("same e-mail");
    if (reasons & DuplicatePair::NameVariant)
        out << tr("name written differently");
    if (reasons & DuplicatePair::Pinyin)
        out << tr("pinyin of the Chinese name");
    return out;
}

QList<DuplicatePair> Duplicates::find(const QList<DuplicateCandidate> &candidates, int maxGroup)
{
    // key → indexes of the candidates holding it, one map per rule
    QHash<QString, QList<int>> byNameInstitution;
    QHash<QString, QList<int>> byPhone;
    QHash<QString, QList<int>> byEmail;
    QHash<QString, QList<int>> byName;
    QHash<QString, QList<int>> byPinyin; // Chinese names under each of their pinyin spellings
    for (int i = 0; i < candidates.size(); ++i) {
        const DuplicateCandidate &c = candidates.at(i);
        const QString name = normalizeName(c.name);
        if (!name.isEmpty()) {
            byName[name] << i;
            if (!c.institutionId.isEmpty())
                byNameInstitution[name + QLatin1Char('\x1f') + c.institutionId] << i;
        }
        const QString phone = normalizePhone(c.phone);
        if (!phone.isEmpty())
            byPhone[phone] << i;
        const QString email = normalizeEmail(c.email);
        if (!email.isEmpty())
            byEmail[email] << i;
        if (const QString p = pinyinOf(c.name); !p.isEmpty())
            byPinyin[p] << i;
    }

    QHash<QPair<int, int>, int> reasons;
    auto pairUp = [&](const QHash<QString, QList<int>> &groups, int reason, auto accept) {
        for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
            const QList<int> &g = it.value();
            const int n = std::min<int>(int(g.size()), maxGroup);
            for (int x = 0; x < n; ++x) {
                for (int y = x + 1; y < n; ++y) {
                    if (!accept(g.at(x), g.at(y)))
                        continue;
                    const QPair<int, int> key {std::min(g.at(x), g.at(y)), std::max(g.at(x), g.at(y))};
                    reasons[key] |= reason;
                }
            }
        }
    };
    const auto always = [](int, int) { return true; };
    pairUp(byNameInstitution, DuplicatePair::SameNameInstitution, always);
    pairUp(byPhone, DuplicatePair::SamePhone, always);
    pairUp(byEmail, DuplicatePair::SameEmail, always);
    pairUp(byName, DuplicatePair::NameVariant,
        [&](int a, int b) { return candidates.at(a).name.trimmed() != candidates.at(b).name.trimmed(); });
    // Latin names against the pinyin of Chinese names.
    for (int i = 0; i < candidates.size(); ++i) {
        QSet<int> matched;
        for (const QString &key : latinKeys(candidates.at(i).name)) {
            const auto it = byPinyin.constFind(key);
            if (it == byPinyin.constEnd())
                continue;
            for (int j : it.value().mid(0, maxGroup)) {
                if (j == i || matched.contains(j))
                    continue;
                matched.insert(j);
                reasons[{std::min(i, j), std::max(i, j)}] |= DuplicatePair::Pinyin;
            }
        }
    }

    QList<DuplicatePair> out;
    out.reserve(reasons.size());
    for (auto it = reasons.cbegin(); it != reasons.cend(); ++it) {
        const DuplicateCandidate &a = candidates.at(it.key().first);
        const DuplicateCandidate &b = candidates.at(it.key().second);
        if (a.id == b.id)
            continue;
        DuplicatePair p;
        p.first = std::min(a.id, b.id);
        p.second = std::max(a.id, b.id);
        p.reasons = it.value();
        int score = 0;
        for (auto r : {DuplicatePair::SameNameInstitution, DuplicatePair::SamePhone, DuplicatePair::SameEmail,
                 DuplicatePair::NameVariant, DuplicatePair::Pinyin}) {
            if (p.reasons & r)
                score += weight(r);
        }
        // A different spelling or a transliteration at the same institution is nearly certain.
        if ((p.reasons & (DuplicatePair::NameVariant | DuplicatePair::Pinyin)) && !a.institutionId.isEmpty()
            && a.institutionId == b.institutionId)
            score += 30;
        p.score = std::min(score, 100);
        out << p;
    }
    std::sort(out.begin(), out.end(), [](const DuplicatePair &x, const DuplicatePair &y) {
        if (x.score != y.score)
            return x.score > y.score;
        return std::tie(x.first, x.second) < std::tie(y.first, y.second);
    });
    return out;
}

bool Duplicates::find(Store *store, QList<DuplicatePair> *out, QString *error, int maxGroup)
{
    out->clear();
    if (!store || !store->database()) {
        if (error)
            *error = tr("The local store is not open.");
        return false;
    }
    QList<DuplicateCandidate> candidates;
    if (!guarded(error, [&] {
            auto q = store->database()->query(
                QStringLiteral("SELECT id, full_name, institution_id, phone, email FROM hcp WHERE "
                               "coalesce(status, 'active') <> 'merged'"));
            while (q->step())
                candidates << DuplicateCandidate {q->text(0), q->text(1), q->text(2), q->text(3), q->text(4)};
        }))
        return false;
    *out = find(candidates, maxGroup);
    return true;
}

QStringList Duplicates::mergeFields()
{
    return {QStringLiteral("full_name"), QStringLiteral("gender"), QStringLiteral("specialty"),
        QStringLiteral("title"), QStringLiteral("institution_id"), QStringLiteral("department_id"),
        QStringLiteral("tier"), QStringLiteral("phone"), QStringLiteral("email")};
}

Duplicates::MergeResult Duplicates::merge(
    Store *store, const QString &winnerId, const QString &loserId, const QJsonObject &chosen)
{
    MergeResult r;
    if (!store || !store->database()) {
        r.error = tr("The local store is not open.");
        return r;
    }
    if (winnerId == loserId) {
        r.error = tr("An HCP cannot be merged into itself.");
        return r;
    }
    const auto winner = store->record(QStringLiteral("hcp"), winnerId);
    const auto loser = store->record(QStringLiteral("hcp"), loserId);
    if (!winner || !loser) {
        r.error = tr("One of the two HCPs is no longer here.");
        return r;
    }
    for (const auto *rec : {&*winner, &*loser}) {
        if (rec->fields.value(QLatin1String("status")).toString() == QLatin1String("merged")) {
            r.error = tr("%1 has already been merged.")
                          .arg(rec->fields.value(QLatin1String("full_name")).toString());
            return r;
        }
    }
    QJsonObject changes;
    const QStringList allowed = mergeFields();
    for (auto it = chosen.begin(); it != chosen.end(); ++it) {
        QJsonValue value = it.value();
        if (it.key() == QLatin1String("full_name") && value.isString())
            value = proposedName(value.toString());
        if (allowed.contains(it.key()) && winner->fields.value(it.key()) != value)
            changes.insert(it.key(), value);
    }
    bool undone = false;
    catchSql(
        [&] {
            sql::Transaction tx(*store->database());
            if (!changes.isEmpty()) {
                const WriteResult w = store->update(QStringLiteral("hcp"), winnerId, changes);
                if (!w.ok) {
                    r.error = w.error;
                    undone = true;
                }
            }
            if (!undone) {
                const WriteResult w = store->update(QStringLiteral("hcp"), loserId,
                    {{QStringLiteral("status"), QStringLiteral("merged")},
                        {QStringLiteral("merged_into"), winnerId}});
                if (!w.ok) {
                    r.error = w.error;
                    undone = true;
                }
            }
            if (!undone) {
                tx.commit();
                r.ok = true;
            }
        },
        [&](const sql::SqlError &e) {
            r.error = e.text();
            undone = true;
        });
    if (undone)
        store->announceChanges(QStringLiteral("hcp"), {winnerId, loserId});
    return r;
}

} // namespace rounds
