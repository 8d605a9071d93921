#include "ui/common/dateedit.h"

#include <QRegularExpression>

namespace rounds {

DateEdit::DateEdit(QWidget *parent)
    : QDateEdit(parent)
{
    setCalendarPopup(true);
    setDisplayFormat(fourDigitFormat(locale()));
    setToolTip(tr("A date with a four-digit year, as %1 or as YYYY-MM-DD; or pick it in the calendar.")
                   .arg(toText(QDate(2026, 12, 31), locale())));
}

QString DateEdit::fourDigitFormat(const QLocale &locale)
{
    QString format = locale.dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QRegularExpression(QStringLiteral("y+")), QStringLiteral("yyyy"));
    return format;
}

QString DateEdit::toText(const QDate &date, const QLocale &locale)
{
    return date.isValid() ? locale.toString(date, fourDigitFormat(locale)) : QStringLiteral("—");
}

QValidator::State DateEdit::validate(QString &input, int &pos) const
{
    // ISO as it is typed: a prefix waits, a complete date becomes the locale's form.
    static const QRegularExpression isoPrefix(QStringLiteral(R"(^\s*\d{1,4}(-(\d{0,2}(-\d{0,2})?)?)?\s*$)"));
    static const QRegularExpression isoDate(QStringLiteral(R"(^\s*(\d{4})-(\d{2})-(\d{2})\s*$)"));
    const QRegularExpressionMatch iso = isoDate.match(input);
    if (iso.hasMatch()) {
        const QDate d(iso.captured(1).toInt(), iso.captured(2).toInt(), iso.captured(3).toInt());
        if (!d.isValid() || d < minimumDate() || d > maximumDate())
            return QValidator::Intermediate;
        input = locale().toString(d, displayFormat());
        pos = int(input.size());
        return QValidator::Acceptable;
    }
    const QValidator::State state = QDateEdit::validate(input, pos);
    if (state == QValidator::Invalid && isoPrefix.match(input).hasMatch())
        return QValidator::Intermediate;
    return state;
}

} // namespace rounds
