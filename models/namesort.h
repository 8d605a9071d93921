#pragma once

#include <QByteArray>
#include <QString>

namespace rounds {

// The order lists show names in: pinyin in Chinese (ICU's "zh" collation), the locale's collation
// elsewhere. The store keeps each HCP's and institution's ICU sort key in an indexed column, so a list
// of 500,000 names pages in that order without sorting them; the keys are made for one locale, kept in
// sync_meta, and made again when the store is opened under another (Store::open).
class NameSort final
{
public:
    // The collation locale of the application's default QLocale: "zh" for any Chinese locale, else the
    // locale's name ("en_US").
    static QString currentLocale();
    // The ICU sort key of `name` under `currentLocale()`; compares bytewise (memcmp) as the collator
    // compares the names.
    static QByteArray key(const QString &name);
};

} // namespace rounds
