#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace rounds {

namespace protocol {
struct Entity;
}

// The words a user reads for the schema's enumeration values. The values themselves come from the
// schema (common/protocol/entities.cpp), so a combo box offers exactly what the server accepts, in the
// schema's order; only the words live here, in one translation table (context "EnumLabels"). Shared:
// the client's widgets and the server's PDF of an HCP export (server/hcpreport.cpp) read the same words.
class EnumLabels final
{
public:
    using Choice = QPair<QString, QString>; // value, label

    // The values of entity.field, each with its label.
    static QList<Choice> values(const QString &entity, const QString &field);
    // What a combo box that edits entity.field offers: the values, after an empty choice ("—") when the
    // field may be null.
    static QList<Choice> choices(const QString &entity, const QString &field);
    // The label of one value, in the user's language; the value itself when the table has no row for it.
    static QString label(const QString &entity, const QString &field, const QString &value);
    static bool hasLabel(const QString &entity, const QString &field, const QString &value);
    // "entity.field=value" for every enumeration value of `entities` that the table does not label.
    static QStringList unlabelled(const QList<protocol::Entity> &entities);
};

} // namespace rounds
