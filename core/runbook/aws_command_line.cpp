#include "runbook/aws_command_line.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace drc::runbook {

namespace {

struct Word {
  std::string raw;    // as written, quotes included
  std::string value;  // after quote removal; substitutions kept as written
  int line = 0;
  std::vector<std::string> placeholders;
};

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// "<snapshot-id>" used as a fill-in-here marker, which a shell would take for a redirection.
std::size_t angle_placeholder_length(std::string_view s, std::size_t i) {
  if (s[i] != '<') return 0;
  std::size_t j = i + 1;
  while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '-' || s[j] == '_' ||
                          s[j] == '.' || s[j] == ':' || s[j] == '/')) {
    ++j;
  }
  if (j == i + 1 || j >= s.size() || s[j] != '>') return 0;
  return j + 1 - i;
}

class Lexer {
 public:
  Lexer(std::string_view s, int first_line, std::vector<AwsCommand>& out) : s_(s), line_(first_line), out_(out) {}

  void run() {
    std::vector<Word> words;
    bool skip_next_word = false;  // a redirection's target
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == ' ' || c == '\t' || c == '\r') {
        ++i_;
      } else if (c == '\\' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n') {
        i_ += 2;
        ++line_;
      } else if (c == '\n') {
        ++i_;
        ++line_;
        flush(words);
      } else if (c == '#') {
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
      } else if (c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {
        ++i_;
        flush(words);
      } else if ((c == '>' || c == '<') && angle_placeholder_length(s_, i_) == 0) {
        while (i_ < s_.size() && (s_[i_] == '>' || s_[i_] == '<' || s_[i_] == '&')) ++i_;
        // "2>" : the digits were read as a word of their own.
        if (!words.empty() && !words.back().raw.empty() &&
            std::all_of(words.back().raw.begin(), words.back().raw.end(), [](char d) { return std::isdigit(static_cast<unsigned char>(d)); })) {
          words.pop_back();
        }
        skip_next_word = true;
      } else {
        Word w = read_word();
        if (skip_next_word) {
          skip_next_word = false;
        } else {
          words.push_back(std::move(w));
        }
      }
    }
    flush(words);
  }

 private:
  Word read_word() {
    Word w;
    w.line = line_;
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' ||
          c == ')') {
        break;
      }
      if ((c == '>' || c == '<') && angle_placeholder_length(s_, i_) == 0) break;
      if (c == '\'') {
        const auto end = s_.find('\'', i_ + 1);
        const auto stop = end == std::string_view::npos ? s_.size() : end + 1;
        const auto body = s_.substr(i_ + 1, (end == std::string_view::npos ? s_.size() : end) - i_ - 1);
        w.raw.append(s_.substr(i_, stop - i_));
        w.value.append(body);
        line_ += static_cast<int>(std::count(body.begin(), body.end(), '\n'));
        i_ = stop;
      } else if (c == '"') {
        w.raw.push_back('"');
        ++i_;
        while (i_ < s_.size() && s_[i_] != '"') {
          if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
            const char n = s_[i_ + 1];
            w.raw.append(s_.substr(i_, 2));
            if (n == '\n') {
              ++line_;
            } else if (n == '"' || n == '\\' || n == '$' || n == '`') {
              w.value.push_back(n);
            } else {
              w.value.append(s_.substr(i_, 2));
            }
            i_ += 2;
          } else if (s_[i_] == '$' || s_[i_] == '`') {
            read_substitution(w);
          } else {
            if (s_[i_] == '\n') ++line_;
            w.raw.push_back(s_[i_]);
            w.value.push_back(s_[i_]);
            ++i_;
          }
        }
        if (i_ < s_.size()) {
          w.raw.push_back('"');
          ++i_;
        }
      } else if (c == '\\') {
        if (i_ + 1 < s_.size() && s_[i_ + 1] == '\n') {
          i_ += 2;
          ++line_;
          break;
        }
        if (i_ + 1 < s_.size()) {
          w.raw.append(s_.substr(i_, 2));
          w.value.push_back(s_[i_ + 1]);
          i_ += 2;
        } else {
          ++i_;
        }
      } else if (c == '$' || c == '`') {
        read_substitution(w);
      } else if (const auto n = angle_placeholder_length(s_, i_); n > 0) {
        const auto ph = s_.substr(i_, n);
        w.raw.append(ph);
        w.value.append(ph);
        w.placeholders.emplace_back(ph);
        i_ += n;
      } else {
        w.raw.push_back(c);
        w.value.push_back(c);
        ++i_;
      }
    }
    return w;
  }

  // At '$' or '`': $(...), ${...}, $NAME, `...`. Kept as written; the inside of a command substitution is
  // searched for aws commands of its own.
  void read_substitution(Word& w) {
    const auto start = i_;
    const int start_line = line_;
    if (s_[i_] == '`') {
      const auto end = s_.find('`', i_ + 1);
      const auto stop = end == std::string_view::npos ? s_.size() : end + 1;
      const auto inner = s_.substr(i_ + 1, (end == std::string_view::npos ? s_.size() : end) - i_ - 1);
      Lexer(inner, start_line, out_).run();
      line_ += static_cast<int>(std::count(inner.begin(), inner.end(), '\n'));
      i_ = stop;
    } else if (i_ + 1 < s_.size() && s_[i_ + 1] == '(') {
      std::size_t j = i_ + 2;
      int depth = 1;
      while (j < s_.size() && depth > 0) {
        const char c = s_[j];
        if (c == '\'') {
          const auto end = s_.find('\'', j + 1);
          j = end == std::string_view::npos ? s_.size() : end + 1;
          continue;
        }
        if (c == '\\') {
          j += 2;
          continue;
        }
        if (c == '(') ++depth;
        if (c == ')') --depth;
        ++j;
      }
      const auto inner_end = depth == 0 ? j - 1 : s_.size();
      const auto inner = s_.substr(i_ + 2, inner_end - i_ - 2);
      Lexer(inner, start_line, out_).run();
      line_ += static_cast<int>(std::count(inner.begin(), inner.end(), '\n'));
      i_ = std::min(j, s_.size());
    } else if (i_ + 1 < s_.size() && s_[i_ + 1] == '{') {
      const auto end = s_.find('}', i_ + 2);
      i_ = end == std::string_view::npos ? s_.size() : end + 1;
    } else {
      std::size_t j = i_ + 1;
      while (j < s_.size() && is_name_char(s_[j])) ++j;
      if (j == i_ + 1) {  // a lone '$'
        w.raw.push_back('$');
        w.value.push_back('$');
        ++i_;
        return;
      }
      i_ = j;
    }
    auto text = s_.substr(start, i_ - start);
    w.raw.append(text);
    w.value.append(text);
    // Continuations inside a substitution are not part of what the operator fills in.
    std::string shown;
    for (std::size_t k = 0; k < text.size(); ++k) {
      if (text[k] == '\\' && k + 1 < text.size() && text[k + 1] == '\n') {
        ++k;
        continue;
      }
      shown.push_back(text[k] == '\n' ? ' ' : text[k]);
    }
    w.placeholders.push_back(std::move(shown));
  }

  static bool is_assignment(const Word& w) {
    const auto eq = w.raw.find('=');
    if (eq == std::string::npos || eq == 0) return false;
    if (std::isdigit(static_cast<unsigned char>(w.raw[0]))) return false;
    return std::all_of(w.raw.begin(), w.raw.begin() + static_cast<std::ptrdiff_t>(eq), is_name_char);
  }

  void flush(std::vector<Word>& words) {
    static constexpr std::array<std::string_view, 16> kPrefixes{
        "sudo", "time", "exec", "command", "nohup", "then", "do", "else", "if", "while", "until", "!", "{", "}",
        "env", "elif"};
    std::size_t k = 0;
    while (k < words.size() &&
           (is_assignment(words[k]) ||
            std::find(kPrefixes.begin(), kPrefixes.end(), words[k].raw) != kPrefixes.end())) {
      ++k;
    }
    if (k < words.size() && words[k].raw == "aws") emit(words, k);
    words.clear();
  }

  void emit(const std::vector<Word>& words, std::size_t at) {
    AwsCommand cmd;
    cmd.line = words[at].line;
    cmd.text = "aws";
    for (std::size_t k = at + 1; k < words.size(); ++k) {
      cmd.text += ' ';
      cmd.text += words[k].raw;
      cmd.args.push_back(words[k].value);
      for (const auto& p : words[k].placeholders) cmd.placeholders.push_back(p);
    }
    // Global options may stand before the service: "aws --region us-west-2 rds describe-db-instances".
    static constexpr std::array<std::string_view, 9> kValued{"--region", "--profile", "--output", "--endpoint-url",
                                                             "--query", "--color", "--ca-bundle",
                                                             "--cli-read-timeout", "--cli-connect-timeout"};
    std::size_t a = 0;
    while (a < cmd.args.size() && cmd.args[a].starts_with("--")) {
      const bool valued = std::find(kValued.begin(), kValued.end(), cmd.args[a]) != kValued.end();
      a += valued ? 2 : 1;
    }
    if (a < cmd.args.size()) cmd.service = cmd.args[a];
    if (a + 1 < cmd.args.size() && !cmd.args[a + 1].starts_with("-")) cmd.operation = cmd.args[a + 1];
    out_.push_back(std::move(cmd));
  }

  std::string_view s_;
  std::size_t i_ = 0;
  int line_;
  std::vector<AwsCommand>& out_;
};

}  // namespace

std::vector<AwsCommand> find_aws_commands(std::string_view code, int first_line) {
  std::vector<AwsCommand> out;
  Lexer(code, first_line, out).run();
  // Commands inside $(...) are found while their enclosing line is read; keep them in reading order.
  std::stable_sort(out.begin(), out.end(), [](const AwsCommand& a, const AwsCommand& b) { return a.line < b.line; });
  return out;
}

}  // namespace drc::runbook
