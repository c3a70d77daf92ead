#include "carelearn/analysis/serialize_tables.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "analysis/metrics_fixtures.hpp"
#include "analysis/table_fixtures.hpp"
#include "carelearn/analysis/circles.hpp"
#include "carelearn/analysis/combine_tables.hpp"
#include "carelearn/analysis/dose.hpp"
#include "carelearn/analysis/reach.hpp"
#include "carelearn/analysis/tables.hpp"
#include "carelearn/io/session_json.hpp"

namespace carelearn {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::StartsWith;

std::string Message(const absl::Status& s) { return std::string(s.message()); }

// Three sessions as JSON Lines, with confidential text, Danish letters in
// the texts and a unit, a line that is not JSON and a blank line.
std::string Lines() {
  ExportOptions everything;
  everything.include_confidential = true;
  Session third = testing::HeldMeeting();
  third.id = "s-3";
  third.unit = "hjemmepleje-østerbro";
  third.actual_end.reset();
  third.learning_points = {
      {"reflection", "Spørg borgeren først – “hvad er vigtigt?”", "p-a", false}};
  return ToJsonLine(testing::HeldMeeting(), everything) + "\n{\"carelearn\":\n\n" +
         ToJsonLine(testing::CancelledMeeting(), everything) + "\n" +
         ToJsonLine(third, everything) + "\n";
}

SessionTables Read(const TableOptions& options) {
  TableOptions o = options;
  o.on_error = OnError::kSkip;
  absl::StatusOr<SessionTables> t = ReadTablesFromText(Lines(), "three.jsonl", o);
  EXPECT_TRUE(t.ok()) << t.status();
  return *t;
}

const TableOptions kText{.free_text = true, .confidential_text = true};

TEST(SerializeTablesTest, RoundTripsTablesReadFromText) {
  for (const TableOptions& options : {TableOptions{}, TableOptions{.free_text = true}, kText}) {
    const SessionTables t = Read(options);
    ASSERT_EQ(t.sessions.size(), 3U);
    ASSERT_EQ(t.skipped.size(), 1U);
    EXPECT_EQ(t.skipped[0].line, 2);
    const std::string blob = SerializeTables(t);
    absl::StatusOr<SessionTables> back = DeserializeTables(blob);
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_EQ(*back, t);
  }
  const SessionTables text = Read(kText);
  absl::StatusOr<SessionTables> back = DeserializeTables(SerializeTables(text));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->sessions.unit.Value(2), "hjemmepleje-østerbro");
  EXPECT_EQ(back->learning_points.text.Value(2), "Spørg borgeren først – “hvad er vigtigt?”");
  // Confidential, asked for (the name in it masked by the reader).
  EXPECT_EQ(back->learning_points.text.Value(1), "Fru [name].");
  EXPECT_EQ(back->skipped, text.skipped);
}

TEST(SerializeTablesTest, RoundTripsEmptyTables) {
  for (const TableOptions& options : {TableOptions{}, kText}) {
    absl::StatusOr<SessionTables> empty = ReadTablesFromText("", "none", options);
    ASSERT_TRUE(empty.ok()) << empty.status();
    absl::StatusOr<SessionTables> back = DeserializeTables(SerializeTables(*empty));
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_EQ(*back, *empty);
  }
  EXPECT_EQ(*DeserializeTables(SerializeTables(SessionTables{})), SessionTables{});
}

