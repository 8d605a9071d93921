#pragma once

#include <QCoreApplication>
#include <QString>

namespace rounds {

// The words a rep reads for visits, roles and the server's refusals. The enumeration values among them
// (channel, reaction, status, role) are read from the one table in ui/common/enumlabels.h.
class Labels final
{
    Q_DECLARE_TR_FUNCTIONS(Labels)
public:
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
