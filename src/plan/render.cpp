// RenderText and RenderMarkdown: an agenda a facilitator can print.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "carelearn/plan/agenda.hpp"
#include "model/wording.hpp"
#include "plan/timing.hpp"

namespace carelearn {
namespace {

// The labels of a rendered agenda in one language.
struct Labels {
  std::string_view agenda;
  std::string_view date;
  std::string_view start;
  std::string_view participants;
  std::string_view steps;
  std::string_view total;
  std::string_view planned;
  std::string_view overrun;
  std::string_view up_to;
  std::string_view slack;
  std::string_view notes;
  std::string_view led_by;
  std::string_view until;
  std::string_view addressed_to;
  std::array<std::string_view, 3> severities;  // By Severity: info, warning, error.
};

constexpr Labels kDanish{
    .agenda = "Dagsorden",
    .date = "Dato",
    .start = "Start",
    .participants = "Deltagere",
    .steps = "Trin",
    .total = "I alt",
    .planned = "Planlagt",
    .overrun = "Overskridelse",
    .up_to = "op til",
    .slack = "Tid til overs",
    .notes = "Bemærkninger",
    .led_by = "styres af",
    .until = "til",
    .addressed_to = "Rettet til",
    .severities = {"Info", "Advarsel", "Fejl"},
};

constexpr Labels kEnglish{
    .agenda = "Agenda",
    .date = "Date",
    .start = "Start",
    .participants = "Participants",
    .steps = "Steps",
    .total = "Total",
    .planned = "Planned",
    .overrun = "Overrun",
    .up_to = "up to",
    .slack = "Slack",
    .notes = "Notes",
    .led_by = "led by",
    .until = "until",
    .addressed_to = "Addressed to",
    .severities = {"Info", "Warning", "Error"},
};

const Labels& LabelsFor(Lang lang) { return lang == Lang::kDa ? kDanish : kEnglish; }

constexpr std::array<std::string_view, 12> kMonthsDa{
    "januar", "februar", "marts",     "april",   "maj",      "juni",
    "juli",   "august",  "september", "oktober", "november", "december"};
constexpr std::array<std::string_view, 12> kMonthsEn{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// "onsdag den 4. marts 2026" / "Wednesday 4 March 2026".
std::string FormatDate(absl::CivilDay day, Lang lang) {
  const auto month = static_cast<std::size_t>(day.month() - 1);
  std::string_view weekday;
  switch (absl::GetWeekday(day)) {
    case absl::Weekday::monday:
      weekday = lang == Lang::kDa ? "mandag" : "Monday";
      break;
    case absl::Weekday::tuesday:
      weekday = lang == Lang::kDa ? "tirsdag" : "Tuesday";
      break;
    case absl::Weekday::wednesday:
      weekday = lang == Lang::kDa ? "onsdag" : "Wednesday";
      break;
    case absl::Weekday::thursday:
      weekday = lang == Lang::kDa ? "torsdag" : "Thursday";
      break;
    case absl::Weekday::friday:
      weekday = lang == Lang::kDa ? "fredag" : "Friday";
      break;
    case absl::Weekday::saturday:
      weekday = lang == Lang::kDa ? "lørdag" : "Saturday";
      break;
    case absl::Weekday::sunday:
      weekday = lang == Lang::kDa ? "søndag" : "Sunday";
      break;
  }
  if (lang == Lang::kDa) {
    return absl::StrFormat("%s den %d. %s %d", weekday, day.day(), kMonthsDa[month], day.year());
  }
  return absl::StrFormat("%s %d %s %d", weekday, day.day(), kMonthsEn[month], day.year());
}

// "14:05"; with "+1" when the time falls on a later day than `first_day`.
std::string FormatClock(absl::CivilMinute t, absl::CivilDay first_day) {
  std::string out = absl::StrFormat("%02d:%02d", t.hour(), t.minute());
  const absl::civil_diff_t days = absl::CivilDay(t) - first_day;
  if (days != 0) out += absl::StrFormat("%+d", days);
  return out;
}

// The number of characters `s` shows: its UTF-8 code points.
std::size_t DisplayWidth(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string PadRight(std::string s, std::size_t width) {
  const std::size_t shown = DisplayWidth(s);
  if (shown < width) s.append(width - shown, ' ');
  return s;
}

// The time an item takes, as a facilitator reads it.
std::string FormatDuration(const AgendaItem& item, Lang lang) {
  const TimeBudget& budget = item.budget;
  const std::string about = budget.about ? "ca. " : "";
  if (item.minutes_each) {
    return absl::StrFormat("%s%s × %d = %s", about, detail::FormatMinutes(*item.minutes_each, lang),
                           item.turns, detail::FormatMinutes(item.minutes, lang));
  }
  if (budget.kind == TimeBudget::Kind::kOpen) {
    // A share of what is left is rarely whole minutes: shown rounded, as "about".
    const MinuteRange whole{static_cast<double>(detail::RoundMinutes(item.minutes.min)),
                            static_cast<double>(detail::RoundMinutes(item.minutes.max))};
    const bool exact = std::abs(whole.min - item.minutes.min) < detail::kMinuteEpsilon &&
                       std::abs(whole.max - item.minutes.max) < detail::kMinuteEpsilon;
    return (exact ? "" : "ca. ") + detail::FormatMinutes(whole, lang);
  }
  if (budget.unit != TimeUnit::kMinute) return detail::FormatBudget(budget, lang);
  return about + detail::FormatMinutes(item.minutes, lang);
}

// The line under the steps that says how the total compares with the plan:
// "Overskridelse: 3–4 min", "Tid til overs: 2–3 min".
std::string SlackLine(MinuteRange slack, Lang lang, std::string_view bold) {
  const Labels& l = LabelsFor(lang);
  const double eps = detail::kMinuteEpsilon;
  if (slack.min >= -eps) {
    return absl::StrFormat(
        "%s%s:%s %s", bold, l.slack, bold,
        detail::FormatMinutes(MinuteRange{std::max(0.0, slack.min), std::max(0.0, slack.max)},
                              lang));
  }
  if (slack.max < -eps) {
    return absl::StrFormat("%s%s:%s %s", bold, l.overrun, bold,
                           detail::FormatMinutes(MinuteRange{-slack.max, -slack.min}, lang));
  }
  return absl::StrFormat("%s%s:%s %s %s", bold, l.overrun, bold, l.up_to,
                         detail::FormatMinutes(-slack.min, lang));
}

// "33–34 min (til 14:34)": the total and the clock time the last step ends.
std::string TotalText(const Agenda& agenda, Lang lang) {
  const absl::CivilMinute end = agenda.items.empty()
                                    ? agenda.start + detail::RoundMinutes(agenda.total.max)
                                    : agenda.items.back().end;
  return absl::StrFormat("%s (%s %s)", detail::FormatMinutes(agenda.total, lang),
                         LabelsFor(lang).until, FormatClock(end, absl::CivilDay(agenda.start)));
}

// "30 min (til 14:30)", "½–1 dag = 222–444 min (til 11:42–15:24)": the planned
// duration, as the format states it too when that is not in minutes, and when it ends.
std::string PlannedText(const Agenda& agenda, Lang lang) {
  const MinuteRange planned = agenda.planned.value_or(MinuteRange{});
  std::string out = detail::FormatMinutes(planned, lang);
  if (agenda.duration && agenda.duration->unit != TimeUnit::kMinute) {
    out = absl::StrFormat("%s = %s", detail::FormatBudget(*agenda.duration, lang), out);
  }
  const absl::CivilDay day(agenda.start);
  std::string ends = FormatClock(agenda.start + detail::RoundMinutes(planned.min), day);
  const std::string latest = FormatClock(agenda.start + detail::RoundMinutes(planned.max), day);
  if (latest != ends) ends += "–" + latest;
  return absl::StrFormat("%s (%s %s)", out, LabelsFor(lang).until, ends);
}

std::string SeverityLabel(Severity s, Lang lang) {
  const auto index = static_cast<std::size_t>(s);
  const auto& names = LabelsFor(lang).severities;
  return index < names.size() ? std::string(names[index]) : std::string(SeverityName(s));
}

std::string LeadText(const Agenda& agenda, const AgendaItem& item, Lang lang) {
  if (item.lead.empty()) return "";
  return absl::StrFormat(" (%s %s)", LabelsFor(lang).led_by,
                         detail::RoleName(item.lead, agenda.roles, lang));
}

// The audience every prompt of `item` shares, or "" when they differ or have none.
std::string_view SharedAudience(const AgendaItem& item) {
  if (item.prompts.empty()) return {};
  const std::string& first = item.prompts.front().audience;
  const bool shared = std::all_of(item.prompts.begin(), item.prompts.end(),
                                  [&](const Prompt& p) { return p.audience == first; });
  if (!shared) return {};
  return first;
}

// "Rettet til Case-person:" above the prompts when they all have that audience.
std::string AudienceHeading(const Agenda& agenda, std::string_view audience, Lang lang) {
  return absl::StrFormat("%s %s:", LabelsFor(lang).addressed_to,
                         detail::RoleName(audience, agenda.roles, lang));
}

// A prompt as listed under its step: with its audience in front unless all
// the step's prompts share it (then a heading says it once).
std::string PromptText(const Agenda& agenda, const Prompt& prompt, bool shared, Lang lang) {
  std::string text(prompt.text.Get(lang));
  if (prompt.audience.empty() || shared) return text;
  return absl::StrFormat("%s: %s", detail::RoleName(prompt.audience, agenda.roles, lang), text);
}

// ----- plain text ------------------------------------------------------------------------

class TextWriter {
 public:
  TextWriter(const Agenda& agenda, Lang lang) : agenda_(agenda), lang_(lang) {}

  std::string Render() {
    const Labels& l = LabelsFor(lang_);
    const absl::CivilDay day(agenda_.start);
    out_ += absl::StrFormat("%s: %s\n", l.agenda, agenda_.title.Get(lang_));
    out_ += absl::StrFormat("%s: %s\n", l.date, FormatDate(day, lang_));
    out_ += absl::StrFormat("%s: %s\n", l.start, FormatClock(agenda_.start, day));
    out_ += absl::StrFormat("%s: %d\n\n", l.participants, agenda_.participants);
    Measure(agenda_.items);
    Items(agenda_.items, "", 0);
    out_ += absl::StrFormat("\n%s: %s\n", l.total, TotalText(agenda_, lang_));
    if (agenda_.planned) {
      out_ += absl::StrFormat("%s: %s\n", l.planned, PlannedText(agenda_, lang_));
    }
    if (agenda_.slack) out_ += SlackLine(*agenda_.slack, lang_, "") + "\n";
    if (!agenda_.diagnostics.empty()) {
      out_ += absl::StrFormat("\n%s:\n", l.notes);
      for (const Diagnostic& d : agenda_.diagnostics) {
        out_ += absl::StrFormat("- %s [%s%s%s]: %s\n", SeverityLabel(d.severity, lang_), d.code,
                                d.path.empty() ? "" : ", ", d.path, d.message.Get(lang_));
      }
    }
    return std::move(out_);
  }

 private:
  std::string Times(const AgendaItem& item) const {
    const absl::CivilDay day(agenda_.start);
    return FormatClock(item.start, day) + "–" + FormatClock(item.end, day);
  }

  void Measure(const std::vector<AgendaItem>& items) {
    for (const AgendaItem& item : items) {
      time_width_ = std::max(time_width_, DisplayWidth(Times(item)));
      duration_width_ = std::max(duration_width_, DisplayWidth(FormatDuration(item, lang_)));
      Measure(item.children);
    }
  }

  void Items(const std::vector<AgendaItem>& items, const std::string& number, int depth) {
    const std::string indent(static_cast<std::size_t>(2 * depth), ' ');
    for (std::size_t i = 0; i < items.size(); ++i) {
      const AgendaItem& item = items[i];
      const std::string own = absl::StrFormat("%s%d.", number, i + 1);
      const std::string head =
          absl::StrFormat("%s  %s  %s%s ", PadRight(Times(item), time_width_),
                          PadRight(FormatDuration(item, lang_), duration_width_), indent, own);
      out_ +=
          absl::StrFormat("%s%s%s\n", head, item.title.Get(lang_), LeadText(agenda_, item, lang_));
      const std::string under(DisplayWidth(head), ' ');
      const std::string_view shared = SharedAudience(item);
      if (!shared.empty()) {
        out_ += absl::StrFormat("%s%s\n", under, AudienceHeading(agenda_, shared, lang_));
      }
      for (const Prompt& prompt : item.prompts) {
        out_ +=
            absl::StrFormat("%s- %s\n", under, PromptText(agenda_, prompt, !shared.empty(), lang_));
      }
      Items(item.children, own, depth + 1);
    }
  }

  const Agenda& agenda_;
  Lang lang_;
  std::string out_;
  std::size_t time_width_ = 0;
  std::size_t duration_width_ = 0;
};

// ----- Markdown --------------------------------------------------------------------------

// `s` with Markdown's inline markup characters escaped, so titles show as written.
std::string EscapeMarkdown(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    if (std::string_view("\\`*_[]<>|").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

class MarkdownWriter {
 public:
  MarkdownWriter(const Agenda& agenda, Lang lang) : agenda_(agenda), lang_(lang) {}

  std::string Render() {
    const Labels& l = LabelsFor(lang_);
    const absl::CivilDay day(agenda_.start);
    out_ += absl::StrFormat("# %s: %s\n\n", l.agenda, EscapeMarkdown(agenda_.title.Get(lang_)));
    out_ += absl::StrFormat("- **%s:** %s\n", l.date, FormatDate(day, lang_));
    out_ += absl::StrFormat("- **%s:** %s\n", l.start, FormatClock(agenda_.start, day));
    out_ += absl::StrFormat("- **%s:** %d\n\n", l.participants, agenda_.participants);
    out_ += absl::StrFormat("## %s\n\n", l.steps);
    Items(agenda_.items, "");
    out_ += absl::StrFormat("\n- **%s:** %s\n", l.total, TotalText(agenda_, lang_));
    if (agenda_.planned) {
      out_ += absl::StrFormat("- **%s:** %s\n", l.planned, PlannedText(agenda_, lang_));
    }
    if (agenda_.slack) out_ += "- " + SlackLine(*agenda_.slack, lang_, "**") + "\n";
    if (!agenda_.diagnostics.empty()) {
      out_ += absl::StrFormat("\n## %s\n\n", l.notes);
      for (const Diagnostic& d : agenda_.diagnostics) {
        const std::string where = d.path.empty() ? "" : absl::StrFormat(", `%s`", d.path);
        out_ += absl::StrFormat("- **%s** (`%s`%s): %s\n", SeverityLabel(d.severity, lang_), d.code,
                                where, EscapeMarkdown(d.message.Get(lang_)));
      }
    }
    return std::move(out_);
  }

 private:
  // Writes `items` as an ordered list whose markers start at `indent`; a
  // step's prompts and children are indented to its text, as Markdown nests them.
  void Items(const std::vector<AgendaItem>& items, const std::string& indent) {
    const absl::CivilDay day(agenda_.start);
    for (std::size_t i = 0; i < items.size(); ++i) {
      const AgendaItem& item = items[i];
      const std::string marker = absl::StrFormat("%d. ", i + 1);
      const std::string inner = indent + std::string(marker.size(), ' ');
      std::string lead;
      if (!item.lead.empty()) {
        lead = absl::StrFormat(" *(%s %s)*", LabelsFor(lang_).led_by,
                               EscapeMarkdown(detail::RoleName(item.lead, agenda_.roles, lang_)));
      }
      out_ +=
          absl::StrFormat("%s%s**%s–%s** · %s · %s%s\n", indent, marker,
                          FormatClock(item.start, day), FormatClock(item.end, day),
                          FormatDuration(item, lang_), EscapeMarkdown(item.title.Get(lang_)), lead);
      const std::string_view shared = SharedAudience(item);
      std::string prompt_indent = inner;
      if (!shared.empty()) {
        out_ += absl::StrFormat("%s- %s\n", inner,
                                EscapeMarkdown(AudienceHeading(agenda_, shared, lang_)));
        prompt_indent += "  ";
      }
      for (const Prompt& prompt : item.prompts) {
        out_ +=
            absl::StrFormat("%s- %s\n", prompt_indent,
                            EscapeMarkdown(PromptText(agenda_, prompt, !shared.empty(), lang_)));
      }
      Items(item.children, inner);
    }
  }

  const Agenda& agenda_;
  Lang lang_;
  std::string out_;
};

}  // namespace

std::string RenderText(const Agenda& agenda, Lang lang) {
  return TextWriter(agenda, lang).Render();
}

std::string RenderMarkdown(const Agenda& agenda, Lang lang) {
  return MarkdownWriter(agenda, lang).Render();
}

}  // namespace carelearn
