#include "cli/interrupt_watch.hpp"

#include <pthread.h>
#include <unistd.h>

#include <ctime>

namespace drc::cli {

InterruptWatch::InterruptWatch(std::ostream& err, const char* first_message) : err_(err), message_(first_message) {
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
      err_ << "\ndrconsole: " << message_ << " (Ctrl-C again to leave at once)" << std::endl;
    }
  });
}

InterruptWatch::~InterruptWatch() {
  done_ = true;
  thread_.join();
  pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

}  // namespace drc::cli
