// The tables of random sessions are the same from every source: Session
// values, their JSON Lines (read on one thread and on several, by the fast
// path and by the reference path alone) and a store holding them; Unicode
// in every string, times before 1970 and with fractions below a microsecond.
// Seeded, so a failure repeats.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "analysis/session_columns.hpp"
#include "analysis/table_builder.hpp"
#include "carelearn/analysis/tables.hpp"
#include "carelearn/io/session_json.hpp"
#include "carelearn/store/store.hpp"
#include "store/temp_dir.hpp"

namespace carelearn {
namespace {

// Draws random sessions that pass ValidateSession, from a seed.
class SessionGenerator {
 public:
  // Planned starts in the years `first_year` to `last_year`.
  SessionGenerator(std::uint64_t seed, int first_year, int last_year)
      : rng_(seed), first_year_(first_year), last_year_(last_year) {}

  Session Next() {
    Session s;
    s.id = absl::StrCat(Word(), "-", counter_++);
    s.format_id = Word();
    s.format_version = Int(1, 4);
    s.unit = Maybe(Word());
    // Down to the nanosecond.
    const absl::CivilSecond planned(Int(first_year_, last_year_), Int(1, 12), Int(1, 28),
                                    Int(0, 23), Int(0, 59), Int(0, 59));
    s.planned_start =
        absl::FromCivil(planned, absl::UTCTimeZone()) + absl::Nanoseconds(Long(0, 999999999));
    if (Int(0, 5) == 0) {
      s.cancellation =
          Cancellation{static_cast<CancelReason>(Int(0, 4)), Maybe(Text()), Int(0, 1) == 0};
      if (Int(0, 1) == 0) return s;
    }
    absl::Time t = s.planned_start + absl::Nanoseconds(Long(0, 100000000000));
    s.actual_start = t;
    const int people = Int(0, 6);
    for (int i = 0; i < people; ++i) {
      s.participants.push_back({absl::StrCat(Word(), "-", i), Maybe(Pick(roles_)), Maybe(Word()),
                                Maybe(Pick(roles_)), static_cast<Shift>(Int(0, 3))});
    }
    const int steps = Int(0, 5);
    for (int i = 0; i < steps; ++i) {
      const absl::Time end = t + absl::Nanoseconds(Long(0, 900000000000));
      s.steps.push_back({Pick(steps_), t, end});
      t = end;
    }
    if (Int(0, 1) == 0) s.actual_end = t;
    for (int i = Int(0, 6); i > 0; --i) s.prompts.push_back({Maybe(Pick(steps_)), Word()});
    if (Int(0, 2) == 0) s.presented_case = Case{Word(), Maybe(Word())};
    for (int i = Int(0, 4); i > 0; --i) {
      s.learning_points.push_back(
          {Maybe(Pick(steps_)), Maybe(Text()), Maybe(Person(s)), Int(0, 1) == 0});
    }
    for (int i = Int(0, 3); i > 0; --i) {
      Action a;
      a.id = absl::StrCat("a", i, Word());
      a.step_id = Maybe(Pick(steps_));
      a.text = Maybe(Text());
      a.owner = Maybe(Int(0, 1) == 0 ? Person(s) : Pick(roles_));
      a.confidential = Int(0, 1) == 0;
      if (Int(0, 1) == 0) a.due = absl::CivilDay(Int(1, 9999), Int(1, 12), Int(1, 28));
      absl::Time when = t;
      for (int c = Int(0, 4); c > 0; --c) {
        a.history.push_back({static_cast<ActionStatus>(Int(0, 3)), when});
        when += absl::Nanoseconds(Long(0, 10000000000000));
      }
      s.actions.push_back(a);
    }
    for (std::size_t i = 0; i < s.participants.size(); ++i) {
      if (Int(0, 1) == 0) {
        s.feedback.push_back(
            {Maybe(Pick(steps_)), s.participants[i].id, Int(1, 5), Maybe(Text()), Int(0, 1) == 0});
      }
    }
    for (int i = Int(0, 3); i > 0; --i) {
      s.notes.push_back(
          {Maybe(Pick(steps_)), static_cast<NoteKind>(Int(0, 2)), Maybe(Text()), Int(0, 1) == 0});
    }
    return s;
  }

 private:
  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  std::int64_t Long(std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng_);
  }
  std::string Maybe(std::string s) { return Int(0, 3) == 0 ? std::string() : s; }
  std::string Pick(const std::vector<std::string>& from) {
    return from[static_cast<std::size_t>(Int(0, static_cast<int>(from.size()) - 1))];
  }
  std::string Person(const Session& s) {
    if (s.participants.empty() || Int(0, 3) == 0) return Word();
    return s
        .participants[static_cast<std::size_t>(Int(0, static_cast<int>(s.participants.size()) - 1))]
        .id;
  }
  // An id-like word from a small vocabulary, so values repeat.
  std::string Word() { return Pick(words_); }
  // Free text: words and the characters JSON must escape.
  std::string Text() {
    std::string out;
    for (int i = Int(1, 6); i > 0; --i) absl::StrAppend(&out, Pick(words_), Pick(glue_));
    return out;
  }

