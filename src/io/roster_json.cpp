// Reading rosters from "roster/1" JSON documents; see carelearn/io/roster_io.hpp.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "carelearn/io/roster_io.hpp"
#include "detail/absl_compat.hpp"
#include "io/json_reader.hpp"
#include "io/json_tree.hpp"
#include "io/roster_fields.hpp"

namespace carelearn {
namespace detail {

constexpr int kFirstYear = 1583;
constexpr int kLastYear = 9999;

absl::StatusOr<absl::CivilDay> ParseRosterDay(std::string_view text) {
  const std::string expected = absl::StrCat(
      "expected a date \"YYYY-MM-DD\" such as \"2026-07-06\", found ", QuoteForMessage(text));
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return absl::InvalidArgumentError(expected);
  }
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
      if (text[i] < '0' || text[i] > '9') return absl::InvalidArgumentError(expected);
      parts[p] = parts[p] * 10 + (text[i] - '0');
    }
  }
  if (parts[0] < kFirstYear || parts[0] > kLastYear) {
    return absl::InvalidArgumentError(absl::StrCat("the year ", parts[0], " is outside the years ",
                                                   kFirstYear, " to ", kLastYear));
  }
  const absl::CivilDay day(parts[0], parts[1], parts[2]);
  if (day.month() != parts[1] || day.day() != parts[2]) {
    return absl::InvalidArgumentError(absl::StrCat("no such date: ", QuoteForMessage(text)));
  }
  return day;
}

absl::StatusOr<Shift> ParseRosterShift(std::string_view text) {
  if (text.empty()) return Shift::kUnspecified;
  if (const std::optional<Shift> shift = ParseShift(text)) return *shift;
  static constexpr std::array<std::string_view, 4> kNames{"day", "evening", "night", "unspecified"};
  std::string message =
      absl::StrCat("expected one of ", QuoteList(kNames), ", found ", QuoteForMessage(text));
  if (const auto likely = Closest(text, kNames)) {
    absl::StrAppend(&message, "; did you mean \"", Sv(*likely), "\"?");
  }
  return absl::InvalidArgumentError(message);
}

namespace {

constexpr std::string_view kRosterKind = "roster/1";

absl::Status ReadRosterMember(const Reader& r, const Node& node, const Path& path,
                              RosterMember& m) {
  static constexpr std::array<std::string_view, 6> kAllowed{"person", "unit", "profession",
                                                            "shift",  "from", "to"};
  static constexpr std::array<std::string_view, 3> kRequired{"person", "unit", "from"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kAllowed, kRequired, " in a roster member"));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "person", [&](const Node& v, const Path& p) {
    return r.String(v, p, m.person);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "unit", [&](const Node& v, const Path& p) { return r.String(v, p, m.unit); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "profession", [&](const Node& v, const Path& p) {
    return r.String(v, p, m.profession, /*non_empty=*/false);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "shift", [&](const Node& v, const Path& p) {
    if (v.kind != Node::Kind::kString) return r.Expected(v, p, "a shift name such as \"day\"");
    absl::StatusOr<Shift> shift = ParseRosterShift(v.string);
    if (!shift.ok()) return r.Error(v, p, Sv(shift.status().message()));
    m.shift = *shift;
    return absl::OkStatus();
  }));
  auto day = [&](const Node& v, const Path& p, absl::CivilDay& out) -> absl::Status {
    if (v.kind != Node::Kind::kString) return r.Expected(v, p, "a date \"YYYY-MM-DD\"");
    absl::StatusOr<absl::CivilDay> d = ParseRosterDay(v.string);
    if (!d.ok()) return r.Error(v, p, Sv(d.status().message()));
    out = *d;
    return absl::OkStatus();
  };
  CARELEARN_RETURN_IF_ERROR(
      r.Field(node, path, "from", [&](const Node& v, const Path& p) { return day(v, p, m.from); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "to", [&](const Node& v, const Path& p) {
    if (v.kind == Node::Kind::kNull) return absl::OkStatus();
    absl::CivilDay to;
    absl::Status read = day(v, p, to);
    if (read.ok()) m.to = to;
    return read;
  }));
  return absl::OkStatus();
}

}  // namespace
}  // namespace detail

absl::StatusOr<Roster> ParseRosterJson(std::string_view json, const ParseOptions& options) {
  const detail::JsonText text(
      options.source_name.empty() ? std::string_view("<input>") : options.source_name, json);
  absl::StatusOr<detail::Node> root = detail::ParseTree(text, options);
  if (!root.ok()) return root.status();
  const detail::Reader r(text);
  const detail::Path path;
  static constexpr std::array<std::string_view, 2> kAllowed{"carelearn", "members"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(*root, path, kAllowed, kAllowed, " in a roster"));
  const detail::Node& header = root->Find("carelearn")->value;
  const detail::Path at = path.Child("carelearn");
  if (header.kind != detail::Node::Kind::kString) {
    return r.Expected(header, at, "the document kind \"roster/1\"");
  }
  if (header.string != detail::kRosterKind) {
    const std::string_view found = header.string;
    const bool roster = found.substr(0, 7) == "roster/";
    return r.Error(
        header, at,
        absl::StrCat("expected a \"roster/1\" document, found ", detail::QuoteForMessage(found),
                     roster ? "; this version of carelearn reads \"roster/1\"" : ""),
        absl::StatusCode::kFailedPrecondition);
  }
  Roster roster;
  std::vector<std::size_t> tokens;
  const detail::Path members = path.Child("members");
  const detail::Node& list = root->Find("members")->value;
  CARELEARN_RETURN_IF_ERROR(
      r.Array(list, members, [&](const detail::Node& item, const detail::Path& p) {
        RosterMember m;
        if (absl::Status read = detail::ReadRosterMember(r, item, p, m); !read.ok()) return read;
        roster.members.push_back(std::move(m));
        tokens.push_back(item.token);
        return absl::OkStatus();
      }));
  if (absl::Status s = ValidateRoster(roster,
                                      [&](std::size_t i) {
                                        const auto [line, column] =
                                            text.LineColumn(text.OffsetOfToken(tokens[i]));
                                        return absl::StrCat(detail::Sv(text.source()), ":", line,
                                                            ":", column, ": /members/", i);
                                      });
      !s.ok()) {
    return s;
  }
  return roster;
}

absl::StatusOr<Roster> LoadRosterJson(const std::filesystem::path& path, ParseOptions options) {
  absl::StatusOr<std::string> content = detail::ReadDocumentFile(path, options);
  if (!content.ok()) return content.status();
  return ParseRosterJson(*content, options);
}

}  // namespace carelearn
