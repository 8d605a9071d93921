#pragma once

#include "models/sqlrows.h"

#include <QDebug>
#include <QList>
#include <QVariant>

// Ad-hoc reads that the UI tests check the store with (the views themselves read typed queries). A failed
// read is a warning and an empty result, which the checks then fail on.
namespace rounds::storesql {

inline QList<QVariantList> rows(Store *store, const QString &sql, const QVariantList &binds = {})
{
    QList<QVariantList> out;
    QString error;
    if (!readRows(store, sql, binds, &out, &error))
        qWarning().noquote() << "test read failed:" << error;
    return out;
}

inline QVariant scalar(Store *store, const QString &sql, const QVariantList &binds = {})
{
    return rows(store, sql, binds).value(0).value(0);
}

} // namespace rounds::storesql
