// Reading carelearn documents from JSON trees: every key checked, every
// error located. See docs/json-format.md for the document shapes.
#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "carelearn/model/format.hpp"
#include "carelearn/model/prompt.hpp"
#include "carelearn/model/role.hpp"
#include "carelearn/model/step.hpp"
#include "carelearn/model/text.hpp"
#include "carelearn/model/time_budget.hpp"
#include "carelearn/model/variant.hpp"
#include "detail/absl_compat.hpp"
#include "io/json_convert.hpp"
#include "io/json_tree.hpp"

// Returns from the enclosing function when `expr` yields a non-OK status.
#define CARELEARN_RETURN_IF_ERROR(expr)                 \
  do {                                                  \
    if (absl::Status status_ = (expr); !status_.ok()) { \
      return status_;                                   \
    }                                                   \
  } while (false)

namespace carelearn::detail {
namespace {

using Keys = std::span<const std::string_view>;

// A place in a document, as a chain of keys and indices up to the root.
struct Path {
  const Path* parent = nullptr;
  std::string_view key;
  std::size_t index = 0;
  bool is_index = false;

  [[nodiscard]] Path Child(std::string_view k) const { return Path{this, k, 0, false}; }
  [[nodiscard]] Path Item(std::size_t i) const { return Path{this, {}, i, true}; }

