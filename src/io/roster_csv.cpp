// Reading and writing rosters as CSV (RFC 4180); see carelearn/io/roster_io.hpp.

#include <array>
#include <cstddef>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "carelearn/io/roster_io.hpp"
#include "detail/absl_compat.hpp"
#include "io/json_reader.hpp"
#include "io/json_tree.hpp"
#include "io/roster_fields.hpp"

namespace carelearn {
namespace {

using detail::Sv;

// One field of a CSV line and where it starts.
struct Field {
  std::string value;
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in bytes
};

// The code points of `text` from `line_start` up to `offset`, plus one.
int ColumnOf(std::string_view text, std::size_t line_start, std::size_t offset) {
  int column = 1;
  for (std::size_t i = line_start; i < offset && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) ++column;
  }
  return column;
}

// Splits CSV text into records of fields (RFC 4180).
class CsvSplitter {
 public:
  CsvSplitter(std::string_view source, std::string_view text) : source_(source), text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    line_start_ = pos_;
  }

  // The next record into `out`; false at the end of the text. Blank lines are skipped.
  absl::StatusOr<bool> Next(std::vector<Field>& out) {
    out.clear();
    while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) EndLine();
    if (pos_ >= text_.size()) return false;
    while (true) {
      Field field;
      field.line = line_;
      field.column = ColumnOf(text_, line_start_, pos_);
      if (pos_ < text_.size() && text_[pos_] == '"') {
        const int open_line = line_;
        const int open_column = field.column;
        ++pos_;
        while (true) {
          if (pos_ >= text_.size()) {
            return Error(open_line, open_column, "",
                         "the quoted field is not closed: a quote \" is missing");
          }
          const char c = text_[pos_];
          if (c == '"') {
            if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
              field.value.push_back('"');
              pos_ += 2;
              continue;
            }
            ++pos_;
            break;
          }
          if (c == '\n') {
            field.value.push_back(c);
            ++pos_;
            ++line_;
            line_start_ = pos_;
            continue;
          }
          field.value.push_back(c);
          ++pos_;
        }
        if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
            text_[pos_] != '\r') {
          return Error(line_, ColumnOf(text_, line_start_, pos_), "",
                       "expected a comma or the end of the line after the quoted field");
        }
      } else {
        while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
               text_[pos_] != '\r') {
          if (text_[pos_] == '"') {
            return Error(line_, ColumnOf(text_, line_start_, pos_), "",
                         "a quote \" inside an unquoted field; quote the whole field and "
                         "double the quote");
          }
          field.value.push_back(text_[pos_]);
          ++pos_;
        }
      }
      out.push_back(std::move(field));
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size()) EndLine();
      return true;
    }
  }

  // A located error at `line`:`column`, with the pointer `pointer`.
  [[nodiscard]] absl::Status Error(int line, int column, std::string_view pointer,
                                   std::string_view message) const {
    absl::Status status(absl::StatusCode::kInvalidArgument,
                        absl::StrCat(Sv(source_), ":", line, ":", column, ": ", Sv(message)));
    status.SetPayload(
        Sv(detail::kErrorLocationPayloadUrl),
        absl::Cord(detail::EncodeErrorLocation(ErrorLocation{std::string(pointer), line, column})));
    return status;
  }

  [[nodiscard]] int line() const { return line_; }

 private:
  // Steps over one line end (LF, CRLF or a lone CR).
  void EndLine() {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
    line_start_ = pos_;
  }

  std::string_view source_;
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_start_ = 0;
  int line_ = 1;
};

constexpr std::array<std::string_view, 6> kColumns{"person", "unit", "profession",
                                                   "shift",  "from", "to"};

bool NeedsQuotes(std::string_view value) {
  return value.find_first_of(",\"\r\n") != std::string_view::npos;
}

