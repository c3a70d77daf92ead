// Session <-> JSON Lines with Boost.JSON. The writer builds a boost::json::object
// in a fixed key order; the reader walks the parsed value, keeping a JSON Pointer
// for messages and stopping at the first error.
#include "carelearn/record/session_json.hpp"

#include <boost/json.hpp>

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "detail/absl_compat.hpp"

namespace carelearn {
namespace {

namespace json = boost::json;
using detail::Sv;

constexpr std::string_view kTimeFormat = "%Y-%m-%d%ET%H:%M:%E*SZ";

std::string TimeText(absl::Time t) {
  return absl::FormatTime(Sv(kTimeFormat), t, absl::UTCTimeZone());
}

json::string_view Js(std::string_view s) { return {s.data(), s.size()}; }

// Adds `key`: `value` when `value` is not empty.
void PutText(json::object& o, std::string_view key, const std::string& value) {
  if (!value.empty()) o.emplace(Js(key), Js(value));
}

json::object FormatObject(const Session& s) {
  json::object o;
  o.emplace("id", Js(s.format_id));
  o.emplace("version", s.format_version);
  return o;
}

json::array Participants(const Session& s) {
  json::array out;
  for (const Participant& p : s.participants) {
    json::object o;
    o.emplace("id", Js(p.id));
    PutText(o, "role", p.role);
    PutText(o, "unit", p.unit);
    PutText(o, "profession", p.profession);
    if (p.shift != Shift::kUnspecified) o.emplace("shift", Js(ShiftName(p.shift)));
    out.emplace_back(std::move(o));
  }
  return out;
}

json::array Actions(const Session& s) {
  json::array out;
  for (const Action& a : s.actions) {
    json::object o;
    o.emplace("id", Js(a.id));
    PutText(o, "step", a.step_id);
    PutText(o, "text", a.text);
    PutText(o, "owner", a.owner);
    if (a.due.has_value()) o.emplace("due", Js(absl::FormatCivilTime(*a.due)));
    json::array history;
    for (const StatusChange& c : a.history) {
      json::object h;
      h.emplace("status", Js(ActionStatusName(c.status)));
      h.emplace("at", Js(TimeText(c.at)));
      history.emplace_back(std::move(h));
    }
    o.emplace("history", std::move(history));
    out.emplace_back(std::move(o));
  }
  return out;
}

json::object ToObject(const Session& s, Redaction redaction) {
  json::object o;
  o.emplace("carelearn", Js(kSessionDocument));
  o.emplace("id", Js(s.id));
  o.emplace("format", FormatObject(s));
  PutText(o, "unit", s.unit);
  o.emplace("planned_start", Js(TimeText(s.planned_start)));
  if (s.actual_start.has_value()) o.emplace("actual_start", Js(TimeText(*s.actual_start)));
  if (s.actual_end.has_value()) o.emplace("actual_end", Js(TimeText(*s.actual_end)));
  o.emplace("status", Js(SessionStatusName(s.status())));
  if (s.cancellation.has_value()) {
    json::object c;
    c.emplace("reason", Js(CancelReasonName(s.cancellation->reason)));
    PutText(c, "note", s.cancellation->note);
    o.emplace("cancellation", std::move(c));
  }
  o.emplace("redaction", Js(RedactionName(redaction)));
  o.emplace("participants", Participants(s));
  json::array steps;
  for (const StepTiming& t : s.steps) {
    steps.emplace_back(json::object{
        {"step", Js(t.step_id)}, {"start", Js(TimeText(t.start))}, {"end", Js(TimeText(t.end))}});
  }
  o.emplace("steps", std::move(steps));
  json::array prompts;
  for (const PromptUse& p : s.prompts) {
    prompts.emplace_back(json::object{{"step", Js(p.step_id)}, {"question", Js(p.question_id)}});
  }
  o.emplace("prompts", std::move(prompts));
  if (s.presented_case.has_value()) {
    json::object c;
    c.emplace("category", Js(s.presented_case->category));
    PutText(c, "citizen", s.presented_case->citizen);
    o.emplace("case", std::move(c));
  }
  json::array points;
  for (const LearningPoint& lp : s.learning_points) {
    json::object p;
    PutText(p, "step", lp.step_id);
    PutText(p, "text", lp.text);
    PutText(p, "author", lp.author);
    p.emplace("confidential", lp.confidential);
    points.emplace_back(std::move(p));
  }
  o.emplace("learning_points", std::move(points));
  o.emplace("actions", Actions(s));
  json::array feedback;
  for (const Feedback& f : s.feedback) {
    json::object p;
    PutText(p, "step", f.step_id);
    p.emplace("participant", Js(f.participant));
    p.emplace("rating", f.rating);
    PutText(p, "comment", f.comment);
    feedback.emplace_back(std::move(p));
  }
  o.emplace("feedback", std::move(feedback));
  json::array notes;
  for (const Note& n : s.notes) {
    json::object p;
    PutText(p, "step", n.step_id);
    p.emplace("kind", Js(NoteKindName(n.kind)));
    PutText(p, "text", n.text);
    p.emplace("confidential", n.confidential);
    notes.emplace_back(std::move(p));
  }
  o.emplace("notes", std::move(notes));
  return o;
}

// ---------------------------------------------------------------- reading

// Walks a parsed value, remembering the first error.
class Reader {
 public:
  absl::Status status;

