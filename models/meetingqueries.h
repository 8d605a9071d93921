#pragma once

#include "models/hcpquery.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace rounds {

class Store;

// The reads the meeting editor and its reports make beside the meeting itself (models/meetingrepository.h):
// the territories to choose from, the names printed beside ids, the HCP picker. Each reports an SQLite
// failure in `error` instead of swallowing it; the answer is then empty.
namespace meetings {

struct TerritoryChoice
{
    QString id;
    QString name; // the territory's name, else its code
};
// The territories (level territory) a meeting belongs to, by code.
QList<TerritoryChoice> territoryChoices(Store *store, QString *error = nullptr);

// The territory's name (else its code) and the user's display name, empty when unknown.
QString territoryName(Store *store, const QString &territoryId, QString *error = nullptr);
QString userName(Store *store, const QString &userId, QString *error = nullptr);

// The first `limit` HCPs whose name matches `text`, for adding attendees.
QList<HcpHit> searchHcps(Store *store, const QString &text, int limit, QString *error = nullptr);

// The distinct evidence references of the local meeting expenses that name a file ("sha256:…").
QStringList evidenceReferences(Store *store, QString *error = nullptr);

} // namespace meetings
} // namespace rounds
