#include "ui/history/historylabels.h"

#include "common/protocol/schema.h"
#include "models/store.h"
#include "ui/common/enumlabels.h"
#include "ui/common/labels.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace rounds {

QString HistoryLabels::field(const QString &entity, const QString &field)
{
    Q_UNUSED(entity)
    // The fields of the records the panel opens from (HCP, visit, meeting, alignment, territory).
    static const QHash<QString, const char *> words {
        {QStringLiteral("name"), QT_TR_NOOP("Name")},
        {QStringLiteral("code"), QT_TR_NOOP("Code")},
        {QStringLiteral("status"), QT_TR_NOOP("Status")},
        {QStringLiteral("title"), QT_TR_NOOP("Title")},
        {QStringLiteral("specialty"), QT_TR_NOOP("Specialty")},
        {QStringLiteral("phone"), QT_TR_NOOP("Phone")},
        {QStringLiteral("email"), QT_TR_NOOP("E-mail")},
        {QStringLiteral("hcp_id"), QT_TR_NOOP("HCP")},
        {QStringLiteral("institution_id"), QT_TR_NOOP("Institution")},
        {QStringLiteral("department_id"), QT_TR_NOOP("Department")},
        {QStringLiteral("territory_id"), QT_TR_NOOP("Territory")},
        {QStringLiteral("parent_id"), QT_TR_NOOP("Parent territory")},
        {QStringLiteral("owner_id"), QT_TR_NOOP("Owner")},
        {QStringLiteral("rep_id"), QT_TR_NOOP("Representative")},
        {QStringLiteral("level"), QT_TR_NOOP("Level")},
        {QStringLiteral("visited_at"), QT_TR_NOOP("Visited at")},
        {QStringLiteral("channel"), QT_TR_NOOP("Channel")},
        {QStringLiteral("notes"), QT_TR_NOOP("Notes")},
        {QStringLiteral("feedback"), QT_TR_NOOP("Feedback")},
        {QStringLiteral("reaction"), QT_TR_NOOP("Reaction")},
        {QStringLiteral("support_level"), QT_TR_NOOP("Support level")},
        {QStringLiteral("purpose"), QT_TR_NOOP("Purpose")},
        {QStringLiteral("valid_from"), QT_TR_NOOP("Valid from")},
        {QStringLiteral("valid_to"), QT_TR_NOOP("Valid to")},
        {QStringLiteral("starts_at"), QT_TR_NOOP("Starts at")},
        {QStringLiteral("ends_at"), QT_TR_NOOP("Ends at")},
        {QStringLiteral("venue"), QT_TR_NOOP("Venue")},
        {QStringLiteral("budget_minor"), QT_TR_NOOP("Budget")},
        {QStringLiteral("decision_note"), QT_TR_NOOP("Decision note")},
        {QStringLiteral("type"), QT_TR_NOOP("Type")},
        {QStringLiteral("city"), QT_TR_NOOP("City")},
        {QStringLiteral("tier"), QT_TR_NOOP("Tier")},
        {QStringLiteral("merged_into"), QT_TR_NOOP("Merged into")},
    };
    const auto it = words.constFind(field);
    if (it != words.constEnd())
        return tr(it.value());
    QString plain = field;
    if (plain.endsWith(QLatin1String("_id")))
        plain.chop(3);
    plain.replace(u'_', u' ');
    return plain.isEmpty() ? field : plain.left(1).toUpper() + plain.mid(1);
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
