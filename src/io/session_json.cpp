// "session/1" JSON Lines: one table per object lists each key once, with how
// it is read and written; reading runs the strict parser of the documents
// (json_tree.hpp) and the Reader of json_reader.hpp, writing a compact line
// in the table's order. SessionReader splits its input into lines in chunks.
#include "carelearn/io/session_json.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <fstream>
#include <istream>
#include <optional>
#include <span>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "carelearn/io/errors.hpp"
#include "carelearn/io/owner_only_file.hpp"
#include "detail/absl_compat.hpp"
#include "io/json_reader.hpp"
#include "io/json_tree.hpp"
#include "io/rfc3339.hpp"

namespace carelearn {
namespace detail {
namespace {

constexpr std::string_view kDefaultSource = "<input>";
constexpr std::string_view kLimits = "SessionReadOptions";
constexpr int kSessionVersion = 1;
// The deepest a session line nests: line > actions > action > history > change.
constexpr std::size_t kSessionDepth = 8;

std::string_view SourceName(const SessionReadOptions& options) {
  return options.source_name.empty() ? kDefaultSource : std::string_view(options.source_name);
}

// A session as a line holds it: the session, the status the line states
// (checked against its cancellation) and what the line leaves out.
struct SessionDocument : Session {
  SessionStatus stated_status = SessionStatus::kHeld;
  Redaction redaction = Redaction::kNone;
};

// The Reader of the documents, with the limits of session lines and times.
class SessionFieldReader : public Reader {
 public:
  SessionFieldReader(const JsonText& json, const SessionReadOptions& options)
      : Reader(json), options_(options) {}

  [[nodiscard]] const SessionReadOptions& options() const { return options_; }

  [[nodiscard]] absl::Status Time(const Node& node, const Path& path, absl::Time& out) const {
    if (node.kind != Node::Kind::kString) {
      return Expected(node, path, "an RFC 3339 time such as \"2026-03-04T14:00:00Z\"");
    }
    std::string why;
    if (!ParseRfc3339(node.string, out, why)) {
      return Error(node, path, absl::StrCat(QuoteForMessage(node.string), " ", why));
    }
    return absl::OkStatus();
  }

  [[nodiscard]] absl::Status Date(const Node& node, const Path& path, absl::CivilDay& out) const {
    if (node.kind != Node::Kind::kString) {
      return Expected(node, path, "a date \"YYYY-MM-DD\" such as \"2026-04-01\"");
    }
    std::string why;
    if (!ParseIsoDate(node.string, out, why)) {
      return Error(node, path, absl::StrCat(QuoteForMessage(node.string), " ", why));
    }
    return absl::OkStatus();
  }

