#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace rounds {

class Store;

// Small read-only queries the views need beside the list models (names for ids, choices for combo
// boxes). Each returns empty on an SQLite error: a view then shows less, never crashes.
namespace lookup {

using Choice = QPair<QString, QString>; // id, label

// Rows of an arbitrary SELECT, each as a list of values (for the few ad-hoc queries of the views).
QList<QVariantList> rows(Store *store, const QString &sql, const QVariantList &binds = {});
QVariant scalar(Store *store, const QString &sql, const QVariantList &binds = {});

QList<Choice> products(Store *store);
QList<Choice> keyMessages(Store *store, const QString &productId);

struct HcpSummary
{
    QString id;
    QString name;
    QString title;
    QString specialty;
    QString tier;
    QString institutionId;
    QString institution;
    QString department;
    QString city;
    bool isValid() const { return !id.isEmpty(); }
};
HcpSummary hcp(Store *store, const QString &hcpId);

// The territory a new visit to this HCP belongs to: a current alignment, preferring the user's own
// territories. Empty when the HCP is not aligned to any territory.
QString territoryFor(Store *store, const QString &hcpId, const QStringList &preferred);

} // namespace lookup
} // namespace rounds
