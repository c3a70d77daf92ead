// Programmes; see carelearn/schedule/programme.hpp.
#include "carelearn/schedule/programme.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "detail/absl_compat.hpp"
#include "schedule/programme_detail.hpp"
#include "schedule/recurrence_engine.hpp"

namespace carelearn {
namespace {

using detail::Sv;

absl::Status Prefixed(const absl::Status& status, std::string_view prefix) {
  return absl::Status(status.code(), absl::StrCat(Sv(prefix), status.message()));
}

std::string EntryPlace(std::size_t i, const ProgrammeEntry& e) {
  return absl::StrCat("entries[", i, "] \"", e.id, "\": ");
}

// The local days an occurrence touches: [first, last].
std::pair<absl::CivilDay, absl::CivilDay> Days(const ScheduledOccurrence& o) {
  const absl::CivilDay first(o.local_start);
  absl::CivilDay last(o.local_end);
  if (o.local_end > o.local_start && o.local_end == absl::CivilMinute(last)) last -= 1;
  return {first, std::max(first, last)};
}

// A hash of a series' occurrences, to find equal series without comparing them all.
std::uint64_t Fingerprint(const std::vector<Occurrence>& occurrences) {
  std::uint64_t hash = 14695981039346656037ULL;
  const auto mix = [&](std::int64_t v) {
    hash ^= static_cast<std::uint64_t>(v);
    hash *= 1099511628211ULL;
  };
  const absl::CivilMinute epoch(1970);
  for (const Occurrence& o : occurrences) {
    mix(absl::ToUnixSeconds(o.start));
    mix(absl::ToUnixSeconds(o.end));
    mix(o.original - epoch);
  }
  return hash;
}

// Optimal string alignment distance (a swap of neighbours is one edit).
std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

// The catalog's format id closest to `id`, when close enough to be a typo.
std::optional<std::string> LikelyFormatId(std::string_view id, const Catalog& catalog) {
  if (id.size() > 100) return std::nullopt;
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const Format* f : catalog.formats()) {
    const std::size_t distance = EditDistance(id, f->id);
    if (!best || distance < best_distance) {
      best = f->id;
      best_distance = distance;
    }
  }
  const std::size_t allowed = std::max<std::size_t>(2, std::min<std::size_t>(id.size(), 30) / 4);
  if (best && best_distance <= allowed) return best;
  return std::nullopt;
}

// The format `entry` names, or an error naming it.
absl::StatusOr<const Format*> FindFormat(const ProgrammeEntry& entry, const Catalog& catalog) {
  if (const Format* f = catalog.Find(entry.format)) return f;
  if (catalog.Find(entry.format.id) != nullptr) {
    std::vector<std::string> versions;
    for (const Format* f : catalog.formats()) {
      if (f->id == entry.format.id) versions.push_back(absl::StrCat(f->version));
    }
    return absl::InvalidArgumentError(absl::StrCat(
        "format \"", entry.format.id, "\" has no version ", entry.format.version.value_or(0),
        " in the catalog; it has ", absl::StrJoin(versions, ", ")));
  }
  std::string message = absl::StrCat("format \"", entry.format.id, "\" is not in the catalog");
  if (const std::optional<std::string> likely = LikelyFormatId(entry.format.id, catalog)) {
    absl::StrAppend(&message, "; did you mean \"", *likely, "\"?");
  }
  return absl::InvalidArgumentError(message);
}

// Why `day` is closed on `calendar` (one that closes it).
void SkipReasonOn(const WorkCalendar& calendar, absl::CivilDay day, SkippedOccurrence& out) {
  if (std::optional<HolidayKind> h = calendar.HolidayOn(day)) {
    out.reason = SkipReason::kHoliday;
    out.holiday = h;
    return;
  }
  out.reason = SkipReason::kClosure;
  for (const Closure& c : calendar.closures()) {
    if (c.first <= day && day <= c.last) {
      out.closure = c.reason;
      return;
    }
  }
}

bool ShareADay(const ScheduledOccurrence& a, const ScheduledOccurrence& b) {
  const auto [a_first, a_last] = Days(a);
  const auto [b_first, b_last] = Days(b);
  return a_first <= b_last && b_first <= a_last;
}

}  // namespace

