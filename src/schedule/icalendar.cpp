// iCalendar export; see carelearn/schedule/icalendar.hpp.
#include "carelearn/schedule/icalendar.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "detail/absl_compat.hpp"
#include "schedule/programme_detail.hpp"
#include "schedule/recurrence_engine.hpp"

namespace carelearn {
namespace {

using detail::Sv;

constexpr std::string_view kProductId = "-//carelearn//NONSGML carelearn//EN";

std::string Basic(absl::CivilSecond cs) {
  return absl::StrFormat("%04d%02d%02dT%02d%02d%02d", cs.year(), cs.month(), cs.day(), cs.hour(),
                         cs.minute(), cs.second());
}

std::string Utc(absl::Time t) { return Basic(absl::ToCivilSecond(t, absl::UTCTimeZone())) + "Z"; }

std::string Offset(int seconds) {
  const char sign = seconds < 0 ? '-' : '+';
  const int s = std::abs(seconds);
  std::string out = absl::StrFormat("%c%02d%02d", sign, s / 3600, s / 60 % 60);
  if (s % 60 != 0) absl::StrAppend(&out, absl::StrFormat("%02d", s % 60));
  return out;
}

// An RFC 5545 DURATION of exact time: PT2H30M, PT0S.
std::string IcsDuration(absl::Duration d) {
  std::int64_t seconds = absl::ToInt64Seconds(d);
  if (seconds <= 0) return "PT0S";
  std::string out = "PT";
  if (seconds >= 3600) absl::StrAppend(&out, seconds / 3600, "H");
  if (seconds % 3600 >= 60) absl::StrAppend(&out, seconds % 3600 / 60, "M");
  if (seconds % 60 != 0) absl::StrAppend(&out, seconds % 60, "S");
  return out;
}

bool IsUtc(const absl::TimeZone& zone) { return zone.name() == "UTC"; }

// The zones used, with the years their local times cover.
class Zones {
 public:
  void Note(const absl::TimeZone& zone, absl::civil_year_t year) {
    if (IsUtc(zone)) return;
    auto [it, inserted] = zones_.try_emplace(zone.name(), Span{zone, year, year});
    if (!inserted) {
      it->second.first = std::min(it->second.first, year);
      it->second.last = std::max(it->second.last, year);
    }
  }
  std::string Components() const {
    std::string out;
    for (const auto& [name, span] : zones_) {
      // A year before, so that the observance in force at the first event is defined.
      out += VTimeZone(span.zone, span.first - 1, span.last);
    }
    return out;
  }

 private:
  struct Span {
    absl::TimeZone zone;
    absl::civil_year_t first;
    absl::civil_year_t last;
  };
  std::map<std::string, Span> zones_;
};

class Writer {
 public:
  explicit Writer(Zones& zones) : zones_(zones) {}

  void Line(std::string_view line) { out_ += FoldIcsLine(line); }
  void Line(std::string_view name, std::string_view value) {
    out_ += FoldIcsLine(absl::StrCat(Sv(name), ":", Sv(value)));
  }
  // NAME;TZID=zone:local, or NAME:utcZ for UTC.
  void Local(std::string_view name, absl::CivilMinute local, const absl::TimeZone& zone) {
    zones_.Note(zone, local.year());
    if (IsUtc(zone)) {
      Line(name, Basic(absl::CivilSecond(local)) + "Z");
    } else {
      Line(absl::StrCat(Sv(name), ";TZID=", zone.name(), ":", Basic(absl::CivilSecond(local))));
    }
  }
  // NAME;TZID=zone:local when `local` reads back as the instant `t` (a time
  // that happens twice is read as the first, RFC 5545 3.3.5), else NAME:utcZ:
  // the end of an occurrence in the repeated hour when summer time ends.
  void Instant(std::string_view name, absl::CivilMinute local, absl::Time t,
               const absl::TimeZone& zone) {
    if (zone.At(absl::CivilSecond(local)).pre == t) {
      Local(name, local, zone);
    } else {
      zones_.Note(zone, local.year());
      Line(name, Utc(t));
    }
  }
  std::string& out() { return out_; }

