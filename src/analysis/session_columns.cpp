// The column reader of "session/1" lines; see session_columns.hpp.
//
// `LineHandler` is Boost.JSON's basic_parser handler. It keeps a stack of
// frames, one per open object or array, each knowing what it is (the line's
// session, its format, a participant, the list of steps, ...) and, in an
// object, which field the current key names. A value goes straight to its
// column; a row is pushed with its defaults when its object opens and
// finished when it closes (required keys, derived columns, text that is
// confidential).
//
// Errors come in two kinds. Those of the JSON itself (syntax, UTF-8,
// duplicate keys, numbers, limits) stop the parse at once; the document
// loader's `ParseTree` then describes the first of them, so that the text is
// the loader's. Those of the session (unknown keys, types, names, times) are
// collected with a priority, the place in the order `ParseSessionLine`
// checks a session, and the first of that order is reported, so that the
// text is the session reader's. Each records the ordinal of its token (the
// loader's notion, see io/json_tree.hpp), turned into a column only when it
// is reported.
#include "analysis/session_columns.hpp"

#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <span>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "boost/json/basic_parser_impl.hpp"
#include "carelearn/io/json.hpp"
#include "carelearn/io/session_json.hpp"
#include "carelearn/record/redact.hpp"
#include "carelearn/record/session.hpp"
#include "detail/absl_compat.hpp"
#include "io/json_reader.hpp"
#include "io/json_tree.hpp"
#include "io/rfc3339.hpp"
#include "simdjson.h"

namespace carelearn::detail {
namespace {

namespace bj = boost::json;

// ------------------------------------------------------------ the schema

// What a frame is.
enum class Ctx : std::uint8_t {
  kRoot,
  kFormat,
  kCancellation,
  kCase,
  kParticipant,
  kStep,
  kPrompt,
  kLearningPoint,
  kAction,
  kChange,
  kFeedback,
  kNote,
  kList,  // an array of one of the element kinds above
  kSkip,  // a value that is not read (after an error, or under an unknown key)
};

// The keys of each object, in the order `ParseSessionLine` lists them; a
// field's id is its index here.
constexpr std::array<std::string_view, 18> kRootKeys{
    "carelearn",  "id",     "format",          "unit",      "planned_start", "actual_start",
    "actual_end", "status", "cancellation",    "redaction", "participants",  "steps",
    "prompts",    "case",   "learning_points", "actions",   "feedback",      "notes"};
enum RootField : int {
  kCarelearn,
  kId,
  kFormat,
  kUnit,
  kPlannedStart,
  kActualStart,
  kActualEnd,
  kStatus,
  kCancellation,
  kRedaction,
  kParticipants,
  kSteps,
  kPrompts,
  kCase,
  kLearningPoints,
  kActions,
  kFeedbackList,
  kNotes,
};
// The place of each root field in the order `ParseSessionLine` checks them:
// 0 is the root's own type, 1 the kind, 2 the unknown keys; the case comes
// before the lists.
constexpr std::array<std::int32_t, 18> kRootRank{1,  3,  4,  5,  6,  7,  8,  9,  10,
                                                 11, 13, 14, 15, 12, 16, 17, 18, 19};
constexpr std::uint32_t kRootRequired =
    (1U << kCarelearn) | (1U << kId) | (1U << kFormat) | (1U << kPlannedStart) | (1U << kStatus);

constexpr std::array<std::string_view, 2> kFormatKeys{"id", "version"};
constexpr std::array<std::string_view, 3> kCancellationKeys{"reason", "note", "confidential"};
constexpr std::array<std::string_view, 2> kCaseKeys{"category", "citizen"};
constexpr std::array<std::string_view, 5> kParticipantKeys{"id", "role", "unit", "profession",
                                                           "shift"};
constexpr std::array<std::string_view, 3> kStepKeys{"step", "start", "end"};
constexpr std::array<std::string_view, 2> kPromptKeys{"step", "question"};
constexpr std::array<std::string_view, 4> kLearningPointKeys{"step", "text", "author",
                                                             "confidential"};
constexpr std::array<std::string_view, 7> kActionKeys{"id",  "step",    "text",        "owner",
                                                      "due", "history", "confidential"};
constexpr std::array<std::string_view, 2> kChangeKeys{"status", "at"};
constexpr std::array<std::string_view, 5> kFeedbackKeys{"step", "participant", "rating", "comment",
                                                        "confidential"};
constexpr std::array<std::string_view, 4> kNoteKeys{"step", "kind", "text", "confidential"};

// The keys of an object kind, its required fields (a bit per field id), and
// the priority of its first field (its own type check comes just before).
struct Spec {
  std::span<const std::string_view> keys;
  std::uint32_t required = 0;
  std::int32_t first = 1;
};

constexpr Spec SpecFor(Ctx ctx) {
  switch (ctx) {
    case Ctx::kRoot:
      return {kRootKeys, kRootRequired, 0};
    case Ctx::kFormat:
      return {kFormatKeys, 0b11, 1};
    case Ctx::kCancellation:
      // 0 is "a held session has no cancellation", 1 the object's type.
      return {kCancellationKeys, 0b01, 2};
    case Ctx::kCase:
      return {kCaseKeys, 0b01, 1};
    case Ctx::kParticipant:
      return {kParticipantKeys, 0b1, 1};
    case Ctx::kStep:
      return {kStepKeys, 0b111, 1};
    case Ctx::kPrompt:
      return {kPromptKeys, 0b11, 1};
    case Ctx::kLearningPoint:
      return {kLearningPointKeys, 0, 1};
    case Ctx::kAction:
      return {kActionKeys, 0b1, 1};
    case Ctx::kChange:
      return {kChangeKeys, 0b11, 1};
    case Ctx::kFeedback:
      return {kFeedbackKeys, 0b110, 1};
    case Ctx::kNote:
      return {kNoteKeys, 0, 1};
    case Ctx::kList:
    case Ctx::kSkip:
      break;
  }
  return {};
}

constexpr std::size_t kContexts = static_cast<std::size_t>(Ctx::kSkip) + 1;

// A key as up to two 8-byte words that, with its size, tell it from any
// other key of at most 16 bytes: its first and last 8 bytes (or 4 and 4).
struct KeyWords {
  std::uint64_t a = 0;
  std::uint64_t b = 0;
  std::size_t size = 0;
  friend constexpr bool operator==(const KeyWords&, const KeyWords&) = default;
};

constexpr std::uint64_t LittleEndian(std::string_view s, std::size_t at, std::size_t n) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[at + i])) << (8 * i);
  }
  return v;
}

constexpr KeyWords WordsOf(std::string_view key) {
  const std::size_t n = key.size();
  if (n >= 8) return {LittleEndian(key, 0, 8), LittleEndian(key, n - 8, 8), n};
  if (n >= 4) return {LittleEndian(key, 0, 4) | (LittleEndian(key, n - 4, 4) << 32), 0, n};
  return {LittleEndian(key, 0, n), 0, n};
}

// `WordsOf` at run time: the same words, read with fixed-size loads.
KeyWords LoadWords(std::string_view key) {
  const char* p = key.data();
  const std::size_t n = key.size();
  if (n >= 8) {
    std::uint64_t a = 0;
    std::uint64_t b = 0;
    std::memcpy(&a, p, 8);
    std::memcpy(&b, p + n - 8, 8);
    return {a, b, n};
  }
  if (n >= 4) {
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    return {a | (static_cast<std::uint64_t>(b) << 32), 0, n};
  }
  return WordsOf(key);
}

// What a field takes.
enum class Takes : std::uint8_t { kString, kInt, kBool, kObject, kArray };

constexpr Takes TakesFor(Ctx ctx, int field) {
  switch (ctx) {
    case Ctx::kRoot:
      switch (field) {
        case kFormat:
        case kCancellation:
        case kCase:
          return Takes::kObject;
        case kParticipants:
        case kSteps:
        case kPrompts:
        case kLearningPoints:
        case kActions:
        case kFeedbackList:
        case kNotes:
          return Takes::kArray;
        default:
          return Takes::kString;
      }
    case Ctx::kFormat:
      return field == 1 ? Takes::kInt : Takes::kString;
    case Ctx::kCancellation:
      return field == 2 ? Takes::kBool : Takes::kString;
    case Ctx::kAction:
      if (field == 6) return Takes::kBool;
      return field == 5 ? Takes::kArray : Takes::kString;
    case Ctx::kFeedback:
      if (field == 4) return Takes::kBool;
      return field == 2 ? Takes::kInt : Takes::kString;
    case Ctx::kLearningPoint:
    case Ctx::kNote:
      return field == 3 ? Takes::kBool : Takes::kString;
    default:
      return Takes::kString;
  }
}

// What the reader knows of each kind of object, computed once.
struct ContextInfo {
  Spec spec;
  std::array<KeyWords, kRootKeys.size()> words{};
  std::array<Takes, kRootKeys.size()> takes{};
  std::array<std::uint32_t, 17> by_size{};  // the fields whose keys have that many bytes
};

