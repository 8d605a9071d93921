#include "models/kpis/laps.h"

#include <ctime>

namespace rounds::kpi {

Laps::Laps()
{
    m_timer.start();
}

void Laps::lap(const char *what)
{
    const qint64 ns = m_timer.nsecsElapsed();
    m_text += QStringLiteral(" %1 %2").arg(QLatin1String(what)).arg(double(ns - m_last) / 1e6, 0, 'f', 1);
    m_last = ns;
}

void Laps::note(const char *what, double ms)
{
    m_text += QStringLiteral(" %1 %2").arg(QLatin1String(what)).arg(ms, 0, 'f', 1);
}

QString Laps::text() const
{
    return QStringLiteral("%1 ms:%2").arg(double(m_last) / 1e6, 0, 'f', 1).arg(m_text);
}

double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

} // namespace rounds::kpi
