#include "carelearn/analysis/combine_tables.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "analysis/table_builder.hpp"

namespace carelearn {
namespace {

// The values of `column` at the rows `keep` marks.
template <typename T>
std::vector<T> Kept(const std::vector<T>& column, std::span<const std::uint8_t> keep,
                    std::size_t kept) {
  std::vector<T> out;
  out.reserve(kept);
  for (std::size_t r = 0; r < column.size(); ++r) {
    if (keep[r] != 0) out.push_back(column[r]);
  }
  return out;
}

// `column` with only the codes of the rows `keep` marks; the dictionary as it is.
DictionaryColumn Kept(const DictionaryColumn& column, std::span<const std::uint8_t> keep,
                      std::size_t kept) {
  return {Kept(column.codes, keep, kept), column.dictionary};
}

}  // namespace

SessionTables ConcatenateTables(std::vector<SessionTables> parts) {
  SessionTables all = detail::EmptyTables({});
  detail::TableIndex index;
  for (SessionTables& part : parts) {
    // A part's codes are indexes into its own dictionaries: every value of
    // them is "new" to a map that starts empty, in code order.
    detail::NewValues added;
    const auto columns = detail::OpenColumns(part);
    for (std::size_t k = 0; k < detail::kOpenColumns; ++k) added[k] = columns[k]->dictionary;
    detail::CodeMaps map;
    detail::MergeTables(all, index, std::move(part), added, map);
  }
  detail::SetDictionaries(all, index);
  return all;
}

SessionTables KeepParticipants(const SessionTables& tables, std::span<const std::uint8_t> keep) {
  SessionTables out = tables;
  const ParticipantsTable& p = tables.participants;
  std::size_t kept = 0;
  for (std::size_t r = 0; r < p.size(); ++r) kept += keep[r] != 0 ? 1 : 0;
  ParticipantsTable& q = out.participants;
  q.session = Kept(p.session, keep, kept);
  q.position = Kept(p.position, keep, kept);
  q.person = Kept(p.person, keep, kept);
  q.role = Kept(p.role, keep, kept);
  q.unit = Kept(p.unit, keep, kept);
  q.profession = Kept(p.profession, keep, kept);
  q.shift = Kept(p.shift, keep, kept);
  return out;
}

}  // namespace carelearn