constexpr std::array<ContextInfo, kContexts> MakeContexts() {
  std::array<ContextInfo, kContexts> out{};
  for (std::size_t c = 0; c < kContexts; ++c) {
    out[c].spec = SpecFor(static_cast<Ctx>(c));
    for (std::size_t k = 0; k < out[c].spec.keys.size(); ++k) {
      out[c].words[k] = WordsOf(out[c].spec.keys[k]);
      out[c].takes[k] = TakesFor(static_cast<Ctx>(c), static_cast<int>(k));
      out[c].by_size[out[c].spec.keys[k].size()] |= 1U << k;
    }
  }
  return out;
}

constexpr std::array<ContextInfo, kContexts> kContextInfo = MakeContexts();

const Spec& SpecOf(Ctx ctx) { return kContextInfo[static_cast<std::size_t>(ctx)].spec; }

Takes TakesOf(Ctx ctx, int field) {
  return kContextInfo[static_cast<std::size_t>(ctx)].takes[static_cast<std::size_t>(field)];
}

// The field id of `key` in an object of kind `ctx`, or -1.
int FieldOf(Ctx ctx, std::string_view key) {
  if (key.size() > 16) return -1;
  const ContextInfo& info = kContextInfo[static_cast<std::size_t>(ctx)];
  std::uint32_t candidates = info.by_size[key.size()];
  if (candidates == 0) return -1;
  const KeyWords words = LoadWords(key);
  while (candidates != 0) {
    const int i = std::countr_zero(candidates);
    if (info.words[static_cast<std::size_t>(i)] == words) return i;
    candidates &= candidates - 1;
  }
  return -1;
}

// The element kind of the list under a root field or an action's "history".
Ctx ElementOf(Ctx parent, int field) {
  if (parent == Ctx::kAction) return Ctx::kChange;
  switch (field) {
    case kParticipants:
      return Ctx::kParticipant;
    case kSteps:
      return Ctx::kStep;
    case kPrompts:
      return Ctx::kPrompt;
    case kLearningPoints:
      return Ctx::kLearningPoint;
    case kActions:
      return Ctx::kAction;
    case kFeedbackList:
      return Ctx::kFeedback;
    default:
      return Ctx::kNote;
  }
}

// What a JSON value is, for messages ("expected a string, found an integer").
enum class Kind : std::uint8_t { kNull, kBool, kInt, kDouble, kString, kArray, kObject };

std::string_view KindName(Kind k) {
  switch (k) {
    case Kind::kNull:
      return "null";
    case Kind::kBool:
      return "a boolean";
    case Kind::kInt:
      return "an integer";
    case Kind::kDouble:
      return "a number";
    case Kind::kString:
      return "a string";
    case Kind::kArray:
      return "an array";
    case Kind::kObject:
      return "an object";
  }
  return "a value";
}

std::string_view TakesName(Takes t) {
  switch (t) {
    case Takes::kString:
      return "a string";
    case Takes::kInt:
      return "an integer";
    case Takes::kBool:
      return "true or false";
    case Takes::kObject:
      return "an object";
    case Takes::kArray:
      return "an array";
  }
  return "a value";
}

// ------------------------------------------------------------ times

constexpr std::int64_t kMicrosPerSecond = 1000000;

// Days from 1970-01-01 to the proleptic Gregorian `y`-`m`-`d`.
constexpr std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The value of the `n` digits at `p`, or -1 when they are not all digits.
int Digits(const char* p, int n) {
  int v = 0;
  for (int i = 0; i < n; ++i) {
    if (!IsDigit(p[i])) return -1;
    v = v * 10 + (p[i] - '0');
  }
  return v;
}

unsigned DaysInMonth(int y, int m) {
  static constexpr std::array<unsigned, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[static_cast<std::size_t>(m - 1)];
}

// "YYYY-MM-DD" with a year from 0001 to 9999 and a real day, as days since
// 1970-01-01; false for anything else (which may still be a date to Abseil).
bool ParsePlainDay(std::string_view s, std::int64_t& days) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  const int y = Digits(s.data(), 4);
  const int m = Digits(s.data() + 5, 2);
  const int d = Digits(s.data() + 8, 2);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > static_cast<int>(DaysInMonth(y, m))) return false;
  days = DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  return true;
}

// The day read last: the times of a session mostly fall on one day.
struct DateCache {
  std::array<char, 10> text{};  // "YYYY-MM-DD"
  std::int64_t days = 0;
  bool valid = false;
};

// The canonical form "YYYY-MM-DDTHH:MM:SS[.fraction]Z" (what `ToJsonLine`
// writes for years 1000 to 9999), as microseconds since the epoch, rounded
// down as absl::ToUnixMicros rounds; false for anything else.
bool ParseCanonicalTime(std::string_view s, DateCache& cache, std::int64_t& micros) {
  // At most nine fraction digits, as the session reader takes.
  if (s.size() < 20 || s.size() > 30 || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
      s.back() != 'Z') {
    return false;
  }
  std::int64_t days = 0;
  if (cache.valid && std::memcmp(cache.text.data(), s.data(), 10) == 0) {
    days = cache.days;
  } else {
    if (!ParsePlainDay(s.substr(0, 10), days)) return false;
    std::memcpy(cache.text.data(), s.data(), 10);
    cache.days = days;
    cache.valid = true;
  }
  const int h = Digits(s.data() + 11, 2);
  const int mi = Digits(s.data() + 14, 2);
  const int se = Digits(s.data() + 17, 2);
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59) return false;
  std::int64_t fraction = 0;
  if (s.size() > 20) {
    if (s[19] != '.' || s.size() == 21) return false;
    int scale = 100000;
    for (std::size_t i = 20; i + 1 < s.size(); ++i) {
      if (!IsDigit(s[i])) return false;
      if (scale > 0) {
        fraction += (s[i] - '0') * scale;
        scale /= 10;
      }
    }
  }
  micros = ((days * 24 + h) * 60 + mi) * 60 * kMicrosPerSecond + se * kMicrosPerSecond + fraction;
  return true;
}

// ------------------------------------------------------------ frames

using Priority = std::array<std::int32_t, 5>;

struct Frame {
  Ctx ctx = Ctx::kSkip;
  Ctx element = Ctx::kSkip;  // kList: the kind of its elements
  bool is_object = false;
  int field = -1;                 // object: the current member's field, -1 for an unknown key
  std::uint32_t seen = 0;         // object: the fields read
  std::int32_t index = -1;        // array: the current item's index
  std::size_t token = 0;          // the token that opened it
  Priority prefix{};              // the priority of its place
  int level = 0;                  // where its own fields or items go in a priority
  std::string_view known_key;     // object: the current member's key, when known
  std::string unknown_key;        // object: the current member's key, when unknown
  std::vector<std::string> keys;  // unknown keys (all keys of a skipped object), for duplicates
};

// The priority of a check at `sub` within `frame`.
Priority At(const Frame& frame, std::int32_t sub) {
  Priority p = frame.prefix;
  if (frame.level < static_cast<int>(p.size())) p[static_cast<std::size_t>(frame.level)] = sub;
  return p;
}

// A session error waiting to be reported, unless one before it in the
// session reader's order turns up.
struct Pending {
  Priority priority{};
  std::size_t token = 0;
  absl::StatusCode code = absl::StatusCode::kInvalidArgument;
  std::string pointer;
  std::string cause;
};

// A dictionary-encoded value of the line, coded when the line is done.
struct Deferred {
  std::uint64_t hash = 0;
  DictionaryColumn* column = nullptr;
  DictionaryIndex* index = nullptr;
  std::size_t row = 0;
  const char* data = nullptr;  // the value where it is, or nullptr for the scratch copy
  std::size_t offset = 0;      // of the copy in the scratch buffer
  std::size_t size = 0;
};

// The rows before a line, to roll a bad line back.
struct Mark {
  std::size_t sessions = 0;
  std::size_t participants = 0;
  std::size_t steps = 0;
  std::size_t prompts = 0;
  std::size_t learning_points = 0;
  std::size_t actions = 0;
  std::size_t action_changes = 0;
  std::size_t feedback = 0;
  std::size_t notes = 0;
};

template <typename T>
void Cut(std::vector<T>& v, std::size_t n) {
  if (v.size() > n) v.resize(n);
}
void Cut(DictionaryColumn& c, std::size_t n) { Cut(c.codes, n); }
void Cut(StringColumn& c, std::size_t n) {
  if (c.valid.size() > n) {
    c.valid.resize(n);
    c.offsets.resize(n + 1);
  }
  c.data.resize(static_cast<std::size_t>(c.offsets.back()));
}

// Cuts every column of `t` to the rows of `m`.
void CutTables(SessionTables& t, const Mark& m) {
  ForEachColumn(t.sessions, [&](auto& c) { Cut(c, m.sessions); });
  ForEachColumn(t.participants, [&](auto& c) { Cut(c, m.participants); });
  ForEachColumn(t.steps, [&](auto& c) { Cut(c, m.steps); });
  ForEachColumn(t.prompts, [&](auto& c) { Cut(c, m.prompts); });
  ForEachColumn(t.learning_points, [&](auto& c) { Cut(c, m.learning_points); });
  ForEachColumn(t.actions, [&](auto& c) { Cut(c, m.actions); });
  ForEachColumn(t.action_changes, [&](auto& c) { Cut(c, m.action_changes); });
  ForEachColumn(t.feedback, [&](auto& c) { Cut(c, m.feedback); });
  ForEachColumn(t.notes, [&](auto& c) { Cut(c, m.notes); });
}

