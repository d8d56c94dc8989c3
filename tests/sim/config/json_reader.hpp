#pragma once
// A tiny strict JSON reader for the tests (RFC 8259 values; no extensions), to check generated schemas
// structurally without a JSON library.
#include <cctype>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace reformsim::config::test_support {

/// A parsed JSON value.
struct Json {
  enum class Kind { Null, Boolean, Number, String, Array, Object } kind = Kind::Null;
  bool boolean = false;
  double number = 0;
  std::string text;
  std::vector<Json> items;
  std::vector<std::pair<std::string, Json>> members;
  /// Member `key` of an object, or nullptr.
  const Json* get(const std::string& key) const {
    for (const auto& [k, v] : members) {
      if (k == key) return &v;
    }
    return nullptr;
  }
};

/// Parses a whole JSON document; nullopt on any syntax error or trailing garbage.
class JsonReader {
 public:
  static std::optional<Json> parse(const std::string& text) {
    JsonReader r(text);
    Json v;
    if (!r.value(v)) return std::nullopt;
    r.space();
    if (r.pos_ != text.size()) return std::nullopt;
    return v;
  }

 private:
  explicit JsonReader(const std::string& text) : s_(text) {}

  void space() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\t' || s_[pos_] == '\r')) ++pos_;
  }
  bool eat(char c) {
    space();
    if (pos_ < s_.size() && s_[pos_] == c) return ++pos_, true;
    return false;
  }
  bool word(const char* w) {
    const std::string t(w);
    if (s_.compare(pos_, t.size(), t) != 0) return false;
    pos_ += t.size();
    return true;
  }
  bool string(std::string& out) {
    if (!eat('"')) return false;
    while (pos_ < s_.size() && s_[pos_] != '"') {
      const char c = s_[pos_++];
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= s_.size()) return false;
      const char e = s_[pos_++];
      if (e == 'u') {
        if (pos_ + 4 > s_.size()) return false;
        for (int i = 0; i < 4; ++i) {
          if (!std::isxdigit(static_cast<unsigned char>(s_[pos_ + i]))) return false;
        }
        out += '?';
        pos_ += 4;
      } else if (std::string("\"\\/bfnrt").find(e) != std::string::npos) {
        out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
      } else {
        return false;
      }
    }
    return pos_ < s_.size() && s_[pos_++] == '"';
  }
  bool number(double& out) {
    const std::size_t start = pos_;
    if (pos_ < s_.size() && s_[pos_] == '-') ++pos_;
    if (pos_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[pos_]))) return false;
    if (s_[pos_] == '0' && pos_ + 1 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_ + 1]))) return false;
    auto digits = [&] {
      const std::size_t b = pos_;
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      return pos_ > b;
    };
    digits();
    if (pos_ < s_.size() && s_[pos_] == '.' && (++pos_, !digits())) return false;
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (!digits()) return false;
    }
    out = std::strtod(s_.substr(start, pos_ - start).c_str(), nullptr);
    return true;
  }
  bool value(Json& v) {
    space();
    if (pos_ >= s_.size()) return false;
    const char c = s_[pos_];
    if (c == '{') {
      ++pos_;
      v.kind = Json::Kind::Object;
      if (eat('}')) return true;
      do {
        std::string key;
        Json member;
        space();
        if (!string(key) || !eat(':') || !value(member)) return false;
        v.members.emplace_back(std::move(key), std::move(member));
      } while (eat(','));
      return eat('}');
    }
    if (c == '[') {
      ++pos_;
      v.kind = Json::Kind::Array;
      if (eat(']')) return true;
      do {
        Json item;
        if (!value(item)) return false;
        v.items.push_back(std::move(item));
      } while (eat(','));
      return eat(']');
    }
    if (c == '"') {
      v.kind = Json::Kind::String;
      return string(v.text);
    }
    if (word("true")) return v.kind = Json::Kind::Boolean, v.boolean = true, true;
    if (word("false")) return v.kind = Json::Kind::Boolean, true;
    if (word("null")) return v.kind = Json::Kind::Null, true;
    v.kind = Json::Kind::Number;
    return number(v.number);
  }

  const std::string& s_;
  std::size_t pos_ = 0;
};

}  // namespace reformsim::config::test_support
