#include "models/namesort.h"

#include "models/log.h"

#include <QLocale>
#include <QMutex>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>

namespace rounds {

namespace {

struct Collation
{
    QMutex lock;
    QString locale;
    std::unique_ptr<icu::Collator> collator;
};

Collation &collation()
{
    static Collation c;
    return c;
}

} // namespace

QString NameSort::currentLocale()
{
    const QLocale locale;
    return locale.language() == QLocale::Chinese ? QStringLiteral("zh") : locale.name();
}

QByteArray NameSort::key(const QString &name)
{
    Collation &c = collation();
    QMutexLocker locker(&c.lock);
    const QString locale = currentLocale();
    if (!c.collator || c.locale != locale) {
        UErrorCode status = U_ZERO_ERROR;
        c.collator.reset(icu::Collator::createInstance(icu::Locale(locale.toLatin1().constData()), status));
        if (U_FAILURE(status))
            qCWarning(lcStore) << "ICU collator for" << locale << "unavailable:" << u_errorName(status);
        c.locale = locale;
    }
    if (!c.collator)
        return name.toUtf8();
    const icu::UnicodeString u(reinterpret_cast<const UChar *>(name.utf16()), int32_t(name.size()));
    QByteArray out(64, Qt::Uninitialized);
    int32_t n = c.collator->getSortKey(u, reinterpret_cast<uint8_t *>(out.data()), int32_t(out.size()));
    if (n > out.size()) {
        out.resize(n);
        n = c.collator->getSortKey(u, reinterpret_cast<uint8_t *>(out.data()), int32_t(out.size()));
    }
    // The key ends in a NUL byte, which a BLOB does not need.
    out.resize(n > 0 ? n - 1 : 0);
    return out;
}

} // namespace rounds