  [[nodiscard]] std::string Pointer() const {
    std::vector<const Path*> chain;
    for (const Path* p = this; p->parent != nullptr; p = p->parent) chain.push_back(p);
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      if ((*it)->is_index) {
        absl::StrAppend(&out, "/", (*it)->index);
      } else {
        absl::StrAppend(&out, "/", EscapePointerToken((*it)->key));
      }
    }
    return out;
  }
};

// Optimal string alignment distance: edits, counting a swap of two
// neighbouring characters as one.
std::size_t EditDistance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

// The candidate closest to `word`, when it is close enough to be a likely typo.
std::optional<std::string_view> Closest(std::string_view word, Keys candidates) {
  if (word.size() > 64) return std::nullopt;  // no typo of a short key is this long
  const std::string lower = absl::AsciiStrToLower(Sv(word));
  std::optional<std::string_view> best;
  std::size_t best_distance = 0;
  for (const std::string_view candidate : candidates) {
    std::size_t distance = EditDistance(lower, candidate);
    if (distance < EditDistance(word, candidate)) distance = std::max<std::size_t>(distance, 1);
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  const std::size_t allowed = std::max<std::size_t>(1, std::min(word.size(), std::size_t{12}) / 3);
  if (best && best_distance <= allowed) return best;
  return std::nullopt;
}

std::string QuoteList(Keys words) {
  std::vector<std::string> quoted;
  quoted.reserve(words.size());
  for (const std::string_view w : words) quoted.push_back(absl::StrCat("\"", Sv(w), "\""));
  return absl::StrJoin(quoted, ", ");
}

// What a message calls the value `node`.
std::string Found(const Node& node) {
  switch (node.kind) {
    case Node::Kind::kNull:
      return "null";
    case Node::Kind::kBool:
      return node.boolean ? "true" : "false";
    case Node::Kind::kInt:
      return absl::StrCat("the number ", node.integer);
    case Node::Kind::kUint:
      return absl::StrCat("the number ", node.unsigned_integer);
    case Node::Kind::kDouble: {
      std::string text;
      WriteNumber(node.number, text);
      return absl::StrCat("the number ", text);
    }
    case Node::Kind::kString:
      return absl::StrCat("the string ", QuoteForMessage(node.string));
    case Node::Kind::kArray:
      return "an array";
    case Node::Kind::kObject:
      return "an object";
  }
  return "a value";
}

// Reads values of one document, building located errors.
class Reader {
 public:
  explicit Reader(const JsonText& json) : json_(json) {}

  [[nodiscard]] absl::Status Error(
      const Node& at, const Path& path, std::string_view message,
      absl::StatusCode code = absl::StatusCode::kInvalidArgument) const {
    return json_.ErrorAtToken(code, at.token, path.Pointer(), message);
  }

  [[nodiscard]] absl::Status Expected(const Node& at, const Path& path,
                                      std::string_view what) const {
    return Error(at, path, absl::StrCat("expected ", Sv(what), ", found ", Found(at)));
  }

  // Checks that `node` is an object whose keys are all in `allowed` and that
  // has every key in `required`. `context` adds to the unknown-key message.
  [[nodiscard]] absl::Status CheckObject(const Node& node, const Path& path, Keys allowed,
                                         Keys required, std::string_view context = {}) const {
    if (node.kind != Node::Kind::kObject) return Expected(node, path, "an object");
    for (const Member& member : node.members) {
      if (std::find(allowed.begin(), allowed.end(), member.key) != allowed.end()) continue;
      std::string message = absl::StrCat("unknown key ", QuoteForMessage(member.key), Sv(context));
      if (const auto likely = Closest(member.key, allowed)) {
        absl::StrAppend(&message, "; did you mean \"", Sv(*likely), "\"?");
      } else {
        absl::StrAppend(&message, "; expected one of ", QuoteList(allowed));
      }
      return json_.ErrorAtToken(absl::StatusCode::kInvalidArgument, member.token,
                                path.Child(member.key).Pointer(), message);
    }
    for (const std::string_view key : required) {
      if (node.Find(key) == nullptr) {
        return Error(node, path,
                     absl::StrCat("missing required key \"", Sv(key), "\"", Sv(context)));
      }
    }
    return absl::OkStatus();
  }

  // Calls `read(value, path)` for the member `key` of `object` when it is present.
  template <typename F>
  [[nodiscard]] absl::Status Field(const Node& object, const Path& path, std::string_view key,
                                   F&& read) const {
    const Member* member = object.Find(key);
    if (member == nullptr) return absl::OkStatus();
    const Path child = path.Child(key);
    return read(member->value, child);
  }

  // Reads an array, calling `read(item, path)` for each element.
  template <typename F>
  [[nodiscard]] absl::Status Array(const Node& node, const Path& path, F&& read,
                                   std::string_view what = "an array") const {
    if (node.kind != Node::Kind::kArray) return Expected(node, path, what);
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      const Path item = path.Item(i);
      CARELEARN_RETURN_IF_ERROR(read(node.items[i], item));
    }
    return absl::OkStatus();
  }

  [[nodiscard]] absl::Status String(const Node& node, const Path& path, std::string& out,
                                    bool non_empty = true) const {
    if (node.kind != Node::Kind::kString) {
      return Expected(node, path, non_empty ? "a non-empty string" : "a string");
    }
    if (non_empty && node.string.empty()) return Expected(node, path, "a non-empty string");
    out = node.string;
    return absl::OkStatus();
  }

  [[nodiscard]] absl::Status Bool(const Node& node, const Path& path, bool& out) const {
    if (node.kind != Node::Kind::kBool) return Expected(node, path, "true or false");
    out = node.boolean;
    return absl::OkStatus();
  }

  // Reads an integer from `min` to INT_MAX; integral numbers such as 2.0 count.
  [[nodiscard]] absl::Status Int(const Node& node, const Path& path, int& out, int min) const {
    const std::string what = absl::StrCat("an integer from ", min, " to ", INT_MAX);
    bool fits = false;
    std::int64_t value = 0;
    switch (node.kind) {
      case Node::Kind::kInt:
        fits = node.integer >= min && node.integer <= INT_MAX;
        value = node.integer;
        break;
      case Node::Kind::kUint:
        break;
      case Node::Kind::kDouble:
        if (std::trunc(node.number) == node.number && node.number >= min &&
            node.number <= INT_MAX) {
          fits = true;
          value = static_cast<std::int64_t>(node.number);
        }
        break;
      default:
        return Expected(node, path, what);
    }
    if (!fits) return Expected(node, path, what);
    out = static_cast<int>(value);
    return absl::OkStatus();
  }

  [[nodiscard]] absl::Status Int(const Node& node, const Path& path, std::optional<int>& out,
                                 int min) const {
    int value = 0;
    CARELEARN_RETURN_IF_ERROR(Int(node, path, value, min));
    out = value;
    return absl::OkStatus();
  }

  // Reads a finite number of 0 or more.
  [[nodiscard]] absl::Status Amount(const Node& node, const Path& path, double& out) const {
    switch (node.kind) {
      case Node::Kind::kInt:
        out = static_cast<double>(node.integer);
        break;
      case Node::Kind::kUint:
        out = static_cast<double>(node.unsigned_integer);
        break;
      case Node::Kind::kDouble:
        out = node.number;
        break;
      default:
        return Expected(node, path, "a number of 0 or more");
    }
    if (out < 0) return Expected(node, path, "a number of 0 or more");
    if (out == 0) out = 0;  // -0 reads as 0
    return absl::OkStatus();
  }

  // Reads one of the names `names` (for the enumerators `values`) into `out`.
  template <typename E, std::size_t N>
  [[nodiscard]] absl::Status Enum(const Node& node, const Path& path,
                                  const std::array<E, N>& values, std::string_view (*name_of)(E),
                                  E& out) const {
    std::array<std::string_view, N> names;
    for (std::size_t i = 0; i < N; ++i) names[i] = name_of(values[i]);
    const std::string what = absl::StrCat("one of ", QuoteList(names));
    if (node.kind != Node::Kind::kString) return Expected(node, path, what);
    for (std::size_t i = 0; i < N; ++i) {
      if (names[i] == node.string) {
        out = values[i];
        return absl::OkStatus();
      }
    }
    std::string message = absl::StrCat("expected ", what, ", found ", Found(node));
    if (const auto likely = Closest(node.string, names)) {
      absl::StrAppend(&message, "; did you mean \"", Sv(*likely), "\"?");
    }
    return Error(node, path, message);
  }

  // Reads an "extensions" object as its canonical text ("" when empty).
  [[nodiscard]] absl::Status Extensions(const Node& node, const Path& path,
                                        std::string& out) const {
    if (node.kind != Node::Kind::kObject) return Expected(node, path, "an object");
    out.clear();
    if (!node.members.empty()) WriteCanonical(node, 0, out);
    return absl::OkStatus();
  }

  [[nodiscard]] const JsonText& json() const { return json_; }

 private:
  const JsonText& json_;
};

constexpr std::array kUnits{TimeUnit::kMinute, TimeUnit::kHour, TimeUnit::kDay};
constexpr std::array kParticipations{Participation::kSpeaker,   Participation::kQuestions,
                                     Participation::kRound,     Participation::kPlenary,
                                     Participation::kGroups,    Participation::kShadowing,
                                     Participation::kIndividual};
constexpr std::array kOutputKinds{OutputKind::kLearningPoint, OutputKind::kOrganisationalAction,
                                  OutputKind::kReflection, OutputKind::kFeedback,
                                  OutputKind::kDocumentation};
constexpr std::array kPlaces{Place::kWorkplace, Place::kCitizensHome, Place::kOffSite,
                             Place::kEducation};
constexpr std::array kPeriods{Period::kDay, Period::kWeek, Period::kMonth, Period::kYear};
constexpr std::array kOps{StepChange::Op::kAdd, StepChange::Op::kRemove, StepChange::Op::kReplace,
                          StepChange::Op::kSetBudget, StepChange::Op::kSetPrompts};

std::string_view BudgetKindName(TimeBudget::Kind kind) {
  switch (kind) {
    case TimeBudget::Kind::kFixed:
      return "fixed";
    case TimeBudget::Kind::kRange:
      return "range";
    case TimeBudget::Kind::kPerParticipant:
      return "per-participant";
    case TimeBudget::Kind::kOpen:
      return "open";
  }
  return "fixed";
}
constexpr std::array kBudgetKinds{TimeBudget::Kind::kFixed, TimeBudget::Kind::kRange,
                                  TimeBudget::Kind::kPerParticipant, TimeBudget::Kind::kOpen};

absl::Status ReadText(const Reader& r, const Node& node, const Path& path, Text& out) {
  static constexpr std::array<std::string_view, 2> kKeys{"da", "en"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, {}));
  out = Text{};
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "da", [&](const Node& v, const Path& p) { return r.String(v, p, out.da); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "en", [&](const Node& v, const Path& p) { return r.String(v, p, out.en); }));
  if (out.empty()) {
    return r.Error(node, path, "a text needs at least one language: \"da\" or \"en\"");
  }
  return absl::OkStatus();
}

