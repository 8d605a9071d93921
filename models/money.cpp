#include "models/money.h"

#include <QLocale>

namespace rounds {

QString formatMoney(qint64 minor, const QString &currency)
{
    const QString amount = QLocale().toString(double(minor) / 100.0, 'f', 2);
    if (currency.isEmpty() || currency == QLatin1String("CNY"))
        return QStringLiteral("¥") + amount;
    return amount + QLatin1Char(' ') + currency;
}

} // namespace rounds
