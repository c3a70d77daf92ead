#include "carelearn/model/diff.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "carelearn/model/wording.hpp"
#include "detail/absl_compat.hpp"

namespace carelearn {
namespace {

using detail::Sv;

std::string Describe(const Text& t) { return absl::StrCat(t.da, " / ", t.en); }

std::string Describe(const std::optional<TimeBudget>& b) { return b ? DescribeBudget(*b) : "none"; }

std::string Describe(const Setting& s) {
  return absl::StrCat(Sv(PlaceName(s.place)), s.standing ? ", standing" : "");
}

std::string Describe(const Capacity& c) {
  return absl::StrCat(c.min, "–", c.max ? absl::StrCat(*c.max) : "",
                      c.typical ? absl::StrCat(" (typically ", *c.typical, ")") : "");
}

std::string Describe(const std::optional<Cadence>& c) { return c ? DescribeCadence(*c) : "none"; }

std::string Describe(const FormatRef& r) {
  return r.version ? absl::StrCat(r.id, " v", *r.version) : r.id;
}

std::string Describe(const std::optional<FormatRef>& r) { return r ? Describe(*r) : "none"; }

std::string Describe(const std::vector<OutputKind>& kinds) {
  return absl::StrJoin(kinds, ", ", [](std::string* out, OutputKind k) {
    absl::StrAppend(out, Sv(OutputKindName(k)));
  });
}

std::string Describe(const std::vector<Prompt>& prompts) {
  return absl::StrJoin(prompts, ", ",
                       [](std::string* out, const Prompt& p) { absl::StrAppend(out, p.id); });
}

std::string Describe(const std::vector<std::string>& ids) { return absl::StrJoin(ids, ", "); }

std::string Describe(const std::vector<RoleRequirement>& roles) {
  return absl::StrJoin(roles, ", ", [](std::string* out, const RoleRequirement& r) {
    absl::StrAppend(out, r.role, " ", r.min, "–", r.max ? absl::StrCat(*r.max) : "");
  });
}

std::string Describe(const std::vector<DeclaredOutput>& outputs) {
  return absl::StrJoin(outputs, ", ", [](std::string* out, const DeclaredOutput& o) {
    absl::StrAppend(out, Sv(OutputKindName(o.kind)), " ", o.min, "–",
                    o.max ? absl::StrCat(*o.max) : "",
                    o.destination.empty() ? "" : absl::StrCat(" → ", o.destination));
  });
}

std::string Describe(const std::vector<Prerequisite>& ps) {
  return absl::StrJoin(ps, ", ",
                       [](std::string* out, const Prerequisite& p) { absl::StrAppend(out, p.id); });
}

std::string Describe(const std::vector<Component>& cs) {
  return absl::StrJoin(cs, ", ", [](std::string* out, const Component& c) {
    absl::StrAppend(out, Describe(c.format), " (", Describe(c.cadence), ")");
  });
}

std::string Describe(const std::vector<FormatRef>& refs) {
  return absl::StrJoin(
      refs, " → ", [](std::string* out, const FormatRef& r) { absl::StrAppend(out, Describe(r)); });
}

std::string Describe(const std::vector<Role>& roles) {
  return absl::StrJoin(roles, ", ",
                       [](std::string* out, const Role& r) { absl::StrAppend(out, r.id); });
}

std::string Describe(const std::string& s) { return s; }
std::string Describe(int i) { return absl::StrCat(i); }
std::string Describe(Participation p) { return std::string(ParticipationName(p)); }
std::string Describe(const TimeBudget& b) { return DescribeBudget(b); }

class Differ {
 public:
  template <typename T>
  void Field(std::string path, const T& a, const T& b) {
    if (a == b) return;
    out_.push_back({Difference::Kind::kChanged, std::move(path), Describe(a), Describe(b)});
  }

  void Steps(const std::vector<Step>& a, const std::vector<Step>& b) {
    for (std::size_t j = 0; j < b.size(); ++j) {
      const Step& sb = b[j];
      const std::string base = absl::StrCat("steps[", sb.id, "]");
      std::size_t i = 0;
      while (i < a.size() && a[i].id != sb.id) ++i;
      if (i == a.size()) {
        out_.push_back({Difference::Kind::kAdded, base, "",
                        absl::StrCat(Describe(sb.title), " (", DescribeBudget(sb.budget), ")")});
        continue;
      }
      const Step& sa = a[i];
      if (PositionAmongShared(a, b, sa.id) != PositionAmongShared(b, a, sb.id)) {
        out_.push_back({Difference::Kind::kChanged, base + ".position", absl::StrCat(i + 1),
                        absl::StrCat(j + 1)});
      }
      Field(base + ".title", sa.title, sb.title);
      Field(base + ".purpose", sa.purpose, sb.purpose);
      Field(base + ".budget", sa.budget, sb.budget);
      Field(base + ".lead", sa.lead, sb.lead);
      Field(base + ".participation", sa.participation, sb.participation);
      Field(base + ".prompts", sa.prompts, sb.prompts);
      Field(base + ".question_sets", sa.question_sets, sb.question_sets);
      Field(base + ".produces", sa.produces, sb.produces);
      Field(base + ".format", sa.format, sb.format);
      Field(base + ".extensions", sa.extensions, sb.extensions);
    }
    for (const Step& sa : a) {
      bool kept = false;
      for (const Step& sb : b) kept = kept || sb.id == sa.id;
      if (!kept) {
        out_.push_back({Difference::Kind::kRemoved, absl::StrCat("steps[", sa.id, "]"),
                        absl::StrCat(Describe(sa.title), " (", DescribeBudget(sa.budget), ")"),
                        ""});
      }
    }
  }

  std::vector<Difference> Take() { return std::move(out_); }

 private:
  // The index of `id` among the steps of `in` that `other` also has, so that an
  // added or removed step does not count as moving the steps after it.
  static std::size_t PositionAmongShared(const std::vector<Step>& in,
                                         const std::vector<Step>& other, std::string_view id) {
    std::size_t position = 0;
    for (const Step& s : in) {
      if (s.id == id) return position;
      for (const Step& o : other) {
        if (o.id == s.id) {
          ++position;
          break;
        }
      }
    }
    return position;
  }

  std::vector<Difference> out_;
};

}  // namespace

std::vector<Difference> Diff(const Format& a, const Format& b) {
  Differ d;
  d.Field("id", a.id, b.id);
  d.Field("version", a.version, b.version);
  d.Field("title", a.title, b.title);
  d.Field("purpose", a.purpose, b.purpose);
  d.Field("source", a.source, b.source);
  d.Field("prerequisites", a.prerequisites, b.prerequisites);
  d.Field("setting", a.setting, b.setting);
  d.Field("capacity", a.capacity, b.capacity);
  d.Field("duration", a.duration, b.duration);
  d.Field("cadence", a.cadence, b.cadence);
  d.Field("defined_roles", a.defined_roles, b.defined_roles);
  d.Field("roles", a.roles, b.roles);
  d.Field("outputs", a.outputs, b.outputs);
  d.Field("components", a.components, b.components);
  d.Field("lineage", a.lineage, b.lineage);
  d.Field("extensions", a.extensions, b.extensions);
  d.Steps(a.steps, b.steps);
  return d.Take();
}

}  // namespace carelearn
