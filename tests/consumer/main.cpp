// Uses the installed carelearn as a care system would: looks up the built-in
// systematic learning meeting and checks the seeds' numbers through the public API.
#include <cstdlib>
#include <iostream>

#include "carelearn/carelearn.hpp"

int main() {
  const carelearn::Format* meeting =
      carelearn::BuiltinCatalog().Find("systematic-learning-meeting");
  if (meeting == nullptr || meeting->steps.size() != 5 || !meeting->duration ||
      meeting->duration->Evaluate(1).max != 30) {
    std::cerr << "consumer: the installed catalog does not hold the 30-minute, 5-step meeting\n";
    return EXIT_FAILURE;
  }
  const std::optional<int> fits = carelearn::MaxParticipantsThatFit(*meeting, /*longest=*/true);
  std::cout << "consumer: carelearn " << carelearn::kVersion << ", "
            << meeting->title.Get(carelearn::Lang::kEn) << " fits at most " << (fits ? *fits : -1)
            << " participants\n";
  return fits == 8 ? EXIT_SUCCESS : EXIT_FAILURE;
}
