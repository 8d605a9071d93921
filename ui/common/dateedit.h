#pragma once

#include <QDateEdit>

namespace rounds {

// A date field with a calendar popup that shows and takes four-digit years only: the locale's short
// format with its year widened to yyyy (12/5/2026, 2026/12/5), or ISO typed in (2026-12-05, turned into
// the locale's form once complete). A two-digit year ("12/5/26") is never accepted, so no one has to
// guess whether 26 means 2026 or 1926.
class DateEdit final : public QDateEdit
{
    Q_OBJECT
public:
    explicit DateEdit(QWidget *parent = nullptr);

    // The date form every view uses (Dates::datePattern), for `locale`: four-digit years.
    static QString fourDigitFormat(const QLocale &locale);
    // `date` in that format; "—" when invalid.
    static QString toText(const QDate &date, const QLocale &locale = {});

protected:
    QValidator::State validate(QString &input, int &pos) const override;
    void fixup(QString &input) const override;
    QDateTime dateTimeFromText(const QString &text) const override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    // ISO, or the locale's form with a four-digit year; invalid otherwise.
    QDate parse(const QString &text) const;
};

} // namespace rounds