std::int32_t Row(std::size_t size) { return static_cast<std::int32_t>(size) - 1; }

// ------------------------------------------------------------ the handler

class LineHandler {
 public:
  static constexpr std::size_t max_object_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_array_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_key_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_string_size = std::numeric_limits<std::size_t>::max();

  explicit LineHandler(const TableOptions& options)
      : text_(WantsText(options)),
        confidential_(WantsConfidential(options)),
        max_string_bytes_(options.limits.max_string_bytes),
        max_array_items_(options.limits.max_array_items),
        max_depth_(std::min(options.limits.max_depth, kMaxSupportedDepth)) {}

  // Prepares for `line`, which goes to `t` (indexed by `x`); with `stable`,
  // every string the parser hands over stays where it is until the line ends.
  void Begin(std::string_view line, SessionTables& t, TableIndex& x, bool stable) {
    line_ = line;
    stable_ = stable;
    t_ = &t;
    x_ = &x;
    depth_ = 0;
    tokens_ = 0;
    in_key_ = in_string_ = in_number_ = false;
    json_failed_ = false;
    limit_.reset();
    pending_.reset();
    status_ = -1;
    has_cancellation_ = false;
    cancel_note_done_ = false;
    mark_.sessions = t.sessions.size();
    mark_.participants = t.participants.size();
    mark_.steps = t.steps.size();
    mark_.prompts = t.prompts.size();
    mark_.learning_points = t.learning_points.size();
    mark_.actions = t.actions.size();
    mark_.action_changes = t.action_changes.size();
    mark_.feedback = t.feedback.size();
    mark_.notes = t.notes.size();
  }

  // Rolls the tables back to where they stood before the line. The
  // dictionaries have not seen the line yet.
  void RollBack() {
    CutTables(*t_, mark_);
    deferred_.clear();
    scratch_.clear();
  }

  // Gives the line's dictionary-encoded values their codes, in the order
  // they came (so codes number values in order of first appearance): first
  // starting the load of every lookup's slot, then looking each up, so that
  // the lookups' cache misses overlap.
  void Resolve() {
    for (const Deferred& d : deferred_) d.index->Prefetch(d.hash);
    for (const Deferred& d : deferred_) {
      const char* data = d.data != nullptr ? d.data : scratch_.data() + d.offset;
      d.column->codes[d.row] = d.index->InternHashed(std::string_view(data, d.size), d.hash);
    }
    deferred_.clear();
    scratch_.clear();
  }

  [[nodiscard]] bool json_failed() const { return json_failed_; }
  [[nodiscard]] const std::optional<Pending>& limit() const { return limit_; }
  [[nodiscard]] const std::optional<Pending>& pending() const { return pending_; }

  // ---- basic_parser's events

  bool on_document_begin(bj::error_code& /*ec*/) { return true; }
  bool on_document_end(bj::error_code& /*ec*/) { return true; }
  bool on_comment_part(bj::string_view /*s*/, bj::error_code& /*ec*/) { return true; }
  bool on_comment(bj::string_view /*s*/, bj::error_code& /*ec*/) { return true; }

  bool on_object_begin(bj::error_code& ec) {
    if (depth_ >= max_depth_) return JsonFailure(ec);
    const std::size_t token = tokens_++;
    if (!Item(token, ec)) return false;
    if (depth_ == 0) {
      Frame& f = Push(Ctx::kRoot, true, token);
      f.prefix = {};
      f.level = 0;
      BeginSession();
      return true;
    }
    Frame& top = Top();
    if (top.ctx == Ctx::kSkip || (top.is_object && top.field < 0)) {
      Push(Ctx::kSkip, true, token);
      return true;
    }
    if (top.ctx == Ctx::kList) {
      const Ctx element = top.element;
      Priority prefix = top.prefix;
      prefix[static_cast<std::size_t>(top.level)] = top.index + 1;
      const int level = top.level + 1;
      const std::int32_t position = top.index;
      Frame& f = Push(element, true, token);
      f.prefix = prefix;
      f.level = level;
      BeginElement(element, position);
      return true;
    }
    // A member of a known object.
    const Ctx ctx = top.ctx;
    const int field = top.field;
    if (ctx == Ctx::kRoot && field == kCancellation) NoteCancellation(token);
    if (TakesOf(ctx, field) != Takes::kObject) {
      TypeError(top, field, token, Kind::kObject);
      Push(Ctx::kSkip, true, token);
      return true;
    }
    const Priority prefix = FieldPriority(top, field);
    Ctx child = Ctx::kFormat;
    if (field == kCancellation) child = Ctx::kCancellation;
    if (field == kCase) child = Ctx::kCase;
    Frame& f = Push(child, true, token);
    f.prefix = prefix;
    f.level = 2;
    if (child == Ctx::kCancellation) text_start_ = t_->sessions.cancel_note.data.size();
    return true;
  }

  bool on_object_end(std::size_t /*n*/, bj::error_code& /*ec*/) {
    Frame& f = Top();
    if (f.ctx != Ctx::kSkip) EndObject(f);
    --depth_;
    return true;
  }

  bool on_array_begin(bj::error_code& ec) {
    if (depth_ >= max_depth_) return JsonFailure(ec);
    const std::size_t token = tokens_++;
    if (!Item(token, ec)) return false;
    if (depth_ == 0) {
      RootNotAnObject(token, Kind::kArray);
      Push(Ctx::kSkip, false, token);
      return true;
    }
    Frame& top = Top();
    if (top.ctx == Ctx::kSkip || (top.is_object && top.field < 0)) {
      Push(Ctx::kSkip, false, token);
      return true;
    }
    if (top.ctx == Ctx::kList) {
      ElementNotAnObject(top, token, Kind::kArray);
      Push(Ctx::kSkip, false, token);
      return true;
    }
    const Ctx ctx = top.ctx;
    const int field = top.field;
    if (ctx == Ctx::kRoot && field == kCancellation) NoteCancellation(token);
    if (TakesOf(ctx, field) != Takes::kArray) {
      TypeError(top, field, token, Kind::kArray);
      Push(Ctx::kSkip, false, token);
      return true;
    }
    const Priority prefix = FieldPriority(top, field);
    const int level = ctx == Ctx::kRoot ? 1 : top.level + 1;
    const Ctx element = ElementOf(ctx, field);
    Frame& f = Push(Ctx::kList, false, token);
    f.element = element;
    f.prefix = prefix;
    f.level = level;
    return true;
  }

  bool on_array_end(std::size_t /*n*/, bj::error_code& /*ec*/) {
    --depth_;
    return true;
  }

  bool on_key_part(bj::string_view s, std::size_t n, bj::error_code& ec) {
    if (!in_key_) {
      in_key_ = true;
      key_token_ = tokens_++;
      key_buffer_.clear();
    }
    if (n > max_string_bytes_) return JsonFailure(ec);
    key_buffer_.append(s.data(), s.size());
    return true;
  }

  bool on_key(bj::string_view s, std::size_t n, bj::error_code& ec) {
    std::size_t token = 0;
    std::string_view key;
    if (in_key_) {
      key_buffer_.append(s.data(), s.size());
      key = key_buffer_;
      token = key_token_;
      in_key_ = false;
    } else {
      token = tokens_++;
      key = std::string_view(s.data(), s.size());
    }
    if (n > max_string_bytes_) return JsonFailure(ec);
    Frame& f = Top();
    if (f.ctx == Ctx::kSkip) {
      if (IsRepeated(f.keys, key)) return JsonFailure(ec);
      f.keys.emplace_back(key);
      f.field = -1;
      f.unknown_key.assign(key);
      return true;
    }
    const Spec& spec = SpecOf(f.ctx);
    const int field = FieldOf(f.ctx, key);
    if (field >= 0) {
      const std::uint32_t bit = 1U << field;
      if ((f.seen & bit) != 0) return JsonFailure(ec);
      f.seen |= bit;
      f.field = field;
      f.known_key = spec.keys[static_cast<std::size_t>(field)];
      return true;
    }
    if (IsRepeated(f.keys, key)) return JsonFailure(ec);
    f.keys.emplace_back(key);
    f.field = -1;
    f.unknown_key.assign(key);
    UnknownKey(f, spec, key, token);
    return true;
  }

  bool on_string_part(bj::string_view s, std::size_t n, bj::error_code& ec) {
    if (!in_string_) {
      in_string_ = true;
      value_token_ = tokens_++;
      string_buffer_.clear();
    }
    if (n > max_string_bytes_) return JsonFailure(ec);
    string_buffer_.append(s.data(), s.size());
    return true;
  }

