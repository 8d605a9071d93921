#include "common/protocol/files.h"

namespace rounds::protocol::files {

namespace {

const QLatin1String kPrefix("sha256:");

bool isHex(QStringView text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (!((u >= '0' && u <= '9') || (u >= 'a' && u <= 'f') || (u >= 'A' && u <= 'F')))
            return false;
    }
    return true;
}

} // namespace

std::optional<qint64> maxBytesFromJson(const QJsonValue &value, QString *problem)
{
    if (value.isUndefined() || value.isNull())
        return DefaultMaxBytes;
    const double d = value.toDouble(-1);
    const qint64 n = qint64(d);
    if (!value.isDouble() || double(n) != d || n < MinMaxBytes || n > MaxMaxBytes) {
        if (problem)
            *problem = QStringLiteral("%1 must be a whole number of bytes from %2 to %3")
                           .arg(MaxBytesKey)
                           .arg(MinMaxBytes)
                           .arg(MaxMaxBytes);
        return std::nullopt;
    }
    return n;
}

std::optional<QString> checkSetting(const QString &key, const QJsonValue &value)
{
    QString problem;
    if (key == MaxBytesKey && !maxBytesFromJson(value, &problem))
        return problem;
    return std::nullopt;
}

bool isSha256(QStringView text)
{
    if (text.size() != 64)
        return false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (!((u >= '0' && u <= '9') || (u >= 'a' && u <= 'f')))
            return false;
    }
    return true;
}

QString sha256Of(QStringView reference)
{
    if (!reference.startsWith(kPrefix) || reference.size() < kPrefix.size() + 64)
        return {};
    const QStringView hex = reference.mid(kPrefix.size(), 64);
    if (!isHex(hex))
        return {};
    if (reference.size() > kPrefix.size() + 64 && reference.at(kPrefix.size() + 64) != QLatin1Char(':'))
        return {};
    return hex.toString().toLower();
}

QString reference(const QString &sha256, const QString &name)
{
    QString out = kPrefix + sha256;
    if (!name.isEmpty())
        out += QLatin1Char(':') + name;
    return out;
}

QList<QPair<QString, QString>> referenceFields()
{
    QList<QPair<QString, QString>> out;
    for (const Entity &e : Schema::instance().entities()) {
        for (const Field &f : e.fields) {
            if (f.fileRef)
                out.append({e.name, f.name});
        }
    }
    return out;
}

} // namespace rounds::protocol::files
