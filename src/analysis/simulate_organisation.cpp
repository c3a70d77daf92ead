#include "analysis/simulate_organisation.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "analysis/simulate_random.hpp"
#include "detail/absl_compat.hpp"

namespace carelearn::detail {
namespace {

// Stream kinds for StreamSeed.
constexpr std::uint64_t kRosterStream = 1;

constexpr std::string_view kNurse = "nurse";
constexpr std::string_view kAssistant = "social-and-health-assistant";
constexpr std::string_view kHelper = "social-and-health-helper";
constexpr std::string_view kPhysio = "physiotherapist";
constexpr std::string_view kOccupational = "occupational-therapist";

constexpr std::array<std::string_view, 5> kProfessions = {kNurse, kAssistant, kHelper, kPhysio,
                                                          kOccupational};

// Weights of kProfessions, by unit kind (docs/simulate.md, "The staff").
constexpr std::array<std::array<double, 5>, 3> kProfessionWeights = {{
    {15, 35, 45, 2, 3},   // home care
    {10, 45, 35, 4, 6},   // nursing home
    {20, 30, 5, 25, 20},  // rehabilitation
}};

// Weights of day, evening and night shifts for nursing staff, by unit kind;
// therapists work days.
constexpr std::array<std::array<double, 3>, 3> kShiftWeights = {{
    {60, 28, 12},  // home care
    {50, 30, 20},  // nursing home
    {70, 20, 10},  // rehabilitation
}};

// The head count of a unit at the start, leader included: [min, max].
constexpr std::array<std::array<int, 2>, 3> kUnitSize = {{{30, 60}, {40, 80}, {15, 30}}};

// The guests each partner municipality sends, over the years.
constexpr int kPartnerStaff = 25;
constexpr int kPartners = 6;

struct UnitName {
  std::string_view id;
  std::string_view da;
  std::string_view en;
};

constexpr std::array<UnitName, 5> kDistricts = {{{"north", "Nord", "North"},
                                                 {"south", "Syd", "South"},
                                                 {"east", "Øst", "East"},
                                                 {"west", "Vest", "West"},
                                                 {"centre", "Centrum", "Centre"}}};

constexpr std::array<UnitName, 12> kNursingHomes = {
    {{"birkely", "Birkely", "Birkely"},
     {"egely", "Egely", "Egely"},
     {"solgaarden", "Solgården", "Solgården"},
     {"lindehuset", "Lindehuset", "Lindehuset"},
     {"boegehoej", "Bøgehøj", "Bøgehøj"},
     {"kastanjehaven", "Kastanjehaven", "Kastanjehaven"},
     {"rosenhaven", "Rosenhaven", "Rosenhaven"},
     {"engbo", "Engbo", "Engbo"},
     {"skovbo", "Skovbo", "Skovbo"},
     {"fjordly", "Fjordly", "Fjordly"},
     {"havebo", "Havebo", "Havebo"},
     {"toftegaarden", "Toftegården", "Toftegården"}}};

// The kind of the i-th unit: the pattern home care, nursing home, home care,
// nursing home, rehabilitation, repeated (2 : 2 : 1).
UnitKind KindOf(int i) {
  constexpr std::array<UnitKind, 5> kPattern = {UnitKind::kHomeCare, UnitKind::kNursingHome,
                                                UnitKind::kHomeCare, UnitKind::kNursingHome,
                                                UnitKind::kRehabilitation};
  return kPattern[static_cast<std::size_t>(i % 5)];
}

// The id and name of the n-th unit (from 0) of `kind`.
std::pair<std::string, Text> NameOf(UnitKind kind, int n) {
  const auto pick = [n](const auto& names) -> const UnitName& {
    return names[static_cast<std::size_t>(n) % names.size()];
  };
  const int round = n / static_cast<int>(kind == UnitKind::kNursingHome ? kNursingHomes.size()
                                                                        : kDistricts.size());
  const std::string suffix = round == 0 ? "" : absl::StrCat("-", round + 1);
  const std::string number = round == 0 ? "" : absl::StrCat(" ", round + 1);
  switch (kind) {
    case UnitKind::kHomeCare: {
      const UnitName& d = pick(kDistricts);
      return {absl::StrCat("home-care-", Sv(d.id), suffix),
              {absl::StrCat("Hjemmeplejen ", Sv(d.da), number),
               absl::StrCat("Home care ", Sv(d.en), number)}};
    }
    case UnitKind::kNursingHome: {
      const UnitName& h = pick(kNursingHomes);
      return {absl::StrCat("nursing-home-", Sv(h.id), suffix),
              {absl::StrCat("Plejecenter ", Sv(h.da), number),
               absl::StrCat(Sv(h.en), number, " nursing home")}};
    }
    case UnitKind::kRehabilitation: {
      const UnitName& d = pick(kDistricts);
      return {absl::StrCat("rehabilitation-", Sv(d.id), suffix),
              {absl::StrCat("Rehabiliteringen ", Sv(d.da), number),
               absl::StrCat("Rehabilitation ", Sv(d.en), number)}};
    }
  }
  return {};
}

class Builder {
 public:
  Builder(const SimulationOptions& options, const Pseudonymiser& pseudonyms)
      : options_(options),
        pseudonyms_(pseudonyms),
        random_(StreamSeed(options.seed, kRosterStream, 0)),
        start_(options.start_year, 1, 1),
        end_(options.start_year + options.years, 1, 1) {}

