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

// The codes of the rows `keep` marks, and only the dictionary values they
// use, in the order of `column`'s dictionary.
DictionaryColumn Compacted(const DictionaryColumn& column, std::span<const std::uint8_t> keep,
                           std::size_t kept) {
  std::vector<std::int32_t> code_of(column.dictionary.size(), kNullCode);
  for (std::size_t r = 0; r < column.codes.size(); ++r) {
    if (keep[r] != 0 && column.codes[r] != kNullCode) {
      code_of[static_cast<std::size_t>(column.codes[r])] = 0;
    }
  }
  DictionaryColumn out;
  for (std::size_t c = 0; c < code_of.size(); ++c) {
    if (code_of[c] == kNullCode) continue;
    code_of[c] = static_cast<std::int32_t>(out.dictionary.size());
    out.dictionary.push_back(column.dictionary[c]);
  }
  out.codes.reserve(kept);
  for (std::size_t r = 0; r < column.codes.size(); ++r) {
    if (keep[r] == 0) continue;
    const std::int32_t code = column.codes[r];
    out.codes.push_back(code == kNullCode ? kNullCode : code_of[static_cast<std::size_t>(code)]);
  }
  return out;
}

// `rows` missing values of `column` (its dictionary kept: a closed vocabulary's).
void Blank(DictionaryColumn& column, std::size_t rows) { column.codes.assign(rows, kNullCode); }

// `rows` missing values.
void Blank(StringColumn& column, std::size_t rows) {
  column.offsets.assign(rows + 1, 0);
  column.data.clear();
  column.valid.assign(rows, 0);
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

namespace carelearn {

SessionTables PersonMeasureTables(const SessionTables& tables, std::span<const std::uint8_t> keep) {
  SessionTables out = detail::EmptyTables({});
  const SessionsTable& s = tables.sessions;
  const std::size_t n = s.size();
  SessionsTable& so = out.sessions;
  Blank(so.id, n);
  so.unit = s.unit;
  Blank(so.format_id, n);
  so.format_version.assign(n, 0);
  so.planned_start = s.planned_start;
  so.actual_start = s.actual_start;
  so.actual_end = s.actual_end;
  so.status.codes = s.status.codes;
  Blank(so.cancel_reason, n);
  so.cancel_confidential.assign(n, 0);
  Blank(so.case_category, n);
  Blank(so.citizen, n);
  for (std::vector<std::int32_t>* count :
       {&so.participant_count, &so.step_count, &so.prompt_count, &so.learning_point_count,
        &so.action_count, &so.feedback_count, &so.note_count}) {
    count->assign(n, 0);
  }

  const ParticipantsTable& p = tables.participants;
  std::size_t kept = 0;
  for (std::size_t r = 0; r < p.size(); ++r) kept += keep[r] != 0 ? 1 : 0;
  ParticipantsTable& po = out.participants;
  po.session = Kept(p.session, keep, kept);
  po.position.assign(kept, 0);
  po.person = Compacted(p.person, keep, kept);
  Blank(po.role, kept);
  po.unit = Compacted(p.unit, keep, kept);
  po.profession = Compacted(p.profession, keep, kept);
  po.shift.codes = Kept(p.shift.codes, keep, kept);

  // The steps of the sessions that started and did not end.
  const StepsTable& st = tables.steps;
  std::vector<std::uint8_t> summed(st.size(), 0);
  std::size_t steps = 0;
  for (std::size_t r = 0; r < st.size(); ++r) {
    const auto i = static_cast<std::size_t>(st.session[r]);
    summed[r] =
        i < n && s.actual_start[i] != kNullTimestamp && s.actual_end[i] == kNullTimestamp ? 1 : 0;
    steps += summed[r];
  }
  StepsTable& sto = out.steps;
  sto.session = Kept(st.session, summed, steps);
  sto.position.assign(steps, 0);
  Blank(sto.step, steps);
  sto.start.assign(steps, kNullTimestamp);
  sto.end.assign(steps, kNullTimestamp);
  sto.minutes = Kept(st.minutes, summed, steps);
  return out;
}

}  // namespace carelearn
