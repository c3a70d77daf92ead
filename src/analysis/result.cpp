#include "carelearn/analysis/result.hpp"

#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <variant>
#include <vector>

#include "absl/strings/str_format.h"

namespace carelearn {
namespace {

// The number of rows of a column.
std::size_t Rows(const MutableResultColumn& column) {
  return std::visit([](auto* data) { return data->size(); }, column.data);
}

// The value of an integer column's row, or std::nullopt for other columns.
std::optional<std::int64_t> Count(const MutableResultColumn& column, std::size_t row) {
  if (auto* const* ints = std::get_if<std::vector<std::int64_t>*>(&column.data)) {
    return (**ints)[row];
  }
  return std::nullopt;
}

// Withholds row `row` of `column`.
void Withhold(const MutableResultColumn& column, std::size_t row) {
  if (auto* const* ints = std::get_if<std::vector<std::int64_t>*>(&column.data)) {
    (**ints)[row] = kWithheld;
  } else if (auto* const* reals = std::get_if<std::vector<double>*>(&column.data)) {
    (**reals)[row] = std::numeric_limits<double>::quiet_NaN();
  }
}

}  // namespace

std::string_view ColumnRoleName(ColumnRole role) {
  switch (role) {
    case ColumnRole::kKey:
      return "key";
    case ColumnRole::kPeople:
      return "people";
    case ColumnRole::kPeopleCell:
      return "people-cell";
    case ColumnRole::kDerived:
      return "derived";
    case ColumnRole::kValue:
      return "value";
    case ColumnRole::kFlag:
      return "flag";
  }
  return "value";
}

std::size_t SuppressColumns(std::span<const MutableResultColumn> columns,
                            const SmallCellOptions& options) {
  if (columns.empty()) return 0;
  const std::size_t rows = Rows(columns.front());
  const auto small = [&](std::int64_t v) {
    if (v == kWithheld) return false;
    return v == 0 ? options.zero_is_small : v < options.threshold;
  };
  const bool withhold = options.mode == SmallCellMode::kSuppress;
  std::size_t flagged = 0;
  std::vector<std::size_t> cells;  // the kPeopleCell columns
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (columns[c].role == ColumnRole::kPeopleCell) cells.push_back(c);
  }
  for (std::size_t row = 0; row < rows; ++row) {
    bool whole_row = false;
    bool already = false;
    for (const MutableResultColumn& column : columns) {
      const std::optional<std::int64_t> v = Count(column, row);
      if (!v.has_value()) continue;
      if (column.role == ColumnRole::kPeople && small(*v)) whole_row = true;
      if ((column.role == ColumnRole::kPeople || column.role == ColumnRole::kPeopleCell) &&
          *v == kWithheld) {
        already = true;
      }
    }
    bool flag = whole_row || already;
    if (whole_row) {
      if (withhold) {
        for (const MutableResultColumn& column : columns) {
          if (column.role == ColumnRole::kPeople || column.role == ColumnRole::kPeopleCell ||
              column.role == ColumnRole::kDerived) {
            Withhold(column, row);
          }
        }
      }
    } else if (!cells.empty()) {
      std::vector<std::size_t> hidden;
      for (const std::size_t c : cells) {
        const std::optional<std::int64_t> v = Count(columns[c], row);
        if (v.has_value() && small(*v)) hidden.push_back(c);
      }
      if (hidden.size() == 1) {
        // Secondary suppression: the smallest other non-zero cell.
        std::optional<std::size_t> second;
        std::int64_t least = std::numeric_limits<std::int64_t>::max();
        for (const std::size_t c : cells) {
          if (c == hidden.front()) continue;
          const std::optional<std::int64_t> v = Count(columns[c], row);
          if (v.has_value() && *v > 0 && *v < least) {
            least = *v;
            second = c;
          }
        }
        if (second.has_value()) hidden.push_back(*second);
      }
      if (!hidden.empty()) {
        flag = true;
        if (withhold) {
          for (const std::size_t c : hidden) Withhold(columns[c], row);
        }
      }
    }
    if (flag) {
      ++flagged;
      for (const MutableResultColumn& column : columns) {
        if (column.role != ColumnRole::kFlag) continue;
        if (auto* const* flags = std::get_if<std::vector<std::uint8_t>*>(&column.data)) {
          (**flags)[row] = 1;
        }
      }
    }
  }
  return flagged;
}

std::string_view PeriodKindName(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::kMonth:
      return "month";
    case PeriodKind::kQuarter:
      return "quarter";
    case PeriodKind::kYear:
      return "year";
  }
  return "month";
}

absl::CivilDay PeriodGrouping::Start(absl::CivilDay day) const {
  switch (kind) {
    case PeriodKind::kMonth:
      return absl::CivilDay(absl::CivilMonth(day));
    case PeriodKind::kQuarter:
      return absl::CivilDay(day.year(), (day.month() - 1) / 3 * 3 + 1, 1);
    case PeriodKind::kYear:
      return absl::CivilDay(absl::CivilYear(day));
  }
  return day;
}

absl::CivilDay PeriodGrouping::End(absl::CivilDay start) const {
  switch (kind) {
    case PeriodKind::kMonth:
      return absl::CivilDay(absl::CivilMonth(start) + 1);
    case PeriodKind::kQuarter:
      return absl::CivilDay(absl::CivilMonth(start) + 3);
    case PeriodKind::kYear:
      return absl::CivilDay(absl::CivilYear(start) + 1);
  }
  return start + 1;
}

std::string PeriodGrouping::Label(absl::CivilDay start) const {
  switch (kind) {
    case PeriodKind::kMonth:
      return absl::StrFormat("%04d-%02d", start.year(), start.month());
    case PeriodKind::kQuarter:
      return absl::StrFormat("%04d-Q%d", start.year(), (start.month() - 1) / 3 + 1);
    case PeriodKind::kYear:
      return absl::StrFormat("%04d", start.year());
  }
  return {};
}

}  // namespace carelearn
