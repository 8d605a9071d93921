#pragma once

#include <QString>

namespace rounds {

// An amount in minor units (fen) as every view shows it: the locale's separators, two decimals, and
// "¥" in front for CNY ("¥19,000.00"); another currency keeps its code after the amount ("12.50 USD").
// One form for the meeting list, the approval queue, the editor's totals and the meeting report.
QString formatMoney(qint64 minor, const QString &currency = QStringLiteral("CNY"));

} // namespace rounds