absl::Status ReadText(const Reader& r, const Node& node, const Path& path,
                      std::optional<Text>& out) {
  Text text;
  CARELEARN_RETURN_IF_ERROR(ReadText(r, node, path, text));
  out = std::move(text);
  return absl::OkStatus();
}

absl::Status ReadBudget(const Reader& r, const Node& node, const Path& path, TimeBudget& out) {
  static constexpr std::array<std::string_view, 6> kKeys{"kind", "minutes", "hours",
                                                         "days", "about",   "skip"};
  static constexpr std::array<std::string_view, 1> kRequired{"kind"};
  static constexpr std::array<std::string_view, 3> kUnitKeys{"minutes", "hours", "days"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  out = TimeBudget{};
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "kind", [&](const Node& v, const Path& p) {
    return r.Enum(v, p, kBudgetKinds, &BudgetKindName, out.kind);
  }));
  const Member* amount = nullptr;
  for (std::size_t i = 0; i < kUnitKeys.size(); ++i) {
    const Member* m = node.Find(kUnitKeys[i]);
    if (m == nullptr) continue;
    if (amount != nullptr) {
      return r.json().ErrorAtToken(
          absl::StatusCode::kInvalidArgument, m->token, path.Child(m->key).Pointer(),
          absl::StrCat("a budget gives its amount in one unit; found both \"", amount->key,
                       "\" and \"", m->key, "\""));
    }
    amount = m;
    out.unit = kUnits[i];
  }
  if (out.kind == TimeBudget::Kind::kOpen) {
    if (amount != nullptr) {
      return r.json().ErrorAtToken(absl::StatusCode::kInvalidArgument, amount->token,
                                   path.Child(amount->key).Pointer(),
                                   "an \"open\" budget has no amount");
    }
  } else {
    if (amount == nullptr) {
      return r.Error(node, path,
                     absl::StrCat("missing the amount: a \"", Sv(BudgetKindName(out.kind)),
                                  "\" budget needs one of \"minutes\", \"hours\" or \"days\""));
    }
    const Path at = path.Child(amount->key);
    const Node& value = amount->value;
    const bool single = out.kind == TimeBudget::Kind::kFixed ||
                        (out.kind == TimeBudget::Kind::kPerParticipant && value.is_number());
    if (single) {
      if (!value.is_number()) {
        return r.Expected(value, at,
                          "a number of 0 or more (a \"fixed\" budget has one amount; write a "
                          "range as \"kind\": \"range\")");
      }
      CARELEARN_RETURN_IF_ERROR(r.Amount(value, at, out.min));
      out.max = out.min;
    } else {
      const std::string_view what = out.kind == TimeBudget::Kind::kRange
                                        ? "an array of two numbers [low, high]"
                                        : "a number or an array of two numbers [low, high]";
      if (value.kind != Node::Kind::kArray) return r.Expected(value, at, what);
      if (value.items.size() != 2) {
        return r.Error(
            value, at,
            absl::StrCat("expected ", Sv(what), ", found an array of ", value.items.size(),
                         value.items.size() == 1 ? " element" : " elements"));
      }
      CARELEARN_RETURN_IF_ERROR(r.Amount(value.items[0], at.Item(0), out.min));
      CARELEARN_RETURN_IF_ERROR(r.Amount(value.items[1], at.Item(1), out.max));
    }
  }
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "about", [&](const Node& v, const Path& p) { return r.Bool(v, p, out.about); }));
  if (const Member* skip = node.Find("skip")) {
    const Path at = path.Child("skip");
    if (out.kind != TimeBudget::Kind::kPerParticipant) {
      return r.json().ErrorAtToken(absl::StatusCode::kInvalidArgument, skip->token, at.Pointer(),
                                   "\"skip\" applies only to \"per-participant\" budgets");
    }
    CARELEARN_RETURN_IF_ERROR(r.Int(skip->value, at, out.skip, 0));
  }
  return absl::OkStatus();
}