 private:
  Zones& zones_;
  std::string out_;
};

// What the events of one entry for one unit say about themselves.
struct EventText {
  std::string summary;
  std::string description;
  std::string uid;
  std::string_view programme;
  std::string_view entry;
  std::string_view format;
  std::string_view unit;
  bool flexible = false;
};

void WriteCommon(Writer& w, const EventText& text, const std::string& stamp) {
  w.Line("UID", text.uid);
  w.Line("DTSTAMP", stamp);
}

void WriteDescriptive(Writer& w, const EventText& text) {
  w.Line("SUMMARY", EscapeIcsText(text.summary));
  if (!text.description.empty()) w.Line("DESCRIPTION", EscapeIcsText(text.description));
  if (text.flexible) w.Line("TRANSP", "TRANSPARENT");
  w.Line("X-CARELEARN-PROGRAMME", EscapeIcsText(text.programme));
  w.Line("X-CARELEARN-ENTRY", EscapeIcsText(text.entry));
  w.Line("X-CARELEARN-FORMAT", EscapeIcsText(text.format));
  w.Line("X-CARELEARN-UNIT", EscapeIcsText(text.unit));
}

EventText Describe(std::string_view programme_id, std::string_view entry_id,
                   const FormatRef& format_ref, const Text& entry_title, const OrgUnit& unit,
                   bool flexible, const IcsOptions& options) {
  EventText text;
  const Format* format = options.catalog != nullptr ? options.catalog->Find(format_ref) : nullptr;
  std::string_view title = entry_title.Get(options.lang);
  if (title.empty() && format != nullptr) title = format->title.Get(options.lang);
  if (title.empty()) title = format_ref.id;
  std::string_view unit_name = unit.name.Get(options.lang);
  if (unit_name.empty()) unit_name = unit.id;
  text.summary = absl::StrCat(Sv(title), " – ", Sv(unit_name));
  if (format != nullptr) text.description = std::string(format->purpose.Get(options.lang));
  text.uid = IcsUid(programme_id, entry_id, unit.id);
  text.programme = programme_id;
  text.entry = entry_id;
  text.format = format_ref.id;
  text.unit = unit.id;
  text.flexible = flexible;
  return text;
}

EventText Describe(const Programme& programme, const ProgrammeEntry& entry, const OrgUnit& unit,
                   const IcsOptions& options) {
  return Describe(programme.id, entry.id, entry.format, entry.title, unit, entry.flexible, options);
}

// The document around `events`.
std::string Document(const Text& title, const Zones& zones, const std::string& events,
                     const IcsOptions& options) {
  Zones unused;
  Writer doc(unused);
  doc.Line("BEGIN:VCALENDAR");
  doc.Line("VERSION:2.0");
  doc.Line("PRODID", kProductId);
  doc.Line("CALSCALE:GREGORIAN");
  doc.Line("METHOD:PUBLISH");
  if (!title.empty()) doc.Line("X-WR-CALNAME", EscapeIcsText(title.Get(options.lang)));
  doc.out() += zones.Components();
  doc.out() += events;
  doc.Line("END:VCALENDAR");
  return std::move(doc.out());
}

// The rule as an RFC 5545 reader needs it with a DTSTART that has a TZID:
// UNTIL in UTC, COUNT for the held sessions, an UNTIL at the window's end
// for a rule that goes on for ever.
RRule ExportedRule(const Recurrence& r, const CalendarExpansion& expansion,
                   const TimeWindow& window) {
  RRule rule = *r.rule;
  if (expansion.rule_count) rule.count = expansion.rule_count;
  if (rule.until) {
    absl::Time until;
    switch (rule.until->kind) {
      case RRuleUntil::Kind::kDate: {
        const absl::CivilDay day(rule.until->value);
        until = r.zone.At(absl::CivilSecond(day.year(), day.month(), day.day(), 23, 59, 59)).pre;
        break;
      }
      case RRuleUntil::Kind::kLocal:
        until = r.zone.At(rule.until->value).pre;
        break;
      case RRuleUntil::Kind::kUtc:
        until = absl::FromCivil(rule.until->value, absl::UTCTimeZone());
        break;
    }
    rule.until =
        RRuleUntil{RRuleUntil::Kind::kUtc, absl::ToCivilSecond(until, absl::UTCTimeZone())};
  } else if (!rule.count) {
    rule.until = RRuleUntil{RRuleUntil::Kind::kUtc,
                            absl::ToCivilSecond(window.to - absl::Seconds(1), absl::UTCTimeZone())};
  }
  return rule;
}

void WriteSeries(Writer& w, const Recurrence& r, const CalendarExpansion& expansion,
                 const TimeWindow& exported, const TimeWindow& window, const EventText& text,
                 const std::string& stamp) {
  w.Line("BEGIN:VEVENT");
  WriteCommon(w, text, stamp);
  w.Local("DTSTART", r.start, r.zone);
  w.Line("DURATION", IcsDuration(r.duration));
  if (r.rule) w.Line("RRULE", ToString(ExportedRule(r, expansion, window)));

  const absl::Time dtstart = detail::LocalToTime(r.start, r.zone);
  std::vector<absl::CivilMinute> rdates;
  for (const absl::CivilMinute& d : r.rdates) {
    const absl::Time t = detail::LocalToTime(d, r.zone);
    if (t != dtstart && exported.Contains(t)) rdates.push_back(d);
  }
  std::sort(rdates.begin(), rdates.end());
  rdates.erase(std::unique(rdates.begin(), rdates.end()), rdates.end());
  for (const absl::CivilMinute& d : rdates) w.Local("RDATE", d, r.zone);

  // An occurrence gets a replacement VEVENT (RECURRENCE-ID) when it is not
  // where and as long as the series puts it: moved by the user (even when
  // only its duration changes, RFC 5545 3.8.4.4) or to the next working day.
  // One whose local start differs only because its time does not exist (in
  // the gap when summer time begins) is at the series' instant: no event.
  std::set<absl::CivilMinute> user_moved;
  for (const MovedOccurrence& m : r.moves) user_moved.insert(m.original);
  const auto replaced = [&](const Occurrence& o) {
    return user_moved.contains(o.original) || o.start != detail::LocalToTime(o.original, r.zone) ||
           o.end - o.start != r.duration;
  };
  std::set<absl::CivilMinute> overridden;
  for (const Occurrence& o : expansion.occurrences) {
    if (replaced(o)) overridden.insert(o.original);
  }
  std::vector<absl::CivilMinute> exdates = r.exdates;
  exdates.insert(exdates.end(), expansion.skipped.begin(), expansion.skipped.end());
  for (const MovedOccurrence& m : r.moves) {
    if (!overridden.contains(m.original)) exdates.push_back(m.original);  // moved out of reach
  }
  std::sort(exdates.begin(), exdates.end());
  exdates.erase(std::unique(exdates.begin(), exdates.end()), exdates.end());
  for (const absl::CivilMinute& d : exdates) w.Local("EXDATE", d, r.zone);
  WriteDescriptive(w, text);
  w.Line("END:VEVENT");

  for (const Occurrence& o : expansion.occurrences) {
    if (!replaced(o)) continue;
    w.Line("BEGIN:VEVENT");
    WriteCommon(w, text, stamp);
    w.Local("RECURRENCE-ID", o.original, r.zone);
    w.Local("DTSTART", o.local_start, r.zone);
    w.Line("DURATION", IcsDuration(o.end - o.start));
    WriteDescriptive(w, text);
    w.Line("END:VEVENT");
  }
}

struct Change {
  absl::CivilSecond from;
  int before = 0;
  int after = 0;
  bool dst = false;
  std::string abbr;
};

// What makes a change recur yearly: month, weekday and its place, clock time, offsets.
struct ChangeKey {
  int month = 0;
  int weekday = 0;
  int ordinal = 0;
  int seconds_of_day = 0;
  int before = 0;
  int after = 0;
  bool dst = false;
  std::string abbr;
  friend bool operator==(const ChangeKey&, const ChangeKey&) = default;
};

ChangeKey KeyOf(const Change& c) {
  const absl::CivilDay day(c.from);
  const absl::CivilMonth month(c.from);
  const int dim = static_cast<int>(absl::CivilDay(month + 1) - absl::CivilDay(month));
  ChangeKey k;
  k.month = c.from.month();
  k.weekday = static_cast<int>(absl::GetWeekday(day));
  k.ordinal = c.from.day() + 7 > dim ? -1 : (c.from.day() - 1) / 7 + 1;
  k.seconds_of_day = c.from.hour() * 3600 + c.from.minute() * 60 + c.from.second();
  k.before = c.before;
  k.after = c.after;
  k.dst = c.dst;
  k.abbr = c.abbr;
  return k;
}

void WriteObservance(std::string& out, const Change& c, std::string_view rrule) {
  const std::string_view kind = c.dst ? "DAYLIGHT" : "STANDARD";
  out += FoldIcsLine(absl::StrCat("BEGIN:", Sv(kind)));
  out += FoldIcsLine(absl::StrCat("TZOFFSETFROM:", Offset(c.before)));
  out += FoldIcsLine(absl::StrCat("TZOFFSETTO:", Offset(c.after)));
  if (!c.abbr.empty()) out += FoldIcsLine(absl::StrCat("TZNAME:", EscapeIcsText(c.abbr)));
  out += FoldIcsLine(absl::StrCat("DTSTART:", Basic(c.from)));
  if (!rrule.empty()) out += FoldIcsLine(absl::StrCat("RRULE:", Sv(rrule)));
  out += FoldIcsLine(absl::StrCat("END:", Sv(kind)));
}

}  // namespace

std::string EscapeIcsText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') break;  // CRLF: the LF writes it
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f) break;
        out += c;
    }
  }
  return out;
}

