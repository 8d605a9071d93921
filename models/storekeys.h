#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace rounds {

// Where the key of an encrypted client store is kept. The store file is encrypted at rest (SQLite3
// Multiple Ciphers, AEGIS-256, docs/privacy.md "Encrypted store") with 32 random bytes created at
// its first open; a copy of the file without the key reveals nothing.
class StoreKeyring
{
public:
    struct Result
    {
        bool ok = false; // false: the keyring could not be asked (message says why)
        QByteArray key; // empty when none is stored for this file
        QString message;
    };

    virtual ~StoreKeyring() = default;
    virtual Result read(const QString &storePath) = 0;
    virtual Result save(const QString &storePath, const QByteArray &key) = 0;
    virtual Result remove(const QString &storePath) = 0;
    // False only for PlainStoreKeyring (rounds-bench --plain): the store is then left unencrypted.
    virtual bool encrypts() const { return true; }
};

// The system keychain (QtKeychain: Secret Service, KWallet), where the login token also lives: service
// "Rounds", key "store-key:" + the file's absolute path. Never a plain file: when no keychain answers,
// a store cannot be opened (the message says so).
class KeychainStoreKeyring final : public StoreKeyring
{
    Q_DECLARE_TR_FUNCTIONS(KeychainStoreKeyring)
public:
    static QString keyFor(const QString &storePath);
    Result read(const QString &storePath) override;
    Result save(const QString &storePath, const QByteArray &key) override;
    Result remove(const QString &storePath) override;
};

// Keys in memory only, for the fuzz targets and the benchmarks (a store they create is unreadable once
// the process ends).
class MemoryStoreKeyring final : public StoreKeyring
{
public:
    Result read(const QString &storePath) override;
    Result save(const QString &storePath, const QByteArray &key) override;
    Result remove(const QString &storePath) override;

private:
    QHash<QString, QByteArray> m_keys;
};

// No encryption at all: only rounds-bench --plain uses it, to measure what the encryption costs.
class PlainStoreKeyring final : public StoreKeyring
{
public:
    Result read(const QString &) override { return {true, {}, {}}; }
    Result save(const QString &, const QByteArray &) override { return {true, {}, {}}; }
    Result remove(const QString &) override { return {true, {}, {}}; }
    bool encrypts() const override { return false; }
};

namespace storekeys {

inline constexpr int kKeyBytes = 32;

// The keyring every Store of this process uses: the system keychain unless one was installed.
StoreKeyring &keyring();
// Installs a keyring (not owned; nullptr goes back to the keychain) and forgets the cached keys.
void setKeyring(StoreKeyring *keyring);

struct KeyResult
{
    bool ok = false;
    QByteArray key; // empty with ok: the keyring keeps stores plain (PlainStoreKeyring)
    bool created = false; // a new key was made and saved
    QString message;
};
// The key of the store file at `path`: from this process's memory when a connection already used it,
// else from the keyring; with `create`, a new random key is saved first when none is stored. The key
// of a store stays in memory for the process (the sync engine's and the dashboard's second
// connections use it).
KeyResult keyFor(const QString &path, bool create);
// Removes the key of `path` from the keyring and from memory (after the file is gone).
StoreKeyring::Result removeKey(const QString &path);
// Forgets the key of `path` in memory only (the next keyFor() asks the keyring again).
void forget(const QString &path);
// 32 bytes from the operating system's random source.
QByteArray newKey();
// The file's absolute path, the name its key is kept under.
QString canonicalPath(const QString &path);

} // namespace storekeys

} // namespace rounds