void AppendField(std::string& out, std::string_view value) {
  if (!NeedsQuotes(value)) {
    out.append(value);
    return;
  }
  out.push_back('"');
  for (const char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

}  // namespace

absl::StatusOr<Roster> ParseRosterCsv(std::string_view text, std::string_view source) {
  CsvSplitter csv(source, text);
  std::vector<Field> fields;
  absl::StatusOr<bool> more = csv.Next(fields);
  if (!more.ok()) return more.status();
  if (!*more) {
    return csv.Error(1, 1, "",
                     "the roster is empty; the first line names the columns, such as "
                     "person,unit,profession,shift,from,to");
  }
  // Where each known column stands in a row; std::nullopt when absent.
  std::array<std::optional<std::size_t>, kColumns.size()> at;
  const std::vector<Field> header = fields;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const Field& f = header[i];
    const auto known = std::find(kColumns.begin(), kColumns.end(), f.value);
    if (known == kColumns.end()) {
      std::string message = absl::StrCat("unknown column ", detail::QuoteForMessage(f.value));
      if (const auto likely = detail::Closest(f.value, kColumns)) {
        absl::StrAppend(&message, "; did you mean \"", Sv(*likely), "\"?");
      } else {
        absl::StrAppend(&message, "; expected one of ", detail::QuoteList(kColumns));
      }
      return csv.Error(f.line, f.column, "", message);
    }
    const auto k = static_cast<std::size_t>(known - kColumns.begin());
    if (at[k].has_value()) {
      return csv.Error(f.line, f.column, "",
                       absl::StrCat("the column \"", f.value, "\" is named twice"));
    }
    at[k] = i;
  }
  for (const std::string_view required : {"person", "unit", "from"}) {
    const auto k = static_cast<std::size_t>(std::find(kColumns.begin(), kColumns.end(), required) -
                                            kColumns.begin());
    if (!at[k].has_value()) {
      return csv.Error(header.front().line, 1, "",
                       absl::StrCat("missing required column \"", Sv(required), "\""));
    }
  }

  Roster roster;
  std::vector<int> lines;
  while (true) {
    more = csv.Next(fields);
    if (!more.ok()) return more.status();
    if (!*more) break;
    const std::size_t row = roster.members.size();
    if (fields.size() != header.size()) {
      const Field& last = fields.back();
      return csv.Error(
          last.line, last.column, absl::StrCat("/", row),
          absl::StrCat("the row has ", fields.size(), " fields; the header has ", header.size()));
    }
    // Reads column k's field with `read`, locating its error.
    auto cell = [&](std::size_t k) -> const Field* {
      return at[k].has_value() ? &fields[*at[k]] : nullptr;
    };
    auto fail = [&](std::size_t k, std::string_view message) {
      const Field& f = *cell(k);
      return csv.Error(f.line, f.column, absl::StrCat("/", row, "/", Sv(kColumns[k])),
                       absl::StrCat("column \"", Sv(kColumns[k]), "\": ", Sv(message)));
    };
    RosterMember m;
    m.person = cell(0)->value;
    if (m.person.empty()) return fail(0, "expected a pseudonymous staff id, found an empty field");
    m.unit = cell(1)->value;
    if (m.unit.empty()) return fail(1, "expected a unit id, found an empty field");
    if (const Field* f = cell(2)) m.profession = f->value;
    if (const Field* f = cell(3)) {
      absl::StatusOr<Shift> shift = detail::ParseRosterShift(f->value);
      if (!shift.ok()) return fail(3, Sv(shift.status().message()));
      m.shift = *shift;
    }
    absl::StatusOr<absl::CivilDay> from = detail::ParseRosterDay(cell(4)->value);
    if (!from.ok()) return fail(4, Sv(from.status().message()));
    m.from = *from;
    if (const Field* f = cell(5); f != nullptr && !f->value.empty()) {
      absl::StatusOr<absl::CivilDay> to = detail::ParseRosterDay(f->value);
      if (!to.ok()) return fail(5, Sv(to.status().message()));
      m.to = *to;
    }
    roster.members.push_back(std::move(m));
    lines.push_back(fields.front().line);
  }
  if (absl::Status s = ValidateRoster(
          roster, [&](std::size_t i) { return absl::StrCat(Sv(source), ":", lines[i]); });
      !s.ok()) {
    return s;
  }
  return roster;
}

absl::StatusOr<Roster> LoadRosterCsv(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::error_code ec;
  if (!in || std::filesystem::is_directory(path, ec)) {
    return absl::NotFoundError(absl::StrCat(path.string(), ": cannot read the file"));
  }
  std::ostringstream content;
  content << in.rdbuf();
  return ParseRosterCsv(content.str(), path.string());
}

std::string RosterToCsv(const Roster& roster) {
  std::string out = "person,unit,profession,shift,from,to\n";
  for (const RosterMember& m : roster.members) {
    AppendField(out, m.person);
    out.push_back(',');
    AppendField(out, m.unit);
    out.push_back(',');
    AppendField(out, m.profession);
    out.push_back(',');
    if (m.shift != Shift::kUnspecified) out.append(ShiftName(m.shift));
    out.push_back(',');
    out.append(absl::FormatCivilTime(m.from));
    out.push_back(',');
    if (m.to.has_value()) out.append(absl::FormatCivilTime(*m.to));
    out.push_back('\n');
  }
  return out;
}

}  // namespace carelearn
