#include "analysis/simulate_sessions.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "analysis/simulate_texts.hpp"
#include "carelearn/io/builtin_catalog.hpp"
#include "carelearn/model/role.hpp"
#include "carelearn/schedule/holidays.hpp"
#include "carelearn/schedule/recurrence.hpp"
#include "detail/absl_compat.hpp"

namespace carelearn::detail {
namespace {

// Stream kinds for StreamSeed (the roster's is 1).
constexpr std::uint64_t kUnitStream = 2;

constexpr std::string_view kHelper = "social-and-health-helper";

// The format each entry kind holds, by EntryKind.
constexpr std::array<std::string_view, 7> kFormatIds = {"systematic-learning-meeting",
                                                        "interdisciplinary-case-meeting",
                                                        "citizen-home-meeting",
                                                        "learning-visit",
                                                        "trial-action-documentation",
                                                        "learning-network-meeting",
                                                        "learning-seminar"};

// How often each of the eight learning questions is asked, relatively.
constexpr std::array<std::pair<std::string_view, double>, 8> kQuestionWeights = {{
    {"biggest-challenge", 9},
    {"easy-or-fun", 5},
    {"roles", 6},
    {"relationships", 5},
    {"missing-knowledge", 7},
    {"decision-authority", 3},
    {"do-differently", 8},
    {"most-important-learning", 8},
}};

// The feedback ratings 1 to 5, relatively.
constexpr std::array<double, 5> kRatingWeights = {2, 5, 18, 45, 30};

// A duration of `minutes` (not negative), to the second.
absl::Duration Minutes(double minutes) {
  return absl::Seconds(static_cast<std::int64_t>(std::max(0.0, minutes) * 60.0 + 0.5));
}

// The ISO 8601 week number of `day`, for the weeks 2 to 51 that matter here;
// the days of week 1 or 52/53 at the turn of a year may be numbered 0, 1, 52 or 53.
int IsoWeek(absl::CivilDay day) {
  const int weekday = static_cast<int>(absl::GetWeekday(day)) + 1;  // Monday 1 .. Sunday 7
  return (absl::GetYearDay(day) - weekday + 10) / 7;
}

template <std::size_t N>
std::string_view Any(const std::array<std::string_view, N>& texts, Random& random) {
  return texts[random.Below(N)];
}

// How much a person in `shift` is drawn to a meeting in the working day.
double ShiftWeight(Shift shift, double evening, double night) {
  switch (shift) {
    case Shift::kDay:
      return 10;
    case Shift::kEvening:
      return evening;
    case Shift::kNight:
      return night;
    case Shift::kUnspecified:
      break;
  }
  return 1;
}

}  // namespace

double HolidayPeriodFactor(absl::CivilDay day) {
  const int month = day.month();
  if ((month == 12 && day.day() >= 22) || (month == 1 && day.day() <= 2)) return 1;
  const int week = IsoWeek(day);
  if (week >= 28 && week <= 31) return 1;
  if (week == 7 || week == 27 || week == 32 || week == 42) return 0.4;
  const absl::CivilDay easter = EasterSunday(day.year());
  if (day >= easter - 6 && day <= easter - 4) return 0.4;  // Monday to Wednesday before Easter
  return 0;
}

double SeasonFactor(int month) {
  constexpr std::array<double, 12> kSeason = {1.4, 1.3, 1.0,  0.9, 0.9,  1.0,
                                              1.0, 0.9, 0.85, 0.9, 0.95, 0.9};
  return kSeason[static_cast<std::size_t>(std::clamp(month, 1, 12) - 1)];
}

// One occurrence on its way to being a session.
struct SessionMaker::Occasion {
  const ScheduledOccurrence* o = nullptr;
  EntryKind kind = EntryKind::kLearningMeeting;
  const Format* format = nullptr;
  std::uint32_t unit = 0;  // the organisation's unit (central for joint ones)
  std::string unit_id;     // the session's unit
  Random* random = nullptr;
  absl::CivilDay day;
  double planned_minutes = 0;
  std::string session_id;
  std::vector<Participant> participants;
  std::optional<Case> presented_case;
  std::string presenter;  // who brought the case, or the first participant
  bool full_day = true;   // a learning visit's length
};

// A session being held: the runner, the clock, and how outputs are recorded.
class SessionMaker::Holding {
 public:
  Holding(Runner& runner, FakeClock& clock, SimulationCounts& counts)
      : runner_(runner), clock_(clock), counts_(counts) {}

  void Wait(double minutes) { clock_.Advance(Minutes(minutes)); }

  // Spends `minutes` in the step with `k` events spread evenly through it.
  template <typename Event>
  absl::Status Spread(double minutes, int k, Event&& event) {
    const double gap = minutes / (k + 1);
    for (int j = 0; j < k; ++j) {
      Wait(gap);
      if (absl::Status s = event(j); !s.ok()) return s;
    }
    Wait(gap);
    return absl::OkStatus();
  }

  // Takes a recording's result: a failed call is a defect; an output the
  // format does not take is counted.
  absl::Status Take(const absl::StatusOr<RecordResult>& result) {
    if (!result.ok()) return Defect(result.status());
    if (!result->recorded) ++counts_.rejected_outputs;
    return absl::OkStatus();
  }

  absl::Status Defect(const absl::Status& status) const {
    return absl::InternalError(absl::StrCat("simulated session \"", runner_.session().id,
                                            "\": the runner refused a call: ", status.ToString()));
  }

  Runner& runner() { return runner_; }

