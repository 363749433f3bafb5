#pragma once
// One journal line per event: JSON with seq, ts, actor, kind, data, prev, hash. The hash is SHA-256 over
// the previous hash and the event's canonical content (its fields but the hash, keys sorted, compact), so
// key order and spacing may change without breaking the chain, and any change of content does.

#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "incident/event.hpp"
#include "util/result.hpp"

namespace drc::timeline {

inline const std::string kGenesisHash(64, '0');

// A journal line longer than this is damage, not an event (notes are capped far below it).
inline constexpr std::size_t kMaxLineBytes = 1024 * 1024;

std::string canonical_content(const incident::Event& e);
std::string event_hash(const incident::Event& e);

// The line as written, newline included.
std::string encode_line(const incident::Event& e);
// A line's fields, checked for form; the chain is checked by ChainCheck.
Result<incident::Event> decode_line(std::string_view line);

// Follows the chain event by event: seq without gaps, prev = the last hash, hash = the content's.
class ChainCheck {
 public:
  Status accept(const incident::Event& e);
  std::uint64_t last_seq() const { return last_seq_; }
  const std::string& last_hash() const { return last_hash_; }

 private:
  std::uint64_t last_seq_ = 0;
  std::string last_hash_ = kGenesisHash;
};

// What a run of journal bytes holds: the whole events that verify, where they end, and then either
// nothing more, a tail without its newline (an append cut short), or the first bad line.
struct BadLine {
  std::uint64_t seq;  // the seq the bad line should have had
  std::size_t line;   // 1-based, counted from the start of the scanned bytes
  std::string message;
};
struct LineScan {
  std::vector<incident::Event> events;
  std::size_t consumed = 0;  // bytes of whole, good lines
  std::string_view torn_tail;
  std::optional<BadLine> bad;
};
LineScan scan_lines(std::string_view bytes, ChainCheck& chain, std::size_t first_line = 1);

}  // namespace drc::timeline
