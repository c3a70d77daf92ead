// Plans today's systematic learning meeting for a unit of 12 and prints the
// agenda in English, with the overrun that 12 people cause in 30 minutes.
#include <iostream>

#include "carelearn/carelearn.hpp"

int main() {
  const carelearn::Catalog& catalog = carelearn::BuiltinCatalog();
  const carelearn::Format* meeting = catalog.Find("systematic-learning-meeting");
  if (meeting == nullptr) {
    std::cerr << "the built-in catalog has no systematic learning meeting\n";
    return 1;
  }
  carelearn::AgendaOptions options;
  options.catalog = &catalog;
  absl::StatusOr<carelearn::Agenda> agenda =
      carelearn::PlanAgenda(*meeting, 12, absl::CivilMinute(2026, 3, 4, 14, 0), options);
  if (!agenda.ok()) {
    std::cerr << agenda.status() << "\n";
    return 1;
  }
  std::cout << carelearn::RenderText(*agenda, carelearn::Lang::kEn);
  return 0;
}