 private:
  Runner& runner_;
  FakeClock& clock_;
  SimulationCounts& counts_;
};

SessionMaker::SessionMaker(const SimOrganisation& org, const SimProgramme& programme,
                           const SimulationOptions& options, const Pseudonymiser& pseudonyms)
    : org_(org),
      programme_(programme),
      options_(options),
      pseudonyms_(pseudonyms),
      catalog_(BuiltinCatalog()),
      end_(absl::FromCivil(absl::CivilDay(options.start_year + options.years, 1, 1),
                           CopenhagenTimeZone())) {
  units_.reserve(org.units.size() + 1);
  for (std::uint32_t u = 0; u <= org.units.size(); ++u) {
    units_.emplace_back(StreamSeed(options.seed, kUnitStream, u));
  }
}

namespace {

// `format` without the words the runner never reads (titles, purposes,
// sources, notes, prompt texts), so that the copy each runner makes of it is
// cheap; the sessions it records are the same.
Format Lean(Format format) {
  format.title = {};
  format.purpose = {};
  format.source = {};
  for (Prerequisite& p : format.prerequisites) p.text = {};
  for (Role& r : format.defined_roles) {
    r.name = {};
    r.description = {};
  }
  for (Step& step : format.steps) {
    step.title = {};
    step.purpose = {};
    for (Prompt& p : step.prompts) p.text = {};
  }
  for (DeclaredOutput& o : format.outputs) o.note = {};
  for (Component& c : format.components) c.note = {};
  return format;
}

}  // namespace

absl::Status SessionMaker::Init() {
  for (std::string_view id : kFormatIds) {
    const Format* f = catalog_.Find(id, 1);
    if (f == nullptr) {
      return absl::InternalError(
          absl::StrCat("the built-in catalog has no format \"", Sv(id), "\" version 1"));
    }
    formats_.push_back(Lean(*f));
  }
  return absl::OkStatus();
}

std::string SessionMaker::PickQuestion(Random& r, const Step& step) {
  auto it = std::find_if(questions_.begin(), questions_.end(),
                         [&step](const auto& q) { return q.first == &step; });
  if (it == questions_.end()) {
    std::vector<std::string> ids;
    for (const Prompt& p : step.prompts) ids.push_back(p.id);
    for (const std::string& set_id : step.question_sets) {
      if (const QuestionSet* set = catalog_.FindQuestionSet(set_id)) {
        for (const Prompt& p : set->prompts) ids.push_back(p.id);
      }
    }
    questions_.emplace_back(&step, std::move(ids));
    it = questions_.end() - 1;
  }
  if (it->second.empty()) return {};
  return it->second[r.Below(it->second.size())];
}

int SessionMaker::Citizen(Occasion& occasion) {
  UnitState& state = units_[occasion.unit];
  Random& r = *occasion.random;
  if (!state.recent.empty() && r.Chance(0.6)) return state.recent[r.Below(state.recent.size())];
  const int number = static_cast<int>(state.citizens.size());
  state.citizens.push_back(
      {pseudonyms_.Pseudonym(pseudonym_domains::kCitizen,
                             absl::StrFormat("%s-citizen-%05d", occasion.unit_id, number + 1))});
  state.recent.push_back(number);
  if (state.recent.size() > 5) state.recent.erase(state.recent.begin());
  return number;
}

const std::string& SessionMaker::CitizenOrRelative(const Occasion& occasion, int citizen,
                                                   std::size_t k) {
  std::vector<std::string>& ids = units_[occasion.unit].citizens[static_cast<std::size_t>(citizen)];
  while (ids.size() <= k) {
    ids.push_back(pseudonyms_.Pseudonym(
        pseudonym_domains::kCitizen,
        absl::StrFormat("%s-citizen-%05d-relative-%d", occasion.unit_id, citizen + 1, ids.size())));
  }
  return ids[k];
}

namespace {

// Whether `person` can facilitate: trained nursing or therapy staff on days.
bool CanFacilitate(const SimPerson& person) {
  return person.shift == Shift::kDay && person.profession != kHelper;
}

// Draws one of `pool` with weights by shift; removes and returns it.
// `weights` is scratch space.
std::uint32_t DrawFrom(std::vector<std::uint32_t>& pool, const SimOrganisation& org, Random& r,
                       double evening, double night, std::vector<double>& weights) {
  weights.clear();
  for (std::uint32_t p : pool) weights.push_back(ShiftWeight(org.people[p].shift, evening, night));
  const std::size_t i = r.Pick(weights);
  const std::uint32_t person = pool[i];
  pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(i));
  return person;
}

// Removes `person` from `pool` when there.
void Remove(std::vector<std::uint32_t>& pool, std::uint32_t person) {
  pool.erase(std::remove(pool.begin(), pool.end(), person), pool.end());
}

// The `k`-th (from 0) person of `members` who can facilitate, longest-serving
// first; the last such when there are fewer; none when there is none.
std::optional<std::uint32_t> Designated(const std::vector<std::uint32_t>& members,
                                        const SimOrganisation& org, std::uint32_t leader,
                                        std::size_t k) {
  std::optional<std::uint32_t> found;
  std::size_t seen = 0;
  for (std::uint32_t p : members) {
    if (p == leader || !CanFacilitate(org.people[p])) continue;
    found = p;
    if (seen++ == k) break;
  }
  return found;
}

Participant Staff(const SimOrganisation& org, std::uint32_t person, std::uint32_t unit,
                  std::string_view role) {
  const SimPerson& p = org.people[person];
  return {p.id, std::string(role), org.UnitId(unit), std::string(p.profession), p.shift};
}

Participant Guest(const SimPartner& partner, const SimPerson& p, std::string_view role) {
  return {p.id, std::string(role), partner.id, std::string(p.profession), p.shift};
}

}  // namespace

