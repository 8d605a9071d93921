#include "models/kpis/joiningtask.h"

#include "models/kpis/laps.h"

#include <QElapsedTimer>

namespace rounds::kpi {

void JoiningTask::start(std::function<void()> body)
{
    m_thread = std::jthread([this, body = std::move(body)] {
        QElapsedTimer timer;
        timer.start();
        const double cpu = threadCpuMs();
        try {
            body();
        } catch (...) {
            m_failed = std::current_exception();
        }
        m_wallMs = double(timer.nsecsElapsed()) / 1e6;
        m_cpuMs = threadCpuMs() - cpu;
    });
}

void JoiningTask::wait()
{
    if (m_thread.joinable())
        m_thread.join();
    if (m_failed)
        std::rethrow_exception(m_failed);
}

} // namespace rounds::kpi