  bool on_string(bj::string_view s, std::size_t n, bj::error_code& ec) {
    std::size_t token = 0;
    std::string_view value;
    if (in_string_) {
      string_buffer_.append(s.data(), s.size());
      value = string_buffer_;
      token = value_token_;
      in_string_ = false;
    } else {
      token = tokens_++;
      value = std::string_view(s.data(), s.size());
    }
    if (n > max_string_bytes_) return JsonFailure(ec);
    if (!Item(token, ec)) return false;
    Frame* f = Slot(token, Kind::kString);
    if (f == nullptr) return true;
    StringValue(*f, value, token);
    return true;
  }

  bool on_number_part(bj::string_view s, bj::error_code& /*ec*/) {
    if (!in_number_) {
      in_number_ = true;
      value_token_ = tokens_++;
      number_buffer_.clear();
    }
    number_buffer_.append(s.data(), s.size());
    return true;
  }

  bool on_int64(std::int64_t i, bj::string_view /*s*/, bj::error_code& ec) {
    const std::size_t token = EndNumber();
    if (!Item(token, ec)) return false;
    Frame* f = Slot(token, Kind::kInt);
    if (f != nullptr) IntValue(*f, i, token);
    return true;
  }

  bool on_uint64(std::uint64_t u, bj::string_view /*s*/, bj::error_code& ec) {
    const std::size_t token = EndNumber();
    if (!Item(token, ec)) return false;
    Frame* f = Slot(token, Kind::kInt);
    // As ParseSessionLine reads it: an integer above int64's range counts as its largest.
    if (f != nullptr) IntValue(*f, std::numeric_limits<std::int64_t>::max(), token);
    (void)u;
    return true;
  }

  bool on_double(double d, bj::string_view s, bj::error_code& ec) {
    if (in_number_) number_buffer_.append(s.data(), s.size());
    const std::string_view text =
        in_number_ ? std::string_view(number_buffer_) : std::string_view(s.data(), s.size());
    const std::size_t token = EndNumber();
    // The document loader's checks: an integer beyond 64 bits, a number out of range.
    if (text.find_first_of(".eE") == std::string_view::npos) return JsonFailure(ec);
    double exact = 0;
    const auto [end, err] = std::from_chars(text.data(), text.data() + text.size(), exact);
    (void)end;
    if (err == std::errc::result_out_of_range && (!std::isfinite(d) || std::abs(d) >= 1)) {
      return JsonFailure(ec);
    }
    if (!Item(token, ec)) return false;
    Frame* f = Slot(token, Kind::kDouble);
    if (f == nullptr) return true;
    // As the session reader reads it: an integral number such as 2.0 is an
    // integer (beyond int64's range it counts as the nearest end).
    if (TakesOf(f->ctx, f->field) == Takes::kInt && std::isfinite(d) && std::trunc(d) == d) {
      constexpr double kTop = 9223372036854775807.0;  // rounds to 2^63
      const std::int64_t i = d >= kTop    ? std::numeric_limits<std::int64_t>::max()
                             : d <= -kTop ? std::numeric_limits<std::int64_t>::min()
                                          : static_cast<std::int64_t>(d);
      IntValue(*f, i, token);
      return true;
    }
    TypeError(*f, f->field, token, Kind::kDouble);
    return true;
  }

  bool on_bool(bool b, bj::error_code& ec) {
    const std::size_t token = tokens_++;
    if (!Item(token, ec)) return false;
    Frame* f = Slot(token, Kind::kBool);
    if (f == nullptr) return true;
    if (TakesOf(f->ctx, f->field) != Takes::kBool) {
      TypeError(*f, f->field, token, Kind::kBool);
      return true;
    }
    ConfidentialFlag(f->ctx) = b ? 1 : 0;
    return true;
  }

  bool on_null(bj::error_code& ec) {
    const std::size_t token = tokens_++;
    if (!Item(token, ec)) return false;
    Frame* f = Slot(token, Kind::kNull);
    if (f != nullptr) TypeError(*f, f->field, token, Kind::kNull);
    return true;
  }

 private:
  // ---- the fast path

 public:
  // Reads the line simdjson parsed into `doc` straight from its tape (its
  // documented layout, doc/tape.md of simdjson 3: a 64-bit word per value,
  // its type in the top byte; a string's word points into a buffer holding
  // its 32-bit length and bytes), when the line is plainly a valid session.
  // False at the first thing out of the ordinary (an unknown or repeated
  // key, a wrong type, a missing key, a name or a time not in its plain
  // form, a limit); the caller then rolls back and reads the line again
  // with basic_parser, whose verdict and message count.
  bool ReadTape(const simdjson::dom::document& doc) {
    tape_ = doc.tape.get();
    strings_ = doc.string_buf.get();
    at_ = 1;
    // The deepest place a session has (root, actions, an action, its
    // history, a change) must be within the limit.
    if (max_depth_ < 5 || Type() != '{') return false;
    BeginSession();
    if (!TapeObject(Ctx::kRoot, [&](int field) { return RootField(field); })) return false;
    if (status_ == static_cast<int>(SessionStatus::kHeld) && has_cancellation_) return false;
    FinishRow(Ctx::kRoot);
    return !pending_.has_value();
  }

 private:
  char Type() const { return static_cast<char>(tape_[at_] >> 56); }

  bool TapeString(std::string_view& out) {
    if (Type() != '"') return false;
    const std::uint64_t offset = tape_[at_] & simdjson::internal::JSON_VALUE_MASK;
    std::uint32_t size = 0;
    std::memcpy(&size, strings_ + offset, sizeof size);
    if (size > max_string_bytes_) return false;
    out = std::string_view(reinterpret_cast<const char*>(strings_ + offset + sizeof size), size);
    ++at_;
    return true;
  }

  bool TapeInt(std::int64_t lo, std::int64_t hi, std::int64_t& out) {
    if (Type() != 'l') return false;
    std::memcpy(&out, &tape_[at_ + 1], sizeof out);
    at_ += 2;
    return out >= lo && out <= hi;
  }

  bool TapeBool(std::uint8_t& out) {
    const char type = Type();
    if (type != 't' && type != 'f') return false;
    out = type == 't' ? 1 : 0;
    ++at_;
    return true;
  }

  bool TapeTime(std::int64_t& out) {
    std::string_view v;
    return TapeString(v) && ParseCanonicalTime(v, date_, out);
  }

  bool TapeDefer(DictionaryColumn& column, DictionaryIndex& index) {
    std::string_view v;
    if (!TapeString(v)) return false;
    Defer(column, index, v);
    return true;
  }

  bool TapeText(StringColumn& column) {
    std::string_view v;
    if (!TapeString(v)) return false;
    AddText(column, v);
    return true;
  }

  template <typename E>
  bool TapeName(std::optional<E> (*parse)(std::string_view), std::int32_t& out) {
    std::string_view v;
    if (!TapeString(v)) return false;
    const std::optional<E> e = parse(v);
    if (!e.has_value()) return false;
    out = static_cast<std::int32_t>(*e);
    return true;
  }

  // The members of the object at the cursor, each handed to `member` with
  // the cursor on its value; false for an unknown or repeated key, or a
  // required one missing.
  template <typename F>
  bool TapeObject(Ctx ctx, F&& member) {
    if (Type() != '{') return false;
    ++at_;
    std::uint32_t seen = 0;
    while (Type() != '}') {
      std::string_view key;
      if (!TapeString(key)) return false;
      const int field = FieldOf(ctx, key);
      if (field < 0) return false;
      const std::uint32_t bit = 1U << field;
      if ((seen & bit) != 0) return false;
      seen |= bit;
      if (!member(field)) return false;
    }
    ++at_;
    return (SpecOf(ctx).required & ~seen) == 0;
  }

  // The objects of kind `ctx` in the array at the cursor, each a row.
  template <typename F>
  bool TapeRows(Ctx ctx, F&& member) {
    if (Type() != '[') return false;
    ++at_;
    std::int32_t index = 0;
    while (Type() != ']') {
      if (static_cast<std::size_t>(index) >= max_array_items_) return false;
      BeginElement(ctx, index);
      if (!TapeObject(ctx, member)) return false;
      FinishRow(ctx);
      ++index;
    }
    ++at_;
    return true;
  }