void SessionMaker::ChooseLearningMeeting(Occasion& oc) {
  Random& r = *oc.random;
  org_.MembersOn(oc.unit, oc.day, members_);
  const auto m = static_cast<int>(members_.size());
  if (m < 3) return;
  const std::uint32_t leader = org_.units[oc.unit].leader;
  std::vector<std::uint32_t> pool = members_;
  Remove(pool, leader);

  std::uint32_t facilitator = 0;
  std::vector<std::uint32_t> able;
  for (std::uint32_t p : pool) {
    if (CanFacilitate(org_.people[p])) able.push_back(p);
  }
  if (able.empty()) {
    facilitator = DrawFrom(pool, org_, r, 3, 1, weights_);
  } else {
    facilitator =
        able.size() == 1 || r.Chance(0.85) ? able.front() : able[1 + r.Below(able.size() - 1)];
    Remove(pool, facilitator);
  }
  const int typical = std::clamp(static_cast<int>(0.18 * m + 0.5), 4, 12);
  const int n =
      std::clamp(static_cast<int>(typical * r.Uniform(0.6, 1.4) + 0.5), 3, std::min(16, m));
  oc.participants.push_back(Staff(org_, facilitator, oc.unit, roles::kFacilitator));
  if (r.Chance(0.25) && std::find(members_.begin(), members_.end(), leader) != members_.end()) {
    oc.participants.push_back(Staff(org_, leader, oc.unit, roles::kLeader));
  }
  const int presenters = r.Chance(0.1) ? 2 : 1;
  for (int i = 0; i < presenters && !pool.empty(); ++i) {
    oc.participants.push_back(
        Staff(org_, DrawFrom(pool, org_, r, 3, 1, weights_), oc.unit, roles::kCasePresenter));
    if (i == 0) oc.presenter = oc.participants.back().id;
  }
  while (static_cast<int>(oc.participants.size()) < n && !pool.empty()) {
    oc.participants.push_back(
        Staff(org_, DrawFrom(pool, org_, r, 3, 1, weights_), oc.unit, roles::kColleague));
  }
  r.Shuffle(oc.participants);
  Case c;
  c.category = std::string(Any(texts::kMeetingCases, r));
  if (r.Chance(0.5)) c.citizen = CitizenOrRelative(oc, Citizen(oc), 0);
  oc.presented_case = std::move(c);
}

void SessionMaker::ChooseCaseMeeting(Occasion& oc) {
  Random& r = *oc.random;
  org_.MembersOn(oc.unit, oc.day, members_);
  const auto m = static_cast<int>(members_.size());
  if (m < 3) return;
  const std::uint32_t leader = org_.units[oc.unit].leader;
  std::vector<std::uint32_t> pool = members_;
  Remove(pool, leader);
  const int n = std::min(r.Between(4, 8), m - 1);

  // The presenter knows the citizen; then a nurse and a therapist when the unit has them.
  std::vector<std::uint32_t> carers;
  for (std::uint32_t p : pool) {
    if (org_.people[p].profession.find("therapist") == std::string_view::npos) carers.push_back(p);
  }
  const std::uint32_t presenter = carers.empty() ? DrawFrom(pool, org_, r, 2, 0.5, weights_)
                                                 : DrawFrom(carers, org_, r, 2, 0.5, weights_);
  Remove(pool, presenter);
  oc.participants.push_back(Staff(org_, presenter, oc.unit, roles::kCasePresenter));
  oc.presenter = oc.participants.back().id;
  for (std::string_view wanted : {std::string_view("nurse"), std::string_view("therapist")}) {
    std::vector<std::uint32_t> of;
    for (std::uint32_t p : pool) {
      if (org_.people[p].profession.find(wanted) != std::string_view::npos) of.push_back(p);
    }
    if (of.empty() || static_cast<int>(oc.participants.size()) >= n) continue;
    const std::uint32_t chosen = DrawFrom(of, org_, r, 2, 0.5, weights_);
    Remove(pool, chosen);
    oc.participants.push_back(Staff(org_, chosen, oc.unit, roles::kColleague));
  }
  while (static_cast<int>(oc.participants.size()) < n && !pool.empty()) {
    oc.participants.push_back(
        Staff(org_, DrawFrom(pool, org_, r, 2, 0.5, weights_), oc.unit, roles::kColleague));
  }
  if (r.Chance(0.1)) oc.participants.push_back(Staff(org_, leader, oc.unit, roles::kLeader));
  Case c;
  c.category = std::string(Any(texts::kPalliativeCases, r));
  c.citizen = CitizenOrRelative(oc, Citizen(oc), 0);
  oc.presented_case = std::move(c);
}