absl::Status ReadBudget(const Reader& r, const Node& node, const Path& path,
                        std::optional<TimeBudget>& out) {
  TimeBudget budget;
  CARELEARN_RETURN_IF_ERROR(ReadBudget(r, node, path, budget));
  out = budget;
  return absl::OkStatus();
}

absl::Status ReadCadence(const Reader& r, const Node& node, const Path& path,
                         std::optional<Cadence>& out) {
  static constexpr std::array<std::string_view, 3> kKeys{"every", "unit", "count"};
  static constexpr std::array<std::string_view, 2> kRequired{"every", "unit"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  Cadence cadence;
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "every", [&](const Node& v, const Path& p) {
    return r.Int(v, p, cadence.interval, 1);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "unit", [&](const Node& v, const Path& p) {
    return r.Enum(v, p, kPeriods, &PeriodName, cadence.unit);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "count", [&](const Node& v, const Path& p) {
    return r.Int(v, p, cadence.count, 1);
  }));
  out = cadence;
  return absl::OkStatus();
}

absl::Status ReadCapacity(const Reader& r, const Node& node, const Path& path, Capacity& out) {
  static constexpr std::array<std::string_view, 3> kKeys{"min", "max", "typical"};
  static constexpr std::array<std::string_view, 1> kRequired{"min"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  out = Capacity{};
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "min", [&](const Node& v, const Path& p) { return r.Int(v, p, out.min, 1); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "max", [&](const Node& v, const Path& p) { return r.Int(v, p, out.max, 1); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "typical", [&](const Node& v, const Path& p) {
    return r.Int(v, p, out.typical, 1);
  }));
  return absl::OkStatus();
}

absl::Status ReadSetting(const Reader& r, const Node& node, const Path& path, Setting& out) {
  static constexpr std::array<std::string_view, 2> kKeys{"place", "standing"};
  static constexpr std::array<std::string_view, 1> kRequired{"place"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  out = Setting{};
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "place", [&](const Node& v, const Path& p) {
    return r.Enum(v, p, kPlaces, &PlaceName, out.place);
  }));
  return r.Field(node, path, "standing",
                 [&](const Node& v, const Path& p) { return r.Bool(v, p, out.standing); });
}

absl::Status ReadFormatRef(const Reader& r, const Node& node, const Path& path, FormatRef& out) {
  static constexpr std::array<std::string_view, 2> kKeys{"id", "version"};
  static constexpr std::array<std::string_view, 1> kRequired{"id"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  out = FormatRef{};
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "id", [&](const Node& v, const Path& p) { return r.String(v, p, out.id); }));
  return r.Field(node, path, "version",
                 [&](const Node& v, const Path& p) { return r.Int(v, p, out.version, 1); });
}