  bool RootField(int field) {
    SessionTables& t = *t_;
    TableIndex& x = *x_;
    SessionsTable& s = t.sessions;
    switch (field) {
      case kCarelearn: {
        std::string_view v;
        return TapeString(v) && v == kSessionDocument;
      }
      case kId: {
        std::string_view v;
        if (!TapeString(v)) return false;
        AppendString(s.id, v);
        return true;
      }
      case kFormat:
        return TapeObject(Ctx::kFormat, [&](int f) {
          if (f == 0) return TapeDefer(s.format_id, x.session_format);
          std::int64_t version = 0;
          if (!TapeInt(1, std::numeric_limits<int>::max(), version)) return false;
          s.format_version.back() = static_cast<std::int32_t>(version);
          return true;
        });
      case kUnit:
        return TapeDefer(s.unit, x.session_unit);
      case kPlannedStart:
        return TapeTime(s.planned_start.back());
      case kActualStart:
        return TapeTime(s.actual_start.back());
      case kActualEnd:
        return TapeTime(s.actual_end.back());
      case kStatus:
        if (!TapeName(&ParseSessionStatus, s.status.codes.back())) return false;
        status_ = s.status.codes.back();
        return true;
      case kCancellation:
        has_cancellation_ = true;
        text_start_ = s.cancel_note.data.size();
        if (!TapeObject(Ctx::kCancellation, [&](int f) {
              switch (f) {
                case 0:
                  return TapeName(&ParseCancelReason, s.cancel_reason.codes.back());
                case 1:
                  return TapeText(s.cancel_note);
                default:
                  return TapeBool(s.cancel_confidential.back());
              }
            })) {
          return false;
        }
        FinishRow(Ctx::kCancellation);
        return true;
      case kRedaction: {
        std::int32_t redaction = 0;
        return TapeName(&ParseRedaction, redaction);
      }
      case kCase:
        return TapeObject(Ctx::kCase, [&](int f) {
          return f == 0 ? TapeDefer(s.case_category, x.session_case_category)
                        : TapeDefer(s.citizen, x.session_citizen);
        });
      case kParticipants:
        return TapeRows(Ctx::kParticipant, [&](int f) {
          ParticipantsTable& p = t.participants;
          switch (f) {
            case 0:
              return TapeDefer(p.person, x.participant_person);
            case 1:
              return TapeDefer(p.role, x.participant_role);
            case 2:
              return TapeDefer(p.unit, x.participant_unit);
            case 3:
              return TapeDefer(p.profession, x.participant_profession);
            default:
              return TapeName(&ParseShift, p.shift.codes.back());
          }
        });
      case kSteps:
        return TapeRows(Ctx::kStep, [&](int f) {
          StepsTable& st = t.steps;
          if (f == 0) return TapeDefer(st.step, x.step_step);
          return TapeTime(f == 1 ? st.start.back() : st.end.back());
        });
      case kPrompts:
        return TapeRows(Ctx::kPrompt, [&](int f) {
          return f == 0 ? TapeDefer(t.prompts.step, x.prompt_step)
                        : TapeDefer(t.prompts.question, x.prompt_question);
        });
      case kLearningPoints:
        return TapeRows(Ctx::kLearningPoint, [&](int f) {
          LearningPointsTable& l = t.learning_points;
          switch (f) {
            case 0:
              return TapeDefer(l.step, x.learning_point_step);
            case 1:
              return TapeText(l.text);
            case 2:
              return TapeDefer(l.author, x.learning_point_author);
            default:
              return TapeBool(l.confidential.back());
          }
        });
      case kActions:
        return TapeRows(Ctx::kAction, [&](int f) {
          ActionsTable& a = t.actions;
          switch (f) {
            case 0:
              return TapeDefer(a.action, x.action_action);
            case 1:
              return TapeDefer(a.step, x.action_step);
            case 2:
              return TapeText(a.text);
            case 3:
              return TapeDefer(a.owner, x.action_owner);
            case 4: {
              std::string_view v;
              std::int64_t days = 0;
              if (!TapeString(v) || v.size() != 10 || !ParsePlainDay(v, days)) return false;
              a.due.back() = static_cast<std::int32_t>(days);
              return true;
            }
            case 5:
              return TapeRows(Ctx::kChange, [&](int g) {
                ActionChangesTable& c = t.action_changes;
                return g == 0 ? TapeName(&ParseActionStatus, c.status.codes.back())
                              : TapeTime(c.at.back());
              });
            default:
              return TapeBool(a.confidential.back());
          }
        });
      case kFeedbackList:
        return TapeRows(Ctx::kFeedback, [&](int f) {
          FeedbackTable& b = t.feedback;
          switch (f) {
            case 0:
              return TapeDefer(b.step, x.feedback_step);
            case 1:
              return TapeDefer(b.participant, x.feedback_participant);
            case 2: {
              std::int64_t rating = 0;
              if (!TapeInt(1, 5, rating)) return false;
              b.rating.back() = static_cast<std::int8_t>(rating);
              return true;
            }
            case 3:
              return TapeText(b.comment);
            default:
              return TapeBool(b.confidential.back());
          }
        });
      default:
        return TapeRows(Ctx::kNote, [&](int f) {
          NotesTable& n = t.notes;
          switch (f) {
            case 0:
              return TapeDefer(n.step, x.note_step);
            case 1:
              return TapeName(&ParseNoteKind, n.kind.codes.back());
            case 2:
              return TapeText(n.text);
            default:
              return TapeBool(n.confidential.back());
          }
        });
    }
  }

  const std::uint64_t* tape_ = nullptr;
  const std::uint8_t* strings_ = nullptr;
  std::size_t at_ = 0;

  // ---- frames and places

  Frame& Top() { return frames_[depth_ - 1]; }

  Frame& Push(Ctx ctx, bool is_object, std::size_t token) {
    if (frames_.size() == depth_) frames_.emplace_back();
    Frame& f = frames_[depth_++];
    f.ctx = ctx;
    f.is_object = is_object;
    f.field = -1;
    f.seen = 0;
    f.index = -1;
    f.token = token;
    f.keys.clear();
    f.prefix = {};
    f.level = 0;
    return f;
  }

  // Counts an item of the innermost array; false when that passes the limit.
  bool Item(std::size_t token, bj::error_code& ec) {
    if (depth_ == 0) return true;
    Frame& f = Top();
    if (f.is_object) return true;
    ++f.index;
    if (static_cast<std::size_t>(f.index) < max_array_items_) return true;
    Pending p;
    p.token = token;
    p.code = absl::StatusCode::kResourceExhausted;
    p.pointer = FramePointer();
    p.cause = absl::StrCat("an array of more than ", max_array_items_,
                           " items (TableLimits::max_array_items)");
    limit_ = std::move(p);
    return JsonFailure(ec);
  }

  // The frame whose field (or element) a scalar value is, or nullptr when
  // the value is not read (the reason recorded, if any).
  Frame* Slot(std::size_t token, Kind kind) {
    if (depth_ == 0) {
      RootNotAnObject(token, kind);
      return nullptr;
    }
    Frame& f = Top();
    if (f.ctx == Ctx::kSkip) return nullptr;
    if (!f.is_object) {
      ElementNotAnObject(f, token, kind);
      return nullptr;
    }
    if (f.field < 0) return nullptr;
    if (f.ctx == Ctx::kRoot && f.field == kCancellation) {
      NoteCancellation(token);
      TypeError(f, f.field, token, kind);
      return nullptr;
    }
    return &f;
  }

  bool JsonFailure(bj::error_code& ec) {
    json_failed_ = true;
    ec = bj::error::exception;
    return false;
  }

  static bool IsRepeated(const std::vector<std::string>& keys, std::string_view key) {
    for (const std::string& k : keys) {
      if (k == key) return true;
    }
    return false;
  }

  std::size_t EndNumber() {
    if (in_number_) {
      in_number_ = false;
      return value_token_;
    }
    return tokens_++;
  }

  // The JSON Pointer through the first `frames` frames; with `member`, the
  // innermost frame's current member or item too.
  std::string PointerOf(std::size_t frames, bool member) const {
    std::string out;
    const std::size_t n = member ? frames : (frames == 0 ? 0 : frames - 1);
    for (std::size_t i = 0; i < n; ++i) AppendStep(frames_[i], out);
    return out;
  }

  static void AppendStep(const Frame& f, std::string& out) {
    if (f.is_object) {
      absl::StrAppend(&out, "/", EscapePointerToken(f.field >= 0 ? f.known_key : f.unknown_key));
    } else {
      absl::StrAppend(&out, "/", f.index);
    }
  }

  // The pointer of the current value (the innermost frame's current member).
  std::string ValuePointer() const { return PointerOf(depth_, true); }
  // The pointer of the innermost frame itself.
  std::string FramePointer() const { return PointerOf(depth_, false); }

  static Priority FieldPriority(const Frame& f, int field) {
    if (f.ctx == Ctx::kRoot) return Priority{kRootRank[static_cast<std::size_t>(field)]};
    return At(f, SpecOf(f.ctx).first + field);
  }

  // Records a session error unless one that comes before it is recorded.
  void Report(const Priority& priority, std::size_t token, std::string pointer, std::string cause,
              absl::StatusCode code = absl::StatusCode::kInvalidArgument) {
    if (pending_.has_value() && !(priority < pending_->priority)) return;
    pending_ = Pending{priority, token, code, std::move(pointer), std::move(cause)};
  }

  bool Reportable(const Priority& priority) const {
    return !pending_.has_value() || priority < pending_->priority;
  }

  void RootNotAnObject(std::size_t token, Kind kind) {
    Report(Priority{0}, token, "", absl::StrCat("expected an object, found ", Sv(KindName(kind))));
  }

  void ElementNotAnObject(const Frame& list, std::size_t token, Kind kind) {
    if (list.ctx != Ctx::kList) return;
    Priority p = list.prefix;
    p[static_cast<std::size_t>(list.level)] = list.index + 1;
    if (!Reportable(p)) return;
    Report(p, token, PointerOf(depth_, true),
           absl::StrCat("expected an object, found ", Sv(KindName(kind))));
  }