TEST(SerializeTablesTest, BeginsWithTheMagicAndTheVersion) {
  const std::string blob = SerializeTables(SessionTables{});
  EXPECT_EQ(blob.substr(0, 12), std::string("CLTABLES\x01\x00\x00\x00", 12));
  // The sessions: no rows (0), then its first column, the ids: 1 offset
  // (1), as one value (1), 0 (8 bytes); no bytes (0); no flags (0), every
  // one written (0).
  EXPECT_EQ(blob.substr(12, 14), std::string("\x00\x01\x01"
                                             "\x00\x00\x00\x00\x00\x00\x00\x00"
                                             "\x00\x00\x00",
                                             14));
  EXPECT_EQ(blob.back(), '\0');  // no skipped lines
  std::string bad = blob;
  bad[8] = 2;
  EXPECT_EQ(Message(DeserializeTables(bad).status()),
            "session tables: version 2, where this carelearn reads version 1");
  EXPECT_EQ(DeserializeTables(bad).status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(Message(DeserializeTables("CLTABLE").status()),
            "session tables: the bytes do not begin with \"CLTABLES\" and a version");
  EXPECT_EQ(Message(DeserializeTables(blob + "x").status()),
            "session tables: 1 bytes left over after the tables");
}

TEST(SerializeTablesTest, WritesAColumnOfOneValueOnce) {
  // 200 sessions in one unit: the unit codes (all 0) take a value, not 200.
  std::vector<Session> many(200, testing::CancelledMeeting());
  const SessionTables t = TablesFromSessions(many);
  const std::string blob = SerializeTables(t);
  // Every column of the sessions holds one value but the ids ("s-2" 200
  // times: 201 offsets of 8 bytes and 600 bytes); the rest is the other
  // columns' one value each and the closed vocabularies, under 1000 bytes,
  // where every value would be more than 200 * 90 bytes.
  EXPECT_GT(blob.size(), 201U * 8 + 600);
  EXPECT_LT(blob.size(), 201U * 8 + 600 + 1000);
  EXPECT_EQ(*DeserializeTables(blob), t);
}

TEST(SerializeTablesTest, EveryCutIsAnErrorNotACrash) {
  const std::string blob = SerializeTables(Read(kText));
  for (std::size_t n = 0; n < blob.size(); ++n) {
    const absl::StatusOr<SessionTables> t = DeserializeTables(std::string_view(blob).substr(0, n));
    ASSERT_FALSE(t.ok()) << "cut at " << n;
    EXPECT_EQ(t.status().code(), absl::StatusCode::kDataLoss);
    EXPECT_THAT(Message(t.status()), StartsWith("session tables: "));
  }
}

TEST(SerializeTablesTest, EveryDamagedByteIsAnErrorOrValidTables) {
  // Under the sanitizers, no damage reads out of bounds or overflows; what
  // reads is well formed: it travels again unchanged.
  const std::string blob = SerializeTables(Read(kText));
  for (std::size_t i = 0; i < blob.size(); ++i) {
    for (const int flip : {0x01, 0x80, 0xFF}) {
      std::string damaged = blob;
      damaged[i] = static_cast<char>(static_cast<unsigned char>(damaged[i]) ^ flip);
      const absl::StatusOr<SessionTables> t = DeserializeTables(damaged);
      if (t.ok()) {
        const absl::StatusOr<SessionTables> again = DeserializeTables(SerializeTables(*t));
        ASSERT_TRUE(again.ok()) << "byte " << i << ": " << again.status();
        EXPECT_TRUE(*again == *t) << "byte " << i;
      } else {
        EXPECT_EQ(t.status().code(), absl::StatusCode::kDataLoss);
      }
    }
  }
}

// The error of the bytes of `t`, which is damaged.
std::string ErrorOf(const SessionTables& t) {
  const absl::StatusOr<SessionTables> back = DeserializeTables(SerializeTables(t));
  return back.ok() ? "ok" : Message(back.status());
}

TEST(SerializeTablesTest, NamesWhatIsDamaged) {
  const SessionTables good = Read(kText);
  {
    SessionTables t = good;
    t.participants.person.codes[1] = 7;
    EXPECT_EQ(ErrorOf(t),
              "session tables: participants.person: row 1: the code 7 is outside its "
              "dictionary of 3 values");
  }
  {
    SessionTables t = good;
    t.participants.role.codes[0] = -2;
    EXPECT_EQ(ErrorOf(t),
              "session tables: participants.role: row 0: the code -2 is outside its "
              "dictionary of 2 values");
  }
  {
    SessionTables t = good;
    t.steps.session[3] = 3;
    EXPECT_EQ(ErrorOf(t),
              "session tables: steps.session: row 3 names row 3 of sessions, which has 3 rows");
  }
  {
    SessionTables t = good;
    t.action_changes.action[0] = 4;
    EXPECT_EQ(ErrorOf(t),
              "session tables: action_changes.action: row 0 names row 4 of actions, which has "
              "4 rows");
  }
  {
    SessionTables t = good;
    t.steps.minutes.pop_back();
    EXPECT_EQ(ErrorOf(t), "session tables: steps.minutes: 3 values where 4 were due");
  }
  {
    SessionTables t = good;
    t.notes.text.offsets[1] = 99;
    EXPECT_EQ(ErrorOf(t), "session tables: notes.text: row 1: the offsets fall from 99 to 19");
  }
  {
    SessionTables t = good;
    t.notes.text.offsets.back() = 99;
    EXPECT_EQ(ErrorOf(t), "session tables: notes.text: the last offset is 99 for 38 bytes");
  }
  {
    SessionTables t = good;
    t.feedback.comment.valid[0] = 2;
    EXPECT_EQ(ErrorOf(t),
              "session tables: feedback.comment: row 0: the validity flag is 2, not 0 or 1");
  }
  {
    SessionTables t = good;
    t.sessions.unit.dictionary[1] = t.sessions.unit.dictionary[0];
    EXPECT_EQ(ErrorOf(t),
              "session tables: sessions.unit: the value \"home-care-north\" is in the "
              "dictionary twice");
  }
  // Times and days are those of the years 0001 to 9999, as the readers give
  // them: 10000-01-01T00:00:00Z is 253,402,300,800 s after the epoch,
  // 9999-12-31 is day 2,932,896 and 0001-01-01 day -719,162.
  {
    SessionTables t = good;
    t.sessions.planned_start[1] = 253402300800000000;
    EXPECT_EQ(ErrorOf(t),
              "session tables: sessions.planned_start: row 1: the time 253402300800000000 "
              "(microseconds) is outside the years 0001 to 9999");
  }
  {
    SessionTables t = good;
    t.action_changes.at[2] = kNullTimestamp;
    EXPECT_EQ(ErrorOf(t),
              "session tables: action_changes.at: row 2: the time -9223372036854775808 "
              "(missing) where a time is due");
  }
  {
    SessionTables t = good;
    t.actions.due[0] = 2932897;
    EXPECT_EQ(ErrorOf(t),
              "session tables: actions.due: row 0: the day 2932897 (since 1970-01-01) is "
              "outside the years 0001 to 9999");
  }
  {
    SessionTables t = good;
    t.actions.due[0] = -719163;
    EXPECT_EQ(ErrorOf(t),
              "session tables: actions.due: row 0: the day -719163 (since 1970-01-01) is "
              "outside the years 0001 to 9999");
  }
  {
    // The first and last of the range, and a missing time where one may be.
    SessionTables t = good;
    t.sessions.planned_start[0] = -62135596800000000;  // 0001-01-01T00:00:00Z
    t.sessions.planned_start[1] = 253402300799999999;  // 9999-12-31T23:59:59.999999Z
    t.sessions.actual_start[0] = kNullTimestamp;
    t.actions.due[0] = 2932896;
    t.actions.due[1] = -719162;
    EXPECT_EQ(ErrorOf(t), "ok");
  }
}

// ------------------------------------------------------------------------ PersonMeasureTables

TEST(PersonMeasureTablesTest, KeepsWhatThePersonMeasuresRead) {
  const SessionTables t = Read(kText);
  // Participants: s-1 p-a p-b p-c (rows 0-2), s-3 p-a p-b p-c (rows 3-5).
  ASSERT_EQ(t.participants.size(), 6U);
  const std::vector<std::uint8_t> keep = {0, 1, 1, 0, 0, 1};
  const SessionTables p = PersonMeasureTables(t, keep);

  EXPECT_EQ(p.sessions.size(), 3U);
  EXPECT_EQ(p.sessions.unit, t.sessions.unit);
  EXPECT_EQ(p.sessions.planned_start, t.sessions.planned_start);
  EXPECT_EQ(p.sessions.actual_start, t.sessions.actual_start);
  EXPECT_EQ(p.sessions.actual_end, t.sessions.actual_end);
  EXPECT_EQ(p.sessions.status, t.sessions.status);
  EXPECT_THAT(p.sessions.id.valid, ElementsAre(0, 0, 0));
  EXPECT_THAT(p.sessions.format_id.codes, ElementsAre(kNullCode, kNullCode, kNullCode));
  EXPECT_THAT(p.sessions.format_id.dictionary, IsEmpty());
  EXPECT_THAT(p.sessions.format_version, ElementsAre(0, 0, 0));
  EXPECT_THAT(p.sessions.cancel_reason.codes, ElementsAre(kNullCode, kNullCode, kNullCode));
  EXPECT_EQ(p.sessions.cancel_reason.dictionary, t.sessions.cancel_reason.dictionary);
  EXPECT_THAT(p.sessions.participant_count, ElementsAre(0, 0, 0));
  EXPECT_EQ(p.sessions.cancel_note.size(), 0U);  // no text

  // p-b, p-c of s-1 and p-c of s-3; the dictionaries of those rows only.
  EXPECT_THAT(p.participants.session, ElementsAre(0, 0, 2));
  EXPECT_THAT(p.participants.position, ElementsAre(0, 0, 0));
  EXPECT_THAT(p.participants.person.dictionary, ElementsAre("p-b", "p-c"));
  EXPECT_THAT(p.participants.person.codes, ElementsAre(0, 1, 1));
  EXPECT_THAT(p.participants.unit.dictionary, ElementsAre("home-care-north", "home-care-south"));
  EXPECT_THAT(p.participants.unit.codes, ElementsAre(0, 1, 1));
  EXPECT_THAT(p.participants.profession.dictionary, ElementsAre("social-and-health-assistant"));
  EXPECT_THAT(p.participants.profession.codes, ElementsAre(kNullCode, 0, 0));
  EXPECT_THAT(p.participants.shift.codes, ElementsAre(0, 2, 2));
  EXPECT_THAT(p.participants.role.codes, ElementsAre(kNullCode, kNullCode, kNullCode));
  EXPECT_THAT(p.participants.role.dictionary, IsEmpty());

  // Steps: only s-3's (started, no end): 5 and 12.5 minutes.
  EXPECT_THAT(p.steps.session, ElementsAre(2, 2));
  EXPECT_THAT(p.steps.minutes, ElementsAre(5.0, 12.5));
  EXPECT_THAT(p.steps.start, ElementsAre(kNullTimestamp, kNullTimestamp));
  EXPECT_THAT(p.steps.step.codes, ElementsAre(kNullCode, kNullCode));

  EXPECT_EQ(p.prompts.size(), 0U);
  EXPECT_EQ(p.learning_points.size(), 0U);
  EXPECT_EQ(p.learning_points.text.size(), 0U);
  EXPECT_EQ(p.actions.size(), 0U);
  EXPECT_EQ(p.action_changes.size(), 0U);
  EXPECT_EQ(p.feedback.size(), 0U);
  EXPECT_EQ(p.notes.size(), 0U);
  EXPECT_THAT(p.skipped, IsEmpty());

  // It travels, in less than half the bytes of KeepParticipants' tables.
  const std::string blob = SerializeTables(p);
  EXPECT_EQ(*DeserializeTables(blob), p);
  EXPECT_LT(blob.size() * 2, SerializeTables(KeepParticipants(t, keep)).size());
}

TEST(PersonMeasureTablesTest, ThePersonMeasuresAreThoseOfKeepParticipants) {
  std::vector<Session> sessions = testing::MetricsSessions();
  sessions[1].actual_end.reset();  // its minutes from its steps
  const SessionTables t = TablesFromSessions(sessions);
  std::vector<std::uint8_t> keep(t.participants.size());
  for (std::size_t r = 0; r < keep.size(); ++r) keep[r] = r % 3 != 1 ? 1 : 0;
  const SessionTables full = KeepParticipants(t, keep);
  const SessionTables small = *DeserializeTables(SerializeTables(PersonMeasureTables(t, keep)));
  const Roster roster = testing::MetricsRoster();

  const ReachTable a = MeasureReach(full, roster);
  const ReachTable b = MeasureReach(small, roster);
  ASSERT_GT(a.size(), 0U);
  EXPECT_EQ(a.unit, b.unit);
  EXPECT_EQ(a.period_start, b.period_start);
  EXPECT_EQ(a.staff, b.staff);
  EXPECT_EQ(a.reached, b.reached);
  EXPECT_EQ(a.reached_k, b.reached_k);
  EXPECT_EQ(a.off_roster, b.off_roster);

  const DoseTable c = MeasureDose(full, roster, nullptr);
  const DoseTable d = MeasureDose(small, roster, nullptr);
  ASSERT_GT(c.size(), 0U);
  EXPECT_EQ(c.unit, d.unit);
  EXPECT_EQ(c.attendees, d.attendees);
  EXPECT_EQ(c.hours, d.hours);

  const CircleTable e = MeasureCircles(full);
  const CircleTable f = MeasureCircles(small);
  ASSERT_GT(e.size(), 0U);
  EXPECT_EQ(e.period_start, f.period_start);
  EXPECT_EQ(e.people, f.people);
  EXPECT_EQ(e.participations, f.participations);
  EXPECT_EQ(e.cross_unit, f.cross_unit);
  EXPECT_EQ(e.cross_shift, f.cross_shift);
}

}  // namespace
}  // namespace carelearn
