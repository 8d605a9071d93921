#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

namespace rounds {

class Store;

// The words of the History panel: field names as people call them, operations, and values shown as
// the rest of the client shows them (enum labels, names of the records a reference points to).
class HistoryLabels final
{
    Q_DECLARE_TR_FUNCTIONS(HistoryLabels)
public:
    static QString field(const QString &entity, const QString &field);
    static QString operation(const QString &op);
    // `store` may be null: references then show their id.
    static QString value(Store *store, const QString &entity, const QString &field, const QJsonValue &value);
};

} // namespace rounds