  SimOrganisation Build(std::string municipality_id) {
    org_.municipality_id = std::move(municipality_id);
    org_.municipality_name = options_.municipality;
    MakeUnits();
    org_.by_unit.resize(org_.units.size() + 1);
    // The municipality's own staff, who stay the whole period.
    org_.project_leader = NewPerson(kNurse, Shift::kDay);
    Join(org_.project_leader, org_.central(), start_);
    org_.consultant = NewPerson(kOccupational, Shift::kDay);
    Join(org_.consultant, org_.central(), start_);
    for (std::uint32_t u = 0; u < org_.units.size(); ++u) StaffUnit(u);
    for (int year = options_.start_year; year < options_.start_year + options_.years; ++year) {
      Turnover(year);
    }
    for (std::vector<std::uint32_t>& list : org_.by_unit) {
      std::stable_sort(list.begin(), list.end(), [this](std::uint32_t a, std::uint32_t b) {
        return org_.memberships[a].from < org_.memberships[b].from;
      });
    }
    MakePartners();
    return std::move(org_);
  }

 private:
  void MakeUnits() {
    std::array<int, 3> seen = {0, 0, 0};
    for (int i = 0; i < options_.units; ++i) {
      const UnitKind kind = KindOf(i);
      auto [id, name] = NameOf(kind, seen[static_cast<std::size_t>(kind)]++);
      SimUnit unit;
      unit.id = std::move(id);
      unit.name = std::move(name);
      unit.kind = kind;
      std::vector<std::uint32_t>& of_kind = org_.by_kind[static_cast<std::size_t>(kind)];
      unit.kind_index = static_cast<std::uint32_t>(of_kind.size());
      of_kind.push_back(static_cast<std::uint32_t>(org_.units.size()));
      org_.units.push_back(std::move(unit));
    }
    // Cancellation factors spread evenly over [0.5, 1.5] (mean exactly 1), in random order.
    const auto n = static_cast<double>(org_.units.size());
    std::vector<double> factors;
    for (std::size_t k = 0; k < org_.units.size(); ++k) {
      factors.push_back(0.5 + (static_cast<double>(k) + 0.5) / n);
    }
    random_.Shuffle(factors);
    for (std::size_t k = 0; k < org_.units.size(); ++k) org_.units[k].cancel_factor = factors[k];
  }

  void MarkLeader(std::uint32_t person) {
    if (leader_.size() <= person) leader_.resize(person + 1, false);
    leader_[person] = true;
  }

  std::uint32_t NewPerson(std::string_view profession, Shift shift) {
    const auto index = static_cast<std::uint32_t>(org_.people.size());
    SimPerson p;
    p.id = pseudonyms_.Pseudonym(pseudonym_domains::kStaff,
                                 absl::StrFormat("%s-staff-%06d", org_.municipality_id, index + 1));
    p.profession = profession;
    p.shift = shift;
    org_.people.push_back(std::move(p));
    return index;
  }

  std::uint32_t Join(std::uint32_t person, std::uint32_t unit, absl::CivilDay from) {
    const auto index = static_cast<std::uint32_t>(org_.memberships.size());
    org_.memberships.push_back({person, unit, from, kOpenEnd});
    org_.by_unit[unit].push_back(index);
    return index;
  }