  void TypeError(const Frame& f, int field, std::size_t token, Kind kind) {
    // A cancellation's type comes after "a held session has no cancellation".
    const Priority p = f.ctx == Ctx::kRoot && field == kCancellation ? Priority{10, 0, 1}
                                                                     : FieldPriority(f, field);
    if (!Reportable(p)) return;
    Report(p, token, ValuePointer(),
           absl::StrCat("expected ", Sv(TakesName(TakesOf(f.ctx, field))), ", found ",
                        Sv(KindName(kind))));
  }

  void UnknownKey(const Frame& f, const Spec& spec, std::string_view key, std::size_t token) {
    const Priority p = f.ctx == Ctx::kRoot ? Priority{2} : At(f, spec.first - 1);
    if (!Reportable(p)) return;
    std::string cause = absl::StrCat("unknown key \"", Sv(key), "\"");
    if (const auto likely = Closest(key, spec.keys)) {
      absl::StrAppend(&cause, "; did you mean \"", Sv(*likely), "\"?");
    } else {
      absl::StrAppend(&cause, "; expected one of ", QuoteList(spec.keys));
    }
    Report(p, token, ValuePointer(), std::move(cause));
  }

  void NoteCancellation(std::size_t token) {
    has_cancellation_ = true;
    cancellation_token_ = token;
  }

  // ---- rows

  // The code of `value` in `column`'s row just pushed, found at the end of the line.
  void Defer(DictionaryColumn& column, DictionaryIndex& index, std::string_view value) {
    if (value.empty()) {
      column.codes.back() = kNullCode;
      return;
    }
    Deferred d{DictionaryIndex::Hash(value),
               &column,
               &index,
               column.codes.size() - 1,
               value.data(),
               0,
               value.size()};
    if (!stable_ && (value.data() < line_.data() ||
                     value.data() + value.size() > line_.data() + line_.size())) {
      d.data = nullptr;  // unescaped in the parser's buffer, which it reuses: a copy
      d.offset = scratch_.size();
      scratch_.append(value);
    }
    deferred_.push_back(d);
  }

  void BeginSession() {
    SessionsTable& s = t_->sessions;
    s.unit.codes.push_back(kNullCode);
    s.format_id.codes.push_back(kNullCode);
    s.format_version.push_back(1);
    s.planned_start.push_back(0);
    s.actual_start.push_back(kNullTimestamp);
    s.actual_end.push_back(kNullTimestamp);
    s.status.codes.push_back(0);
    s.cancel_reason.codes.push_back(kNullCode);
    s.cancel_confidential.push_back(0);
    s.case_category.codes.push_back(kNullCode);
    s.citizen.codes.push_back(kNullCode);
  }

  void BeginElement(Ctx ctx, std::int32_t position) {
    const std::int32_t session = Row(t_->sessions.format_version.size());
    switch (ctx) {
      case Ctx::kParticipant: {
        ParticipantsTable& p = t_->participants;
        p.session.push_back(session);
        p.position.push_back(position);
        p.person.codes.push_back(kNullCode);
        p.role.codes.push_back(kNullCode);
        p.unit.codes.push_back(kNullCode);
        p.profession.codes.push_back(kNullCode);
        p.shift.codes.push_back(0);
        break;
      }
      case Ctx::kStep: {
        StepsTable& s = t_->steps;
        s.session.push_back(session);
        s.position.push_back(position);
        s.step.codes.push_back(kNullCode);
        s.start.push_back(0);
        s.end.push_back(0);
        s.minutes.push_back(0);
        break;
      }
      case Ctx::kPrompt: {
        PromptsTable& p = t_->prompts;
        p.session.push_back(session);
        p.step.codes.push_back(kNullCode);
        p.question.codes.push_back(kNullCode);
        break;
      }
      case Ctx::kLearningPoint: {
        LearningPointsTable& l = t_->learning_points;
        l.session.push_back(session);
        l.position.push_back(position);
        l.step.codes.push_back(kNullCode);
        l.author.codes.push_back(kNullCode);
        l.confidential.push_back(0);
        text_start_ = l.text.data.size();
        break;
      }
      case Ctx::kAction: {
        ActionsTable& a = t_->actions;
        a.session.push_back(session);
        a.position.push_back(position);
        a.action.codes.push_back(kNullCode);
        a.step.codes.push_back(kNullCode);
        a.owner.codes.push_back(kNullCode);
        a.due.push_back(kNullDay);
        a.status.codes.push_back(0);
        a.proposed_at.push_back(kNullTimestamp);
        a.started_at.push_back(kNullTimestamp);
        a.done_at.push_back(kNullTimestamp);
        a.dropped_at.push_back(kNullTimestamp);
        a.confidential.push_back(0);
        text_start_ = a.text.data.size();
        break;
      }
      case Ctx::kChange: {
        ActionChangesTable& c = t_->action_changes;
        c.session.push_back(session);
        c.action.push_back(Row(t_->actions.session.size()));
        c.position.push_back(position);
        c.status.codes.push_back(0);
        c.at.push_back(0);
        break;
      }
      case Ctx::kFeedback: {
        FeedbackTable& b = t_->feedback;
        b.session.push_back(session);
        b.step.codes.push_back(kNullCode);
        b.participant.codes.push_back(kNullCode);
        b.rating.push_back(0);
        b.confidential.push_back(0);
        text_start_ = b.comment.data.size();
        break;
      }
      case Ctx::kNote: {
        NotesTable& n = t_->notes;
        n.session.push_back(session);
        n.step.codes.push_back(kNullCode);
        n.kind.codes.push_back(0);
        n.confidential.push_back(0);
        text_start_ = n.text.data.size();
        break;
      }
      default:
        break;
    }
  }

  // The confidential flag of the row just pushed for an object of kind `ctx`
  // (one whose "confidential" key takes a bool).
  std::uint8_t& ConfidentialFlag(Ctx ctx) {
    switch (ctx) {
      case Ctx::kCancellation:
        return t_->sessions.cancel_confidential.back();
      case Ctx::kLearningPoint:
        return t_->learning_points.confidential.back();
      case Ctx::kAction:
        return t_->actions.confidential.back();
      case Ctx::kFeedback:
        return t_->feedback.confidential.back();
      default:
        return t_->notes.confidential.back();
    }
  }

  // Ends the free text of the row just read: kept when it is not empty and
  // `included`, else a missing value.
  void EndText(StringColumn& column, bool included) {
    if (!text_) return;
    if (!included || column.data.size() == text_start_) {
      column.data.resize(text_start_);
      column.valid.push_back(0);
    } else {
      column.valid.push_back(1);
    }
    column.offsets.push_back(static_cast<std::int64_t>(column.data.size()));
  }

  void AddText(StringColumn& column, std::string_view value) {
    if (text_) column.data.append(value);
  }

  void EndObject(Frame& f) {
    const Spec& spec = SpecOf(f.ctx);
    const std::uint32_t missing = spec.required & ~f.seen;
    if (missing != 0) {
      const std::string pointer = FramePointer();
      for (std::size_t k = 0; k < spec.keys.size(); ++k) {
        if ((missing & (1U << k)) == 0) continue;
        const Priority p = FieldPriority(f, static_cast<int>(k));
        if (!Reportable(p)) continue;
        Report(p, f.token, pointer,
               absl::StrCat("missing required key \"", Sv(spec.keys[k]), "\""));
      }
    }
    FinishRow(f.ctx);
  }

  // Finishes the row of an object of kind `ctx` just read: derived columns,
  // text kept or left out, counts.
  void FinishRow(Ctx ctx) {
    switch (ctx) {
      case Ctx::kRoot:
        EndSession();
        break;
      case Ctx::kCancellation:
        EndText(t_->sessions.cancel_note,
                t_->sessions.cancel_confidential.back() == 0 || confidential_);
        cancel_note_done_ = true;
        break;
      case Ctx::kStep: {
        StepsTable& s = t_->steps;
        s.minutes.back() = Minutes(s.start.back(), s.end.back());
        break;
      }
      case Ctx::kLearningPoint:
        EndText(t_->learning_points.text,
                t_->learning_points.confidential.back() == 0 || confidential_);
        break;
      case Ctx::kAction:
        EndText(t_->actions.text, t_->actions.confidential.back() == 0 || confidential_);
        break;
      case Ctx::kChange: {
        const ActionChangesTable& c = t_->action_changes;
        ActionsTable& a = t_->actions;
        const std::int32_t status = c.status.codes.back();
        const std::int64_t at = c.at.back();
        a.status.codes.back() = status;
        if (c.position.back() == 0) a.proposed_at.back() = at;
        std::int64_t* first = nullptr;
        if (status == static_cast<std::int32_t>(ActionStatus::kInProgress)) {
          first = &a.started_at.back();
        } else if (status == static_cast<std::int32_t>(ActionStatus::kDone)) {
          first = &a.done_at.back();
        } else if (status == static_cast<std::int32_t>(ActionStatus::kDropped)) {
          first = &a.dropped_at.back();
        }
        if (first != nullptr && *first == kNullTimestamp) *first = at;
        break;
      }
      case Ctx::kFeedback:
        EndText(t_->feedback.comment, t_->feedback.confidential.back() == 0 || confidential_);
        break;
      case Ctx::kNote:
        EndText(t_->notes.text, t_->notes.confidential.back() == 0 || confidential_);
        break;
      default:
        break;
    }
  }