std::string FoldIcsLine(std::string_view line) {
  std::string out;
  out.reserve(line.size() + line.size() / 74 * 3 + 2);
  std::size_t pos = 0;
  std::size_t limit = 75;  // the first line; continuation lines spend one octet on the space
  while (line.size() - pos > limit) {
    std::size_t cut = pos + limit;
    // Never split a UTF-8 character: back up to the start of the one at the cut.
    while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    if (cut == pos) cut = pos + limit;  // not UTF-8; split anyway
    out.append(line.substr(pos, cut - pos));
    out += "\r\n ";
    pos = cut;
    limit = 74;
  }
  out.append(line.substr(pos));
  out += "\r\n";
  return out;
}

std::string VTimeZone(const absl::TimeZone& zone, absl::civil_year_t first,
                      absl::civil_year_t last) {
  std::vector<Change> changes;
  absl::Time t = zone.At(absl::CivilSecond(first, 1, 1, 0, 0, 0)).pre - absl::Seconds(1);
  absl::TimeZone::CivilTransition tr;
  while (zone.NextTransition(t, &tr) && tr.from.year() <= last) {
    const absl::Time at = zone.At(tr.to).trans;
    if (at <= t) break;  // no progress: stop rather than loop
    const absl::TimeZone::CivilInfo after = zone.At(at);
    changes.push_back({tr.from, zone.At(at - absl::Seconds(1)).offset, after.offset, after.is_dst,
                       after.zone_abbr});
    t = at;
  }

  std::string out = FoldIcsLine("BEGIN:VTIMEZONE");
  out += FoldIcsLine(absl::StrCat("TZID:", zone.name()));
  if (changes.empty()) {
    const absl::TimeZone::CivilInfo info =
        zone.At(zone.At(absl::CivilSecond(first, 1, 1, 0, 0, 0)).pre);
    Change only{absl::CivilSecond(1970, 1, 1, 0, 0, 0), info.offset, info.offset, false,
                info.zone_abbr};
    WriteObservance(out, only, "");
  } else {
    // A yearly rule when every year of the span has the same changes.
    std::map<absl::civil_year_t, std::vector<ChangeKey>> by_year;
    for (const Change& c : changes) by_year[c.from.year()].push_back(KeyOf(c));
    bool yearly = static_cast<absl::civil_year_t>(by_year.size()) == last - first + 1;
    for (const auto& [year, keys] : by_year) {
      yearly = yearly && keys == by_year.begin()->second;
    }
    if (yearly) {
      const std::vector<ChangeKey>& keys = by_year.begin()->second;
      for (std::size_t i = 0; i < keys.size(); ++i) {
        const std::string ordinal = absl::StrCat(keys[i].ordinal);
        const std::string rrule =
            absl::StrCat("FREQ=YEARLY;BYMONTH=", keys[i].month, ";BYDAY=", ordinal,
                         Sv(WeekdayCode(static_cast<absl::Weekday>(keys[i].weekday))));
        WriteObservance(out, changes[i], rrule);
      }
    } else {
      for (const Change& c : changes) WriteObservance(out, c, "");
    }
  }
  out += FoldIcsLine("END:VTIMEZONE");
  return out;
}

