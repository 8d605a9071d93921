#pragma once

#include <QByteArray>
#include <QString>

namespace rounds::server {

// Password hashing with argon2id (libargon2): a per-user random salt, the parameters and the hash in
// one PHC string ("$argon2id$v=19$m=…,t=…,p=…$salt$hash").
namespace passwords {
QString hash(const QString &password);
bool verify(const QString &password, const QString &encoded);
// A hash no password matches, to spend the same time on unknown user names.
const QString &dummyHash();
} // namespace passwords

// Bearer tokens: 256 random bits, base64url; the server keeps only their SHA-256.
namespace tokens {
QString generate();
QByteArray digest(const QString &token);
} // namespace tokens

} // namespace rounds::server
