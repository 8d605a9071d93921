#include "ui/common/dateedit.h"
#include "ui/common/dates.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalBlocker>

namespace rounds {

namespace {

// ISO with a four-digit year and two-digit month and day.
const QRegularExpression &isoDate()
{
    static const QRegularExpression re(QStringLiteral(R"(^(\d{4})-(\d{2})-(\d{2})$)"));
    return re;
}

// A year of four digits, neither more nor fewer.
bool hasFourDigitYear(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"((?<!\d)\d{4}(?!\d))"));
    return re.match(text).hasMatch();
}

} // namespace

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
    return Dates::datePattern(locale); // as every view writes a date
}

QString DateEdit::toText(const QDate &date, const QLocale &locale)
{
    return date.isValid() ? locale.toString(date, fourDigitFormat(locale)) : QStringLiteral("—");
}

QDate DateEdit::parse(const QString &text) const
{
    const QString t = text.trimmed();
    if (const QRegularExpressionMatch iso = isoDate().match(t); iso.hasMatch())
        return QDate(iso.captured(1).toInt(), iso.captured(2).toInt(), iso.captured(3).toInt());
    if (!hasFourDigitYear(t))
        return {};
    return locale().toDate(t, displayFormat());
}

QValidator::State DateEdit::validate(QString &input, int &pos) const
{
    const QDate d = parse(input);
    if (d.isValid()) {
        if (d < minimumDate() || d > maximumDate())
            return QValidator::Intermediate;
        // ISO typed in reads in the locale's form from now on.
        if (isoDate().match(input.trimmed()).hasMatch()) {
            input = locale().toString(d, displayFormat());
            pos = int(input.size());
        }
        return QValidator::Acceptable;
    }
    // On the way to a date: digits and the separators of the locale's form or of ISO, no longer than a
    // date. Anything else (letters, a fifth year digit) is refused as it is typed.
    if (input.size() > 12)
        return QValidator::Invalid;
    const QString format = displayFormat();
    for (const QChar c : input) {
        const bool separator = c == QLatin1Char('-') || c.isSpace() || (!c.isLetter() && format.contains(c));
        if (!c.isDigit() && !separator)
            return QValidator::Invalid;
    }
    return QValidator::Intermediate;
}

void DateEdit::fixup(QString &) const
{
    // No guessing: an incomplete date (a two-digit year) is not completed into some year; the field
    // keeps its previous date.
}

QDateTime DateEdit::dateTimeFromText(const QString &text) const
{
    const QDate d = parse(text);
    // In the edit's own time spec: a date in another one would move across midnight (China is UTC+8).
    return d.isValid() ? QDateTime(d, QTime(0, 0), timeSpec()) : QDateEdit::dateTimeFromText(text);
}

void DateEdit::keyPressEvent(QKeyEvent *event)
{
    // Typing edits the whole text, not one section at a time (QDateTimeEdit would jump between the
    // sections of the locale's form and undo anything else): so both the locale's form and ISO can be
    // typed. The text is read when editing ends (Enter, leaving the field): a date, or back to the last
    // one. Arrows, Enter, Escape and the calendar work as in any date edit.
    const bool printable = !event->text().isEmpty() && event->text().at(0).isPrint()
        && !(event->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier));
    const bool erase = event->key() == Qt::Key_Backspace || event->key() == Qt::Key_Delete;
    if (!printable && !erase) {
        QDateEdit::keyPressEvent(event);
        return;
    }
    QLineEdit *edit = lineEdit();
    QString text = edit->text();
    int cursor = edit->cursorPosition();
    if (edit->hasSelectedText()) {
        cursor = edit->selectionStart();
        text.remove(cursor, int(edit->selectedText().size()));
    } else if (event->key() == Qt::Key_Backspace && cursor > 0) {
        text.remove(--cursor, 1);
    } else if (event->key() == Qt::Key_Delete) {
        text.remove(cursor, 1);
    }
    if (printable) {
        text.insert(cursor, event->text());
        cursor += int(event->text().size());
    }
    int pos = cursor;
    QString checked = text;
    if (validate(checked, pos) == QValidator::Invalid) {
        event->accept();
        return;
    }
    // Signals blocked: the date edit's own section handling must not see (and undo) a partial text.
    const QSignalBlocker blocker(edit);
    edit->setText(text);
    edit->setCursorPosition(cursor);
    event->accept();
}

} // namespace rounds