namespace detail {

absl::StatusOr<Organisation> Organisation::Build(const std::vector<OrgUnit>& units) {
  Organisation org;
  const std::size_t n = units.size();
  org.parent.assign(n, -1);
  org.children.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (units[i].id.empty()) {
      return absl::InvalidArgumentError(absl::StrCat("units[", i, "]: the id is empty"));
    }
    auto [it, inserted] = org.index.emplace(units[i].id, static_cast<std::uint32_t>(i));
    if (!inserted) {
      return absl::InvalidArgumentError(absl::StrCat("units[", i, "] \"", units[i].id,
                                                     "\": the id is already used by units[",
                                                     it->second, "]"));
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (units[i].parent.empty()) continue;
    const auto it = org.index.find(units[i].parent);
    if (it == org.index.end()) {
      return absl::InvalidArgumentError(absl::StrCat("units[", i, "] \"", units[i].id,
                                                     "\": the parent \"", units[i].parent,
                                                     "\" is not a unit of the programme"));
    }
    org.parent[i] = static_cast<std::int64_t>(it->second);
    org.children[it->second].push_back(static_cast<std::uint32_t>(i));
  }
  for (std::size_t i = 0; i < n; ++i) {
    std::int64_t u = org.parent[i];
    for (std::size_t steps = 0; u >= 0; ++steps) {
      if (static_cast<std::size_t>(u) == i || steps > n) {
        return absl::InvalidArgumentError(
            absl::StrCat("units[", i, "] \"", units[i].id, "\": its parents lead back to itself"));
      }
      u = org.parent[static_cast<std::size_t>(u)];
    }
  }
  return org;
}

std::vector<std::uint32_t> Organisation::Leaves(const std::vector<std::string>& ids) const {
  std::vector<std::uint32_t> out;
  std::vector<std::uint32_t> stack;
  for (const std::string& id : ids) {
    const auto it = index.find(id);
    if (it == index.end()) continue;
    stack.push_back(it->second);
    while (!stack.empty()) {
      const std::uint32_t u = stack.back();
      stack.pop_back();
      if (children[u].empty()) {
        out.push_back(u);
      } else {
        stack.insert(stack.end(), children[u].begin(), children[u].end());
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> Organisation::Chain(const std::vector<OrgUnit>& units,
                                             std::uint32_t unit) const {
  std::vector<std::string> out;
  for (std::int64_t u = unit; u >= 0; u = parent[static_cast<std::size_t>(u)]) {
    out.push_back(units[static_cast<std::size_t>(u)].id);
  }
  return out;
}

UnitCalendars::UnitCalendars(const Programme& programme, const Organisation& org,
                             const WorkCalendar& calendar)
    : programme_(programme), org_(org), calendar_(calendar) {
  group_.assign(programme.units.size(), -1);
}

const WorkCalendar& UnitCalendars::For(std::uint32_t unit) {
  if (group_[unit] < 0) {
    // The unit-specific closures that apply to `unit`: its own and its parents'.
    const std::vector<std::string> chain = org_.Chain(programme_.units, unit);
    std::vector<std::size_t> applying;
    const std::vector<Closure>& closures = calendar_.closures();
    for (std::size_t c = 0; c < closures.size(); ++c) {
      if (!closures[c].unit.empty() &&
          std::find(chain.begin(), chain.end(), closures[c].unit) != chain.end()) {
        applying.push_back(c);
      }
    }
    auto it = std::find(signatures_.begin(), signatures_.end(), applying);
    if (it == signatures_.end()) {
      signatures_.push_back(std::move(applying));
      calendars_.push_back(calendar_.ForUnits(chain));
      it = std::prev(signatures_.end());
    }
    group_[unit] = static_cast<int>(it - signatures_.begin());
  }
  return calendars_[static_cast<std::size_t>(group_[unit])];
}

int UnitCalendars::Group(std::uint32_t unit) {
  For(unit);
  return group_[unit];
}

}  // namespace detail

int ProgrammeEntry::ExpectedPeople() const {
  if (!people.empty()) return static_cast<int>(people.size());
  int sum = 0;
  for (const ExpectedRole& r : roles) sum += r.people;
  return sum;
}

const OrgUnit* Programme::FindUnit(std::string_view unit_id) const {
  const auto it =
      std::find_if(units.begin(), units.end(), [&](const OrgUnit& u) { return u.id == unit_id; });
  return it == units.end() ? nullptr : &*it;
}

absl::Status ValidateProgramme(const Programme& programme) {
  absl::StatusOr<detail::Organisation> org = detail::Organisation::Build(programme.units);
  if (!org.ok()) return org.status();
  std::map<std::string_view, std::size_t> entry_ids;
  for (std::size_t i = 0; i < programme.entries.size(); ++i) {
    const ProgrammeEntry& e = programme.entries[i];
    if (e.id.empty()) {
      return absl::InvalidArgumentError(absl::StrCat("entries[", i, "]: the id is empty"));
    }
    if (auto [it, inserted] = entry_ids.emplace(e.id, i); !inserted) {
      return absl::InvalidArgumentError(
          absl::StrCat(EntryPlace(i, e), "the id is already used by entries[", it->second, "]"));
    }
    if (e.units.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(EntryPlace(i, e), "names no units"));
    }
    for (const std::string& unit : e.units) {
      if (!org->index.contains(unit)) {
        return absl::InvalidArgumentError(
            absl::StrCat(EntryPlace(i, e), "unit \"", unit, "\" is not a unit of the programme"));
      }
    }
    for (const ExpectedRole& r : e.roles) {
      if (r.people < 0) {
        return absl::InvalidArgumentError(absl::StrCat(EntryPlace(i, e), "role \"", r.role,
                                                       "\": ", r.people,
                                                       " people expected; must be 0 or more"));
      }
    }
    if (absl::Status s = ValidateRecurrence(e.recurrence); !s.ok()) {
      return Prefixed(s, EntryPlace(i, e));
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateProgramme(const Programme& programme, const Catalog& catalog) {
  if (absl::Status s = ValidateProgramme(programme); !s.ok()) return s;
  for (std::size_t i = 0; i < programme.entries.size(); ++i) {
    const ProgrammeEntry& e = programme.entries[i];
    absl::StatusOr<const Format*> format = FindFormat(e, catalog);
    if (!format.ok()) return Prefixed(format.status(), EntryPlace(i, e));
    if (absl::StatusOr<absl::Duration> d = EntryDuration(e, &catalog); !d.ok()) {
      return Prefixed(d.status(), EntryPlace(i, e));
    }
  }
  return absl::OkStatus();
}

std::vector<Diagnostic> CheckProgramme(const Programme& programme) {
  std::vector<Diagnostic> found;
  for (std::size_t i = 0; i < programme.entries.size(); ++i) {
    for (Diagnostic& d : CheckRecurrence(programme.entries[i].recurrence)) {
      d.path = absl::StrCat("entries[", i, "].recurrence.", d.path);
      found.push_back(std::move(d));
    }
  }
  return found;
}

absl::StatusOr<absl::Duration> EntryDuration(const ProgrammeEntry& entry, const Catalog* catalog) {
  if (entry.recurrence.duration != absl::ZeroDuration()) return entry.recurrence.duration;
  if (catalog == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("the duration is not given (0) and no catalog is at hand to take format \"",
                     entry.format.id, "\"'s planned duration from; give a duration"));
  }
  absl::StatusOr<const Format*> format = FindFormat(entry, *catalog);
  if (!format.ok()) return format.status();
  const std::optional<TimeBudget>& planned = (*format)->duration;
  if (!planned.has_value() || planned->kind == TimeBudget::Kind::kOpen) {
    return absl::InvalidArgumentError(
        absl::StrCat("the duration is not given (0) and format \"", entry.format.id,
                     "\" has no fixed planned duration; give a duration"));
  }
  const double minutes = planned->Evaluate(std::max(1, entry.ExpectedPeople())).max;
  if (!(minutes > 0)) {
    return absl::InvalidArgumentError(
        absl::StrCat("the duration is not given (0) and format \"", entry.format.id,
                     "\"'s planned duration is 0 minutes; give a duration"));
  }
  return absl::Seconds(static_cast<std::int64_t>(minutes * 60 + 0.5));
}

absl::StatusOr<ProgrammeEntry> EntryFromComponent(const Component& component,
                                                  absl::CivilMinute start, absl::Duration duration,
                                                  std::vector<std::string> units) {
  ProgrammeEntry entry;
  entry.id = component.format.id;
  entry.format = component.format;
  entry.units = std::move(units);
  entry.recurrence.start = start;
  entry.recurrence.duration = duration;
  if (component.cadence) {
    absl::StatusOr<RRule> rule = RRuleFromCadence(*component.cadence);
    if (!rule.ok()) return rule.status();
    entry.recurrence.rule = *std::move(rule);
  }
  return entry;
}

absl::StatusOr<Schedule> Expand(const Programme& given, const TimeWindow& window,
                                const WorkCalendar& calendar, const Catalog* catalog) {
  if (absl::Status s =
          catalog != nullptr ? ValidateProgramme(given, *catalog) : ValidateProgramme(given);
      !s.ok()) {
    return s;
  }
  // Entries without a duration are held for their format's: a copy of the
  // programme with the durations filled in, made only when one is missing.
  std::optional<Programme> filled;
  for (std::size_t i = 0; i < given.entries.size(); ++i) {
    const ProgrammeEntry& e = given.entries[i];
    if (e.recurrence.duration != absl::ZeroDuration()) continue;
    absl::StatusOr<absl::Duration> d = EntryDuration(e, catalog);
    if (!d.ok()) return Prefixed(d.status(), EntryPlace(i, e));
    if (!filled) filled = given;
    filled->entries[i].recurrence.duration = *d;
  }
  const Programme& programme = filled ? *filled : given;
  absl::StatusOr<detail::Organisation> org = detail::Organisation::Build(programme.units);
  if (!org.ok()) return org.status();
  detail::UnitCalendars calendars(programme, *org, calendar);

  Schedule schedule;
  schedule.programme_id = programme.id;
  schedule.programme_title = programme.title;
  schedule.units = programme.units;
  schedule.entries.reserve(programme.entries.size());

  // Each series is expanded once per calendar group and copied to its units.
  struct Series {
    std::uint32_t entry;
    std::vector<std::uint32_t> units;
    std::vector<Occurrence> occurrences;
    std::vector<SkippedOccurrence> skipped;  // unit 0: set per unit when emitted
  };
  std::vector<Series> all;
  std::size_t total = 0;
  for (std::size_t ei = 0; ei < programme.entries.size(); ++ei) {
    const ProgrammeEntry& e = programme.entries[ei];
    ScheduledEntry se;
    se.id = e.id;
    se.format_id = e.format.id;
    se.format_version = e.format.version;
    se.hosting = e.hosting;
    se.units = org->Leaves(e.units);
    se.host = org->index.find(e.units.front())->second;
    se.people = e.people;
    se.occupies_day = e.occupies_day;
    se.flexible = e.flexible;
    se.title = e.title;
    se.zone = e.recurrence.zone;

    const detail::SeriesOptions base{nullptr, e.on_closed_day.value_or(programme.on_closed_day),
                                     e.count_held_sessions};
    // The units to expand for, grouped by the calendar they see.
    std::vector<std::uint32_t> holders =
        e.hosting == Hosting::kJoint ? std::vector<std::uint32_t>{se.host} : se.units;
    std::map<int, std::vector<std::uint32_t>> groups;
    for (std::uint32_t u : holders) groups[calendars.Group(u)].push_back(u);
    std::multimap<std::uint64_t, std::size_t> seen;  // fingerprint → index in `all`
    for (auto& [group, units] : groups) {
      detail::SeriesOptions options = base;
      options.calendar = &calendars.For(units.front());
      absl::StatusOr<CalendarExpansion> series =
          detail::ExpandSeries(e.recurrence, window, options);
      if (!series.ok()) return Prefixed(series.status(), EntryPlace(ei, e));
      total += series->occurrences.size() * units.size();
      std::vector<SkippedOccurrence> skipped;
      skipped.reserve(series->skipped.size());
      for (const absl::CivilMinute& m : series->skipped) {
        SkippedOccurrence k;
        k.entry = static_cast<std::uint32_t>(ei);
        k.original = m;
        k.start = detail::LocalToTime(m, e.recurrence.zone);
        SkipReasonOn(*options.calendar, absl::CivilDay(m), k);
        skipped.push_back(std::move(k));
      }
      // A unit's own closures often do not touch the series: then its units
      // join the series they would have been in anyway.
      const std::uint64_t print = Fingerprint(series->occurrences);
      auto [first, end] = seen.equal_range(print);
      const auto same = std::find_if(first, end, [&](const auto& candidate) {
        return all[candidate.second].occurrences == series->occurrences &&
               all[candidate.second].skipped == skipped;
      });
      if (same != end) {
        Series& into = all[same->second];
        into.units.insert(into.units.end(), units.begin(), units.end());
        std::sort(into.units.begin(), into.units.end());
      } else {
        seen.emplace(print, all.size());
        all.push_back({static_cast<std::uint32_t>(ei), std::move(units),
                       std::move(series->occurrences), std::move(skipped)});
      }
    }
    schedule.entries.push_back(std::move(se));
  }

  // Emit in order of start, then unit, then entry. Only the series' own
  // occurrences (not × units) are sorted; a start shared by several series is
  // ordered by a small sort of (unit, entry) keys.
  // Emit in order of start, then unit, then entry. Only the series' own
  // occurrences (not × units) are sorted, by a compact key; a start shared by
  // several series of which one is held by several units is put in order by a
  // small sort of (unit, entry) keys.
  struct Slot {
    std::int64_t seconds;  // since the earliest start
    std::uint32_t unit;    // the series' first unit
    std::uint32_t entry;
    std::uint32_t series;
    std::uint32_t index;
    std::uint32_t unit_count;  // how many units hold the series
  };
  absl::Time t0 = absl::InfiniteFuture();
  std::size_t slot_count = 0;
  for (const Series& s : all) {
    if (!s.occurrences.empty()) t0 = std::min(t0, s.occurrences.front().start);
    slot_count += s.occurrences.size();
  }
  std::vector<Slot> slots;
  slots.reserve(slot_count);
  for (std::uint32_t si = 0; si < all.size(); ++si) {
    const Series& s = all[si];
    for (std::uint32_t oi = 0; oi < s.occurrences.size(); ++oi) {
      slots.push_back({absl::ToInt64Seconds(s.occurrences[oi].start - t0), s.units.front(), s.entry,
                       si, oi, static_cast<std::uint32_t>(s.units.size())});
    }
  }
  std::sort(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) {
    if (a.seconds != b.seconds) return a.seconds < b.seconds;
    if (a.unit != b.unit) return a.unit < b.unit;
    if (a.entry != b.entry) return a.entry < b.entry;
    return a.series != b.series ? a.series < b.series : a.index < b.index;
  });
  std::vector<int> people(programme.entries.size());
  for (std::size_t ei = 0; ei < people.size(); ++ei) {
    people[ei] = programme.entries[ei].ExpectedPeople();
  }
  const auto emit = [&](const Slot& slot, std::uint32_t unit) {
    const Occurrence& o = all[slot.series].occurrences[slot.index];
    schedule.occurrences.push_back({slot.entry, unit, o.start, o.end, o.local_start, o.local_end,
                                    o.original, people[slot.entry]});
  };
  // A cursor into the units of one slot, for merging the slots of one start.
  struct Cursor {
    std::uint64_t key;  // unit, then entry
    std::uint32_t slot;
    std::uint32_t position;
  };
  const auto later = [](const Cursor& a, const Cursor& b) {
    return a.key != b.key ? a.key > b.key : a.slot > b.slot;
  };
  const auto key = [](std::uint32_t unit, std::uint32_t entry) {
    return (std::uint64_t{unit} << 32) | entry;
  };
  std::vector<Cursor> heap;
  schedule.occurrences.reserve(total);
  for (std::size_t g0 = 0; g0 < slots.size();) {
    std::size_t g1 = g0 + 1;
    bool single_units = slots[g0].unit_count == 1;
    while (g1 < slots.size() && slots[g1].seconds == slots[g0].seconds) {
      single_units = single_units && slots[g1].unit_count == 1;
      ++g1;
    }
    if (single_units) {
      // The slots are in order of (unit, entry) already.
      for (std::size_t k = g0; k < g1; ++k) emit(slots[k], slots[k].unit);
    } else if (g1 - g0 == 1) {
      for (std::uint32_t u : all[slots[g0].series].units) emit(slots[g0], u);
    } else {
      // Merge the slots' unit lists (each ascending) by (unit, entry).
      heap.clear();
      for (std::size_t k = g0; k < g1; ++k) {
        heap.push_back({key(slots[k].unit, slots[k].entry), static_cast<std::uint32_t>(k), 0});
      }
      std::make_heap(heap.begin(), heap.end(), later);
      while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), later);
        Cursor& c = heap.back();
        const std::vector<std::uint32_t>& units = all[slots[c.slot].series].units;
        emit(slots[c.slot], units[c.position]);
        if (++c.position < units.size()) {
          c.key = key(units[c.position], slots[c.slot].entry);
          std::push_heap(heap.begin(), heap.end(), later);
        } else {
          heap.pop_back();
        }
      }
    }
    g0 = g1;
  }
  for (const Series& s : all) {
    for (const SkippedOccurrence& k : s.skipped) {
      for (std::uint32_t u : s.units) {
        schedule.skipped.push_back(k);
        schedule.skipped.back().unit = u;
      }
    }
  }
  std::sort(schedule.skipped.begin(), schedule.skipped.end(),
            [](const SkippedOccurrence& a, const SkippedOccurrence& b) {
              if (a.start != b.start) return a.start < b.start;
              return a.unit != b.unit ? a.unit < b.unit : a.entry < b.entry;
            });
  return schedule;
}

std::vector<Conflict> FindConflicts(const Schedule& schedule) {
  const std::vector<ScheduledOccurrence>& occ = schedule.occurrences;
  std::vector<std::vector<std::size_t>> per_unit(schedule.units.size());
  for (std::size_t i = 0; i < occ.size(); ++i) {
    const ScheduledEntry& e = schedule.entries[occ[i].entry];
    if (e.flexible) continue;
    if (e.hosting == Hosting::kEachUnit) {
      per_unit[occ[i].unit].push_back(i);
    } else {
      for (std::uint32_t u : e.units) per_unit[u].push_back(i);
    }
  }
  const auto occupies = [&](std::size_t i) { return schedule.entries[occ[i].entry].occupies_day; };

  std::vector<Conflict> out;
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::vector<std::size_t> active;
  for (std::size_t u = 0; u < per_unit.size(); ++u) {
    const std::vector<std::size_t>& list = per_unit[u];
    pairs.clear();
    active.clear();
    // Overlaps: a sweep over the unit's occurrences in order of start.
    for (std::size_t j : list) {
      std::erase_if(active, [&](std::size_t a) { return occ[a].end <= occ[j].start; });
      for (std::size_t a : active) pairs.emplace_back(a, j);
      active.push_back(j);
    }
    // Whole-day occurrences: anything else on the same local day.
    for (std::size_t p = 0; p < list.size(); ++p) {
      if (!occupies(list[p])) continue;
      const ScheduledOccurrence& s = occ[list[p]];
      for (std::size_t q = p; q-- > 0;) {
        if (occ[list[q]].start < s.start - absl::Hours(24 * 7)) break;
        if (ShareADay(occ[list[q]], s)) pairs.emplace_back(list[q], list[p]);
      }
      for (std::size_t q = p + 1; q < list.size(); ++q) {
        if (occ[list[q]].start > s.end + absl::Hours(48)) break;
        if (ShareADay(occ[list[q]], s)) pairs.emplace_back(list[p], list[q]);
      }
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    for (const auto& [a, b] : pairs) {
      const bool seminar = (occupies(a) || occupies(b)) && ShareADay(occ[a], occ[b]);
      out.push_back({seminar ? ConflictKind::kSeminarDay : ConflictKind::kDoubleBooked,
                     schedule.units[u].id, a, b});
    }
  }
  return out;
}

std::vector<UnitMonthLoad> PlannedHoursPerUnit(const Schedule& schedule) {
  if (schedule.occurrences.empty()) return {};
  // A dense table of units × months: occurrences are sorted by start, so the
  // first and last give the span of months.
  const absl::CivilMonth first(schedule.occurrences.front().local_start);
  absl::CivilMonth last = first;
  for (const ScheduledOccurrence& o : schedule.occurrences) {
    last = std::max(last, absl::CivilMonth(o.local_start));
  }
  const std::size_t months = static_cast<std::size_t>(last - first) + 1;
  struct Cell {
    int sessions = 0;
    double hours = 0;
    double person_hours = 0;
  };
  std::map<std::pair<std::uint32_t, std::size_t>, Cell> sparse;  // when a table is too big
  std::vector<Cell> dense;
  const bool use_dense = months <= (std::size_t{1} << 24) / (schedule.units.size() + 1);
  if (use_dense) dense.resize(schedule.units.size() * months);
  const auto add = [&](std::uint32_t unit, std::size_t month, double hours, double person_hours) {
    Cell& c = use_dense ? dense[unit * months + month] : sparse[{unit, month}];
    ++c.sessions;
    c.hours += hours;
    c.person_hours += person_hours;
  };
  for (const ScheduledOccurrence& o : schedule.occurrences) {
    const ScheduledEntry& e = schedule.entries[o.entry];
    const std::size_t month = static_cast<std::size_t>(absl::CivilMonth(o.local_start) - first);
    const double hours = absl::ToDoubleHours(o.end - o.start);
    if (e.hosting == Hosting::kEachUnit) {
      add(o.unit, month, hours, hours * o.expected_people);
    } else {
      for (std::uint32_t u : e.units) add(u, month, hours, 0);
    }
  }
  std::vector<UnitMonthLoad> out;
  const auto put = [&](std::uint32_t unit, std::size_t month, const Cell& c) {
    out.push_back({schedule.units[unit].id, first + static_cast<absl::civil_diff_t>(month),
                   c.sessions, c.hours, c.person_hours});
  };
  if (use_dense) {
    for (std::uint32_t u = 0; u < schedule.units.size(); ++u) {
      for (std::size_t m = 0; m < months; ++m) {
        if (dense[u * months + m].sessions > 0) put(u, m, dense[u * months + m]);
      }
    }
  } else {
    for (const auto& [key, c] : sparse) put(key.first, key.second, c);
  }
  return out;
}

std::vector<PersonMonthLoad> PlannedHoursPerPerson(const Schedule& schedule) {
  std::map<std::pair<std::string, absl::CivilMonth>, PersonMonthLoad> load;
  std::set<std::pair<std::uint32_t, absl::Time>> counted;
  for (const ScheduledOccurrence& o : schedule.occurrences) {
    const ScheduledEntry& e = schedule.entries[o.entry];
    if (e.people.empty() || !counted.emplace(o.entry, o.start).second) continue;
    const absl::CivilMonth month(o.local_start);
    for (const std::string& person : e.people) {
      PersonMonthLoad& l = load[{person, month}];
      l.person = person;
      l.month = month;
      ++l.sessions;
      l.hours += absl::ToDoubleHours(o.end - o.start);
    }
  }
  std::vector<PersonMonthLoad> out;
  out.reserve(load.size());
  for (auto& [key, l] : load) out.push_back(std::move(l));
  return out;
}

}  // namespace carelearn
