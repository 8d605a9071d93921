#pragma once

#include <QString>
#include <QStringList>

namespace rounds {

// Search keys for names as Chinese users type them, from ICU's "Han-Latin; Latin-ASCII" transliteration
// (toneless pinyin), shared by the local search index, the search queries and the duplicate finder.
//
// A name is cut into words: each Han character is one word (its pinyin syllable), each run of Latin
// letters or digits another (folded to ASCII lower case: "Ｗａｎｇ" and "Wáng" give "wang"); everything
// else separates words. Polyphonic characters get the one reading ICU gives a character on its own (曾
// is "ceng", never "zeng"; 单 is "dan"): transliteration is done character by character, so a name's key
// never depends on its neighbours and costs a hash lookup once a character has been seen.
class Pinyin final
{
public:
    // The words of `text`: "何丽" → [he, li], "he丽" → [he, li], "Zhang Wei" → [zhang, wei].
    static QStringList words(const QString &text);
    // The words joined: "何丽", "he li", "he丽", "HeLi" → "heli".
    static QString key(const QString &text);
    // The first letter of each word: "何丽" → "hl", "Zhang Wei" → "zw".
    static QString initials(const QString &text);
    // The keys a search may start at: from each word on, the pinyin and the initials ("协和医院" →
    // xieheyiyuan, heyiyuan, yiyuan, yuan, xhyy, hyy, yy, y), without repeats: an institution is found by
    // any part of its name ("ruijin" for 上海交通大学医学院附属瑞金医院).
    static QStringList parts(const QString &text);
    // The key a search text is looked up under as pinyin, or empty when the text has no Latin letter (a
    // Chinese name, a phone number: not pinyin). "he li", "he丽", "HL" → "heli", "heli", "hl".
    static QString queryKey(const QString &text);
    // The toneless pinyin of one Han character ("丽" → "li"), empty for anything else.
    static QString syllable(char32_t hanzi);
    static bool isHan(char32_t c);
};

} // namespace rounds
