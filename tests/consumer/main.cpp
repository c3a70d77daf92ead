// Uses the installed carelearn as a care system would: looks up the built-in
// systematic learning meeting, runs a session on a fake clock with the
// designated-initialiser style the documentation uses (built with -Wall
// -Wextra -Werror: every public aggregate's fields have defaults), stores it
// and queries it back.
#include <cstdlib>
#include <iostream>

#include "carelearn/carelearn.hpp"

namespace {

int Fail(const char* what) {
  std::cerr << "consumer: " << what << "\n";
  return EXIT_FAILURE;
}

}  // namespace

int main() {
  const carelearn::Format* meeting =
      carelearn::BuiltinCatalog().Find("systematic-learning-meeting");
  if (meeting == nullptr || meeting->steps.size() != 5 || !meeting->duration ||
      meeting->duration->Evaluate(1).max != 30) {
    return Fail("the installed catalog does not hold the 30-minute, 5-step meeting");
  }
  const std::optional<int> fits = carelearn::MaxParticipantsThatFit(*meeting, /*longest=*/true);

  const absl::Time start =
      absl::FromCivil(absl::CivilMinute(2026, 3, 4, 14, 0), carelearn::CopenhagenTimeZone());
  carelearn::FakeClock clock(start);
  carelearn::RunnerOptions options;
  options.clock = &clock;
  auto runner = carelearn::Runner::Create(
      *meeting, {.session_id = "s-1", .unit = "egely", .planned_start = start}, options);
  if (!runner.ok()) return Fail("Runner::Create failed");
  if (!runner
           ->Start({{.id = "p-fac", .role = "facilitator"},
                    {.id = "p-case", .role = "case-presenter"},
                    {.id = "p-col", .role = "colleague"}})
           .ok()) {
    return Fail("Start failed");
  }
  while (runner->current_step()->id != "case-learning") {
    clock.Advance(absl::Minutes(5));
    if (!runner->Next().ok()) return Fail("Next failed");
  }
  if (!runner->RecordLearningPoint({.text = "Call the GP early.", .author = "p-case"})->recorded) {
    return Fail("the learning point was not recorded");
  }
  if (!runner->RecordNote({.kind = carelearn::NoteKind::kNote, .text = "Cold room."})->recorded) {
    return Fail("the note was not recorded");
  }
  while (runner->Next().ok()) clock.Advance(absl::Minutes(2));
  if (!runner->RecordAction({.text = "Add a GP call to the fall checklist.", .owner = "leader"})
           ->recorded) {
    return Fail("the action was not recorded");
  }
  if (!runner->RecordFeedback({.participant = "p-col", .rating = 4})->recorded) {
    return Fail("feedback in the last step was not recorded");
  }
  absl::StatusOr<carelearn::Session> session = runner->Finish();
  if (!session.ok()) return Fail("Finish failed");

  absl::StatusOr<carelearn::Store> store = carelearn::Store::Open(":memory:");
  if (!store.ok() || !store->PutSession(*session).ok()) return Fail("storing failed");
  auto sessions = store->FindSessions({.unit = "egely", .from = start - absl::Hours(1)});
  auto actions = store->FindActions({.unit = "egely", .status = carelearn::ActionStatus::kOpen});
  if (!sessions.ok() || sessions->size() != 1 || !actions.ok() || actions->size() != 1) {
    return Fail("the stored session or its action is not found");
  }

  std::cout << "consumer: carelearn " << carelearn::kVersion << ", "
            << meeting->title.Get(carelearn::Lang::kEn) << " fits at most " << (fits ? *fits : -1)
            << " participants; held with " << session->learning_points.size()
            << " learning point and " << (*actions)[0].action.text.size() << "-character action\n";
  return fits == 8 ? EXIT_SUCCESS : EXIT_FAILURE;
}
