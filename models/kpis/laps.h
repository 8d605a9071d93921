#pragma once

#include <QElapsedTimer>
#include <QString>

namespace rounds::kpi {

// Where compute()'s time goes, logged at debug level (QT_LOGGING_RULES="rounds.kpi.debug=true").
class Laps
{
public:
    Laps();
    // The time since the previous lap, under `what`.
    void lap(const char *what);
    // Time spent elsewhere (the second thread), listed but not part of this thread's total.
    void note(const char *what, double ms);
    QString text() const;

private:
    QElapsedTimer m_timer;
    qint64 m_last = 0;
    QString m_text;
};

// This thread's CPU time in ms (for the debug log: what each thread would take on an idle machine).
double threadCpuMs();

} // namespace rounds::kpi