  bool failed() const { return !status.ok(); }

  void Fail(const std::string& pointer, std::string_view cause,
            absl::StatusCode code = absl::StatusCode::kInvalidArgument) {
    if (failed()) return;
    status = absl::Status(code, absl::StrCat(pointer.empty() ? "/" : pointer, ": ", Sv(cause)));
  }

  // `v` as an object whose keys are all in `allowed`; nullptr after an error.
  const json::object* Object(const json::value& v, const std::string& pointer,
                             std::initializer_list<std::string_view> allowed) {
    const json::object* o = v.if_object();
    if (o == nullptr) {
      Fail(pointer, absl::StrCat("expected an object, found ", Sv(Kind(v))));
      return nullptr;
    }
    for (const auto& member : *o) {
      const std::string_view key = member.key();
      bool known = false;
      for (std::string_view k : allowed) known = known || k == key;
      if (!known) {
        Fail(Child(pointer, key), absl::StrCat("unknown key \"", Sv(key), "\""));
        return nullptr;
      }
    }
    return o;
  }

  // The member `key` of `o`; nullptr (and an error when `required`) when absent.
  const json::value* Member(const json::object& o, const std::string& pointer, std::string_view key,
                            bool required) {
    const json::value* v = o.if_contains(Js(key));
    if (v == nullptr && required) {
      Fail(pointer, absl::StrCat("missing required key \"", Sv(key), "\""));
    }
    return v;
  }

  std::string String(const json::object& o, const std::string& pointer, std::string_view key,
                     bool required = false) {
    const json::value* v = Member(o, pointer, key, required);
    if (v == nullptr) return {};
    const json::string* s = v->if_string();
    if (s == nullptr) {
      Fail(Child(pointer, key), absl::StrCat("expected a string, found ", Sv(Kind(*v))));
      return {};
    }
    return std::string(s->data(), s->size());
  }

  bool Bool(const json::object& o, const std::string& pointer, std::string_view key) {
    const json::value* v = Member(o, pointer, key, false);
    if (v == nullptr) return false;
    if (!v->is_bool()) {
      Fail(Child(pointer, key), absl::StrCat("expected true or false, found ", Sv(Kind(*v))));
      return false;
    }
    return v->get_bool();
  }

