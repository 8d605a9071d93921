#pragma once

#include <QHash>
#include <QObject>
#include <QString>

namespace rounds {

// Where the login token lives: the OS keychain (Secret Service, via QtKeychain) under service "Rounds"
// and key "<server>/<user>". Never a plain file or QSettings. When no keychain is reachable the token is
// kept in memory for this run only, and the caller is told so it can tell the user.
class CredentialStore final : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        bool ok = false;
        bool keychainAvailable = true; // false: the token is in memory only, for this run
        QString token; // read: the token, empty when none is stored
        QString message; // what went wrong, in words a user can act on
    };

    explicit CredentialStore(QObject *parent = nullptr);

    static QString serviceName() { return QStringLiteral("Rounds"); }
    static QString keyFor(const QString &server, const QString &user);

    // Blocking calls (they spin a local event loop while the keychain answers over D-Bus).
    Result save(const QString &server, const QString &user, const QString &token);
    Result read(const QString &server, const QString &user);
    Result remove(const QString &server, const QString &user);

private:
    QHash<QString, QString> m_memoryOnly; // used only when the keychain cannot be reached
};

} // namespace rounds