  std::mt19937_64 rng_;
  int first_year_;
  int last_year_;
  int counter_ = 0;
  const std::vector<std::string> words_ = {"hjemmepleje-nord",
                                           "plejecenter-øst",
                                           "sygeplejerske",
                                           "Ærø",
                                           "straße",
                                           "naïve",
                                           "日本語",
                                           "🙂",
                                           "𝄞",
                                           "e\u0301",
                                           "עברית",
                                           "a\"b",
                                           "back\\slash",
                                           "tab\there",
                                           "new\nline",
                                           "\u0001",
                                           "x",
                                           "ид",
                                           "ﬁ",
                                           "\u2028"};
  const std::vector<std::string> roles_ = {"facilitator", "case-presenter", "kollega",
                                           "læringsagent", "leder-Ω"};
  const std::vector<std::string> steps_ = {"sag", "spørgsmål", "refleksion", "runde-🔁",
                                           "læringspointer"};
  const std::vector<std::string> glue_ = {" ", ", ", ". ", "\r\n", " — ", "/", "~"};
};

ExportOptions Everything() {
  ExportOptions options;
  options.include_confidential = true;
  return options;
}

// Compares table by table, for a readable failure.
void ExpectSameTables(const SessionTables& a, const SessionTables& b, const std::string& what) {
  EXPECT_EQ(a.sessions, b.sessions) << what;
  EXPECT_EQ(a.participants, b.participants) << what;
  EXPECT_EQ(a.steps, b.steps) << what;
  EXPECT_EQ(a.prompts, b.prompts) << what;
  EXPECT_EQ(a.learning_points, b.learning_points) << what;
  EXPECT_EQ(a.actions, b.actions) << what;
  EXPECT_EQ(a.action_changes, b.action_changes) << what;
  EXPECT_EQ(a.feedback, b.feedback) << what;
  EXPECT_EQ(a.notes, b.notes) << what;
  EXPECT_EQ(a.skipped, b.skipped) << what;
}

// The tables the reference path alone reads from `text`.
SessionTables ReferenceTables(const std::string& text, const TableOptions& options) {
  SessionTables t = detail::EmptyTables(options);
  detail::TableIndex index;
  detail::SessionLineReader reader(options, /*fast_path=*/false);
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t end = text.find('\n', pos);
    const std::string line = text.substr(pos, end - pos);
    EXPECT_FALSE(reader.Read(line, false, t, index).has_value()) << line;
    pos = end + 1;
  }
  detail::SetDictionaries(t, index);
  return t;
}

TEST(TablesPropertyTest, EverySourceGivesTheSameTables) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    // Odd seeds: any year RFC 3339 writes (the JSON Lines sources). Even
    // seeds: the years a store holds too (it keeps times as int64
    // nanoseconds since 1970, about 1678 to 2262).
    const bool stored = seed % 2 == 0;
    SessionGenerator generate(seed, stored ? 1700 : 1, stored ? 2200 : 9999);
    std::vector<Session> sessions;
    for (int i = 0; i < 40; ++i) sessions.push_back(generate.Next());
    std::string text;
    for (const Session& s : sessions) {
      ASSERT_TRUE(ValidateSession(s).ok()) << ValidateSession(s);
      text += ToJsonLine(s, Everything()) + "\n";
    }
    testing::TempDir dir;
    absl::StatusOr<Store> store = Store::Open(dir.File("p.db"));
    ASSERT_TRUE(store.ok()) << store.status();
    if (stored) {
      for (const Session& s : sessions) ASSERT_TRUE(store->PutSession(s).ok());
    }
    // The store's order: planned start, then id.
    std::vector<Session> by_start = sessions;
    std::sort(by_start.begin(), by_start.end(), [](const Session& a, const Session& b) {
      return a.planned_start != b.planned_start ? a.planned_start < b.planned_start : a.id < b.id;
    });

    for (const TableOptions& base : {TableOptions{}, TableOptions{.free_text = true},
                                     TableOptions{.free_text = true, .confidential_text = true}}) {
      const std::string what =
          absl::StrCat("seed ", seed, ", text ", base.free_text, "/", base.confidential_text);
      const SessionTables expected = TablesFromSessions(sessions, base);
      ExpectSameTables(ReferenceTables(text, base), expected, what + ", reference path");
      for (const int threads : {1, 3}) {
        for (const std::size_t chunk : {std::size_t{1}, std::size_t{2000}, std::size_t{1} << 20}) {
          TableOptions options = base;
          options.threads = threads;
          options.chunk_bytes = chunk;
          absl::StatusOr<SessionTables> t = ReadTablesFromText(text, "p.jsonl", options);
          ASSERT_TRUE(t.ok()) << t.status();
          ExpectSameTables(*t, expected,
                           absl::StrCat(what, ", JSON Lines, ", threads, " threads, ", chunk));
        }
        if (!stored) continue;
        TableOptions options = base;
        options.threads = threads;
        options.chunk_bytes = 3000;
        absl::StatusOr<SessionTables> from_store = ReadTables(*store, {}, options);
        ASSERT_TRUE(from_store.ok()) << from_store.status();
        ExpectSameTables(*from_store, TablesFromSessions(by_start, base),
                         absl::StrCat(what, ", store, ", threads, " threads"));
      }
    }
  }
}

}  // namespace
}  // namespace carelearn
