#include "cli/interrupt_watch.hpp"

#include <pthread.h>
#include <unistd.h>

#include <ctime>
#include <string>

namespace drc::cli {

InterruptWatch::InterruptWatch(const char* first_message) : message_(first_message) {
  sigemptyset(&set_);
  sigaddset(&set_, SIGINT);
  sigaddset(&set_, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set_, &previous_);
  thread_ = std::thread([this] {
    const timespec tick{0, 200 * 1000 * 1000};
    while (!done_) {
      if (sigtimedwait(&set_, nullptr, &tick) < 0) continue;  // the tick, or EINTR
      if (interrupted_.exchange(true)) {
        static constexpr char kBye[] = "\ndrconsole: interrupted twice: leaving now; temporary copies may remain\n";
        (void)!::write(STDERR_FILENO, kBye, sizeof kBye - 1);
        ::_exit(130);
      }
      // One write, so the line is never cut into by a check's own output on another thread.
      const std::string line = std::string("\ndrconsole: ") + message_ + " (Ctrl-C again to leave at once)\n";
      (void)!::write(STDERR_FILENO, line.data(), line.size());
    }
  });
}

InterruptWatch::~InterruptWatch() {
  done_ = true;
  thread_.join();
  pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

}  // namespace drc::cli
