// Writing Boost.JSON values as indented text, and URL path segments; see fhir_json.hpp.
#include "io/fhir_json.hpp"

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "boost/json/array.hpp"
#include "boost/json/object.hpp"
#include "boost/json/string.hpp"
#include "io/json_tree.hpp"

namespace carelearn::detail {
namespace {

namespace bj = boost::json;

void Indent(int depth, std::string& out) { out.append(static_cast<std::size_t>(depth) * 2, ' '); }

void Write(const bj::value& value, int depth, bool indented, std::string& out) {
  switch (value.kind()) {
    case bj::kind::null:
      out.append("null");
      return;
    case bj::kind::bool_:
      out.append(value.get_bool() ? "true" : "false");
      return;
    case bj::kind::int64:
      absl::StrAppend(&out, value.get_int64());
      return;
    case bj::kind::uint64:
      absl::StrAppend(&out, value.get_uint64());
      return;
    case bj::kind::double_:
      WriteNumber(value.get_double(), out);
      return;
    case bj::kind::string: {
      const bj::string& s = value.get_string();
      WriteString(std::string_view(s.data(), s.size()), out);
      return;
    }
    case bj::kind::array: {
      const bj::array& items = value.get_array();
      if (items.empty()) {
        out.append("[]");
        return;
      }
      out.push_back('[');
      bool first = true;
      for (const bj::value& item : items) {
        if (!first) out.push_back(',');
        first = false;
        if (indented) {
          out.push_back('\n');
          Indent(depth + 1, out);
        }
        Write(item, depth + 1, indented, out);
      }
      if (indented) {
        out.push_back('\n');
        Indent(depth, out);
      }
      out.push_back(']');
      return;
    }
    case bj::kind::object: {
      const bj::object& members = value.get_object();
      if (members.empty()) {
        out.append("{}");
        return;
      }
      out.push_back('{');
      bool first = true;
      for (const bj::key_value_pair& member : members) {
        if (!first) out.push_back(',');
        first = false;
        if (indented) {
          out.push_back('\n');
          Indent(depth + 1, out);
        }
        WriteString(std::string_view(member.key().data(), member.key().size()), out);
        out.append(indented ? ": " : ":");
        Write(member.value(), depth + 1, indented, out);
      }
      if (indented) {
        out.push_back('\n');
        Indent(depth, out);
      }
      out.push_back('}');
      return;
    }
  }
}

bool Unreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string WriteIndented(const bj::value& value) {
  std::string out;
  Write(value, 0, true, out);
  out.push_back('\n');
  return out;
}

std::string WriteCompact(const bj::value& value) {
  std::string out;
  Write(value, 0, false, out);
  return out;
}

std::string EncodePathSegment(std::string_view segment) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(segment.size());
  for (const char ch : segment) {
    const auto c = static_cast<unsigned char>(ch);
    if (Unreserved(c)) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

std::string DecodePathSegment(std::string_view segment) {
  std::string out;
  out.reserve(segment.size());
  for (std::size_t i = 0; i < segment.size(); ++i) {
    if (segment[i] == '%' && i + 2 < segment.size()) {
      const int hi = HexValue(segment[i + 1]);
      const int lo = HexValue(segment[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(segment[i]);
  }
  return out;
}

bj::value Amount(double amount) {
  constexpr double kLargestExact = 9007199254740992.0;  // 2^53
  if (std::trunc(amount) == amount && std::fabs(amount) <= kLargestExact) {
    return bj::value(static_cast<std::int64_t>(amount));
  }
  return bj::value(amount);
}

}  // namespace carelearn::detail