  Shift DrawShift(UnitKind kind, std::string_view profession) {
    if (profession == kPhysio || profession == kOccupational) return Shift::kDay;
    constexpr std::array<Shift, 3> kShifts = {Shift::kDay, Shift::kEvening, Shift::kNight};
    return kShifts[random_.Pick(kShiftWeights[static_cast<std::size_t>(kind)])];
  }

  void StaffUnit(std::uint32_t u) {
    const UnitKind kind = org_.units[u].kind;
    const auto k = static_cast<std::size_t>(kind);
    const int size = random_.Between(kUnitSize[k][0], kUnitSize[k][1]);
    const std::string_view leader_profession =
        kind == UnitKind::kRehabilitation ? kPhysio : (random_.Chance(0.7) ? kNurse : kAssistant);
    org_.units[u].leader = NewPerson(leader_profession, Shift::kDay);
    MarkLeader(org_.units[u].leader);
    Join(org_.units[u].leader, u, start_);
    for (int i = 1; i < size; ++i) {
      const std::string_view profession = kProfessions[random_.Pick(kProfessionWeights[k])];
      Join(NewPerson(profession, DrawShift(kind, profession)), u, start_);
    }
  }

  // The unit a person moving from `from` goes to: one of the same kind seven
  // times in ten (when there is one), otherwise any other.
  std::uint32_t MoveTarget(std::uint32_t from) {
    const auto n = static_cast<std::uint32_t>(org_.units.size());
    const bool has_same = org_.by_kind[static_cast<std::size_t>(org_.units[from].kind)].size() > 1;
    if (has_same && random_.Chance(0.7)) return *org_.AnotherOfKind(from, random_);
    const auto other = static_cast<std::uint32_t>(random_.Below(n - 1));
    return other >= from ? other + 1 : other;
  }

  // One year of leavers and moves. Everyone on the staff at the year's start
  // (the municipality's own staff and the leaders excepted) may leave or move
  // once, on a random day; whoever leaves a unit is replaced 2 to 8 weeks later.
  void Turnover(int year) {
    const absl::CivilDay first(year, 1, 1);
    const absl::CivilDay next(year + 1, 1, 1);
    std::vector<std::uint32_t> open;
    for (std::uint32_t m = 0; m < org_.memberships.size(); ++m) {
      const SimMembership& s = org_.memberships[m];
      if (s.to != kOpenEnd || s.from >= next || s.unit == org_.central()) continue;
      if (s.person < leader_.size() && leader_[s.person]) continue;
      open.push_back(m);
    }
    const double leave = options_.rates.leavers;
    const double move = org_.units.size() > 1 ? options_.rates.moves : 0.0;
    for (std::uint32_t m : open) {
      const double x = random_.Uniform();
      if (x >= leave + move) continue;
      const SimMembership s = org_.memberships[m];
      const absl::CivilDay earliest = std::max(first, s.from + 1);
      if (earliest >= next) continue;
      const absl::CivilDay day =
          earliest + static_cast<int>(random_.Below(static_cast<std::uint64_t>(next - earliest)));
      org_.memberships[m].to = day - 1;
      if (x >= leave) Join(s.person, MoveTarget(s.unit), day);
      const absl::CivilDay hired = day + random_.Between(14, 60);
      if (hired < end_) {
        const SimPerson& gone = org_.people[s.person];
        const std::string_view profession = gone.profession;
        const Shift shift = gone.shift;
        Join(NewPerson(profession, shift), s.unit, hired);
      }
    }
  }

  void MakePartners() {
    for (int k = 1; k <= kPartners; ++k) {
      SimPartner partner;
      partner.id = absl::StrCat("partner-municipality-", k);
      for (int i = 1; i <= kPartnerStaff; ++i) {
        const std::string_view profession = kProfessions[random_.Pick(kProfessionWeights[1])];
        partner.staff.push_back(
            {pseudonyms_.Pseudonym(pseudonym_domains::kStaff,
                                   absl::StrFormat("%s-staff-%03d", partner.id, i)),
             profession, DrawShift(UnitKind::kNursingHome, profession)});
      }
      org_.partners.push_back(std::move(partner));
    }
  }