  int Int(const json::object& o, const std::string& pointer, std::string_view key, int lo, int hi) {
    const json::value* v = Member(o, pointer, key, true);
    if (v == nullptr) return lo;
    std::optional<std::int64_t> n;
    if (const std::int64_t* i = v->if_int64()) n = *i;
    if (const std::uint64_t* u = v->if_uint64()) {
      n = *u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
              ? std::numeric_limits<std::int64_t>::max()
              : static_cast<std::int64_t>(*u);
    }
    if (!n.has_value()) {
      Fail(Child(pointer, key), absl::StrCat("expected an integer, found ", Sv(Kind(*v))));
      return lo;
    }
    if (*n < lo || *n > hi) {
      Fail(Child(pointer, key), absl::StrCat(*n, " is not from ", lo, " to ", hi));
      return lo;
    }
    return static_cast<int>(*n);
  }

  std::optional<absl::Time> Time(const json::object& o, const std::string& pointer,
                                 std::string_view key, bool required) {
    if (o.if_contains(Js(key)) == nullptr && !required) return std::nullopt;
    const std::string text = String(o, pointer, key, required);
    if (failed()) return std::nullopt;
    absl::Time t;
    std::string err;
    if (!absl::ParseTime(absl::RFC3339_full, text, &t, &err)) {
      Fail(Child(pointer, key), absl::StrCat("\"", text, "\" is not an RFC 3339 time"));
      return std::nullopt;
    }
    return t;
  }

  // The name `key` parsed by `parse`; `fallback` when absent and not required.
  template <typename E>
  E Name(const json::object& o, const std::string& pointer, std::string_view key,
         std::optional<E> (*parse)(std::string_view), E fallback, bool required = false) {
    if (o.if_contains(Js(key)) == nullptr && !required) return fallback;
    const std::string text = String(o, pointer, key, required);
    if (failed()) return fallback;
    std::optional<E> e = parse(text);
    if (!e.has_value()) {
      Fail(Child(pointer, key), absl::StrCat("unknown ", Sv(key), " \"", text, "\""));
      return fallback;
    }
    return *e;
  }

  // Calls `each(item, pointer)` for every element of the array `key`, if present.
  void Array(const json::object& o, const std::string& pointer, std::string_view key,
             const std::function<void(const json::value&, const std::string&)>& each) {
    const json::value* v = Member(o, pointer, key, false);
    if (v == nullptr) return;
    const json::array* a = v->if_array();
    if (a == nullptr) {
      Fail(Child(pointer, key), absl::StrCat("expected an array, found ", Sv(Kind(*v))));
      return;
    }
    const std::string base = Child(pointer, key);
    for (std::size_t i = 0; i < a->size() && !failed(); ++i) {
      each((*a)[i], absl::StrCat(base, "/", i));
    }
  }

  static std::string Child(const std::string& pointer, std::string_view key) {
    std::string out = pointer + "/";
    for (char c : key) {
      if (c == '~') {
        out += "~0";
      } else if (c == '/') {
        out += "~1";
      } else {
        out += c;
      }
    }
    return out;
  }

