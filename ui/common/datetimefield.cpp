#include "ui/common/datetimefield.h"

namespace rounds {

DateTimeField::DateTimeField(const QDateTime &dateTime, QWidget *parent)
    : QDateTimeEdit(dateTime, parent)
{ }

DateTimeField::DateTimeField(const QDate &date, QWidget *parent)
    : QDateTimeEdit(date, parent)
{ }

bool DateTimeField::focusNextPrevChild(bool next)
{
    // QDateTimeEdit moves to its next section here; skip it and move the focus like any other widget.
    return QAbstractSpinBox::focusNextPrevChild(next);
}

} // namespace rounds