  const SimulationOptions& options_;
  const Pseudonymiser& pseudonyms_;
  Random random_;
  absl::CivilDay start_;
  absl::CivilDay end_;
  SimOrganisation org_;
  std::vector<bool> leader_;  // by person
};

}  // namespace

std::string_view AreaId(UnitKind kind) {
  switch (kind) {
    case UnitKind::kHomeCare:
      return "home-care";
    case UnitKind::kNursingHome:
      return "nursing-homes";
    case UnitKind::kRehabilitation:
      return "rehabilitation";
  }
  return "";
}

Text AreaName(UnitKind kind) {
  switch (kind) {
    case UnitKind::kHomeCare:
      return {"Hjemmeplejen", "Home care"};
    case UnitKind::kNursingHome:
      return {"Plejecentre", "Nursing homes"};
    case UnitKind::kRehabilitation:
      return {"Rehabilitering", "Rehabilitation"};
  }
  return {};
}

std::optional<std::uint32_t> SimOrganisation::AnotherOfKind(std::uint32_t unit,
                                                            Random& random) const {
  const std::vector<std::uint32_t>& of_kind = by_kind[static_cast<std::size_t>(units[unit].kind)];
  if (of_kind.size() < 2) return std::nullopt;
  std::uint64_t i = random.Below(of_kind.size() - 1);
  if (i >= units[unit].kind_index) ++i;
  return of_kind[i];
}

void SimOrganisation::MembersOn(std::uint32_t unit, absl::CivilDay day,
                                std::vector<std::uint32_t>& out) const {
  out.clear();
  for (std::uint32_t m : by_unit[unit]) {
    const SimMembership& s = memberships[m];
    if (s.from > day) break;
    if (s.to >= day) out.push_back(s.person);
  }
}

SimOrganisation BuildOrganisation(const SimulationOptions& options, std::string municipality_id,
                                  const Pseudonymiser& pseudonyms) {
  return Builder(options, pseudonyms).Build(std::move(municipality_id));
}

std::vector<RosterEntry> RosterOf(const SimOrganisation& org) {
  std::vector<RosterEntry> roster;
  roster.reserve(org.memberships.size());
  auto add = [&](std::uint32_t unit) {
    for (std::uint32_t m : org.by_unit[unit]) {
      const SimMembership& s = org.memberships[m];
      const SimPerson& p = org.people[s.person];
      RosterEntry e;
      e.person = p.id;
      e.unit = org.UnitId(unit);
      e.profession = std::string(p.profession);
      e.shift = p.shift;
      e.from = s.from;
      if (s.to != kOpenEnd) e.to = s.to;
      roster.push_back(std::move(e));
    }
  };
  add(org.central());
  for (std::uint32_t u = 0; u < org.units.size(); ++u) add(u);
  return roster;
}

std::string MunicipalityId(std::string_view name) {
  // Two-byte UTF-8 letters of Latin-1 that Danish names use, in ASCII.
  struct Letter {
    unsigned char second;  // the byte after 0xC3
    std::string_view ascii;
  };
  constexpr std::array<Letter, 24> kLetters = {{
      {0xA6, "ae"}, {0x86, "ae"}, {0xB8, "oe"}, {0x98, "oe"}, {0xA5, "aa"}, {0x85, "aa"},
      {0xA4, "a"},  {0x84, "a"},  {0xA1, "a"},  {0xA0, "a"},  {0xA9, "e"},  {0x89, "e"},
      {0xA8, "e"},  {0xAB, "e"},  {0xB6, "o"},  {0x96, "o"},  {0xB3, "o"},  {0xBC, "u"},
      {0x9C, "u"},  {0xBA, "u"},  {0xAD, "i"},  {0xB1, "n"},  {0xA7, "c"},  {0x9F, "ss"},
  }};
  std::string id;
  bool gap = false;
  auto put = [&](std::string_view s) {
    if (gap && !id.empty()) id.push_back('-');
    gap = false;
    id.append(s);
  };
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      put(std::string_view(&name[i], 1));
    } else if (c >= 'A' && c <= 'Z') {
      const char lower = static_cast<char>(c - 'A' + 'a');
      put(std::string_view(&lower, 1));
    } else if (c == 0xC3 && i + 1 < name.size()) {
      const auto next = static_cast<unsigned char>(name[i + 1]);
      const auto it = std::find_if(kLetters.begin(), kLetters.end(),
                                   [next](const Letter& l) { return l.second == next; });
      ++i;
      if (it != kLetters.end()) {
        put(it->ascii);
      } else {
        gap = true;
      }
    } else {
      gap = true;
    }
  }
  return id;
}

}  // namespace carelearn::detail