  void EndSession() {
    SessionsTable& s = t_->sessions;
    if (status_ == static_cast<int>(SessionStatus::kHeld) && has_cancellation_) {
      Report(Priority{10, 0, 0}, cancellation_token_, "/cancellation",
             "a held session has no cancellation");
    }
    if (status_ == static_cast<int>(SessionStatus::kCancelled) && !has_cancellation_) {
      s.cancel_reason.codes.back() = static_cast<std::int32_t>(CancelReason::kOther);
    }
    if (!cancel_note_done_) {
      text_start_ = s.cancel_note.data.size();
      EndText(s.cancel_note, false);
    }
    const auto count = [](std::size_t now, std::size_t before) {
      return static_cast<std::int32_t>(now - before);
    };
    s.participant_count.push_back(count(t_->participants.size(), mark_.participants));
    s.step_count.push_back(count(t_->steps.size(), mark_.steps));
    s.prompt_count.push_back(count(t_->prompts.size(), mark_.prompts));
    s.learning_point_count.push_back(count(t_->learning_points.size(), mark_.learning_points));
    s.action_count.push_back(count(t_->actions.size(), mark_.actions));
    s.feedback_count.push_back(count(t_->feedback.size(), mark_.feedback));
    s.note_count.push_back(count(t_->notes.size(), mark_.notes));
  }

  // ---- values

  // A time field, read as ParseSessionLine reads it (io's ParseRfc3339): the
  // canonical form on the fast path, every other form by the session reader's
  // own rules, so that both readers take and refuse the same times.
  bool Time(const Frame& f, std::string_view value, std::size_t token, std::int64_t& out) {
    if (ParseCanonicalTime(value, date_, out)) return true;
    absl::Time t;
    std::string why;
    if (!ParseRfc3339(value, t, why)) {
      BadValue(f, token, absl::StrCat(QuoteForMessage(value), " ", why));
      return false;
    }
    out = absl::ToUnixMicros(t);
    return true;
  }

  // A day field, read as ParseSessionLine reads it (io's ParseIsoDate).
  bool Day(const Frame& f, std::string_view value, std::size_t token, std::int32_t& out) {
    std::int64_t days = 0;
    if (value.size() == 10 && ParsePlainDay(value, days)) {
      out = static_cast<std::int32_t>(days);
      return true;
    }
    absl::CivilDay day;
    std::string why;
    if (!ParseIsoDate(value, day, why)) {
      BadValue(f, token, absl::StrCat(QuoteForMessage(value), " ", why));
      return false;
    }
    out = DaysSinceEpoch(day);
    return true;
  }

  template <typename E>
  bool Name(const Frame& f, std::string_view value, std::size_t token,
            std::optional<E> (*parse)(std::string_view), std::string_view what, std::int32_t& out) {
    const std::optional<E> e = parse(value);
    if (!e.has_value()) {
      BadValue(f, token, absl::StrCat("unknown ", Sv(what), " \"", Sv(value), "\""));
      return false;
    }
    out = static_cast<std::int32_t>(*e);
    return true;
  }

  void BadValue(const Frame& f, std::size_t token, std::string cause) {
    const Priority p = FieldPriority(f, f.field);
    if (!Reportable(p)) return;
    Report(p, token, ValuePointer(), std::move(cause));
  }

  void IntValue(const Frame& f, std::int64_t value, std::size_t token) {
    if (TakesOf(f.ctx, f.field) != Takes::kInt) {
      TypeError(f, f.field, token, Kind::kInt);
      return;
    }
    const std::int64_t hi = f.ctx == Ctx::kFormat ? std::numeric_limits<int>::max() : 5;
    if (value < 1 || value > hi) {
      BadValue(f, token, absl::StrCat(value, " is not from 1 to ", hi));
      return;
    }
    if (f.ctx == Ctx::kFormat) {
      t_->sessions.format_version.back() = static_cast<std::int32_t>(value);
    } else {
      t_->feedback.rating.back() = static_cast<std::int8_t>(value);
    }
  }

  void StringValue(const Frame& f, std::string_view v, std::size_t token) {
    if (TakesOf(f.ctx, f.field) != Takes::kString) {
      TypeError(f, f.field, token, Kind::kString);
      return;
    }
    SessionTables& t = *t_;
    TableIndex& x = *x_;
    switch (f.ctx) {
      case Ctx::kRoot:
        switch (f.field) {
          case kCarelearn:
            CheckKind(v, token);
            return;
          case kId:
            AppendString(t.sessions.id, v);
            return;
          case kUnit:
            Defer(t.sessions.unit, x.session_unit, v);
            return;
          case kPlannedStart:
            Time(f, v, token, t.sessions.planned_start.back());
            return;
          case kActualStart:
            Time(f, v, token, t.sessions.actual_start.back());
            return;
          case kActualEnd:
            Time(f, v, token, t.sessions.actual_end.back());
            return;
          case kStatus: {
            std::int32_t code = 0;
            if (Name(f, v, token, &ParseSessionStatus, "status", code)) {
              status_ = code;
              t.sessions.status.codes.back() = code;
            }
            return;
          }
          case kRedaction: {
            std::int32_t code = 0;
            Name(f, v, token, &ParseRedaction, "redaction", code);
            return;
          }
          default:
            return;
        }
      case Ctx::kFormat:
        Defer(t.sessions.format_id, x.session_format, v);
        return;
      case Ctx::kCancellation:
        if (f.field == 0) {
          Name(f, v, token, &ParseCancelReason, "reason", t.sessions.cancel_reason.codes.back());
        } else {
          AddText(t.sessions.cancel_note, v);
        }
        return;
      case Ctx::kCase:
        if (f.field == 0) {
          Defer(t.sessions.case_category, x.session_case_category, v);
        } else {
          Defer(t.sessions.citizen, x.session_citizen, v);
        }
        return;
      case Ctx::kParticipant: {
        ParticipantsTable& p = t.participants;
        switch (f.field) {
          case 0:
            Defer(p.person, x.participant_person, v);
            return;
          case 1:
            Defer(p.role, x.participant_role, v);
            return;
          case 2:
            Defer(p.unit, x.participant_unit, v);
            return;
          case 3:
            Defer(p.profession, x.participant_profession, v);
            return;
          default:
            Name(f, v, token, &ParseShift, "shift", p.shift.codes.back());
            return;
        }
      }
      case Ctx::kStep: {
        StepsTable& s = t.steps;
        if (f.field == 0) {
          Defer(s.step, x.step_step, v);
        } else {
          Time(f, v, token, f.field == 1 ? s.start.back() : s.end.back());
        }
        return;
      }
      case Ctx::kPrompt:
        if (f.field == 0) {
          Defer(t.prompts.step, x.prompt_step, v);
        } else {
          Defer(t.prompts.question, x.prompt_question, v);
        }
        return;
      case Ctx::kLearningPoint: {
        LearningPointsTable& l = t.learning_points;
        if (f.field == 0) {
          Defer(l.step, x.learning_point_step, v);
        } else if (f.field == 1) {
          AddText(l.text, v);
        } else {
          Defer(l.author, x.learning_point_author, v);
        }
        return;
      }
      case Ctx::kAction: {
        ActionsTable& a = t.actions;
        switch (f.field) {
          case 0:
            Defer(a.action, x.action_action, v);
            return;
          case 1:
            Defer(a.step, x.action_step, v);
            return;
          case 2:
            AddText(a.text, v);
            return;
          case 3:
            Defer(a.owner, x.action_owner, v);
            return;
          default:
            Day(f, v, token, a.due.back());
            return;
        }
      }
      case Ctx::kChange: {
        ActionChangesTable& c = t.action_changes;
        if (f.field == 0) {
          Name(f, v, token, &ParseActionStatus, "status", c.status.codes.back());
        } else {
          Time(f, v, token, c.at.back());
        }
        return;
      }
      case Ctx::kFeedback: {
        FeedbackTable& b = t.feedback;
        if (f.field == 0) {
          Defer(b.step, x.feedback_step, v);
        } else if (f.field == 1) {
          Defer(b.participant, x.feedback_participant, v);
        } else {
          AddText(b.comment, v);
        }
        return;
      }
      case Ctx::kNote: {
        NotesTable& n = t.notes;
        if (f.field == 0) {
          Defer(n.step, x.note_step, v);
        } else if (f.field == 1) {
          Name(f, v, token, &ParseNoteKind, "kind", n.kind.codes.back());
        } else {
          AddText(n.text, v);
        }
        return;
      }
      default:
        return;
    }
  }

