#pragma once

#include "common/protocol/errors.h"

#include <QCoreApplication>
#include <QString>

namespace rounds::protocol {

// The words a user reads for the schema and for the server's refusals, in the user's language: the
// label of every field, a validation error as a sentence that names the field by its label, and a
// refusal by its protocol error code. One table for the desktop client and rounds-cli (both load the
// same translations); the server answers in English on the wire and never calls these.
class Messages final
{
    Q_DECLARE_TR_FUNCTIONS(Messages)
public:
    // "Phone" / "电话" for hcp.phone; the field name itself when the table has no row for it.
    static QString fieldLabel(const QString &entity, const QString &field);
    static bool hasFieldLabel(const QString &entity, const QString &field);
    // "Visit plan" / "拜访计划" for visit_plan: what a kind of record is called; the entity name itself when
    // the table has no row for it.
    static QString entityLabel(const QString &entity);
    // A validation error as a sentence with the field's label; the English message when it carries no
    // sentence of its own.
    static QString fieldError(const FieldError &error);
    // Why the server refused a change, from the protocol's error code (the server's own sentence is
    // English; callers keep it for support, e.g. as a tooltip).
    static QString refusal(
        const QString &code, const QString &entity, const QString &field, const QString &serverMessage);
};

} // namespace rounds::protocol
