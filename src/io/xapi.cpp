// carelearn's xAPI 1.0.3 statements of a session (carelearn/io/xapi.hpp),
// built as Boost.JSON values; docs/xapi.md is the profile they follow.
#include "carelearn/io/xapi.hpp"
#include "carelearn/io/builtin_catalog.hpp"
#include "carelearn/record/redact.hpp"

#include <openssl/evp.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "boost/json/array.hpp"
#include "boost/json/object.hpp"
#include "boost/json/value.hpp"
#include "carelearn/model/role.hpp"
#include "detail/absl_compat.hpp"
#include "io/fhir_json.hpp"

namespace carelearn {
namespace {

namespace bj = boost::json;
using detail::EncodePathSegment;
using detail::Sv;

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::array<unsigned char, 16>> ParseUuid(std::string_view text) {
  if (text.size() != 36) return std::nullopt;
  std::array<unsigned char, 16> out{};
  std::size_t byte = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (text[i] != '-') return std::nullopt;
      ++i;
      continue;
    }
    const int hi = HexDigit(text[i]);
    const int lo = HexDigit(text[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out[byte++] = static_cast<unsigned char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

std::string FormatUuid(const unsigned char* bytes) {
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    absl::StrAppendFormat(&out, "%02x", bytes[i]);
  }
  return out;
}

std::string Uuid5(const std::array<unsigned char, 16>& ns, std::string_view name) {
  std::string message(reinterpret_cast<const char*>(ns.data()), ns.size());
  message.append(name);
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(message.data(), message.size(), digest.data(), &length, EVP_sha1(), nullptr) !=
          1 ||
      length < 16) {
    // SHA-1 is part of every OpenSSL 3 build carelearn links; a failure here
    // means the library is broken, not that the input was bad.
    std::abort();
  }
  digest[6] = static_cast<unsigned char>((digest[6] & 0x0F) | 0x50);  // version 5
  digest[8] = static_cast<unsigned char>((digest[8] & 0x3F) | 0x80);  // RFC 4122 variant
  return FormatUuid(digest.data());
}

const std::array<unsigned char, 16>& CarelearnNamespace() {
  static const std::array<unsigned char, 16> ns = *ParseUuid(xapi::kUuidNamespace);
  return ns;
}

bool IsHttpIri(std::string_view iri) {
  std::string_view rest;
  if (iri.starts_with("https://")) {
    rest = iri.substr(8);
  } else if (iri.starts_with("http://")) {
    rest = iri.substr(7);
  } else {
    return false;
  }
  if (rest.empty() || rest[0] == '/') return false;
  for (const char c : iri) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' ||
        c == '{' || c == '|' || c == '}' || u == 0x7F) {
      return false;
    }
  }
  return true;
}

std::string Timestamp(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", t, absl::UTCTimeZone());
}

// An ISO 8601 duration to the hundredth of a second, the precision xAPI compares.
std::string IsoDuration(absl::Duration d) {
  if (d < absl::ZeroDuration()) d = absl::ZeroDuration();
  const std::int64_t centis = absl::ToInt64Milliseconds(d) / 10;
  const std::int64_t hours = centis / 360000;
  const std::int64_t minutes = centis / 6000 % 60;
  const std::int64_t seconds = centis / 100 % 60;
  const std::int64_t fraction = centis % 100;
  std::string out = "PT";
  if (hours > 0) absl::StrAppend(&out, hours, "H");
  if (minutes > 0) absl::StrAppend(&out, minutes, "M");
  if (seconds > 0 || fraction > 0 || (hours == 0 && minutes == 0)) {
    absl::StrAppend(&out, seconds);
    if (fraction > 0) {
      absl::StrAppendFormat(&out, ".%02d", fraction);
      while (out.back() == '0') out.pop_back();
    }
    out.push_back('S');
  }
  return out;
}

bj::object LanguageMap(const Text& text) {
  bj::object map;
  if (!text.da.empty()) map["da"] = text.da;
  if (!text.en.empty()) map["en"] = text.en;
  return map;
}

bj::object Verb(std::string_view id, std::string_view da, std::string_view en) {
  return bj::object{{"id", id}, {"display", bj::object{{"da", da}, {"en", en}}}};
}

bj::object Activity(std::string iri, std::string_view type, const Text& name) {
  bj::object definition{{"type", type}};
  if (!name.empty()) definition["name"] = LanguageMap(name);
  return bj::object{{"objectType", "Activity"}, {"id", std::move(iri)}, {"definition", definition}};
}

class StatementWriter {
 public:
  StatementWriter(const Session& session, const XapiOptions& options)
      : session_(session),
        options_(options),
        catalog_(options.catalog != nullptr ? *options.catalog : BuiltinCatalog()),
        format_(catalog_.Find(session.format_id, session.format_version)),
        registration_(XapiRegistration(session.id)),
        format_iri_(XapiFormatIri(session.format_id, session.format_version)) {}