std::string IcsUid(std::string_view programme, std::string_view entry, std::string_view unit,
                   std::optional<absl::CivilMinute> occurrence) {
  std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a 64 offset basis
  const auto mix = [&](std::string_view part) {
    for (char c : part) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ULL;  // FNV-1a 64 prime
    }
    hash ^= 0x1f;  // a separator, so ("ab", "c") and ("a", "bc") differ
    hash *= 1099511628211ULL;
  };
  mix(programme);
  mix(entry);
  mix(unit);
  if (occurrence) mix(Basic(absl::CivilSecond(*occurrence)));
  return absl::StrFormat("%016x@carelearn", hash);
}

absl::StatusOr<std::string> ExportICalendar(const Schedule& schedule, const IcsOptions& options) {
  const std::string stamp = Utc(options.stamp.value_or(absl::Now()));
  Zones zones;
  Writer events(zones);
  for (std::size_t i = 0; i < schedule.occurrences.size(); ++i) {
    const ScheduledOccurrence& o = schedule.occurrences[i];
    if (o.entry >= schedule.entries.size() || o.unit >= schedule.units.size()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "occurrences[", i, "]: entry ", o.entry, " or unit ", o.unit, " is not in the schedule (",
          schedule.entries.size(), " entries, ", schedule.units.size(), " units)"));
    }
    const ScheduledEntry& entry = schedule.entries[o.entry];
    const OrgUnit& unit = schedule.units[o.unit];
    const FormatRef format{entry.format_id, entry.format_version};  // outlives `text`
    EventText text = Describe(schedule.programme_id, entry.id, format, entry.title, unit,
                              entry.flexible, options);
    text.uid = IcsUid(schedule.programme_id, entry.id, unit.id, o.original);
    events.Line("BEGIN:VEVENT");
    WriteCommon(events, text, stamp);
    events.Instant("DTSTART", o.local_start, o.start, entry.zone);
    events.Instant("DTEND", o.local_end, o.end, entry.zone);
    WriteDescriptive(events, text);
    events.Line("END:VEVENT");
  }
  return Document(schedule.programme_title, zones, events.out(), options);
}