void SessionMaker::ChooseHomeMeeting(Occasion& oc) {
  Random& r = *oc.random;
  org_.MembersOn(oc.unit, oc.day, members_);
  if (members_.size() < 3) return;
  std::vector<std::uint32_t> pool = members_;
  Remove(pool, org_.units[oc.unit].leader);
  Case c;
  c.category = std::string(Any(texts::kPalliativeCases, r));
  const int citizen = Citizen(oc);
  c.citizen = CitizenOrRelative(oc, citizen, 0);
  oc.participants.push_back({c.citizen, std::string(roles::kCitizen), oc.unit_id, "", {}});
  constexpr std::array<double, 3> kRelatives = {35, 45, 20};
  const std::size_t relatives = r.Pick(kRelatives);
  for (std::size_t k = 1; k <= relatives; ++k) {
    // The citizen's k-th relative: the same relative comes again.
    oc.participants.push_back(
        {CitizenOrRelative(oc, citizen, k), std::string(roles::kRelative), oc.unit_id, "", {}});
  }
  const int professionals = r.Between(2, 4);
  for (int i = 0; i < professionals && !pool.empty(); ++i) {
    oc.participants.push_back(
        Staff(org_, DrawFrom(pool, org_, r, 2, 0.5, weights_), oc.unit, roles::kColleague));
    if (i == 0) oc.presenter = oc.participants.back().id;
  }
  oc.presented_case = std::move(c);
}

void SessionMaker::ChooseLearningVisit(Occasion& oc) {
  Random& r = *oc.random;
  org_.MembersOn(oc.unit, oc.day, members_);
  const std::uint32_t leader = org_.units[oc.unit].leader;
  std::vector<std::uint32_t> pool = members_;
  Remove(pool, leader);
  if (pool.size() < 2) return;
  const std::uint32_t host = DrawFrom(pool, org_, r, 2, 0.5, weights_);

  // The learning agent: from a unit of the same kind, of another kind, or
  // (when the municipality has one unit, or one time in seven) the host's own.
  const auto n = static_cast<std::uint32_t>(org_.units.size());
  std::uint32_t from = oc.unit;
  const double x = r.Uniform();
  if (n > 1 && x < 0.85) {
    const bool has_same =
        org_.by_kind[static_cast<std::size_t>(org_.units[oc.unit].kind)].size() > 1;
    if (x < 0.6 && has_same) {
      from = *org_.AnotherOfKind(oc.unit, r);
    } else {
      const auto other = static_cast<std::uint32_t>(r.Below(n - 1));
      from = other >= oc.unit ? other + 1 : other;
    }
  }
  std::vector<std::uint32_t> agents;
  if (from == oc.unit) {
    agents = pool;
  } else {
    org_.MembersOn(from, oc.day, other_);
    agents = other_;
    Remove(agents, org_.units[from].leader);
  }
  if (agents.empty()) return;
  std::uint32_t agent = 0;
  const std::optional<std::uint32_t> designated =
      Designated(agents, org_, org_.units[from].leader, 1);
  if (designated.has_value() && r.Chance(0.5)) {
    agent = *designated;
  } else {
    agent = DrawFrom(agents, org_, r, 2, 0.5, weights_);
  }
  oc.participants.push_back(Staff(org_, agent, from, roles::kLearningAgent));
  oc.participants.push_back(Staff(org_, host, oc.unit, roles::kHostColleague));
  oc.presenter = oc.participants.front().id;
  oc.full_day = r.Chance(0.7);
}

void SessionMaker::ChooseTrialAction(Occasion& oc) {
  Random& r = *oc.random;
  org_.MembersOn(oc.unit, oc.day, members_);
  const std::uint32_t leader = org_.units[oc.unit].leader;
  std::optional<std::uint32_t> activist = Designated(members_, org_, leader, 1);
  if (!activist.has_value()) {
    std::vector<std::uint32_t> pool = members_;
    Remove(pool, leader);
    if (pool.empty()) return;
    activist = DrawFrom(pool, org_, r, 2, 0.5, weights_);
  }
  oc.participants.push_back(Staff(org_, *activist, oc.unit, roles::kLearningActivist));
  oc.presenter = oc.participants.back().id;
  if (r.Chance(0.4) && std::find(members_.begin(), members_.end(), leader) != members_.end()) {
    oc.participants.push_back(Staff(org_, leader, oc.unit, roles::kLeader));
  }
}

void SessionMaker::ChooseNetworkMeeting(Occasion& oc) {
  Random& r = *oc.random;
  const std::uint32_t central = org_.central();
  oc.participants.push_back(Staff(org_, org_.project_leader, central, roles::kProjectLeader));
  oc.participants.push_back(Staff(org_, org_.consultant, central, roles::kNetworkMember));
  // The units take turns to send their learning agent.
  const std::size_t n = org_.units.size();
  const std::size_t k = std::min<std::size_t>(n, static_cast<std::size_t>(r.Between(8, 14)));
  for (std::size_t j = 0; j < k; ++j) {
    const auto u = static_cast<std::uint32_t>((next_network_unit_ + j) % n);
    org_.MembersOn(u, oc.day, members_);
    if (std::optional<std::uint32_t> agent = Designated(members_, org_, org_.units[u].leader, 1)) {
      oc.participants.push_back(Staff(org_, *agent, u, roles::kNetworkMember));
    }
  }
  next_network_unit_ = (next_network_unit_ + k) % n;
  std::vector<std::size_t> partners(org_.partners.size());
  for (std::size_t i = 0; i < partners.size(); ++i) partners[i] = i;
  r.Shuffle(partners);
  const auto coming = static_cast<std::size_t>(r.Between(3, 6));
  for (std::size_t i = 0; i < coming && i < partners.size(); ++i) {
    const SimPartner& partner = org_.partners[partners[i]];
    oc.participants.push_back(Guest(partner, partner.staff[r.Below(3)], roles::kNetworkMember));
  }
}