 private:
  const SessionReadOptions& options_;
};

using R = SessionFieldReader;

// Appends one compact JSON line: commas come by themselves.
class LineWriter {
 public:
  void BeginObject() { Open('{'); }
  void EndObject() { out_.push_back('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { out_.push_back(']'); }
  void Key(std::string_view key) {
    Comma();
    WriteString(key, out_);
    out_.push_back(':');
  }
  void String(std::string_view value) {
    Comma();
    WriteString(value, out_);
  }
  void Int(int value) {
    Comma();
    absl::StrAppend(&out_, value);
  }
  void Bool(bool value) {
    Comma();
    out_.append(value ? "true" : "false");
  }
  std::string Take() { return std::move(out_); }

 private:
  void Open(char bracket) {
    Comma();
    out_.push_back(bracket);
  }
  void Comma() {
    if (!out_.empty() && out_.back() != '{' && out_.back() != '[' && out_.back() != ':') {
      out_.push_back(',');
    }
  }

  std::string out_;
};

// One key of a session object: how it is read (a FieldRule's three members)
// and how it is written (nothing when the value is left out).
template <typename T>
struct SessionRule {
  std::string_view key;
  bool required = false;
  absl::Status (*read)(const R&, const Node&, const Path&, T&) = nullptr;
  void (*write)(const T&, std::string_view, LineWriter&) = nullptr;
};

template <typename T, auto M, typename Codec>
absl::Status ReadAt(const R& r, const Node& node, const Path& path, T& out) {
  return Codec::Read(r, node, path, out.*M);
}

template <typename T, auto M, typename Codec>
void WriteAt(const T& in, std::string_view key, LineWriter& w) {
  if (!Codec::Present(in.*M)) return;
  w.Key(key);
  Codec::Write(in.*M, w);
}

// The rule for `key`, read into and written from the member `M` of a `T`
// (the member's class, or one derived from it) by `Codec`.
template <auto M, typename Codec, typename T = MemberClass<M>>
constexpr SessionRule<T> Field(std::string_view key, bool required) {
  return {key, required, &ReadAt<T, M, Codec>, &WriteAt<T, M, Codec>};
}

template <typename T, std::size_t N>
void WriteObject(const std::array<SessionRule<T>, N>& rules, const T& in, LineWriter& w) {
  w.BeginObject();
  for (const SessionRule<T>& rule : rules) rule.write(in, rule.key, w);
  w.EndObject();
}

// --- Codecs: how one value is read, whether it is written, how it is written.

// A string, written always; empty strings are valid (exports leave text out).
struct Str {
  static absl::Status Read(const R& r, const Node& node, const Path& path, std::string& out) {
    return r.String(node, path, out, /*non_empty=*/false);
  }
  static bool Present(const std::string& /*value*/) { return true; }
  static void Write(const std::string& value, LineWriter& w) { w.String(value); }
};

// A string left out when empty.
struct OptStr : Str {
  static bool Present(const std::string& value) { return !value.empty(); }
};

struct Flag {
  static absl::Status Read(const R& r, const Node& node, const Path& path, bool& out) {
    return r.Bool(node, path, out);
  }
  static bool Present(bool /*value*/) { return true; }
  static void Write(bool value, LineWriter& w) { w.Bool(value); }
};

struct Version {
  static absl::Status Read(const R& r, const Node& node, const Path& path, int& out) {
    return r.Int(node, path, out, 1);
  }
  static bool Present(int /*value*/) { return true; }
  static void Write(int value, LineWriter& w) { w.Int(value); }
};

struct Rating {
  static absl::Status Read(const R& r, const Node& node, const Path& path, int& out) {
    return r.IntInRange(node, path, out, 1, 5);
  }
  static bool Present(int /*value*/) { return true; }
  static void Write(int value, LineWriter& w) { w.Int(value); }
};

struct Instant {
  static absl::Status Read(const R& r, const Node& node, const Path& path, absl::Time& out) {
    return r.Time(node, path, out);
  }
  static absl::Status Read(const R& r, const Node& node, const Path& path,
                           std::optional<absl::Time>& out) {
    return r.Time(node, path, out.emplace());
  }
  static bool Present(const absl::Time& /*value*/) { return true; }
  static bool Present(const std::optional<absl::Time>& value) { return value.has_value(); }
  static void Write(const absl::Time& value, LineWriter& w) { w.String(FormatRfc3339(value)); }
  static void Write(const std::optional<absl::Time>& value, LineWriter& w) { Write(*value, w); }
};

struct DueDate {
  static absl::Status Read(const R& r, const Node& node, const Path& path,
                           std::optional<absl::CivilDay>& out) {
    return r.Date(node, path, out.emplace());
  }
  static bool Present(const std::optional<absl::CivilDay>& value) { return value.has_value(); }
  static void Write(const std::optional<absl::CivilDay>& value, LineWriter& w) {
    w.String(FormatIsoDate(*value));
  }
};

// A canonical name of an enumeration, written always.
template <auto NameOf>
struct Name {
  template <typename E>
  static absl::Status Read(const R& r, const Node& node, const Path& path, E& out) {
    return r.Enum(node, path, NameOf, out);
  }
  template <typename E>
  static bool Present(E /*value*/) {
    return true;
  }
  template <typename E>
  static void Write(E value, LineWriter& w) {
    w.String(NameOf(value));
  }
};

// A shift, left out when unspecified.
struct OptShift : Name<&ShiftName> {
  static bool Present(Shift shift) { return shift != Shift::kUnspecified; }
};

// An object of `Rules` (a table below).
template <const auto& Rules>
struct Object {
  template <typename T>
  static absl::Status Read(const R& r, const Node& node, const Path& path, T& out) {
    return ReadFields(r, node, path, Rules, out);
  }
  template <typename T>
  static absl::Status Read(const R& r, const Node& node, const Path& path, std::optional<T>& out) {
    return ReadFields(r, node, path, Rules, out.emplace());
  }
  template <typename T>
  static bool Present(const T& /*value*/) {
    return true;
  }
  template <typename T>
  static bool Present(const std::optional<T>& value) {
    return value.has_value();
  }
  template <typename T>
  static void Write(const T& value, LineWriter& w) {
    WriteObject(Rules, value, w);
  }
  template <typename T>
  static void Write(const std::optional<T>& value, LineWriter& w) {
    WriteObject(Rules, *value, w);
  }
};

// How many items a list may hold, and what the limit is called.
struct ListLimit {
  std::size_t SessionReadOptions::*max;
  std::string_view option;
  std::string_view items;
};

// A list of `Item`s, at most as many as `Limit` allows; written always.
template <typename Item, const ListLimit& Limit>
struct List {
  template <typename T>
  static absl::Status Read(const R& r, const Node& node, const Path& path, std::vector<T>& out) {
    const std::size_t max = r.options().*Limit.max;
    if (node.kind == Node::Kind::kArray && node.items.size() > max) {
      return r.Error(
          node, path,
          absl::StrCat(node.items.size(), " ", Sv(Limit.items), ", more than the limit of ", max,
                       " (", Sv(kLimits), "::", Sv(Limit.option), ")"),
          absl::StatusCode::kResourceExhausted);
    }
    out.clear();
    return r.Array(node, path, [&](const Node& item, const Path& at) {
      return Item::Read(r, item, at, out.emplace_back());
    });
  }
  template <typename T>
  static bool Present(const std::vector<T>& /*value*/) {
    return true;
  }
  template <typename T>
  static void Write(const std::vector<T>& value, LineWriter& w) {
    w.BeginArray();
    for (const T& item : value) Item::Write(item, w);
    w.EndArray();
  }
};

// --- The tables, innermost first. Each lists the keys in the order they are written.

constexpr std::array kParticipantRules{
    Field<&Participant::id, Str>("id", kRequiredKey),
    Field<&Participant::role, OptStr>("role", kOptionalKey),
    Field<&Participant::unit, OptStr>("unit", kOptionalKey),
    Field<&Participant::profession, OptStr>("profession", kOptionalKey),
    Field<&Participant::shift, OptShift>("shift", kOptionalKey),
};

constexpr std::array kStepTimingRules{
    Field<&StepTiming::step_id, Str>("step", kRequiredKey),
    Field<&StepTiming::start, Instant>("start", kRequiredKey),
    Field<&StepTiming::end, Instant>("end", kRequiredKey),
};

constexpr std::array kPromptUseRules{
    Field<&PromptUse::step_id, Str>("step", kRequiredKey),
    Field<&PromptUse::question_id, Str>("question", kRequiredKey),
};

constexpr std::array kCaseRules{
    Field<&Case::category, Str>("category", kRequiredKey),
    Field<&Case::citizen, OptStr>("citizen", kOptionalKey),
};

constexpr std::array kLearningPointRules{
    Field<&LearningPoint::step_id, OptStr>("step", kOptionalKey),
    Field<&LearningPoint::text, OptStr>("text", kOptionalKey),
    Field<&LearningPoint::author, OptStr>("author", kOptionalKey),
    Field<&LearningPoint::confidential, Flag>("confidential", kOptionalKey),
};

constexpr std::array kStatusChangeRules{
    Field<&StatusChange::status, Name<&ActionStatusName>>("status", kRequiredKey),
    Field<&StatusChange::at, Instant>("at", kRequiredKey),
};

constexpr ListLimit kStatusChanges{&SessionReadOptions::max_status_changes, "max_status_changes",
                                   "status changes"};
constexpr std::array kActionRules{
    Field<&Action::id, Str>("id", kRequiredKey),
    Field<&Action::step_id, OptStr>("step", kOptionalKey),
    Field<&Action::text, OptStr>("text", kOptionalKey),
    Field<&Action::owner, OptStr>("owner", kOptionalKey),
    Field<&Action::due, DueDate>("due", kOptionalKey),
    Field<&Action::history, List<Object<kStatusChangeRules>, kStatusChanges>>("history",
                                                                              kOptionalKey),
    Field<&Action::confidential, Flag>("confidential", kOptionalKey),
};

constexpr std::array kFeedbackRules{
    Field<&Feedback::step_id, OptStr>("step", kOptionalKey),
    Field<&Feedback::participant, Str>("participant", kRequiredKey),
    Field<&Feedback::rating, Rating>("rating", kRequiredKey),
    Field<&Feedback::comment, OptStr>("comment", kOptionalKey),
    Field<&Feedback::confidential, Flag>("confidential", kOptionalKey),
};

constexpr std::array kNoteRules{
    Field<&Note::step_id, OptStr>("step", kOptionalKey),
    Field<&Note::kind, Name<&NoteKindName>>("kind", kOptionalKey),
    Field<&Note::text, OptStr>("text", kOptionalKey),
    Field<&Note::confidential, Flag>("confidential", kOptionalKey),
};

constexpr std::array kCancellationRules{
    Field<&Cancellation::reason, Name<&CancelReasonName>>("reason", kRequiredKey),
    Field<&Cancellation::note, OptStr>("note", kOptionalKey),
    Field<&Cancellation::confidential, Flag>("confidential", kOptionalKey),
};

// "format": {"id", "version"}, read into the session itself.
constexpr std::array kFormatRules{
    Field<&Session::format_id, Str, SessionDocument>("id", kRequiredKey),
    Field<&Session::format_version, Version, SessionDocument>("version", kRequiredKey),
};

absl::Status ReadFormatPart(const R& r, const Node& node, const Path& path, SessionDocument& out) {
  return ReadFields(r, node, path, kFormatRules, out);
}
void WriteFormatPart(const SessionDocument& in, std::string_view key, LineWriter& w) {
  w.Key(key);
  WriteObject(kFormatRules, in, w);
}
// "carelearn" is read first, by ReadDocumentHeader; written first.
void WriteKind(const SessionDocument& /*in*/, std::string_view key, LineWriter& w) {
  w.Key(key);
  w.String(kSessionDocument);
}

constexpr ListLimit kParticipants{&SessionReadOptions::max_participants, "max_participants",
                                  "participants"};
constexpr ListLimit kSteps{&SessionReadOptions::max_steps, "max_steps", "step timings"};
constexpr ListLimit kPrompts{&SessionReadOptions::max_prompts, "max_prompts", "questions used"};
constexpr ListLimit kLearningPoints{&SessionReadOptions::max_learning_points, "max_learning_points",
                                    "learning points"};
constexpr ListLimit kActions{&SessionReadOptions::max_actions, "max_actions", "actions"};
constexpr ListLimit kFeedback{&SessionReadOptions::max_feedback, "max_feedback",
                              "feedback entries"};
constexpr ListLimit kNotes{&SessionReadOptions::max_notes, "max_notes", "notes"};

using D = SessionDocument;
constexpr std::array kSessionRules{
    SessionRule<D>{"carelearn", kRequiredKey, nullptr, &WriteKind},
    Field<&Session::id, Str, D>("id", kRequiredKey),
    SessionRule<D>{"format", kRequiredKey, &ReadFormatPart, &WriteFormatPart},
    Field<&Session::unit, OptStr, D>("unit", kOptionalKey),
    Field<&Session::planned_start, Instant, D>("planned_start", kRequiredKey),
    Field<&Session::actual_start, Instant, D>("actual_start", kOptionalKey),
    Field<&Session::actual_end, Instant, D>("actual_end", kOptionalKey),
    Field<&D::stated_status, Name<&SessionStatusName>>("status", kRequiredKey),
    Field<&Session::cancellation, Object<kCancellationRules>, D>("cancellation", kOptionalKey),
    Field<&D::redaction, Name<&RedactionName>>("redaction", kOptionalKey),
    Field<&Session::participants, List<Object<kParticipantRules>, kParticipants>, D>("participants",
                                                                                     kOptionalKey),
    Field<&Session::steps, List<Object<kStepTimingRules>, kSteps>, D>("steps", kOptionalKey),
    Field<&Session::prompts, List<Object<kPromptUseRules>, kPrompts>, D>("prompts", kOptionalKey),
    Field<&Session::presented_case, Object<kCaseRules>, D>("case", kOptionalKey),
    Field<&Session::learning_points, List<Object<kLearningPointRules>, kLearningPoints>, D>(
        "learning_points", kOptionalKey),
    Field<&Session::actions, List<Object<kActionRules>, kActions>, D>("actions", kOptionalKey),
    Field<&Session::feedback, List<Object<kFeedbackRules>, kFeedback>, D>("feedback", kOptionalKey),
    Field<&Session::notes, List<Object<kNoteRules>, kNotes>, D>("notes", kOptionalKey),
};

// The error for line `line`, `length` bytes long, over the limit `max`.
absl::Status LineTooLong(std::string_view source, std::size_t line, std::size_t length,
                         std::size_t max) {
  return MakeLocatedError(absl::StatusCode::kResourceExhausted, source,
                          ErrorLocation{"", static_cast<int>(line), 1},
                          absl::StrCat("the line is ", length, " bytes, more than the limit of ",
                                       max, " bytes (SessionReadOptions::max_line_bytes)"));
}

// Reads the line `text`, line `line` of its source.
absl::StatusOr<SessionDocument> ReadLine(std::string_view text, std::size_t line,
                                         const SessionReadOptions& options) {
  if (text.size() > options.max_line_bytes) {
    return LineTooLong(SourceName(options), line, text.size(), options.max_line_bytes);
  }
  const JsonText json(SourceName(options), text, static_cast<int>(line));
  ParseOptions limits;
  limits.max_depth = kSessionDepth;
  limits.max_document_bytes = text.size();
  limits.max_string_bytes = options.max_string_bytes;
  absl::StatusOr<Node> root = ParseTree(json, limits, kLimits);
  if (!root.ok()) return root.status();
  const SessionFieldReader r(json, options);
  static constexpr std::array<std::string_view, 1> kKinds{"session"};
  const absl::StatusOr<std::string_view> kind =
      ReadDocumentHeader(r, *root, kKinds, kKinds, kSessionVersion);
  if (!kind.ok()) return kind.status();
  SessionDocument doc;
  CARELEARN_RETURN_IF_ERROR(ReadFields(r, *root, Path(), kSessionRules, doc));
  const Member* cancellation = root->Find("cancellation");
  if (cancellation != nullptr && doc.stated_status == SessionStatus::kHeld) {
    return r.Error(cancellation->value, Path().Child("cancellation"),
                   "a held session has no cancellation; its \"status\" is \"held\"");
  }
  if (cancellation == nullptr && doc.stated_status == SessionStatus::kCancelled) {
    doc.cancellation.emplace();
  }
  return doc;
}

// A located error for a whole line (column 0), led by "<source>:<line>: ".
absl::Status LineError(absl::StatusCode code, std::string_view source, std::size_t line,
                       std::string_view message) {
  absl::Status status(code, absl::StrCat(Sv(source), ":", line, ": ", Sv(message)));
  status.SetPayload(Sv(kErrorLocationPayloadUrl),
                    absl::Cord(EncodeErrorLocation(ErrorLocation{"", static_cast<int>(line), 0})));
  return status;
}

}  // namespace
}  // namespace detail

std::string ToJsonLine(const Session& session, const ExportOptions& options) {
  detail::SessionDocument doc;
  static_cast<Session&>(doc) = Redact(session, options);
  doc.stated_status = doc.status();
  doc.redaction = RedactionOf(options);
  detail::LineWriter w;
  detail::WriteObject(detail::kSessionRules, doc, w);
  return w.Take();
}

absl::StatusOr<Session> ParseSessionLine(std::string_view line, Redaction* redaction,
                                         const SessionReadOptions& options) {
  absl::StatusOr<detail::SessionDocument> doc = detail::ReadLine(line, 1, options);
  if (!doc.ok()) return doc.status();
  if (redaction != nullptr) *redaction = doc->redaction;
  return static_cast<Session&&>(*std::move(doc));
}

// ----------------------------------------------------------------- SessionReader

struct SessionReader::Impl {
  std::unique_ptr<std::ifstream> file;  // when the reader opened the input
  std::istream* in = nullptr;
  SessionReadOptions options;
  std::string chunk;       // read from the input, not yet split
  std::size_t at = 0;      // where the unsplit part of `chunk` begins
  std::size_t number = 0;  // the number of the line read last
  bool done = false;

