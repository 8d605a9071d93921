#include "ui/history/historylabels.h"

#include "common/protocol/enumlabels.h"
#include "common/protocol/messages.h"
#include "common/protocol/schema.h"
#include "models/store.h"
#include "ui/common/labels.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace rounds {

QString HistoryLabels::field(const QString &entity, const QString &field)
{
    // The schema's one label table (the same words as validation errors and rounds-cli).
    return protocol::Messages::fieldLabel(entity, field);
}

QString HistoryLabels::operation(const QString &op)
{
    if (op == QLatin1String("create"))
        return tr("Created");
    if (op == QLatin1String("update"))
        return tr("Changed");
    if (op == QLatin1String("delete"))
        return tr("Deleted");
    if (op == QLatin1String("restore"))
        return tr("Restored");
    if (op == QLatin1String("rejected"))
        return tr("Change refused");
    return op;
}

QString HistoryLabels::value(
    Store *store, const QString &entity, const QString &field, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return tr("(none)");
    if (value.isBool())
        return value.toBool() ? tr("yes") : tr("no");
    if (value.isString()) {
        const QString text = value.toString();
        if (EnumLabels::hasLabel(entity, field, text))
            return EnumLabels::label(entity, field, text);
        const protocol::Entity *e = protocol::Schema::instance().entity(entity);
        const protocol::Field *f = e ? e->field(field) : nullptr;
        if (f && !f->refEntity.isEmpty() && store) {
            if (const std::optional<protocol::Record> r = store->record(f->refEntity, text)) {
                for (const char *name : {"name", "display_name", "title", "code"}) {
                    const QString shown = r->fields.value(QLatin1String(name)).toString();
                    if (!shown.isEmpty())
                        return shown;
                }
            }
        }
        if (field.endsWith(QLatin1String("_at")))
            return Labels::localDateTime(text);
        return text;
    }
    if (value.isDouble() && field.endsWith(QLatin1String("_minor")))
        return QLocale().toString(value.toDouble() / 100.0, 'f', 2);
    if (value.isDouble())
        return QLocale().toString(value.toInteger());
    return QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

} // namespace rounds
