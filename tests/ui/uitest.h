#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QObject>
#include <QString>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtGlobal>

// Small pieces several UI tests share: finding a named widget, and running in English or Chinese.
namespace rounds::uitest {

// Settings, keychain files and the per-account databases of a test go to `home`, never the developer's
// own: HOME and the XDG data and config folders point into it, under organisation "RoundsTest".
inline void useHome(const QTemporaryDir &home, const char *applicationName)
{
    qputenv("HOME", home.path().toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("share")).toUtf8());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("RoundsTest"));
    QCoreApplication::setApplicationName(QString::fromLatin1(applicationName));
}

// The child called `name` (objectName), or null with a warning the failing check is read beside.
template<typename T> T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no child %s", name);
    return found;
}

// The application's language for a test: "zh_CN" installs the Chinese translations compiled into the test
// (":/i18n/rounds_zh_CN.qm") and the Chinese locale; anything else goes back to US English.
class Language
{
public:
    ~Language() { remove(); }

    // False when the Chinese translations cannot be loaded.
    bool use(const QString &language)
    {
        remove();
        if (language != QLatin1String("zh_CN")) {
            QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
            return true;
        }
        const QLocale zh(QLocale::Chinese, QLocale::China);
        if (!m_translator.load(zh, QStringLiteral("rounds"), QStringLiteral("_"), QStringLiteral(":/i18n")))
            return false;
        QCoreApplication::installTranslator(&m_translator);
        m_installed = true;
        QLocale::setDefault(zh);
        return true;
    }

private:
    void remove()
    {
        if (m_installed)
            QCoreApplication::removeTranslator(&m_translator);
        m_installed = false;
    }

    QTranslator m_translator;
    bool m_installed = false;
};

} // namespace rounds::uitest
