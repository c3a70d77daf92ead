#include "carelearn/record/session.hpp"

#include <array>
#include <set>
#include <string>
#include <utility>

#include <openssl/rand.h>

#include <random>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "carelearn/record/identifiers.hpp"
#include "detail/absl_compat.hpp"

namespace carelearn {
namespace {

using detail::Sv;

// An error about `session` at `path`.
absl::Status Invalid(const Session& session, std::string_view path, std::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat("session \"", MaskedId(session.id), "\": ", Sv(path), ": ", Sv(what)));
}

std::string Indexed(std::string_view name, std::size_t i) {
  return absl::StrCat(Sv(name), "[", i, "]");
}

// Times are written as RFC 3339 and due dates as "YYYY-MM-DD", which have
// four-digit years: a time or day outside the years 0001 to 9999 has no form.
constexpr absl::civil_year_t kFirstYear = 1;
constexpr absl::civil_year_t kLastYear = 9999;

std::string OutsideTheYears(std::string_view what) {
  return absl::StrCat(Sv(what), " is outside the years 0001 to 9999 that a session line can hold");
}

// An error, at `path`, when `t` lies outside the years; OK otherwise.
absl::Status CheckYears(const Session& session, std::string_view path, absl::Time t) {
  const absl::civil_year_t year = absl::ToCivilYear(t, absl::UTCTimeZone()).year();
  if (year >= kFirstYear && year <= kLastYear) return absl::OkStatus();
  return Invalid(session, path,
                 OutsideTheYears(absl::FormatTime("%Y-%m-%d%ET%H:%M:%SZ", t, absl::UTCTimeZone())));
}

}  // namespace

const Participant* Session::FindParticipant(std::string_view participant_id) const {
  for (const Participant& p : participants) {
    if (p.id == participant_id) return &p;
  }
  return nullptr;
}

const Action* Session::FindAction(std::string_view action_id) const {
  for (const Action& a : actions) {
    if (a.id == action_id) return &a;
  }
  return nullptr;
}

Action* Session::FindAction(std::string_view action_id) {
  for (Action& a : actions) {
    if (a.id == action_id) return &a;
  }
  return nullptr;
}

std::string NewSessionId() {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) {
    // OpenSSL's generator failed to seed: fall back to the C++ one.
    std::random_device device;
    for (unsigned char& b : bytes) b = static_cast<unsigned char>(device());
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  id.reserve(2 * sizeof bytes);
  for (unsigned char b : bytes) {
    id += kHex[b >> 4];
    id += kHex[b & 0xf];
  }
  return id;
}

absl::Status ValidateSession(const Session& session) {
  if (session.id.empty()) return Invalid(session, "id", "is empty");
  if (session.format_id.empty()) return Invalid(session, "format.id", "is empty");
  if (session.format_version < 1) {
    return Invalid(session, "format.version", absl::StrCat(session.format_version, " is below 1"));
  }
  if (session.status() == SessionStatus::kHeld && !session.actual_start.has_value()) {
    return Invalid(session, "actual_start", "a held session needs an actual start");
  }
  if (session.actual_end.has_value() && !session.actual_start.has_value()) {
    return Invalid(session, "actual_end", "an end without a start");
  }
  if (session.actual_end.has_value() && *session.actual_end < *session.actual_start) {
    return Invalid(session, "actual_end", "ends before it starts");
  }
  if (absl::Status s = CheckYears(session, "planned_start", session.planned_start); !s.ok()) {
    return s;
  }
  if (session.actual_start.has_value()) {
    if (absl::Status s = CheckYears(session, "actual_start", *session.actual_start); !s.ok()) {
      return s;
    }
  }
  if (session.actual_end.has_value()) {
    if (absl::Status s = CheckYears(session, "actual_end", *session.actual_end); !s.ok()) {
      return s;
    }
  }
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < session.participants.size(); ++i) {
    const Participant& p = session.participants[i];
    std::string path = Indexed("participants", i) + ".id";
    if (p.id.empty()) return Invalid(session, path, "is empty");
    if (!seen.insert(p.id).second) {
      return Invalid(session, path, absl::StrCat("\"", MaskedId(p.id), "\" takes part twice"));
    }
  }
  for (std::size_t i = 0; i < session.steps.size(); ++i) {
    const StepTiming& t = session.steps[i];
    if (t.step_id.empty()) return Invalid(session, Indexed("steps", i) + ".step", "is empty");
    if (t.end < t.start) {
      return Invalid(session, Indexed("steps", i) + ".end", "ends before it starts");
    }
    if (absl::Status s = CheckYears(session, Indexed("steps", i) + ".start", t.start); !s.ok()) {
      return s;
    }
    if (absl::Status s = CheckYears(session, Indexed("steps", i) + ".end", t.end); !s.ok()) {
      return s;
    }
  }
  seen.clear();
  for (std::size_t i = 0; i < session.actions.size(); ++i) {
    const Action& a = session.actions[i];
    std::string path = Indexed("actions", i);
    if (a.id.empty()) return Invalid(session, path + ".id", "is empty");
    if (!seen.insert(a.id).second) {
      return Invalid(session, path + ".id", absl::StrCat("\"", MaskedId(a.id), "\" is used twice"));
    }
    if (a.due.has_value() && (a.due->year() < kFirstYear || a.due->year() > kLastYear)) {
      return Invalid(session, path + ".due", OutsideTheYears(absl::FormatCivilTime(*a.due)));
    }
    for (std::size_t j = 0; j < a.history.size(); ++j) {
      const std::string at = absl::StrCat(path, ".history[", j, "].at");
      if (j > 0 && a.history[j].at < a.history[j - 1].at) {
        return Invalid(session, at, "is earlier than the change before it");
      }
      if (absl::Status s = CheckYears(session, at, a.history[j].at); !s.ok()) return s;
    }
  }
  seen.clear();
  for (std::size_t i = 0; i < session.feedback.size(); ++i) {
    const Feedback& f = session.feedback[i];
    std::string path = Indexed("feedback", i);
    if (f.rating < 1 || f.rating > 5) {
      return Invalid(session, path + ".rating", absl::StrCat(f.rating, " is not from 1 to 5"));
    }
    if (f.participant.empty()) return Invalid(session, path + ".participant", "is empty");
    if (!seen.insert(f.participant).second) {
      return Invalid(session, path + ".participant",
                     absl::StrCat("\"", MaskedId(f.participant), "\" already gave feedback"));
    }
  }
  return absl::OkStatus();
}

}  // namespace carelearn