  // The "carelearn" key: the kind and version of the line.
  void CheckKind(std::string_view kind, std::size_t token) {
    if (kind == kSessionDocument) return;
    const std::string text(kind);
    std::string cause =
        kind.substr(0, 8) == "session/"
            ? absl::StrCat("this is a \"", text, "\" document; this library reads \"",
                           Sv(kSessionDocument), "\"")
            : absl::StrCat("expected a \"", Sv(kSessionDocument), "\" document, found \"", text,
                           "\"");
    Report(Priority{1}, token, "/carelearn", std::move(cause),
           absl::StatusCode::kFailedPrecondition);
  }

  // Options.
  bool text_;
  bool confidential_;
  std::size_t max_string_bytes_;
  std::size_t max_array_items_;
  std::size_t max_depth_;

  // The line.
  std::string_view line_;
  bool stable_ = false;
  SessionTables* t_ = nullptr;
  TableIndex* x_ = nullptr;
  std::vector<Frame> frames_;
  std::size_t depth_ = 0;
  std::size_t tokens_ = 0;
  bool in_key_ = false;
  bool in_string_ = false;
  bool in_number_ = false;
  std::size_t key_token_ = 0;
  std::size_t value_token_ = 0;
  std::string key_buffer_;
  std::string string_buffer_;
  std::string number_buffer_;
  bool json_failed_ = false;
  std::optional<Pending> limit_;
  std::optional<Pending> pending_;
  Mark mark_;
  std::vector<Deferred> deferred_;
  std::string scratch_;  // the deferred values, back to back

  // The session.
  int status_ = -1;
  bool has_cancellation_ = false;
  std::size_t cancellation_token_ = 0;
  bool cancel_note_done_ = false;
  std::size_t text_start_ = 0;
  DateCache date_;
};

// `status`, an error of `ParseTree` on a line alone, as a LineError.
// The line error of a located status from the session reader: its cause is
// the text after "<source>:<line>:<column>: <pointer>: ".
LineError FromLocatedError(const absl::Status& status) {
  LineError e;
  e.code = status.code();
  const ErrorLocation where = *GetErrorLocation(status);
  const std::string_view message(status.message().data(), status.message().size());
  e.column = where.column;
  e.pointer = where.pointer;
  const std::string at_column = absl::StrCat(":", where.line, ":", where.column, ": ");
  std::size_t at = message.find(at_column);
  at = at == std::string_view::npos ? 0 : at + at_column.size();
  // The root is "(root)" or "/" in a message.
  for (std::string_view place :
       {std::string_view(where.pointer), std::string_view("(root)"), std::string_view("/")}) {
    if (message.substr(at).starts_with(absl::StrCat(Sv(place), ": "))) {
      at += place.size() + 2;
      break;
    }
  }
  e.cause = std::string(message.substr(at));
  return e;
}

LineError FromTreeError(const absl::Status& status) {
  LineError e;
  e.code = status.code();
  const std::optional<ErrorLocation> where = GetErrorLocation(status);
  const std::string_view message(status.message().data(), status.message().size());
  if (!where.has_value()) {
    e.cause = std::string(message);
    return e;
  }
  e.column = where->column;
  e.pointer = where->pointer;
  const std::string prefix = absl::StrCat(":", where->line, ":", where->column, ": ",
                                          where->pointer.empty() ? "(root)" : where->pointer, ": ");
  std::string cause(message.substr(std::min(prefix.size(), message.size())));
  // A place the loader names on the line ("first at 1:2") is on this line of
  // the input, which `LineStatus` knows.
  e.names_line = cause.rfind(" at 1:") != std::string::npos;
  // A limit's message ends with its name, which is the column reader's here.
  for (std::string_view limit : {"max_depth)", "max_string_bytes)"}) {
    const std::string loader = absl::StrCat("(ParseOptions::", Sv(limit));
    if (cause.size() >= loader.size() &&
        cause.compare(cause.size() - loader.size(), loader.size(), loader) == 0) {
      cause.replace(cause.size() - loader.size(), loader.size(),
                    absl::StrCat("(TableLimits::", Sv(limit)));
    }
  }
  e.cause = std::move(cause);
  return e;
}

}  // namespace

std::string TooLong(std::size_t bytes, const TableLimits& limits) {
  return absl::StrCat("the line is ", bytes, " bytes, more than the limit of ",
                      limits.max_line_bytes, " bytes (TableLimits::max_line_bytes)");
}

absl::Status LineStatus(std::string_view source, std::int64_t line, const LineError& error) {
  const int line_int =
      static_cast<int>(std::min<std::int64_t>(line, std::numeric_limits<int>::max()));
  if (!error.names_line) {
    return MakeLocatedError(error.code, source,
                            ErrorLocation{error.pointer, line_int, error.column}, error.cause);
  }
  std::string cause = error.cause;
  const std::size_t at = cause.rfind(" at 1:");
  cause.replace(at, 6, absl::StrCat(" at ", line, ":"));
  return MakeLocatedError(error.code, source, ErrorLocation{error.pointer, line_int, error.column},
                          cause);
}

struct SessionLineReader::Impl {
  Impl(const TableOptions& options, bool fast_path)
      : limits(options.limits),
        parser(BoostOptions(options.limits), options),
        use_simdjson(fast_path) {
    // One level more than the limit: the handler enforces the limit itself,
    // so that a line just past it reaches the reference parser's message.
    if (sj.allocate(1 << 16, std::min(limits.max_depth, kMaxSupportedDepth) + 1) !=
        simdjson::SUCCESS) {
      use_simdjson = false;  // out of memory: the reference path alone
    }
  }

  static bj::parse_options BoostOptions(const TableLimits& limits) {
    bj::parse_options o;
    o.max_depth = std::min(limits.max_depth, kMaxSupportedDepth);
    return o;
  }

  TableLimits limits;
  bj::basic_parser<LineHandler> parser;
  simdjson::dom::parser sj;
  bool use_simdjson = true;
};

SessionLineReader::SessionLineReader(const TableOptions& options, bool fast_path)
    : impl_(std::make_unique<Impl>(options, fast_path)) {}

SessionLineReader::~SessionLineReader() = default;

std::optional<LineError> SessionLineReader::Read(std::string_view line, bool padded,
                                                 SessionTables& tables, TableIndex& index) {
  const TableLimits& limits = impl_->limits;
  if (line.size() > limits.max_line_bytes) {
    return LineError{absl::StatusCode::kResourceExhausted, 1, "", TooLong(line.size(), limits)};
  }
  auto& parser = impl_->parser;
  LineHandler& h = parser.handler();
  if (impl_->use_simdjson) {
    // The fast path. Anything but a clean line is read again below, by the
    // reference path, whose errors are the ones reported.
    h.Begin(line, tables, index, /*stable=*/true);
    auto doc = impl_->sj.parse(line.data(), line.size(), /*realloc_if_needed=*/!padded);
    if (doc.error() == simdjson::SUCCESS) {
      if (h.ReadTape(impl_->sj.doc)) {
        h.Resolve();
        return std::nullopt;
      }
    }
    h.RollBack();
  }
  h.Begin(line, tables, index, /*stable=*/false);
  parser.reset();
  bj::error_code ec;
  const std::size_t consumed = parser.write_some(false, line.data(), line.size(), ec);
  if (!ec && consumed == line.size() && !h.json_failed() && !h.pending().has_value()) {
    h.Resolve();
    return std::nullopt;
  }
  h.RollBack();
  const JsonText text("", line);
  if (h.limit().has_value()) {
    const Pending& p = *h.limit();
    return LineError{p.code, text.LineColumn(text.OffsetOfToken(p.token)).second, p.pointer,
                     p.cause};
  }
  if (ec || consumed < line.size() || h.json_failed()) {
    ParseOptions options;
    options.max_depth = limits.max_depth;
    options.max_document_bytes = std::numeric_limits<std::size_t>::max();
    options.max_string_bytes = limits.max_string_bytes;
    const absl::StatusOr<Node> tree = ParseTree(text, options);
    if (!tree.ok()) return FromTreeError(tree.status());
    // The loader takes what Boost.JSON refused: say what Boost.JSON said.
    return LineError{absl::StatusCode::kInvalidArgument, text.LineColumn(consumed).second, "",
                     absl::StrCat("not JSON: ", ec.message())};
  }
  // A session error: the session reader's own words for it, so that a line
  // is refused the same way by every reader (the tables' limits, checked
  // above, are the only ones that apply).
  SessionReadOptions strict;
  strict.max_line_bytes = std::numeric_limits<std::size_t>::max();
  strict.max_string_bytes = std::numeric_limits<std::size_t>::max();
  for (std::size_t* most : {&strict.max_participants, &strict.max_steps, &strict.max_prompts,
                            &strict.max_learning_points, &strict.max_actions,
                            &strict.max_status_changes, &strict.max_feedback, &strict.max_notes}) {
    *most = std::numeric_limits<std::size_t>::max();
  }
  const absl::StatusOr<Session> session = ParseSessionLine(line, nullptr, strict);
  if (!session.ok() && GetErrorLocation(session.status()).has_value()) {
    return FromLocatedError(session.status());
  }
  const Pending& p = *h.pending();
  return LineError{p.code, text.LineColumn(text.OffsetOfToken(p.token)).second, p.pointer, p.cause};
}

}  // namespace carelearn::detail