  bj::array Write() {
    bj::array out;
    if (!session_.actual_start) return out;  // cancelled before it began
    const absl::Time start = *session_.actual_start;
    for (const Participant& p : session_.participants) {
      bj::object context = Context({}, {});
      context["extensions"] =
          bj::object{{xapi::kRoleExtension, p.role}, {xapi::kUnitExtension, session_.unit}};
      out.push_back(Statement(absl::StrCat("attended/", p.id), Agent(p.id),
                              Verb(xapi::kAttended, "deltog i", "attended"), FormatActivity(),
                              std::move(context), start));
    }
    if (session_.presented_case && !session_.presented_case->category.empty()) {
      for (const Participant& p : session_.participants) {
        if (p.role != roles::kCasePresenter) continue;
        const std::string iri = absl::StrCat(Sv(xapi::kBase), "/activities/case-categories/",
                                             EncodePathSegment(session_.presented_case->category));
        out.push_back(Statement(absl::StrCat("presented/", p.id), Agent(p.id),
                                Verb(xapi::kPresented, "fremlagde", "presented"),
                                Activity(iri, xapi::kCaseType, {}), Context({FormatActivity()}, {}),
                                FirstStepStart(start)));
        break;
      }
    }

    // Each step held, in order, with its questions and actions.
    std::map<std::string, int, std::less<>> step_seen;
    for (const StepTiming& timing : session_.steps) {
      const int occurrence = step_seen[timing.step_id]++;
      const std::string key = absl::StrCat(timing.step_id, "/", occurrence);
      bj::object step = StepActivity(timing.step_id);
      if (occurrence == 0) {
        std::map<std::string, int, std::less<>> asked;
        for (const PromptUse& use : session_.prompts) {
          if (use.step_id != timing.step_id) continue;
          const int n = asked[use.question_id]++;
          out.push_back(Statement(absl::StrCat("asked/", use.step_id, "/", use.question_id, "/", n),
                                  Group(), Verb(xapi::kAsked, "spurgte", "asked"),
                                  QuestionActivity(use), Context({step}, {FormatActivity()}),
                                  timing.start));
        }
        for (const Action& action : session_.actions) {
          if (action.step_id != timing.step_id) continue;
          out.push_back(ActionStatement(action, step, timing.start));
        }
      }
      bj::object result{{"completion", true}, {"duration", IsoDuration(timing.end - timing.start)}};
      out.push_back(Statement(absl::StrCat("completed/step/", key), Group(),
                              Verb(xapi::kCompleted, "gennemførte", "completed"), step,
                              Context({FormatActivity()}, {}), timing.end, std::move(result)));
    }
    // Questions and actions of steps with no timing recorded.
    for (const PromptUse& use : session_.prompts) {
      if (step_seen.count(use.step_id) != 0) continue;
      const int n = orphan_asked_[absl::StrCat(use.step_id, "/", use.question_id)]++;
      out.push_back(Statement(absl::StrCat("asked/", use.step_id, "/", use.question_id, "/", n),
                              Group(), Verb(xapi::kAsked, "spurgte", "asked"),
                              QuestionActivity(use),
                              Context({StepActivity(use.step_id)}, {FormatActivity()}), start));
    }
    for (const Action& action : session_.actions) {
      if (step_seen.count(action.step_id) != 0) continue;
      out.push_back(ActionStatement(action, StepActivity(action.step_id), start));
    }

    if (!session_.cancellation && session_.actual_end) {
      bj::object result{
          {"completion", true},
          {"duration", IsoDuration(*session_.actual_end - start)},
          {"extensions", bj::object{{xapi::kLearningPointsExtension,
                                     static_cast<std::int64_t>(session_.learning_points.size())},
                                    {xapi::kActionsExtension,
                                     static_cast<std::int64_t>(session_.actions.size())}}}};
      bj::object context = Context({}, {});
      context["extensions"] = bj::object{{xapi::kUnitExtension, session_.unit}};
      out.push_back(Statement("completed", Group(),
                              Verb(xapi::kCompleted, "gennemførte", "completed"), FormatActivity(),
                              std::move(context), *session_.actual_end, std::move(result)));
    }
    return out;
  }

 private:
  bj::object Agent(std::string_view pseudonym) const {
    return bj::object{
        {"objectType", "Agent"},
        {"account", bj::object{{"homePage", options_.home_page}, {"name", pseudonym}}}};
  }

  // The unit as an identified group, with those present as its members.
  bj::object Group() const {
    bj::object group{{"objectType", "Group"},
                     {"account", bj::object{{"homePage", options_.home_page},
                                            {"name", absl::StrCat("unit:", session_.unit)}}}};
    if (!session_.participants.empty()) {
      bj::array members;
      for (const Participant& p : session_.participants) members.push_back(Agent(p.id));
      group["member"] = std::move(members);
    }
    return group;
  }

  bj::object FormatActivity() const {
    return Activity(format_iri_, xapi::kFormatType, format_ != nullptr ? format_->title : Text{});
  }

  bj::object StepActivity(std::string_view step_id) const {
    const Step* step = format_ != nullptr ? format_->FindStep(step_id) : nullptr;
    return Activity(absl::StrCat(format_iri_, "/steps/", EncodePathSegment(step_id)),
                    xapi::kStepType, step != nullptr ? step->title : Text{});
  }