void SessionMaker::ChooseSeminar(Occasion& oc) {
  Random& r = *oc.random;
  const std::uint32_t central = org_.central();
  const int target = r.Between(60, 100);
  std::vector<std::string> ids;  // who is there already
  auto add = [&](Participant p) {
    if (std::find(ids.begin(), ids.end(), p.id) != ids.end()) return;
    ids.push_back(p.id);
    oc.participants.push_back(std::move(p));
  };
  add(Staff(org_, org_.project_leader, central, roles::kProjectLeader));
  add(Staff(org_, org_.consultant, central, roles::kColleague));
  const auto n = static_cast<std::uint32_t>(org_.units.size());
  const int leaders = std::min(static_cast<int>(n), r.Between(8, 15));
  for (int i = 0; i < leaders; ++i) {
    const auto u = static_cast<std::uint32_t>(r.Below(n));
    add(Staff(org_, org_.units[u].leader, u, roles::kLeader));
  }
  const int guests = target / 5;
  for (int i = 0; i < guests; ++i) {
    const SimPartner& partner = org_.partners[r.Below(org_.partners.size())];
    add(Guest(partner, partner.staff[r.Below(partner.staff.size())], roles::kColleague));
  }
  const std::array<std::pair<std::string_view, std::string_view>, 3> kOthers = {{
      {roles::kCitizen, "seminar-citizen"},
      {roles::kRelative, "seminar-relative"},
      {"senior-council-representative", "senior-council"},
  }};
  for (const auto& [role, who] : kOthers) {
    const int count = r.Between(0, role == roles::kCitizen ? 3 : 2);
    for (int i = 0; i < count; ++i) {
      add({pseudonyms_.Pseudonym(
               pseudonym_domains::kCitizen,
               absl::StrCat(org_.municipality_id, "-", Sv(who), "-", r.Between(1, 12))),
           std::string(role),
           org_.municipality_id,
           "",
           {}});
    }
  }
  for (int attempts = 0; static_cast<int>(oc.participants.size()) < target && attempts < 4 * target;
       ++attempts) {
    const auto u = static_cast<std::uint32_t>(r.Below(n));
    org_.MembersOn(u, oc.day, members_);
    Remove(members_, org_.units[u].leader);
    if (members_.empty()) continue;
    add(Staff(org_, DrawFrom(members_, org_, r, 3, 1, weights_), u, roles::kColleague));
  }
  oc.presenter = oc.participants.front().id;
}

absl::StatusOr<Session> SessionMaker::Cancelled(Occasion& oc, CancelReason reason,
                                                std::string_view note) {
  RunnerOptions ro;
  ro.clock = &clock_;
  ro.catalog = &catalog_;
  absl::StatusOr<Runner> runner =
      Runner::Create(*oc.format, {oc.session_id, oc.unit_id, oc.o->start}, ro);
  if (!runner.ok()) return absl::InternalError(runner.status().ToString());
  // When it was called off is not recorded: the runner needs no time for it.
  clock_.Set(oc.o->start);
  absl::StatusOr<Session> session = runner->Cancel({reason, std::string(note)});
  if (!session.ok()) return absl::InternalError(session.status().ToString());
  return session;
}

absl::StatusOr<Session> SessionMaker::Make(const Schedule& schedule, const ScheduledOccurrence& o) {
  Occasion oc;
  oc.o = &o;
  oc.kind = programme_.kinds[o.entry];
  oc.format = &formats_[static_cast<std::size_t>(oc.kind)];
  oc.unit = programme_.org_unit[o.unit];
  oc.unit_id = std::string(schedule.unit_id(o));
  oc.random = &units_[oc.unit].random;
  oc.day = absl::CivilDay(o.local_start);
  oc.planned_minutes = absl::ToDoubleMinutes(o.end - o.start);
  oc.session_id = absl::StrFormat("sim-%04d%02d%02dT%02d%02d-%s-%s", oc.day.year(), oc.day.month(),
                                  oc.day.day(), o.local_start.hour(), o.local_start.minute(),
                                  Sv(schedule.entry_id(o)), oc.unit_id);
  Random& r = *oc.random;
  const SimulationRates& rates = options_.rates;

  absl::StatusOr<Session> session;
  if (std::optional<HolidayKind> h = DanishHolidayOn(oc.day, /*common_days_off=*/true)) {
    session = Cancelled(oc, CancelReason::kHoliday, HolidayName(*h).da);
  } else {
    const bool seminar = oc.kind == EntryKind::kSeminar;
    const double period = seminar ? 0.0 : HolidayPeriodFactor(oc.day);
    std::optional<CancelReason> reason;
    std::string_view note;
    if (period > 0 && r.Chance(rates.holiday * period)) {
      reason = CancelReason::kHoliday;
      note = texts::kHolidayNote;
    } else if (!seminar) {
      const bool joint = oc.kind == EntryKind::kNetworkMeeting;
      const double factor =
          (joint ? 0.5 : org_.units[oc.unit].cancel_factor) * SeasonFactor(oc.day.month());
      double staffing = rates.staffing * factor;
      double workload = rates.workload * factor;
      const RoleRequirement* fac = oc.format->FindRole(roles::kFacilitator);
      double facilitator = (fac != nullptr && fac->min >= 1) ? rates.no_facilitator * factor : 0;
      const double total = staffing + workload + facilitator;
      if (total > 1) {
        staffing /= total;
        workload /= total;
        facilitator /= total;
      }
      const double x = r.Uniform();
      if (x < staffing) {
        reason = CancelReason::kStaffing;
        note = texts::kStaffingNote;
      } else if (x < staffing + workload) {
        reason = CancelReason::kWorkload;
        note = texts::kWorkloadNote;
      } else if (x < staffing + workload + facilitator) {
        reason = CancelReason::kNoFacilitator;
        note = texts::kNoFacilitatorNote;
      }
    }
    if (!reason.has_value()) {
      switch (oc.kind) {
        case EntryKind::kLearningMeeting:
          ChooseLearningMeeting(oc);
          break;
        case EntryKind::kCaseMeeting:
          ChooseCaseMeeting(oc);
          break;
        case EntryKind::kHomeMeeting:
          ChooseHomeMeeting(oc);
          break;
        case EntryKind::kLearningVisit:
          ChooseLearningVisit(oc);
          break;
        case EntryKind::kTrialAction:
          ChooseTrialAction(oc);
          break;
        case EntryKind::kNetworkMeeting:
          ChooseNetworkMeeting(oc);
          break;
        case EntryKind::kSeminar:
          ChooseSeminar(oc);
          break;
      }
      if (oc.participants.empty()) {  // nobody to hold it with
        reason = CancelReason::kStaffing;
        note = texts::kStaffingNote;
      }
    }
    session = reason.has_value() ? Cancelled(oc, *reason, note) : Hold(oc);
  }
  if (!session.ok()) return session.status();
  if (absl::Status s = ValidateSession(*session); !s.ok()) {
    return absl::InternalError(
        absl::StrCat("a simulated session fails ValidateSession: ", s.ToString()));
  }
  Count(*session);
  return session;
}

