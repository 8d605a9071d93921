#pragma once

#include <QCoreApplication>
#include <QString>

namespace rounds {

// The words a rep reads for visits and roles (field labels and the server's refusals are in
// common/protocol/messages.h, which rounds-cli shares). The enumeration values among them
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
    // An ISO 8601 date-time in the user's time zone and locale (Dates::dateTime), or the text unchanged.
    static QString localDateTime(const QString &iso);
};

} // namespace rounds