  static constexpr std::size_t kChunkBytes = std::size_t{64} << 10;

  // Reads more of the input into `chunk`; false at the end or on a failure.
  bool Fill() {
    if (at > 0) {
      chunk.erase(0, at);
      at = 0;
    }
    const std::size_t old = chunk.size();
    chunk.resize(old + kChunkBytes);
    in->read(chunk.data() + old, static_cast<std::streamsize>(kChunkBytes));
    chunk.resize(old + static_cast<std::size_t>(in->gcount()));
    return chunk.size() > old;
  }

  // A line without its "\n": at most the first max_line_bytes + 1 of its
  // bytes (room for a "\r"), and how many it has in all.
  struct RawLine {
    std::string text;
    std::size_t length = 0;
  };

  // The next line, or std::nullopt at the end of the input.
  std::optional<RawLine> NextRaw() {
    RawLine raw;
    bool any = false;
    while (true) {
      const std::size_t end = chunk.find('\n', at);
      const std::size_t stop = end == std::string::npos ? chunk.size() : end;
      any = any || stop > at || end != std::string::npos;
      const std::size_t keep =
          std::min(stop - at, options.max_line_bytes + 1 -
                                  std::min(raw.text.size(), options.max_line_bytes + 1));
      raw.text.append(chunk, at, keep);
      raw.length += stop - at;
      if (end != std::string::npos) {
        at = end + 1;
        return raw;
      }
      at = chunk.size();
      if (!Fill()) {
        // The last line may lack its "\n"; after a failed read, nothing is trusted.
        if (!any || in->bad()) return std::nullopt;
        return raw;
      }
    }
  }
};

SessionReader::SessionReader(std::istream& in, SessionReadOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->in = &in;
  impl_->options = std::move(options);
}

absl::StatusOr<SessionReader> SessionReader::Open(const std::filesystem::path& path,
                                                  SessionReadOptions options) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return absl::NotFoundError(absl::StrCat(path.string(), ": cannot read: it is a directory"));
  }
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) {
    const int error = errno;
    return absl::NotFoundError(absl::StrCat(
        path.string(),
        ": cannot read: ", error != 0 ? std::strerror(error) : "the file cannot be opened"));
  }
  if (options.source_name.empty()) options.source_name = path.string();
  SessionReader reader(*file, std::move(options));
  reader.impl_->file = std::move(file);
  return reader;
}