  static std::string_view Kind(const json::value& v) {
    switch (v.kind()) {
      case json::kind::null:
        return "null";
      case json::kind::bool_:
        return "a boolean";
      case json::kind::int64:
      case json::kind::uint64:
        return "an integer";
      case json::kind::double_:
        return "a number";
      case json::kind::string:
        return "a string";
      case json::kind::array:
        return "an array";
      case json::kind::object:
        return "an object";
    }
    return "a value";
  }
};

void ReadParticipant(Reader& r, const json::value& v, const std::string& ptr, Session& s) {
  const json::object* o = r.Object(v, ptr, {"id", "role", "unit", "profession", "shift"});
  if (o == nullptr) return;
  Participant& p = s.participants.emplace_back();
  p.id = r.String(*o, ptr, "id", true);
  p.role = r.String(*o, ptr, "role");
  p.unit = r.String(*o, ptr, "unit");
  p.profession = r.String(*o, ptr, "profession");
  p.shift = r.Name(*o, ptr, "shift", &ParseShift, Shift::kUnspecified);
}

void ReadAction(Reader& r, const json::value& v, const std::string& ptr, Session& s) {
  const json::object* o = r.Object(v, ptr, {"id", "step", "text", "owner", "due", "history"});
  if (o == nullptr) return;
  Action& a = s.actions.emplace_back();
  a.id = r.String(*o, ptr, "id", true);
  a.step_id = r.String(*o, ptr, "step");
  a.text = r.String(*o, ptr, "text");
  a.owner = r.String(*o, ptr, "owner");
  if (o->if_contains("due") != nullptr) {
    const std::string due = r.String(*o, ptr, "due");
    absl::CivilDay day;
    if (!r.failed() && !absl::ParseCivilTime(due, &day)) {
      r.Fail(Reader::Child(ptr, "due"), absl::StrCat("\"", due, "\" is not a date (YYYY-MM-DD)"));
    }
    a.due = day;
  }
  r.Array(*o, ptr, "history", [&](const json::value& item, const std::string& p) {
    const json::object* h = r.Object(item, p, {"status", "at"});
    if (h == nullptr) return;
    StatusChange& c = a.history.emplace_back();
    c.status = r.Name(*h, p, "status", &ParseActionStatus, ActionStatus::kOpen, true);
    c.at = r.Time(*h, p, "at", true).value_or(absl::UnixEpoch());
  });
}

void ReadLists(Reader& r, const json::object& o, Session& s) {
  r.Array(o, "", "participants",
          [&](const json::value& v, const std::string& p) { ReadParticipant(r, v, p, s); });
  r.Array(o, "", "steps", [&](const json::value& v, const std::string& p) {
    const json::object* t = r.Object(v, p, {"step", "start", "end"});
    if (t == nullptr) return;
    StepTiming& timing = s.steps.emplace_back();
    timing.step_id = r.String(*t, p, "step", true);
    timing.start = r.Time(*t, p, "start", true).value_or(absl::UnixEpoch());
    timing.end = r.Time(*t, p, "end", true).value_or(absl::UnixEpoch());
  });
  r.Array(o, "", "prompts", [&](const json::value& v, const std::string& p) {
    const json::object* u = r.Object(v, p, {"step", "question"});
    if (u == nullptr) return;
    PromptUse& use = s.prompts.emplace_back();
    use.step_id = r.String(*u, p, "step", true);
    use.question_id = r.String(*u, p, "question", true);
  });
  r.Array(o, "", "learning_points", [&](const json::value& v, const std::string& p) {
    const json::object* u = r.Object(v, p, {"step", "text", "author", "confidential"});
    if (u == nullptr) return;
    LearningPoint& lp = s.learning_points.emplace_back();
    lp.step_id = r.String(*u, p, "step");
    lp.text = r.String(*u, p, "text");
    lp.author = r.String(*u, p, "author");
    lp.confidential = r.Bool(*u, p, "confidential");
  });
  r.Array(o, "", "actions",
          [&](const json::value& v, const std::string& p) { ReadAction(r, v, p, s); });
  r.Array(o, "", "feedback", [&](const json::value& v, const std::string& p) {
    const json::object* u = r.Object(v, p, {"step", "participant", "rating", "comment"});
    if (u == nullptr) return;
    Feedback& f = s.feedback.emplace_back();
    f.step_id = r.String(*u, p, "step");
    f.participant = r.String(*u, p, "participant", true);
    f.rating = r.Int(*u, p, "rating", 1, 5);
    f.comment = r.String(*u, p, "comment");
  });
  r.Array(o, "", "notes", [&](const json::value& v, const std::string& p) {
    const json::object* u = r.Object(v, p, {"step", "kind", "text", "confidential"});
    if (u == nullptr) return;
    Note& n = s.notes.emplace_back();
    n.step_id = r.String(*u, p, "step");
    n.kind = r.Name(*u, p, "kind", &ParseNoteKind, NoteKind::kNote);
    n.text = r.String(*u, p, "text");
    n.confidential = r.Bool(*u, p, "confidential");
  });
}

}  // namespace

std::string ToJsonLine(const Session& session, const ExportOptions& options) {
  const Redaction redaction = RedactionOf(options);
  return json::serialize(ToObject(Redact(session, options), redaction));
}

absl::StatusOr<Session> ParseSessionLine(std::string_view line, Redaction* redaction) {
  boost::system::error_code ec;
  json::value root = json::parse(Js(line), ec);
  if (ec) {
    return absl::InvalidArgumentError(absl::StrCat("/: not JSON: ", ec.message()));
  }
  Reader r;
  const json::object* kind_holder = root.if_object();
  if (kind_holder != nullptr) {
    // The kind comes first: a document of another kind or version is told as such.
    const std::string kind = r.String(*kind_holder, "", "carelearn", true);
    if (r.failed()) return r.status;
    if (kind != kSessionDocument) {
      if (kind.rfind("session/", 0) == 0) {
        r.Fail("/carelearn",
               absl::StrCat("this is a \"", kind, "\" document; this library reads \"",
                            Sv(kSessionDocument), "\""),
               absl::StatusCode::kFailedPrecondition);
      } else {
        r.Fail("/carelearn",
               absl::StrCat("expected a \"", Sv(kSessionDocument), "\" document, found \"", kind,
                            "\""),
               absl::StatusCode::kFailedPrecondition);
      }
      return r.status;
    }
  }
  const json::object* o =
      r.Object(root, "",
               {"carelearn", "id", "format", "unit", "planned_start", "actual_start", "actual_end",
                "status", "cancellation", "redaction", "participants", "steps", "prompts", "case",
                "learning_points", "actions", "feedback", "notes"});
  if (o == nullptr) return r.status;

  Session s;
  s.id = r.String(*o, "", "id", true);
  if (const json::value* f = r.Member(*o, "", "format", true)) {
    if (const json::object* fo = r.Object(*f, "/format", {"id", "version"})) {
      s.format_id = r.String(*fo, "/format", "id", true);
      s.format_version = r.Int(*fo, "/format", "version", 1, std::numeric_limits<int>::max());
    }
  }
  s.unit = r.String(*o, "", "unit");
  s.planned_start = r.Time(*o, "", "planned_start", true).value_or(absl::UnixEpoch());
  s.actual_start = r.Time(*o, "", "actual_start", false);
  s.actual_end = r.Time(*o, "", "actual_end", false);
  const SessionStatus status =
      r.Name(*o, "", "status", &ParseSessionStatus, SessionStatus::kHeld, true);
  if (const json::value* c = r.Member(*o, "", "cancellation", false)) {
    if (status != SessionStatus::kCancelled) {
      r.Fail("/cancellation", "a held session has no cancellation");
    } else if (const json::object* co = r.Object(*c, "/cancellation", {"reason", "note"})) {
      Cancellation& cancellation = s.cancellation.emplace();
      cancellation.reason =
          r.Name(*co, "/cancellation", "reason", &ParseCancelReason, CancelReason::kOther, true);
      cancellation.note = r.String(*co, "/cancellation", "note");
    }
  } else if (status == SessionStatus::kCancelled) {
    s.cancellation.emplace();
  }
  const Redaction read_redaction = r.Name(*o, "", "redaction", &ParseRedaction, Redaction::kNone);
  if (const json::value* c = r.Member(*o, "", "case", false)) {
    if (const json::object* co = r.Object(*c, "/case", {"category", "citizen"})) {
      Case& presented = s.presented_case.emplace();
      presented.category = r.String(*co, "/case", "category", true);
      presented.citizen = r.String(*co, "/case", "citizen");
    }
  }
  ReadLists(r, *o, s);
  if (r.failed()) return r.status;
  if (redaction != nullptr) *redaction = read_redaction;
  return s;
}

}  // namespace carelearn