absl::StatusOr<Session> SessionMaker::Hold(Occasion& oc) {
  Random& r = *oc.random;
  const auto n = static_cast<double>(oc.participants.size());
  const Format& format = *oc.format;

  RunnerOptions ro;
  ro.clock = &clock_;
  ro.catalog = &catalog_;
  absl::StatusOr<Runner> created =
      Runner::Create(format, {oc.session_id, oc.unit_id, oc.o->start}, ro);
  if (!created.ok()) return absl::InternalError(created.status().ToString());
  Runner& runner = *created;
  Holding h(runner, clock_, counts_);

  // Late starts: more likely and longer with more people.
  double delay = 0;
  if (oc.kind == EntryKind::kLearningVisit) {
    delay = r.Chance(0.3) ? r.Uniform(2, 20) : 0;
  } else if (r.Chance(0.45)) {
    delay = r.Uniform(1, 3 + 0.25 * n);
  }
  clock_.Set(oc.o->start + Minutes(delay));
  if (absl::StatusOr<std::vector<Diagnostic>> started = runner.Start(oc.participants);
      !started.ok()) {
    return h.Defect(started.status());
  }
  if (oc.presented_case.has_value()) {
    if (absl::Status s = runner.SetCase(*oc.presented_case); !s.ok()) return h.Defect(s);
  }

  // A session stopped part-way by acute work: in which step, and how far into it.
  std::optional<std::size_t> cut;
  double cut_fraction = 0;
  const bool joint = oc.kind == EntryKind::kNetworkMeeting || oc.kind == EntryKind::kSeminar;
  if (!joint && r.Chance(options_.rates.cut_short)) {
    cut = static_cast<std::size_t>(r.Below(format.steps.size()));
    cut_fraction = r.Uniform(0.2, 0.8);
  }

  // Which trial action a trial-action documentation is about.
  const std::size_t trial_row =
      oc.kind == EntryKind::kTrialAction ? r.Below(texts::kTrialActions.size()) : 0;

  // The noise and the pull of the group's size on each step's time.
  const double extra = std::max(0.0, n - 6);
  auto noise = [&r](double sd) { return r.Clamped(1.0, sd, 0.6, 1.8); };

  // The open-budget formats share their planned time between their steps by these weights.
  auto share = [&](std::string_view step) -> double {
    switch (oc.kind) {
      case EntryKind::kCaseMeeting:
        return step == "citizen-course" ? 0.3 : 0.35;
      case EntryKind::kSeminar:
        if (step == "presentations" || step == "deepening") return 0.25;
        return step == "inspiration" ? 0.2 : 0.1;
      default:
        return 1.0 / static_cast<double>(format.steps.size());
    }
  };

  for (std::size_t i = 0; i < format.steps.size(); ++i) {
    const Step& step = format.steps[i];
    if (i > 0) {
      if (absl::Status s = runner.Next(); !s.ok()) return h.Defect(s);
    }
    // The step's time.
    double minutes = 0;
    switch (oc.kind) {
      case EntryKind::kLearningMeeting:
        if (step.id == "case") {
          minutes = 5 * noise(0.15);
        } else if (step.id == "learning-questions") {
          minutes = 10 * noise(0.15) * (1 + 0.03 * extra);
        } else if (step.id == "case-learning") {
          minutes = r.Uniform(1, 2) * noise(0.15);
        } else if (step.id == "round") {
          minutes = n;  // each speaker's own time is drawn below
        } else {
          minutes = 5 * noise(0.15) * (1 + 0.02 * extra);
        }
        break;
      case EntryKind::kLearningVisit: {
        const double day = oc.full_day ? 444 : 222;
        if (step.id == "check-in") {
          minutes = r.Uniform(15, 40);
        } else if (step.id == "learning-meeting") {
          minutes = r.Uniform(30, 60);
        } else {
          minutes = day * noise(0.05) - 75;
        }
        break;
      }
      case EntryKind::kCaseMeeting:
        minutes =
            oc.planned_minutes * share(step.id) * noise(0.15) * std::max(0.7, 1 + 0.04 * (n - 5));
        break;
      case EntryKind::kHomeMeeting:
        minutes =
            oc.planned_minutes * share(step.id) * noise(0.15) * std::max(0.7, 1 + 0.05 * (n - 4));
        break;
      case EntryKind::kNetworkMeeting:
        minutes = oc.planned_minutes * noise(0.08) * (1 + 0.01 * (n - 12));
        break;
      case EntryKind::kSeminar:
        minutes = oc.planned_minutes * share(step.id) * noise(0.05);
        break;
      case EntryKind::kTrialAction:
        minutes = oc.planned_minutes * share(step.id) * noise(0.25);
        break;
    }

    if (cut.has_value() && *cut == i) {
      h.Wait(minutes * cut_fraction);
      absl::StatusOr<Session> stopped =
          runner.Cancel({CancelReason::kWorkload, std::string(texts::kCutShortNote)});
      if (!stopped.ok()) return h.Defect(stopped.status());
      return stopped;
    }

    absl::Status done = absl::OkStatus();
    // What each step records, and when.
    if (step.id == "learning-questions") {
      std::vector<std::pair<std::string_view, double>> left(kQuestionWeights.begin(),
                                                            kQuestionWeights.end());
      const int k = r.Between(3, 6);
      done = h.Spread(minutes, k, [&](int) {
        std::vector<double> w;
        for (const auto& q : left) w.push_back(q.second);
        const std::size_t pick = r.Pick(w);
        const std::string_view id = left[pick].first;
        left.erase(left.begin() + static_cast<std::ptrdiff_t>(pick));
        return h.Take(runner.RecordPromptUsed(std::string(id)));
      });
    } else if (step.id == "case-learning") {
      const int k = r.Chance(0.15) ? 2 : 1;
      done = h.Spread(minutes, k, [&](int) {
        LearningPoint lp;
        lp.text = std::string(Any(texts::kLearningPoints, r));
        lp.author = oc.presenter;
        lp.confidential = oc.presented_case && !oc.presented_case->citizen.empty() && r.Chance(0.2);
        return h.Take(runner.RecordLearningPoint(std::move(lp)));
      });
    } else if (step.id == "round") {
      // The word goes around: each speaker talks for their own time; the
      // facilitator passes the word on when they are done, unless the
      // runner's clock has given it on already (a speaker who overran).
      const bool reflect = r.Chance(0.3);
      std::size_t spoken = 0;
      for (std::optional<RoundTurn> turn = runner.Round(); turn.has_value() && !turn->done();
           turn = runner.Round()) {
        const std::size_t speaker = turn->speaker;
        h.Wait(r.Clamped(1.0, 0.25, 0.4, 2.2));
        if (reflect && ++spoken == 2) {
          done = h.Take(runner.RecordNote(
              {"", NoteKind::kReflection, std::string(Any(texts::kReflections, r)), false}));
          if (!done.ok()) break;
        }
        const std::optional<RoundTurn> now = runner.Round();
        if (now.has_value() && !now->done() && now->speaker == speaker) {
          if (absl::Status s = runner.PassTheWord(); !s.ok()) return h.Defect(s);
        }
      }
    } else if (step.id == "joint-reflection" || step.id == "next-step") {
      constexpr std::array<double, 3> kMeetingActions = {55, 35, 10};
      constexpr std::array<double, 2> kTrialActions = {50, 50};
      const auto k = static_cast<int>(step.id == "next-step" ? r.Pick(kTrialActions)
                                                             : r.Pick(kMeetingActions));
      done = h.Spread(minutes, k, [&](int) {
        Action a;
        a.text = std::string(Any(texts::kActions, r));
        a.owner = r.Chance(0.6) ? std::string(roles::kLeader)
                                : oc.participants[r.Below(oc.participants.size())].id;
        a.due = oc.day + r.Between(14, 60);
        return h.Take(runner.RecordAction(std::move(a)));
      });
    } else if (oc.kind == EntryKind::kCaseMeeting && step.id == "reflection") {
      const int k = r.Between(1, 3);
      constexpr std::array<double, 3> kPoints = {40, 45, 15};
      const auto points = static_cast<int>(r.Pick(kPoints));
      const int reflections = r.Between(1, 2);
      done = h.Spread(minutes, k + points + reflections, [&](int j) -> absl::Status {
        if (j < k) return h.Take(runner.RecordPromptUsed(PickQuestion(r, step)));
        if (j < k + reflections) {
          return h.Take(
              runner.RecordNote({"", NoteKind::kReflection,
                                 std::string(Any(texts::kReflections, r)), r.Chance(0.3)}));
        }
        LearningPoint lp;
        lp.text = std::string(Any(texts::kPalliativePoints, r));
        if (r.Chance(0.7)) lp.author = oc.participants[r.Below(oc.participants.size())].id;
        lp.confidential = r.Chance(0.3);
        return h.Take(runner.RecordLearningPoint(std::move(lp)));
      });
    } else if (oc.kind == EntryKind::kHomeMeeting) {
      if (step.id == "knowledge-sharing") {
        const bool asked = r.Chance(0.8);
        done = h.Spread(minutes, asked ? 1 : 0, [&](int) {
          return h.Take(runner.RecordPromptUsed(PickQuestion(r, step)));
        });
      } else {
        const int k = r.Between(1, 2);
        const int reflections = r.Between(1, 2);
        done = h.Spread(minutes, k + reflections, [&](int j) -> absl::Status {
          if (j < k) return h.Take(runner.RecordPromptUsed(PickQuestion(r, step)));
          return h.Take(
              runner.RecordNote({"", NoteKind::kReflection,
                                 std::string(Any(texts::kReflections, r)), r.Chance(0.5)}));
        });
      }
    } else if (oc.kind == EntryKind::kLearningVisit && step.id == "check-in") {
      std::vector<std::string> asked;
      constexpr std::array<double, 3> kAsked = {0.9, 0.8, 0.7};
      for (std::size_t q = 0; q < step.prompts.size(); ++q) {
        if (r.Chance(q < kAsked.size() ? kAsked[q] : 0.5)) asked.push_back(step.prompts[q].id);
      }
      done = h.Spread(minutes, static_cast<int>(asked.size()), [&](int j) {
        return h.Take(runner.RecordPromptUsed(asked[static_cast<std::size_t>(j)]));
      });
    } else if (oc.kind == EntryKind::kLearningVisit && step.id == "learning-meeting") {
      const int reflections = r.Between(1, 2);
      const int points = r.Chance(0.92) ? 3 : 2;
      done = h.Spread(minutes, reflections + points, [&](int j) -> absl::Status {
        if (j < reflections) {
          return h.Take(runner.RecordNote(
              {"", NoteKind::kReflection, std::string(Any(texts::kReflections, r)), false}));
        }
        LearningPoint lp;
        lp.text = std::string(Any(texts::kVisitPoints, r));
        const double who = r.Uniform();
        if (who < 0.4) {
          lp.author = oc.participants[0].id;
        } else if (who < 0.7) {
          lp.author = oc.participants[1].id;
        }
        return h.Take(runner.RecordLearningPoint(std::move(lp)));
      });
    } else if (oc.kind == EntryKind::kTrialAction &&
               (step.id == "what-was-tried" || step.id == "why" || step.id == "what-happened")) {
      const auto& trial = texts::kTrialActions[trial_row];
      const std::size_t part = step.id == "what-was-tried" ? 0 : (step.id == "why" ? 1 : 2);
      done = h.Spread(minutes, 1, [&](int) {
        return h.Take(
            runner.RecordNote({"", NoteKind::kDocumentation, std::string(trial[part]), false}));
      });
    } else if (oc.kind == EntryKind::kTrialAction && step.id == "what-was-learnt") {
      done = h.Spread(minutes, r.Chance(0.7) ? 1 : 0, [&](int) {
        LearningPoint lp;
        lp.text = std::string(Any(texts::kLearningPoints, r));
        lp.author = oc.presenter;
        return h.Take(runner.RecordLearningPoint(std::move(lp)));
      });
    } else if (oc.kind == EntryKind::kSeminar && step.id == "personal-reflection") {
      done = h.Spread(minutes, r.Between(3, 8), [&](int) {
        return h.Take(runner.RecordNote(
            {"", NoteKind::kReflection, std::string(Any(texts::kReflections, r)), false}));
      });
    } else if (oc.kind == EntryKind::kSeminar && step.id == "feedback") {
      std::vector<const Participant*> giving;
      for (const Participant& p : oc.participants) {
        const bool staff = p.role != roles::kCitizen && p.role != roles::kRelative;
        if (r.Chance(staff ? 0.7 : 0.5)) giving.push_back(&p);
      }
      done = h.Spread(minutes, static_cast<int>(giving.size()), [&](int j) {
        Feedback f;
        f.participant = giving[static_cast<std::size_t>(j)]->id;
        f.rating = static_cast<int>(r.Pick(kRatingWeights)) + 1;
        if (r.Chance(0.15)) f.comment = std::string(Any(texts::kFeedbackComments, r));
        return h.Take(runner.RecordFeedback(std::move(f)));
      });
    } else {
      h.Wait(minutes);
    }
    if (!done.ok()) return done;
  }
  absl::StatusOr<Session> session = runner.Finish();
  if (!session.ok()) return h.Defect(session.status());
  FollowUp(*session, r);
  return session;
}