SessionReader::SessionReader(SessionReader&& other) noexcept = default;
SessionReader& SessionReader::operator=(SessionReader&& other) noexcept = default;
SessionReader::~SessionReader() = default;

std::optional<SessionLine> SessionReader::Next() {
  Impl& s = *impl_;
  const std::string_view source = detail::SourceName(s.options);
  while (!s.done) {
    std::optional<Impl::RawLine> raw = s.NextRaw();
    if (!raw) {
      s.done = true;
      if (s.in->bad()) {
        return SessionLine{
            s.number + 1,
            detail::LineError(absl::StatusCode::kDataLoss, source, s.number + 1, "reading failed"),
            Redaction::kNone};
      }
      return std::nullopt;
    }
    ++s.number;
    if (raw->length == raw->text.size() && !raw->text.empty() && raw->text.back() == '\r') {
      raw->text.pop_back();
      --raw->length;
    }
    if (raw->length > s.options.max_line_bytes) {
      return SessionLine{
          s.number, detail::LineTooLong(source, s.number, raw->length, s.options.max_line_bytes),
          Redaction::kNone};
    }
    if (std::all_of(raw->text.begin(), raw->text.end(),
                    [](char c) { return c == ' ' || c == '\t'; })) {
      continue;
    }
    SessionLine out;
    out.line = s.number;
    absl::StatusOr<detail::SessionDocument> doc = detail::ReadLine(raw->text, s.number, s.options);
    if (!doc.ok()) {
      out.session = doc.status();
      return out;
    }
    out.redaction = doc->redaction;
    if (s.options.validate) {
      if (absl::Status v = ValidateSession(*doc); !v.ok()) {
        out.session = detail::LineError(v.code(), source, s.number, detail::Sv(v.message()));
        return out;
      }
    }
    out.session = static_cast<Session&&>(*std::move(doc));
    return out;
  }
  return std::nullopt;
}