  bj::object QuestionActivity(const PromptUse& use) const {
    return Activity(absl::StrCat(format_iri_, "/steps/", EncodePathSegment(use.step_id),
                                 "/questions/", EncodePathSegment(use.question_id)),
                    xapi::kQuestionType, QuestionText(use));
  }

  // The question's wording: the step's own prompt, else one of the question sets it draws on.
  Text QuestionText(const PromptUse& use) const {
    const Step* step = format_ != nullptr ? format_->FindStep(use.step_id) : nullptr;
    if (step == nullptr) return {};
    for (const Prompt& p : step->prompts) {
      if (p.id == use.question_id) return p.text;
    }
    for (const std::string& set_id : step->question_sets) {
      if (const QuestionSet* set = catalog_.FindQuestionSet(set_id)) {
        for (const Prompt& p : set->prompts) {
          if (p.id == use.question_id) return p.text;
        }
      }
    }
    return {};
  }

  bj::object ActionStatement(const Action& action, const bj::object& step, absl::Time fallback) {
    const std::string iri = absl::StrCat(Sv(xapi::kBase), "/activities/actions/", registration_,
                                         "/", EncodePathSegment(action.id));
    bj::object context = Context({step}, {FormatActivity()});
    if (FindBuiltinRole(action.owner) != nullptr) {
      context["extensions"] = bj::object{{xapi::kOwnerRoleExtension, action.owner}};
    }
    std::optional<bj::object> result;
    if (options_.include_text && !action.text.empty()) {
      result = bj::object{{"response", action.text}};
    }
    const absl::Time at = action.history.empty() ? fallback : action.history.front().at;
    return Statement(absl::StrCat("proposed/", action.id), Group(),
                     Verb(xapi::kProposed, "foreslog", "proposed"),
                     Activity(iri, xapi::kActionType, {}), std::move(context), at,
                     std::move(result));
  }

  absl::Time FirstStepStart(absl::Time fallback) const {
    return session_.steps.empty() ? fallback : session_.steps.front().start;
  }

  bj::object Context(std::vector<bj::object> parent, std::vector<bj::object> grouping) const {
    bj::object activities;
    if (!parent.empty()) activities["parent"] = bj::array(parent.begin(), parent.end());
    if (!grouping.empty()) activities["grouping"] = bj::array(grouping.begin(), grouping.end());
    bj::array category;
    category.push_back(
        Activity(std::string(xapi::kProfileVersion), xapi::kProfileActivityType, {}));
    activities["category"] = std::move(category);
    return bj::object{{"registration", registration_},
                      {"contextActivities", std::move(activities)},
                      {"platform", "carelearn"}};
  }

  bj::object Statement(std::string_view event, bj::object actor, bj::object verb, bj::object object,
                       bj::object context, absl::Time timestamp,
                       std::optional<bj::object> result = std::nullopt) const {
    bj::object s;
    s["id"] = Uuid5(CarelearnNamespace(), absl::StrCat(session_.id, "\n", Sv(event)));
    s["actor"] = std::move(actor);
    s["verb"] = std::move(verb);
    s["object"] = std::move(object);
    if (result) s["result"] = std::move(*result);
    s["context"] = std::move(context);
    s["timestamp"] = Timestamp(timestamp);
    return s;
  }

  const Session& session_;
  const XapiOptions& options_;
  const Catalog& catalog_;
  const Format* format_;
  std::string registration_;
  std::string format_iri_;
  std::map<std::string, int, std::less<>> orphan_asked_;
};

}  // namespace

absl::StatusOr<std::string> UuidV5(std::string_view namespace_uuid, std::string_view name) {
  const std::optional<std::array<unsigned char, 16>> ns = ParseUuid(namespace_uuid);
  if (!ns) {
    return absl::InvalidArgumentError(
        absl::StrCat("the namespace \"", Sv(namespace_uuid),
                     "\" is not a UUID of the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"));
  }
  return Uuid5(*ns, name);
}

std::string XapiRegistration(std::string_view session_id) {
  return Uuid5(CarelearnNamespace(), absl::StrCat("session/", Sv(session_id)));
}

std::string XapiFormatIri(std::string_view id, int version) {
  return absl::StrCat(Sv(xapi::kBase), "/activities/formats/", EncodePathSegment(id), "/", version);
}

absl::StatusOr<std::string> ToXapiStatements(const Session& session, const XapiOptions& options) {
  if (!IsHttpIri(options.home_page)) {
    return absl::InvalidArgumentError(
        absl::StrCat("XapiOptions::home_page: expected an absolute http(s) IRI naming the "
                     "system of the pseudonyms, found \"",
                     options.home_page, "\""));
  }
  if (absl::Status valid = ValidateSession(session); !valid.ok()) return valid;
  // Confidential text out, and what the identifier linter finds masked, as
  // in every export but the one asked for by name.
  const Session safe = Redact(session, {});
  StatementWriter writer(safe, options);
  return detail::WriteIndented(writer.Write());
}

}  // namespace carelearn