absl::StatusOr<std::string> ExportICalendar(const Programme& programme, const TimeWindow& window,
                                            const WorkCalendar& calendar,
                                            const IcsOptions& options) {
  if (options.layout == IcsLayout::kExpanded) {
    absl::StatusOr<Schedule> schedule = Expand(programme, window, calendar, options.catalog);
    if (!schedule.ok()) return schedule.status();
    return ExportICalendar(*schedule, options);
  }
  if (absl::Status s = options.catalog != nullptr ? ValidateProgramme(programme, *options.catalog)
                                                  : ValidateProgramme(programme);
      !s.ok()) {
    return s;
  }
  const std::string stamp = Utc(options.stamp.value_or(absl::Now()));
  Zones zones;
  Writer events(zones);
  absl::StatusOr<detail::Organisation> org = detail::Organisation::Build(programme.units);
  if (!org.ok()) return org.status();
  detail::UnitCalendars calendars(programme, *org, calendar);
  for (std::size_t ei = 0; ei < programme.entries.size(); ++ei) {
    const ProgrammeEntry& entry = programme.entries[ei];
    const auto entry_error = [&](const absl::Status& status) {
      return absl::Status(status.code(),
                          absl::StrCat("entries[", ei, "] \"", entry.id, "\": ", status.message()));
    };
    absl::StatusOr<absl::Duration> duration = EntryDuration(entry, options.catalog);
    if (!duration.ok()) return entry_error(duration.status());
    Recurrence r = entry.recurrence;
    r.duration = *duration;
    const std::uint32_t host = org->index.find(entry.units.front())->second;
    const std::vector<std::uint32_t> holders = entry.hosting == Hosting::kJoint
                                                   ? std::vector<std::uint32_t>{host}
                                                   : org->Leaves(entry.units);
    const bool endless = r.rule && !r.rule->count && !r.rule->until;
    const TimeWindow exported =
        endless ? TimeWindow{absl::InfinitePast(), window.to} : TimeWindow{};
    std::map<int, CalendarExpansion> by_group;
    for (std::uint32_t u : holders) {
      const int group = calendars.Group(u);
      auto it = by_group.find(group);
      if (it == by_group.end()) {
        const detail::SeriesOptions series_options{
            &calendars.For(u), entry.on_closed_day.value_or(programme.on_closed_day),
            entry.count_held_sessions};
        absl::StatusOr<CalendarExpansion> expansion =
            detail::ExpandSeries(r, exported, series_options);
        if (!expansion.ok()) return entry_error(expansion.status());
        it = by_group.emplace(group, *std::move(expansion)).first;
      }
      const CalendarExpansion& expansion = it->second;
      const bool in_window =
          std::any_of(expansion.occurrences.begin(), expansion.occurrences.end(),
                      [&](const Occurrence& o) { return window.Contains(o.start); });
      if (!in_window) continue;
      const EventText text = Describe(programme, entry, programme.units[u], options);
      WriteSeries(events, r, expansion, exported, window, text, stamp);
    }
  }
  return Document(programme.title, zones, events.out(), options);
}

}  // namespace carelearn
