#pragma once
// Running a Collection to the end from a command line: every call goes out at once through the Cloud
// door, answers are folded in as they come, follow-ups go out as they are found, and calls past their
// deadline are given up. Blocks the calling thread, so it is for `drconsole inventory` and `check`, never
// for the console's UI thread (which drives the same Collection from its own loop).

#include <atomic>
#include <functional>

#include "cloud/cloud.hpp"
#include "cloud/result_queue.hpp"
#include "incident/clock.hpp"
#include "inventory/collection.hpp"

namespace drc::inventory {

// `queue` must outlive `cloud`, so an answer that comes after the deadline lands somewhere harmless.
// When `stop` is raised (Ctrl-C), what is still out is given up as "Interrupted" and it returns.
void gather(cloud::Cloud& cloud, cloud::ResultQueue& queue, Collection& collection, const incident::Clock& clock,
            const std::atomic<bool>* stop = nullptr);

}  // namespace drc::inventory
