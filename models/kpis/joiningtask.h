#pragma once

#include <QtGlobal>

#include <exception>
#include <functional>
#include <thread>

namespace rounds::kpi {

// A function run on a thread of its own that cannot outlive its owner: destroying the task joins the
// thread (also when the owner's scope is left by an exception), and an exception of the function is
// kept and rethrown by wait(). Declare it after everything the function uses, so that it is destroyed,
// and the thread joined, before those are.
class JoiningTask
{
public:
    JoiningTask() = default;
    ~JoiningTask() = default; // std::jthread joins
    Q_DISABLE_COPY_MOVE(JoiningTask)

    void start(std::function<void()> body);
    bool started() const { return m_thread.joinable(); }
    // Joins the thread and rethrows what the function threw.
    void wait();
    double wallMs() const { return m_wallMs; } // valid after wait()
    double cpuMs() const { return m_cpuMs; } // the thread's CPU time, valid after wait()

private:
    std::exception_ptr m_failed;
    double m_wallMs = 0;
    double m_cpuMs = 0;
    std::jthread m_thread; // last: joined before the members the thread writes are destroyed
};

} // namespace rounds::kpi
