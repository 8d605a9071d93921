#pragma once

#include "models/store.h"

#include <QList>
#include <QRandomGenerator>
#include <QStringList>

namespace rounds::bench {

// Deterministic synthetic data shaped like a territory's: Chinese and pinyin names, institutions with
// cities, specialties, visits. The same seed gives the same records.
class DataGenerator
{
public:
    explicit DataGenerator(quint32 seed = 20261122);

    QString uuid();
    QString chineseName();
    QString pinyinName();

    // `count` institutions, then HCPs referring to them (70% Chinese names, 30% pinyin).
    QList<PulledChange> institutions(int count, const QString &bucket);
    QList<PulledChange> hcps(int count, const QString &bucket, const QStringList &institutionIds);
    QList<PulledChange> visits(int count, const QString &bucket, const QStringList &hcpIds);

private:
    QRandomGenerator m_rng;
    QString pick(const QStringList &from);
};

// The Chinese and Latin queries of the search benchmark, by length (1, 2, 3 characters).
QStringList chineseQueries(int length);
QStringList latinQueries(int length);
// Pinyin as Chinese users type names: full, with a space, initials, mixed with characters.
QStringList pinyinQueries();

} // namespace rounds::bench
