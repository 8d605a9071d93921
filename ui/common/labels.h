#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

namespace rounds {

// The words a rep reads for the protocol's enumeration values (channel, reaction, status …).
class Labels final
{
    Q_DECLARE_TR_FUNCTIONS(Labels)
public:
    using Choice = QPair<QString, QString>; // value, label

    static QList<Choice> channels();
    static QList<Choice> reactions();
    static QString channel(const QString &value);
    static QString reaction(const QString &value);
    static QString supportLevel(int level); // 1–5
    static QString role(const QString &value);
    static QString meetingStatus(const QString &value);
    static QString visitStatus(const QString &value);
    // Why the server refused a change, in the user's language, from the protocol's error code (the
    // server's own sentence is English; it stays available as a tooltip for support).
    static QString refusal(const QString &code, const QString &field, const QString &serverMessage);
    // An ISO 8601 date-time in the user's time zone and locale (short), or the text unchanged.
    static QString localDateTime(const QString &iso);
};

} // namespace rounds
