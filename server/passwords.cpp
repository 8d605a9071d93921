#include "server/passwords.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <argon2.h>

#include <array>

namespace rounds::server {

namespace {

// OWASP's argon2id setting: 19 MiB, two passes, one lane.
constexpr uint32_t kMemoryKiB = 19 * 1024;
constexpr uint32_t kPasses = 2;
constexpr uint32_t kLanes = 1;
constexpr size_t kSaltLength = 16;
constexpr size_t kHashLength = 32;

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), count / 4);
    return bytes;
}

} // namespace

QString passwords::hash(const QString &password)
{
    const QByteArray pwd = password.toUtf8();
    const QByteArray salt = randomBytes(kSaltLength);
    const size_t length = argon2_encodedlen(kPasses, kMemoryKiB, kLanes, kSaltLength, kHashLength, Argon2_id);
    QByteArray encoded(qsizetype(length), '\0');
    const int rc = argon2id_hash_encoded(kPasses, kMemoryKiB, kLanes, pwd.constData(), size_t(pwd.size()),
        salt.constData(), size_t(salt.size()), kHashLength, encoded.data(), length);
    if (rc != ARGON2_OK)
        return {};
    return QString::fromLatin1(encoded.constData());
}

bool passwords::verify(const QString &password, const QString &encoded)
{
    if (!encoded.startsWith(QLatin1String("$argon2id$")))
        return false;
    const QByteArray pwd = password.toUtf8();
    const QByteArray enc = encoded.toLatin1();
    return argon2id_verify(enc.constData(), pwd.constData(), size_t(pwd.size())) == ARGON2_OK;
}

const QString &passwords::dummyHash()
{
    static const QString dummy = hash(QString::fromLatin1(randomBytes(16).toHex()));
    return dummy;
}

QString tokens::generate()
{
    return QString::fromLatin1(
        randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray tokens::digest(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
}

} // namespace rounds::server
