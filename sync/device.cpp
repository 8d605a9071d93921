#include "sync/device.h"

#include <QHostInfo>
#include <QMutex>
#include <QSettings>
#include <QUuid>

namespace rounds::device {

namespace {

const QString kIdKey = QStringLiteral("device/id");
QMutex g_mutex; // the window's engine thread and the GUI thread may both ask first

} // namespace

QString id()
{
    QMutexLocker lock(&g_mutex);
    QSettings s(QStringLiteral("Rounds"), QStringLiteral("device"));
    QString value = s.value(kIdKey).toString();
    if (value.isEmpty()) {
        value = QUuid::createUuid().toString(QUuid::WithoutBraces);
        s.setValue(kIdKey, value);
        s.sync();
    }
    return value;
}

QString name()
{
    return QHostInfo::localHostName();
}

QString clientVersion()
{
    return QStringLiteral(ROUNDS_VERSION);
}

void forgetId()
{
    QMutexLocker lock(&g_mutex);
    QSettings s(QStringLiteral("Rounds"), QStringLiteral("device"));
    s.remove(kIdKey);
    s.sync();
}

} // namespace rounds::device
