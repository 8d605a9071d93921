#pragma once

#include <QDateTimeEdit>

namespace rounds {

// A date or date-time field that is one Tab stop: Tab and Shift+Tab leave it instead of walking its
// sections (year, month, day, hour, minute), which made a keyboard user press Tab five times to pass
// one field. Inside it, ←/→ move between the sections, ↑/↓ change the one under the cursor, and typing
// digits fills them in order.
class DateTimeField final : public QDateTimeEdit
{
    Q_OBJECT
public:
    explicit DateTimeField(const QDateTime &dateTime, QWidget *parent = nullptr);
    explicit DateTimeField(const QDate &date, QWidget *parent = nullptr);

protected:
    bool focusNextPrevChild(bool next) override;
};

} // namespace rounds
