#include "cli/interrupt.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <string>

namespace hwbgen::cli {

namespace {

constexpr int handled[] = {SIGINT, SIGTERM, SIGHUP};
int pipe_fds[2] = {-1, -1};
struct sigaction previous[3];

// Only async-signal-safe work here: pass the signal's number to the waiting thread.
void on_signal(int signal) {
    const int saved = errno;
    const unsigned char byte = static_cast<unsigned char>(signal);
    (void)!::write(pipe_fds[1], &byte, 1);
    errno = saved;
}

unsigned char wait_for_signal() {
    unsigned char byte = 0;
    while (::read(pipe_fds[0], &byte, 1) < 0 && errno == EINTR) {
    }
    return byte;
}

}  // namespace

CleanupOnSignal::CleanupOnSignal(std::function<void()> cleanup) : cleanup_(std::move(cleanup)) {
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return;
    waiter_ = std::thread([this] {
        const unsigned char signal = wait_for_signal();
        if (signal == 0) return;  // the build ended first
        cleanup_();
        const std::string line = "hwbgen: stopped by signal " + std::to_string(signal) +
                                 "; the build's temporary files were removed\n";
        (void)!::write(STDERR_FILENO, line.data(), line.size());
        ::_exit(128 + signal);
    });
    struct sigaction action {};
    action.sa_handler = on_signal;
    ::sigemptyset(&action.sa_mask);
    for (int i = 0; i < 3; ++i) ::sigaction(handled[i], &action, &previous[i]);
}

CleanupOnSignal::~CleanupOnSignal() {
    if (!waiter_.joinable()) return;
    for (int i = 0; i < 3; ++i) ::sigaction(handled[i], &previous[i], nullptr);
    const unsigned char done = 0;
    (void)!::write(pipe_fds[1], &done, 1);
    waiter_.join();
    // A signal that came after the waiter stopped reading is raised again, now with its usual effect.
    ::fcntl(pipe_fds[0], F_SETFL, O_NONBLOCK);
    unsigned char byte = 0;
    while (::read(pipe_fds[0], &byte, 1) == 1)
        if (byte != 0) ::raise(byte);
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
}

}  // namespace hwbgen::cli
