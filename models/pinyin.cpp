#include "models/pinyin.h"

#include "models/log.h"

#include <QHash>
#include <QMutex>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

namespace rounds {

namespace {

// ICU's transliterators are not safe to share between threads, and building one reads its rules (about
// 0.2 s): one, built on first use, behind the lock that also guards the per-character cache.
struct Transliteration
{
    QMutex lock;
    std::unique_ptr<icu::Transliterator> transliterator;
    bool failed = false;
    QHash<char32_t, QString> cache;

    QString latin(const QString &text)
    {
        if (!transliterator && !failed) {
            UErrorCode status = U_ZERO_ERROR;
            transliterator.reset(icu::Transliterator::createInstance(
                icu::UnicodeString::fromUTF8("Han-Latin; Latin-ASCII"), UTRANS_FORWARD, status));
            if (U_FAILURE(status) || !transliterator) {
                failed = true;
                transliterator.reset();
                qCWarning(lcStore) << "ICU Han-Latin transliterator unavailable:" << u_errorName(status);
            }
        }
        if (!transliterator)
            return {};
        icu::UnicodeString u(reinterpret_cast<const UChar *>(text.utf16()), int32_t(text.size()));
        transliterator->transliterate(u);
        return QString(reinterpret_cast<const QChar *>(u.getBuffer()), u.length());
    }
};

Transliteration &transliteration()
{
    static Transliteration t;
    return t;
}

bool isLatinOrDigit(char32_t c)
{
    return (c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9');
}

// A non-Han, non-ASCII character folded to ASCII lower case ("Á" → "a", "ü" → "u", "ß" → "ss"), or
// empty when it has no Latin form (punctuation, other scripts).
QString foldLatin(char32_t c)
{
    Transliteration &t = transliteration();
    QMutexLocker locker(&t.lock);
    const auto it = t.cache.constFind(c);
    if (it != t.cache.constEnd())
        return *it;
    QString out;
    for (QChar ch : t.latin(QString::fromUcs4(&c, 1)).toLower()) {
        if (isLatinOrDigit(ch.unicode()))
            out += ch;
    }
    t.cache.insert(c, out);
    return out;
}

} // namespace

bool Pinyin::isHan(char32_t c)
{
    return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x20000 && c <= 0x2ebef)
        || (c >= 0xf900 && c <= 0xfaff);
}

QString Pinyin::syllable(char32_t hanzi)
{
    return isHan(hanzi) ? foldLatin(hanzi) : QString();
}

QStringList Pinyin::words(const QString &text)
{
    QStringList out;
    QString word;
    const auto flush = [&] {
        if (!word.isEmpty())
            out << word;
        word.clear();
    };
    for (char32_t c : text.toUcs4()) {
        if (c < 0x80) {
            const char32_t lower = (c >= U'A' && c <= U'Z') ? c + 32 : c;
            if (isLatinOrDigit(lower))
                word += QChar(char16_t(lower));
            else
                flush();
        } else if (isHan(c)) {
            flush();
            const QString s = foldLatin(c);
            if (!s.isEmpty())
                out << s;
        } else {
            // Full-width and accented letters join the word; other characters end it.
            const QString folded = foldLatin(c);
            if (folded.isEmpty())
                flush();
            else
                word += folded;
        }
    }
    flush();
    return out;
}

QString Pinyin::key(const QString &text)
{
    return words(text).join(QString());
}

QStringList Pinyin::parts(const QString &text)
{
    const QStringList w = words(text);
    QStringList out;
    for (qsizetype i = 0; i < w.size(); ++i) {
        QString full;
        QString initials;
        for (qsizetype j = i; j < w.size(); ++j) {
            full += w.at(j);
            initials += w.at(j).at(0);
        }
        out << full << initials;
    }
    out.removeDuplicates();
    return out;
}

QString Pinyin::queryKey(const QString &text)
{
    bool latin = false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        latin = latin || (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= 0xff21 && u <= 0xff3a)
            || (u >= 0xff41 && u <= 0xff5a);
    }
    return latin ? key(text) : QString();
}

QString Pinyin::initials(const QString &text)
{
    QString out;
    for (const QString &w : words(text))
        out += w.at(0);
    return out;
}

} // namespace rounds
