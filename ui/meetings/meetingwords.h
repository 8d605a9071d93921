#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

#include "common/compliance/rules.h"

namespace rounds {

// The words for the meeting enumerations (kind, mode, attendee kind and role, expense category and
// status), and money in yuan.
class MeetingWords final
{
    Q_DECLARE_TR_FUNCTIONS(MeetingWords)
public:
    using Choice = QPair<QString, QString>; // value, label

    static QList<Choice> kinds();
    static QList<Choice> modes();
    static QList<Choice> roles();
    static QList<Choice> categories();
    static QList<Choice> expenseStatuses();
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
