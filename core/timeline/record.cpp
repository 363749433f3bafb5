#include "timeline/record.hpp"

#include <algorithm>

#include "util/sha256.hpp"

namespace drc::timeline {

using nlohmann::json;
using incident::Event;

namespace {

bool is_hash(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

std::string canonical_content(const Event& e) {
  const json j{{"seq", e.seq},   {"ts", format_iso8601(e.ts)}, {"actor", e.actor},
               {"kind", incident::to_string(e.kind)}, {"data", e.data}, {"prev", e.prev}};
  return dump(j);
}

std::string event_hash(const Event& e) {
  Sha256 h;
  h.update(e.prev);
  h.update("\n");
  h.update(canonical_content(e));
  return h.hex_digest();
}

std::string encode_line(const Event& e) {
  nlohmann::ordered_json j;
  j["seq"] = e.seq;
  j["ts"] = format_iso8601(e.ts);
  j["actor"] = e.actor;
  j["kind"] = incident::to_string(e.kind);
  j["data"] = e.data;
  j["prev"] = e.prev;
  j["hash"] = e.hash;
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

Result<Event> decode_line(std::string_view line) {
  if (line.size() > kMaxLineBytes) return make_error("line is longer than 1 MiB");
  json j = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return make_error("not valid JSON");
  if (!j.is_object()) return make_error("not a JSON object");
  auto field = [&](const char* k) -> const json* {
    auto it = j.find(k);
    return it == j.end() ? nullptr : &*it;
  };
  const json* seq = field("seq");
  const json* ts = field("ts");
  const json* actor = field("actor");
  const json* kind = field("kind");
  const json* data = field("data");
  const json* prev = field("prev");
  const json* hash = field("hash");
  if (!seq || !seq->is_number_unsigned()) return make_error("missing or bad 'seq'");
  if (!ts || !ts->is_string()) return make_error("missing or bad 'ts'");
  if (!actor || !actor->is_string()) return make_error("missing or bad 'actor'");
  if (!kind || !kind->is_string()) return make_error("missing or bad 'kind'");
  if (!data || !data->is_object()) return make_error("missing or bad 'data'");
  if (!prev || !prev->is_string() || !is_hash(prev->get<std::string>())) return make_error("missing or bad 'prev'");
  if (!hash || !hash->is_string() || !is_hash(hash->get<std::string>())) return make_error("missing or bad 'hash'");
  if (j.size() != 7) return make_error("unexpected fields");
  Event e;
  e.seq = seq->get<std::uint64_t>();
  auto t = parse_iso8601(ts->get<std::string>());
  if (!t) return make_error("bad timestamp '" + ts->get<std::string>() + "'");
  e.ts = *t;
  e.actor = actor->get<std::string>();
  auto k = incident::event_kind_from(kind->get<std::string>());
  if (!k) return make_error("unknown event kind '" + kind->get<std::string>() + "'");
  e.kind = *k;
  e.data = *data;
  e.prev = prev->get<std::string>();
  e.hash = hash->get<std::string>();
  // The timestamp must read back as written, or the hash would cover a different text than the line holds.
  if (format_iso8601(e.ts) != ts->get<std::string>()) return make_error("timestamp not in the journal's form");
  return e;
}

Status ChainCheck::accept(const Event& e) {
  if (e.seq != last_seq_ + 1) {
    return make_error("seq " + std::to_string(e.seq) + " follows seq " + std::to_string(last_seq_));
  }
  if (e.prev != last_hash_) return make_error("'prev' does not match the previous event's hash (an event was removed or changed)");
  if (event_hash(e) != e.hash) return make_error("hash mismatch: the event was changed after it was written");
  last_seq_ = e.seq;
  last_hash_ = e.hash;
  return {};
}

LineScan scan_lines(std::string_view bytes, ChainCheck& chain, std::size_t first_line) {
  LineScan out;
  std::size_t pos = 0;
  std::size_t line_no = first_line;
  while (pos < bytes.size()) {
    const auto nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) {
      out.torn_tail = bytes.substr(pos);
      break;
    }
    const auto line = bytes.substr(pos, nl - pos);
    const auto expected = chain.last_seq() + 1;
    auto ev = decode_line(line);
    Status ok = ev ? chain.accept(*ev) : Status(ev.error());
    if (!ok) {
      out.bad = BadLine{expected, line_no, ok.error().message};
      break;
    }
    out.events.push_back(std::move(ev).value());
    pos = nl + 1;
    ++line_no;
  }
  out.consumed = pos;
  return out;
}

}  // namespace drc::timeline