void SessionMaker::FollowUp(Session& session, Random& r) const {
  for (Action& a : session.actions) {
    if (a.history.empty()) continue;
    absl::Time at = a.history.back().at;
    auto change = [&](ActionStatus status, int days) {
      at += absl::Hours(24 * days) + absl::Minutes(r.Between(0, 360));
      if (at < end_) a.history.push_back({status, at});
      return at < end_;
    };
    if (r.Chance(0.7)) {
      if (!change(ActionStatus::kInProgress, r.Between(3, 30))) continue;
      const double x = r.Uniform();
      if (x < 0.65) {
        change(ActionStatus::kDone, r.Between(7, 90));
      } else if (x < 0.8) {
        change(ActionStatus::kDropped, r.Between(14, 120));
      }
    } else if (r.Chance(0.4)) {
      change(ActionStatus::kDropped, r.Between(14, 120));
    }
  }
}

void SessionMaker::Count(const Session& s) {
  ++counts_.sessions;
  if (s.status() == SessionStatus::kHeld) {
    ++counts_.held;
  } else {
    ++counts_.cancelled;
  }
  counts_.participants += s.participants.size();
  counts_.learning_points += s.learning_points.size();
  counts_.actions += s.actions.size();
  counts_.feedback += s.feedback.size();
}

}  // namespace carelearn::detail
