#include "carelearn/analysis/tables.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "analysis/table_fixtures.hpp"
#include "carelearn/record/identifiers.hpp"

namespace carelearn {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::TwoMeetings;

// Times worked out by hand: 2026-03-04 is day 20516 after 1970-01-01
// (20454 days to 2026-01-01, then 31 + 28 + 3), so 14:00 that day is
// (20516 * 86400 + 14 * 3600) s = 1772632800 s.
constexpr std::int64_t kMar4At1400 = 1772632800000000;
constexpr std::int64_t kMinute = 60000000;
constexpr std::int64_t kDay = 24 * 60 * kMinute;

std::vector<std::optional<std::string>> Values(const DictionaryColumn& column) {
  std::vector<std::optional<std::string>> out;
  for (std::size_t i = 0; i < column.size(); ++i) {
    const auto v = column.Value(i);
    out.push_back(v ? std::optional<std::string>(std::string(*v)) : std::nullopt);
  }
  return out;
}

std::vector<std::optional<std::string>> Values(const StringColumn& column) {
  std::vector<std::optional<std::string>> out;
  for (std::size_t i = 0; i < column.size(); ++i) {
    const auto v = column.Value(i);
    out.push_back(v ? std::optional<std::string>(std::string(*v)) : std::nullopt);
  }
  return out;
}

constexpr std::nullopt_t kMissing = std::nullopt;

TEST(TablesFromSessionsTest, SessionsTable) {
  const std::vector<Session> sessions = TwoMeetings();
  const SessionTables t = TablesFromSessions(sessions);
  const SessionsTable& s = t.sessions;
  ASSERT_EQ(s.size(), 2U);
  EXPECT_THAT(Values(s.id), ElementsAre("s-1", "s-2"));
  EXPECT_THAT(s.unit.codes, ElementsAre(0, 1));
  EXPECT_THAT(s.unit.dictionary, ElementsAre("home-care-north", "home-care-south"));
  EXPECT_THAT(s.format_id.codes, ElementsAre(0, 0));
  EXPECT_THAT(s.format_id.dictionary, ElementsAre("systematic-learning-meeting"));
  EXPECT_THAT(s.format_version, ElementsAre(1, 2));
  EXPECT_THAT(s.planned_start, ElementsAre(kMar4At1400, kMar4At1400 + 7 * kDay));
  EXPECT_THAT(s.actual_start, ElementsAre(kMar4At1400 + 2 * kMinute, kNullTimestamp));
  EXPECT_THAT(s.actual_end, ElementsAre(kMar4At1400 + 32 * kMinute, kNullTimestamp));
  EXPECT_THAT(s.status.codes, ElementsAre(0, 1));
  EXPECT_THAT(s.status.dictionary, ElementsAre("held", "cancelled"));
  EXPECT_THAT(s.cancel_reason.codes, ElementsAre(kNullCode, 0));
  EXPECT_THAT(s.cancel_reason.dictionary,
              ElementsAre("staffing", "workload", "no-facilitator", "holiday", "other"));
  EXPECT_THAT(Values(s.case_category), ElementsAre("fall", kMissing));
  EXPECT_THAT(Values(s.citizen), ElementsAre("c-1", kMissing));
  EXPECT_THAT(s.participant_count, ElementsAre(3, 0));
  EXPECT_THAT(s.step_count, ElementsAre(2, 0));
  EXPECT_THAT(s.prompt_count, ElementsAre(2, 0));
  EXPECT_THAT(s.learning_point_count, ElementsAre(2, 0));
  EXPECT_THAT(s.action_count, ElementsAre(2, 0));
  EXPECT_THAT(s.feedback_count, ElementsAre(2, 0));
  EXPECT_THAT(s.note_count, ElementsAre(2, 0));
  // Free text was not asked for: the column has no rows.
  EXPECT_EQ(s.cancel_note.size(), 0U);
}

TEST(TablesFromSessionsTest, ParticipantsTable) {
  const std::vector<Session> sessions = TwoMeetings();
  const ParticipantsTable& p = TablesFromSessions(sessions).participants;
  EXPECT_THAT(p.session, ElementsAre(0, 0, 0));
  EXPECT_THAT(p.position, ElementsAre(0, 1, 2));
  EXPECT_THAT(p.person.codes, ElementsAre(0, 1, 2));
  EXPECT_THAT(p.person.dictionary, ElementsAre("p-a", "p-b", "p-c"));
  EXPECT_THAT(p.role.codes, ElementsAre(0, 1, 1));
  EXPECT_THAT(p.role.dictionary, ElementsAre("facilitator", "colleague"));
  EXPECT_THAT(p.unit.codes, ElementsAre(0, 0, 1));
  // An empty profession is missing and takes no place in the dictionary.
  EXPECT_THAT(p.profession.codes, ElementsAre(0, kNullCode, 1));
  EXPECT_THAT(p.profession.dictionary, ElementsAre("nurse", "social-and-health-assistant"));
  EXPECT_THAT(p.shift.codes, ElementsAre(1, 0, 2));
  EXPECT_THAT(p.shift.dictionary, ElementsAre("unspecified", "day", "evening", "night"));
}

TEST(TablesFromSessionsTest, StepsAndPromptsTables) {
  const std::vector<Session> sessions = TwoMeetings();
  const SessionTables t = TablesFromSessions(sessions);
  EXPECT_THAT(t.steps.session, ElementsAre(0, 0));
  EXPECT_THAT(t.steps.position, ElementsAre(0, 1));
  EXPECT_THAT(Values(t.steps.step), ElementsAre("case", "questions"));
  EXPECT_THAT(t.steps.start, ElementsAre(kMar4At1400 + 2 * kMinute, kMar4At1400 + 7 * kMinute));
  EXPECT_THAT(t.steps.end,
              ElementsAre(kMar4At1400 + 7 * kMinute, kMar4At1400 + 19 * kMinute + kMinute / 2));
  EXPECT_THAT(t.steps.minutes, ElementsAre(5.0, 12.5));
  EXPECT_THAT(t.prompts.session, ElementsAre(0, 0));
  EXPECT_THAT(t.prompts.step.codes, ElementsAre(0, 0));
  EXPECT_THAT(t.prompts.step.dictionary, ElementsAre("questions"));
  EXPECT_THAT(Values(t.prompts.question), ElementsAre("biggest-challenge", "what-worked"));
}

TEST(TablesFromSessionsTest, ActionsDeriveTheirTimesFromTheHistory) {
  const std::vector<Session> sessions = TwoMeetings();
  const SessionTables t = TablesFromSessions(sessions);
  const ActionsTable& a = t.actions;
  EXPECT_THAT(a.session, ElementsAre(0, 0));
  EXPECT_THAT(a.position, ElementsAre(0, 1));
  EXPECT_THAT(Values(a.action), ElementsAre("a1", "a2"));
  EXPECT_THAT(Values(a.step), ElementsAre("reflection", "reflection"));
  EXPECT_THAT(Values(a.owner), ElementsAre("leader", kMissing));
  // 2026-04-01 is 20454 + 31 + 28 + 31 days after 1970-01-01.
  EXPECT_THAT(a.due, ElementsAre(20544, kNullDay));
  EXPECT_THAT(a.status.codes, ElementsAre(2, 0));  // done; open without a history
  EXPECT_THAT(a.status.dictionary, ElementsAre("open", "in-progress", "done", "dropped"));
  EXPECT_THAT(a.proposed_at, ElementsAre(kMar4At1400 + 30 * kMinute, kNullTimestamp));
  EXPECT_THAT(a.started_at, ElementsAre(kMar4At1400 + 6 * kDay - 6 * 60 * kMinute, kNullTimestamp));
  EXPECT_THAT(a.done_at,
              ElementsAre(kMar4At1400 + 26 * kDay - 270 * kMinute + 250000, kNullTimestamp));
  EXPECT_THAT(a.dropped_at, ElementsAre(kNullTimestamp, kNullTimestamp));
  EXPECT_EQ(a.text.size(), 0U);

  const ActionChangesTable& c = t.action_changes;
  EXPECT_THAT(c.session, ElementsAre(0, 0, 0));
  EXPECT_THAT(c.action, ElementsAre(0, 0, 0));
  EXPECT_THAT(c.position, ElementsAre(0, 1, 2));
  EXPECT_THAT(c.status.codes, ElementsAre(0, 1, 2));
  EXPECT_THAT(c.at, ElementsAre(a.proposed_at[0], a.started_at[0], a.done_at[0]));
}

TEST(TablesFromSessionsTest, ActionChangesNameTheirActionsRowAcrossSessions) {
  std::vector<Session> sessions = TwoMeetings();
  sessions.push_back(testing::HeldMeeting());
  sessions.back().id = "s-3";
  const SessionTables t = TablesFromSessions(sessions);
  EXPECT_THAT(t.actions.session, ElementsAre(0, 0, 2, 2));
  EXPECT_THAT(t.action_changes.session, ElementsAre(0, 0, 0, 2, 2, 2));
  EXPECT_THAT(t.action_changes.action, ElementsAre(0, 0, 0, 2, 2, 2));
  EXPECT_THAT(t.actions.action.codes, ElementsAre(0, 1, 0, 1));
}

TEST(TablesFromSessionsTest, FeedbackLearningPointsAndNotes) {
  const std::vector<Session> sessions = TwoMeetings();
  const SessionTables t = TablesFromSessions(sessions);
  EXPECT_THAT(t.feedback.session, ElementsAre(0, 0));
  EXPECT_THAT(Values(t.feedback.step), ElementsAre("reflection", kMissing));
  EXPECT_THAT(Values(t.feedback.participant), ElementsAre("p-a", "p-b"));
  EXPECT_THAT(t.feedback.rating, ElementsAre(5, 4));
  EXPECT_THAT(t.feedback.confidential, ElementsAre(0, 0));
  EXPECT_THAT(t.actions.confidential, ElementsAre(0, 0));
  EXPECT_THAT(t.sessions.cancel_confidential, ElementsAre(0, 0));
  EXPECT_THAT(t.learning_points.session, ElementsAre(0, 0));
  EXPECT_THAT(t.learning_points.position, ElementsAre(0, 1));
  EXPECT_THAT(Values(t.learning_points.author), ElementsAre("p-a", kMissing));
  EXPECT_THAT(t.learning_points.confidential, ElementsAre(0, 1));
  EXPECT_THAT(t.notes.session, ElementsAre(0, 0));
  EXPECT_THAT(t.notes.kind.codes, ElementsAre(1, 0));
  EXPECT_THAT(t.notes.kind.dictionary, ElementsAre("note", "reflection", "documentation"));
  EXPECT_THAT(t.notes.confidential, ElementsAre(0, 1));
}

TEST(TablesFromSessionsTest, FreeTextOnlyWhenAskedAndConfidentialTextOnlyByName) {
  const std::vector<Session> sessions = TwoMeetings();

  const SessionTables none = TablesFromSessions(sessions);
  EXPECT_EQ(none.learning_points.text.size(), 0U);
  EXPECT_EQ(none.notes.text.size(), 0U);
  EXPECT_EQ(none.feedback.comment.size(), 0U);
  EXPECT_THAT(none.learning_points.text.data, IsEmpty());

  const SessionTables open = TablesFromSessions(sessions, {.free_text = true});
  EXPECT_THAT(Values(open.learning_points.text), ElementsAre("Ring før besøg.", kMissing));
  EXPECT_THAT(Values(open.notes.text), ElementsAre("Vi lærte.", kMissing));
  EXPECT_THAT(Values(open.actions.text), ElementsAre("Fast pårørendesamtale.", kMissing));
  EXPECT_THAT(Values(open.feedback.comment), ElementsAre("Godt.", kMissing));
  EXPECT_THAT(Values(open.sessions.cancel_note), ElementsAre(kMissing, "Sygdom."));
  // The confidential text is nowhere in the bytes.
  EXPECT_EQ(open.learning_points.text.data.find("Hansen"), std::string::npos);
  EXPECT_EQ(open.notes.text.data.find("Hemmelig"), std::string::npos);

  // Confidential text needs free text too.
  const SessionTables alone = TablesFromSessions(sessions, {.confidential_text = true});
  EXPECT_EQ(alone.learning_points.text.size(), 0U);

  // Asked for by name, with the identifiers in it as written.
  const SessionTables all = TablesFromSessions(
      sessions, {.free_text = true, .confidential_text = true, .identifiers = true});
  EXPECT_THAT(Values(all.learning_points.text), ElementsAre("Ring før besøg.", "Fru Hansen."));
  // Without `identifiers`, the name the linter finds is masked.
  const SessionTables masked =
      TablesFromSessions(sessions, {.free_text = true, .confidential_text = true});
  EXPECT_THAT(Values(masked.learning_points.text), ElementsAre("Ring før besøg.", "Fru [name]."));
  EXPECT_THAT(Values(all.notes.text), ElementsAre("Vi lærte.", "Hemmelig."));
  // Arrow's layout: offsets into one byte buffer.
  EXPECT_THAT(all.notes.text.offsets, ElementsAre(0, 10, 19));
  EXPECT_THAT(all.notes.text.valid, ElementsAre(1, 1));
}

// Fix (privacy issue, point 4): the text of an action, the comment of
// feedback and the note of a cancellation marked confidential are filled
// only when `confidential_text` asks for them by name, as learning points'.
TEST(TablesFromSessionsTest, ConfidentialActionsFeedbackAndCancellationNotesOnlyByName) {
  std::vector<Session> sessions = TwoMeetings();
  sessions[0].actions[1].text = "Hemmelig handling, CPR 010203-1234.";
  sessions[0].actions[1].confidential = true;
  sessions[0].feedback[1].comment = "Hemmelig kommentar.";
  sessions[0].feedback[1].confidential = true;
  sessions[1].cancellation->confidential = true;

  const SessionTables flags = TablesFromSessions(sessions);
  EXPECT_THAT(flags.actions.confidential, ElementsAre(0, 1));
  EXPECT_THAT(flags.feedback.confidential, ElementsAre(0, 1));
  EXPECT_THAT(flags.sessions.cancel_confidential, ElementsAre(0, 1));
  EXPECT_EQ(flags.actions.text.size(), 0U);

  const SessionTables open = TablesFromSessions(sessions, {.free_text = true});
  EXPECT_THAT(Values(open.actions.text), ElementsAre("Fast pårørendesamtale.", kMissing));
  EXPECT_THAT(Values(open.feedback.comment), ElementsAre("Godt.", kMissing));
  EXPECT_THAT(Values(open.sessions.cancel_note), ElementsAre(kMissing, kMissing));
  // The confidential text is nowhere in the bytes.
  EXPECT_EQ(open.actions.text.data, "Fast pårørendesamtale.");
  EXPECT_EQ(open.feedback.comment.data, "Godt.");
  EXPECT_EQ(open.sessions.cancel_note.data, "");

  const SessionTables masked =
      TablesFromSessions(sessions, {.free_text = true, .confidential_text = true});
  EXPECT_THAT(Values(masked.actions.text),
              ElementsAre("Fast pårørendesamtale.", "Hemmelig handling, CPR [cpr-number]."));
  EXPECT_THAT(Values(masked.feedback.comment), ElementsAre("Godt.", "Hemmelig kommentar."));
  EXPECT_THAT(Values(masked.sessions.cancel_note), ElementsAre(kMissing, "Sygdom."));
  const SessionTables all = TablesFromSessions(
      sessions, {.free_text = true, .confidential_text = true, .identifiers = true});
  EXPECT_THAT(Values(all.actions.text),
              ElementsAre("Fast pårørendesamtale.", "Hemmelig handling, CPR 010203-1234."));
}

TEST(TablesFromSessionsTest, InfiniteTimesDoNotOverflow) {
  Session s = testing::HeldMeeting();
  s.steps = {{"case", absl::InfinitePast(), absl::InfiniteFuture()}};
  const SessionTables t = TablesFromSessions(std::vector<Session>{s});
  EXPECT_THAT(t.steps.start, ElementsAre(std::numeric_limits<std::int64_t>::min()));
  EXPECT_THAT(t.steps.end, ElementsAre(std::numeric_limits<std::int64_t>::max()));
  EXPECT_GT(t.steps.minutes[0], 3e11);
}

TEST(TablesFromSessionsTest, NoSessionsGiveEmptyTablesWithTheClosedVocabularies) {
  const SessionTables t = TablesFromSessions({});
  EXPECT_EQ(t.sessions.size(), 0U);
  EXPECT_EQ(t.participants.size(), 0U);
  EXPECT_EQ(t.action_changes.size(), 0U);
  EXPECT_THAT(t.sessions.status.dictionary, ElementsAre("held", "cancelled"));
  EXPECT_THAT(t.participants.shift.dictionary,
              ElementsAre("unspecified", "day", "evening", "night"));
  EXPECT_THAT(t.sessions.unit.dictionary, IsEmpty());
  EXPECT_THAT(t.sessions.id.offsets, ElementsAre(0));
}

TEST(TablesFromSessionsTest, OpenCodesNumberValuesInOrderOfFirstAppearance) {
  std::vector<Session> sessions = TwoMeetings();
  std::swap(sessions[0], sessions[1]);
  const SessionTables t = TablesFromSessions(sessions);
  EXPECT_THAT(t.sessions.unit.dictionary, ElementsAre("home-care-south", "home-care-north"));
  EXPECT_THAT(t.sessions.unit.codes, ElementsAre(0, 1));
  // Closed vocabularies keep their enum order whatever the data.
  EXPECT_THAT(t.sessions.status.codes, ElementsAre(1, 0));
  EXPECT_THAT(t.participants.session, ElementsAre(1, 1, 1));
}

// Ids and texts in which the identifier linter finds something are masked
// unless `identifiers` asks for them as written.
TEST(TablesFromSessionsTest, IdentifiersAreMaskedUnlessAskedFor) {
  std::vector<Session> sessions = TwoMeetings();
  sessions[0].id = "0101901234";
  sessions[0].participants[0].id = "Mette Hansen";
  sessions[0].participants[0].profession = "nurse 21436587";
  TableOptions options;
  options.free_text = true;
  sessions[0].learning_points[0].text = "Ring 21 43 65 87";
  sessions[0].learning_points[0].confidential = false;
  const SessionTables masked = TablesFromSessions(sessions, options);
  EXPECT_EQ(masked.sessions.id.Value(0), MaskedId("0101901234"));
  EXPECT_EQ(masked.participants.person.Value(0), MaskedId("Mette Hansen"));
  EXPECT_EQ(masked.participants.profession.Value(0), MaskedId("nurse 21436587"));
  EXPECT_EQ(masked.learning_points.text.Value(0), "Ring [phone-number]");
  EXPECT_EQ(masked.sessions.id.Value(1), sessions[1].id);  // nothing found: as written
  options.identifiers = true;
  const SessionTables kept = TablesFromSessions(sessions, options);
  EXPECT_EQ(kept.sessions.id.Value(0), "0101901234");
  EXPECT_EQ(kept.participants.person.Value(0), "Mette Hansen");
  EXPECT_EQ(kept.learning_points.text.Value(0), "Ring 21 43 65 87");
}
}  // namespace
}  // namespace carelearn
