#pragma once

#include <QCoreApplication>
#include <QString>

#include "common/compliance/rules.h"

namespace rounds {

// The words of a meeting: its enumerations (kind, mode, attendee kind and role, expense category and
// status, read from the one table in ui/common/enumlabels.h), money in yuan, and violations.
class MeetingWords final
{
    Q_DECLARE_TR_FUNCTIONS(MeetingWords)
public:
    static QString kind(const QString &value);
    static QString mode(const QString &value);
    static QString attendeeKind(const QString &value);
    static QString role(const QString &value);
    static QString category(const QString &value);
    static QString expenseStatus(const QString &value);
    // "¥1,234.50" in the user's locale.
    static QString money(qint64 minor);
    // How a violation is marked in the compliance panel.
    static QString severity(bool blocking);
    // compliance::describe with the expense category in words.
    static QString describe(compliance::Violation violation);
};

} // namespace rounds
