#pragma once
// Ending a build cleanly when the user (or a system) stops it.
#include <functional>
#include <thread>

namespace hwbgen::cli {

/// While alive, SIGINT, SIGTERM and SIGHUP stop the process in order: `cleanup` runs on a thread
/// of its own (so, unlike a signal handler, it may wait for a lock and remove folders), a line
/// goes to stderr, and the process exits with 128 + the signal's number. Child processes still
/// get the default handling of these signals (handlers do not survive exec). One at a time per
/// process: the handlers are process-wide.
class CleanupOnSignal {
public:
    explicit CleanupOnSignal(std::function<void()> cleanup);
    ~CleanupOnSignal();
    CleanupOnSignal(const CleanupOnSignal&) = delete;
    CleanupOnSignal& operator=(const CleanupOnSignal&) = delete;

private:
    std::function<void()> cleanup_;
    std::thread waiter_;
};

}  // namespace hwbgen::cli