absl::Status ReadPrompt(const Reader& r, const Node& node, const Path& path, Prompt& out) {
  static constexpr std::array<std::string_view, 3> kKeys{"id", "text", "audience"};
  static constexpr std::array<std::string_view, 2> kRequired{"id", "text"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "id", [&](const Node& v, const Path& p) { return r.String(v, p, out.id); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "text", [&](const Node& v, const Path& p) {
    return ReadText(r, v, p, out.text);
  }));
  return r.Field(node, path, "audience",
                 [&](const Node& v, const Path& p) { return r.String(v, p, out.audience); });
}

absl::Status ReadPrompts(const Reader& r, const Node& node, const Path& path,
                         std::vector<Prompt>& out) {
  out.clear();
  return r.Array(node, path, [&](const Node& item, const Path& p) {
    return ReadPrompt(r, item, p, out.emplace_back());
  });
}

absl::Status ReadStep(const Reader& r, const Node& node, const Path& path, Step& out) {
  static constexpr std::array<std::string_view, 11> kKeys{
      "id",      "title",         "purpose",  "budget", "lead",      "participation",
      "prompts", "question_sets", "produces", "format", "extensions"};
  static constexpr std::array<std::string_view, 4> kRequired{"id", "title", "budget",
                                                             "participation"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  out = Step{};
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "id", [&](const Node& v, const Path& p) { return r.String(v, p, out.id); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "title", [&](const Node& v, const Path& p) {
    return ReadText(r, v, p, out.title);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "purpose", [&](const Node& v, const Path& p) {
    return ReadText(r, v, p, out.purpose);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "budget", [&](const Node& v, const Path& p) {
    return ReadBudget(r, v, p, out.budget);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "lead", [&](const Node& v, const Path& p) { return r.String(v, p, out.lead); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "participation", [&](const Node& v, const Path& p) {
    return r.Enum(v, p, kParticipations, &ParticipationName, out.participation);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "prompts", [&](const Node& v, const Path& p) {
    return ReadPrompts(r, v, p, out.prompts);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "question_sets", [&](const Node& v, const Path& p) {
    return r.Array(v, p, [&](const Node& item, const Path& ip) {
      return r.String(item, ip, out.question_sets.emplace_back());
    });
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "produces", [&](const Node& v, const Path& p) {
    return r.Array(v, p, [&](const Node& item, const Path& ip) {
      return r.Enum(item, ip, kOutputKinds, &OutputKindName, out.produces.emplace_back());
    });
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "format", [&](const Node& v, const Path& p) {
    return ReadFormatRef(r, v, p, out.format.emplace());
  }));
  return r.Field(node, path, "extensions",
                 [&](const Node& v, const Path& p) { return r.Extensions(v, p, out.extensions); });
}

absl::Status ReadPrerequisite(const Reader& r, const Node& node, const Path& path,
                              Prerequisite& out) {
  static constexpr std::array<std::string_view, 2> kKeys{"id", "text"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kKeys));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "id", [&](const Node& v, const Path& p) { return r.String(v, p, out.id); }));
  return r.Field(node, path, "text",
                 [&](const Node& v, const Path& p) { return ReadText(r, v, p, out.text); });
}

absl::Status ReadRole(const Reader& r, const Node& node, const Path& path, Role& out) {
  static constexpr std::array<std::string_view, 3> kKeys{"id", "name", "description"};
  static constexpr std::array<std::string_view, 2> kRequired{"id", "name"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "id", [&](const Node& v, const Path& p) { return r.String(v, p, out.id); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "name", [&](const Node& v, const Path& p) {
    return ReadText(r, v, p, out.name);
  }));
  return r.Field(node, path, "description",
                 [&](const Node& v, const Path& p) { return ReadText(r, v, p, out.description); });
}

absl::Status ReadRoleRequirement(const Reader& r, const Node& node, const Path& path,
                                 RoleRequirement& out) {
  static constexpr std::array<std::string_view, 3> kKeys{"role", "min", "max"};
  static constexpr std::array<std::string_view, 2> kRequired{"role", "min"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "role", [&](const Node& v, const Path& p) { return r.String(v, p, out.role); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "min", [&](const Node& v, const Path& p) { return r.Int(v, p, out.min, 0); }));
  return r.Field(node, path, "max",
                 [&](const Node& v, const Path& p) { return r.Int(v, p, out.max, 0); });
}

absl::Status ReadRoleRequirements(const Reader& r, const Node& node, const Path& path,
                                  std::vector<RoleRequirement>& out) {
  out.clear();
  return r.Array(node, path, [&](const Node& item, const Path& p) {
    return ReadRoleRequirement(r, item, p, out.emplace_back());
  });
}

absl::Status ReadOutput(const Reader& r, const Node& node, const Path& path, DeclaredOutput& out) {
  static constexpr std::array<std::string_view, 5> kKeys{"kind", "min", "max", "destination",
                                                         "note"};
  static constexpr std::array<std::string_view, 2> kRequired{"kind", "min"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "kind", [&](const Node& v, const Path& p) {
    return r.Enum(v, p, kOutputKinds, &OutputKindName, out.kind);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "min", [&](const Node& v, const Path& p) { return r.Int(v, p, out.min, 0); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "max", [&](const Node& v, const Path& p) { return r.Int(v, p, out.max, 0); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "destination", [&](const Node& v, const Path& p) {
    return r.String(v, p, out.destination);
  }));
  return r.Field(node, path, "note",
                 [&](const Node& v, const Path& p) { return ReadText(r, v, p, out.note); });
}

absl::Status ReadOutputs(const Reader& r, const Node& node, const Path& path,
                         std::vector<DeclaredOutput>& out) {
  out.clear();
  return r.Array(node, path, [&](const Node& item, const Path& p) {
    return ReadOutput(r, item, p, out.emplace_back());
  });
}

absl::Status ReadComponent(const Reader& r, const Node& node, const Path& path, Component& out) {
  static constexpr std::array<std::string_view, 3> kKeys{"format", "cadence", "note"};
  static constexpr std::array<std::string_view, 1> kRequired{"format"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "format", [&](const Node& v, const Path& p) {
    return ReadFormatRef(r, v, p, out.format);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "cadence", [&](const Node& v, const Path& p) {
    return ReadCadence(r, v, p, out.cadence);
  }));
  return r.Field(node, path, "note",
                 [&](const Node& v, const Path& p) { return ReadText(r, v, p, out.note); });
}

absl::Status ReadChange(const Reader& r, const Node& node, const Path& path, StepChange& out) {
  static constexpr std::array<std::string_view, 6> kAllKeys{"op",   "after",  "target",
                                                            "step", "budget", "prompts"};
  static constexpr std::array<std::string_view, 1> kOp{"op"};
  if (node.kind != Node::Kind::kObject) return r.Expected(node, path, "an object");
  const Member* op = node.Find("op");
  if (op == nullptr) {
    // Report a mistyped "op" key before saying that it is missing.
    CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kAllKeys, kOp));
    return r.Error(node, path, "missing required key \"op\"");
  }
  CARELEARN_RETURN_IF_ERROR(r.Enum(op->value, path.Child("op"), kOps, &StepChangeOpName, out.op));
  const std::string context = absl::StrCat(" in a \"", Sv(StepChangeOpName(out.op)), "\" change");
  switch (out.op) {
    case StepChange::Op::kAdd: {
      static constexpr std::array<std::string_view, 3> kKeys{"op", "after", "step"};
      static constexpr std::array<std::string_view, 2> kRequired{"op", "step"};
      CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired, context));
      CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "after", [&](const Node& v, const Path& p) {
        return r.String(v, p, out.target);
      }));
      break;
    }
    case StepChange::Op::kRemove: {
      static constexpr std::array<std::string_view, 2> kKeys{"op", "target"};
      CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kKeys, context));
      break;
    }
    case StepChange::Op::kReplace: {
      static constexpr std::array<std::string_view, 3> kKeys{"op", "target", "step"};
      CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kKeys, context));
      break;
    }
    case StepChange::Op::kSetBudget: {
      static constexpr std::array<std::string_view, 3> kKeys{"op", "target", "budget"};
      CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kKeys, context));
      break;
    }
    case StepChange::Op::kSetPrompts: {
      static constexpr std::array<std::string_view, 3> kKeys{"op", "target", "prompts"};
      CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kKeys, context));
      break;
    }
  }
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "target", [&](const Node& v, const Path& p) {
    return r.String(v, p, out.target);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "step", [&](const Node& v, const Path& p) {
    return ReadStep(r, v, p, out.step.emplace());
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "budget", [&](const Node& v, const Path& p) {
    return ReadBudget(r, v, p, out.budget);
  }));
  return r.Field(node, path, "prompts",
                 [&](const Node& v, const Path& p) { return ReadPrompts(r, v, p, out.prompts); });
}

