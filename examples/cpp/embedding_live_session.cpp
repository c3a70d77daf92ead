// docs/embedding.md, "Crash recovery": the runner hands the session to the
// store after every change; when the app dies mid-meeting, the session is
// read back and resumed where it stopped, with nothing recorded lost.
#include <iostream>

#include "carelearn/carelearn.hpp"

int main() {
  const carelearn::Format& meeting =
      *carelearn::BuiltinCatalog().Find("systematic-learning-meeting");
  absl::StatusOr<carelearn::Store> store = carelearn::Store::Open(":memory:");  // a file in an app
  if (!store.ok()) {
    std::cerr << store.status() << "\n";
    return 1;
  }
  const absl::Time planned =
      absl::FromCivil(absl::CivilMinute(2026, 3, 4, 14, 0), carelearn::CopenhagenTimeZone());
  carelearn::FakeClock clock(planned);  // an app leaves RunnerOptions::clock null
  carelearn::RunnerOptions options;
  options.clock = &clock;
  options.catalog = &carelearn::BuiltinCatalog();
  // Keep every change durably: PutSession returns once it is on disk.
  options.on_change = [&store](const carelearn::Session& session) {
    if (absl::Status kept = store->PutSession(session); !kept.ok()) std::cerr << kept << "\n";
  };

  {
    absl::StatusOr<carelearn::Runner> runner = carelearn::Runner::Create(
        meeting, {.session_id = "egely-2026-03-04", .unit = "egely", .planned_start = planned},
        options);
    if (!runner.ok() || !runner
                             ->Start({{.id = "p-fac", .role = "facilitator"},
                                      {.id = "p-case", .role = "case-presenter"},
                                      {.id = "p-col", .role = "colleague"}})
                             .ok()) {
      return 1;
    }
    clock.Advance(absl::Minutes(5));
    (void)runner->Next();  // to "learning-questions"
    clock.Advance(absl::Minutes(10));
    (void)runner->Next();  // to "case-learning", step 3
    (void)runner->RecordLearningPoint({.text = "Call the GP before the fall round."});
  }  // the tablet app dies here

  absl::StatusOr<carelearn::Session> partial = store->GetSession("egely-2026-03-04");
  if (!partial.ok()) return 1;
  clock.Advance(absl::Minutes(1));
  absl::StatusOr<carelearn::Runner> resumed = carelearn::Runner::Resume(meeting, *partial, options);
  if (!resumed.ok()) {
    std::cerr << resumed.status() << "\n";
    return 1;
  }
  std::cout << "resumed in \"" << resumed->current_step()->id << "\" with "
            << resumed->session().learning_points.size() << " learning point\n";
  (void)resumed->RecordLearningPoint({.text = "Write the GP's answer in the record."});
  while (resumed->Next().ok()) clock.Advance(absl::Minutes(3));
  // Feedback fits the last step of a format whose steps declare none.
  (void)resumed->RecordFeedback({.participant = "p-col", .rating = 5});
  absl::StatusOr<carelearn::Session> held = resumed->Finish();
  if (!held.ok()) return 1;
  absl::StatusOr<carelearn::Session> stored = store->GetSession("egely-2026-03-04");
  std::cout << "held: " << held->steps.size() << " steps, " << held->learning_points.size()
            << " learning points, " << held->feedback.size() << " feedback; stored "
            << (stored.ok() && *stored == *held ? "as held" : "DIFFERENTLY") << "\n";
  return stored.ok() && *stored == *held ? 0 : 1;
}