absl::StatusOr<std::vector<Session>> ReadSessions(std::istream& in,
                                                  const SessionReadOptions& options) {
  SessionReader reader(in, options);
  std::vector<Session> out;
  while (std::optional<SessionLine> line = reader.Next()) {
    if (!line->session.ok()) return line->session.status();
    out.push_back(*std::move(line->session));
  }
  return out;
}

absl::StatusOr<std::vector<Session>> ReadSessionsFile(const std::filesystem::path& path,
                                                      SessionReadOptions options) {
  absl::StatusOr<SessionReader> reader = SessionReader::Open(path, std::move(options));
  if (!reader.ok()) return reader.status();
  std::vector<Session> out;
  while (std::optional<SessionLine> line = reader->Next()) {
    if (!line->session.ok()) return line->session.status();
    out.push_back(*std::move(line->session));
  }
  return out;
}

absl::StatusOr<std::size_t> WriteSessionsFile(const std::filesystem::path& path,
                                              std::span<const Session> sessions,
                                              const ExportOptions& options) {
  absl::StatusOr<OwnerOnlyFile> file = OwnerOnlyFile::Create(path, ExistingFile::kReplace);
  if (!file.ok()) return file.status();
  std::size_t count = 0;
  for (const Session& session : sessions) {
    if (absl::Status v = ValidateSession(session); !v.ok()) {
      (void)file->Close();
      return absl::Status(v.code(),
                          absl::StrCat(path.string(), ": sessions[", count, "]: ", v.message()));
    }
    file->stream() << ToJsonLine(session, options) << '\n';
    ++count;
  }
  if (absl::Status s = file->Close(); !s.ok()) return s;
  return count;
}

}  // namespace carelearn