absl::Status ReadFormat(const Reader& r, const Node& node, const Path& path, Format& out) {
  static constexpr std::array<std::string_view, 18> kKeys{
      "carelearn",     "id",      "version",  "title",      "purpose", "source",
      "prerequisites", "setting", "capacity", "duration",   "cadence", "defined_roles",
      "roles",         "steps",   "outputs",  "components", "lineage", "extensions"};
  static constexpr std::array<std::string_view, 5> kRequired{"carelearn", "id", "version", "title",
                                                             "purpose"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "id", [&](const Node& v, const Path& p) { return r.String(v, p, out.id); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "version", [&](const Node& v, const Path& p) {
    return r.Int(v, p, out.version, 1);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "title", [&](const Node& v, const Path& p) {
    return ReadText(r, v, p, out.title);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "purpose", [&](const Node& v, const Path& p) {
    return ReadText(r, v, p, out.purpose);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "source", [&](const Node& v, const Path& p) {
    return ReadText(r, v, p, out.source);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "prerequisites", [&](const Node& v, const Path& p) {
    return r.Array(v, p, [&](const Node& item, const Path& ip) {
      return ReadPrerequisite(r, item, ip, out.prerequisites.emplace_back());
    });
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "setting", [&](const Node& v, const Path& p) {
    return ReadSetting(r, v, p, out.setting);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "capacity", [&](const Node& v, const Path& p) {
    return ReadCapacity(r, v, p, out.capacity);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "duration", [&](const Node& v, const Path& p) {
    return ReadBudget(r, v, p, out.duration);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "cadence", [&](const Node& v, const Path& p) {
    return ReadCadence(r, v, p, out.cadence);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "defined_roles", [&](const Node& v, const Path& p) {
    return r.Array(v, p, [&](const Node& item, const Path& ip) {
      return ReadRole(r, item, ip, out.defined_roles.emplace_back());
    });
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "roles", [&](const Node& v, const Path& p) {
    return ReadRoleRequirements(r, v, p, out.roles);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "steps", [&](const Node& v, const Path& p) {
    return r.Array(v, p, [&](const Node& item, const Path& ip) {
      return ReadStep(r, item, ip, out.steps.emplace_back());
    });
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "outputs", [&](const Node& v, const Path& p) {
    return ReadOutputs(r, v, p, out.outputs);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "components", [&](const Node& v, const Path& p) {
    return r.Array(v, p, [&](const Node& item, const Path& ip) {
      return ReadComponent(r, item, ip, out.components.emplace_back());
    });
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "lineage", [&](const Node& v, const Path& p) {
    return r.Array(v, p, [&](const Node& item, const Path& ip) {
      return ReadFormatRef(r, item, ip, out.lineage.emplace_back());
    });
  }));
  return r.Field(node, path, "extensions",
                 [&](const Node& v, const Path& p) { return r.Extensions(v, p, out.extensions); });
}

absl::Status ReadVariant(const Reader& r, const Node& node, const Path& path, Variant& out) {
  static constexpr std::array<std::string_view, 14> kKeys{
      "carelearn", "id",       "version", "extends", "title",   "purpose", "setting",
      "capacity",  "duration", "cadence", "roles",   "outputs", "changes", "extensions"};
  static constexpr std::array<std::string_view, 4> kRequired{"carelearn", "id", "version",
                                                             "extends"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "id", [&](const Node& v, const Path& p) { return r.String(v, p, out.id); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "version", [&](const Node& v, const Path& p) {
    return r.Int(v, p, out.version, 1);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "extends", [&](const Node& v, const Path& p) {
    return ReadFormatRef(r, v, p, out.extends);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "title", [&](const Node& v, const Path& p) {
    return ReadText(r, v, p, out.title);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "purpose", [&](const Node& v, const Path& p) {
    return ReadText(r, v, p, out.purpose);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "setting", [&](const Node& v, const Path& p) {
    return ReadSetting(r, v, p, out.setting.emplace());
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "capacity", [&](const Node& v, const Path& p) {
    return ReadCapacity(r, v, p, out.capacity.emplace());
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "duration", [&](const Node& v, const Path& p) {
    return ReadBudget(r, v, p, out.duration);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "cadence", [&](const Node& v, const Path& p) {
    return ReadCadence(r, v, p, out.cadence);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "roles", [&](const Node& v, const Path& p) {
    return ReadRoleRequirements(r, v, p, out.roles.emplace());
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "outputs", [&](const Node& v, const Path& p) {
    return ReadOutputs(r, v, p, out.outputs.emplace());
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "changes", [&](const Node& v, const Path& p) {
    return r.Array(v, p, [&](const Node& item, const Path& ip) {
      return ReadChange(r, item, ip, out.changes.emplace_back());
    });
  }));
  return r.Field(node, path, "extensions",
                 [&](const Node& v, const Path& p) { return r.Extensions(v, p, out.extensions); });
}

absl::Status ReadQuestionSet(const Reader& r, const Node& node, const Path& path,
                             QuestionSet& out) {
  static constexpr std::array<std::string_view, 6> kKeys{"carelearn", "id",     "version",
                                                         "title",     "source", "prompts"};
  static constexpr std::array<std::string_view, 5> kRequired{"carelearn", "id", "version", "title",
                                                             "prompts"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "id", [&](const Node& v, const Path& p) { return r.String(v, p, out.id); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "version", [&](const Node& v, const Path& p) {
    return r.Int(v, p, out.version, 1);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "title", [&](const Node& v, const Path& p) {
    return ReadText(r, v, p, out.title);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "source", [&](const Node& v, const Path& p) {
    return ReadText(r, v, p, out.source);
  }));
  return r.Field(node, path, "prompts", [&](const Node& v, const Path& p) {
    if (v.kind == Node::Kind::kArray && v.items.empty()) {
      return r.Error(v, p, "a question set needs at least one prompt");
    }
    return ReadPrompts(r, v, p, out.prompts);
  });
}

constexpr std::array kKinds{DocumentKind::kFormat, DocumentKind::kVariant,
                            DocumentKind::kQuestionSet};

std::string KindWithVersion(DocumentKind kind) {
  return absl::StrCat(Sv(DocumentKindName(kind)), "/", kSchemaVersion);
}

// Reads the "carelearn" key: the document's kind and schema version.
absl::StatusOr<DocumentKind> ReadHeader(const Reader& r, const Node& root, const Path& path,
                                        std::optional<DocumentKind> expected) {
  if (root.kind != Node::Kind::kObject) {
    return r.Expected(root, path, "an object (a carelearn document)");
  }
  const Member* header = root.Find("carelearn");
  const std::string example =
      absl::StrCat("\"", KindWithVersion(expected.value_or(DocumentKind::kFormat)), "\"");
  if (header == nullptr) {
    return r.Error(root, path,
                   absl::StrCat("missing required key \"carelearn\"; a carelearn document names "
                                "its kind first, as in \"carelearn\": ",
                                example));
  }
  const Path at = path.Child("carelearn");
  const Node& value = header->value;
  const std::string form = absl::StrCat("a document kind and version such as ", example);
  if (value.kind != Node::Kind::kString) return r.Expected(value, at, form);
  const std::string_view text = value.string;
  const std::size_t slash = text.rfind('/');
  int version = 0;
  bool well_formed = slash != std::string_view::npos && slash > 0 && slash + 1 < text.size() &&
                     text[slash + 1] != '0' && text.size() - slash - 1 <= 9;
  for (std::size_t i = slash + 1; well_formed && i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') {
      well_formed = false;
    } else {
      version = version * 10 + (text[i] - '0');
    }
  }
  if (!well_formed) return r.Expected(value, at, form);
  const std::string_view name = text.substr(0, slash);
  std::optional<DocumentKind> kind;
  for (const DocumentKind k : kKinds) {
    if (DocumentKindName(k) == name) kind = k;
  }
  if (!kind) {
    return r.Error(value, at,
                   absl::StrCat("unknown document kind ", QuoteForMessage(text),
                                "; expected \"format/1\", \"variant/1\" or \"question-set/1\""));
  }
  if (expected && *kind != *expected) {
    return r.Error(value, at,
                   absl::StrCat("expected a \"", KindWithVersion(*expected), "\" document, found ",
                                QuoteForMessage(text)),
                   absl::StatusCode::kFailedPrecondition);
  }
  if (version > kSchemaVersion) {
    return r.Error(
        value, at,
        absl::StrCat("the document is ", QuoteForMessage(text), ", newer than \"",
                     KindWithVersion(*kind), "\", the newest this version of carelearn reads"),
        absl::StatusCode::kFailedPrecondition);
  }
  return *kind;
}

}  // namespace

std::string_view DocumentKindName(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kFormat:
      return "format";
    case DocumentKind::kVariant:
      return "variant";
    case DocumentKind::kQuestionSet:
      return "question-set";
  }
  return "format";
}

absl::StatusOr<Document> ReadDocument(const JsonText& json, const Node& root,
                                      std::optional<DocumentKind> expected) {
  const Reader r(json);
  const Path path;
  const absl::StatusOr<DocumentKind> kind = ReadHeader(r, root, path, expected);
  if (!kind.ok()) return kind.status();
  switch (*kind) {
    case DocumentKind::kFormat: {
      Format format;
      CARELEARN_RETURN_IF_ERROR(ReadFormat(r, root, path, format));
      return Document(std::move(format));
    }
    case DocumentKind::kVariant: {
      Variant variant;
      CARELEARN_RETURN_IF_ERROR(ReadVariant(r, root, path, variant));
      return Document(std::move(variant));
    }
    case DocumentKind::kQuestionSet: {
      QuestionSet set;
      CARELEARN_RETURN_IF_ERROR(ReadQuestionSet(r, root, path, set));
      return Document(std::move(set));
    }
  }
  return absl::InternalError("unknown document kind");
}

}  // namespace carelearn::detail
