// Built by tools/check.sh with only `pkg-config --cflags --libs carelearn`:
// the installed carelearn.pc is enough for a project that does not use CMake.
#include <iostream>

#include "carelearn/carelearn.hpp"

int main() {
  const carelearn::Format* meeting =
      carelearn::BuiltinCatalog().Find("systematic-learning-meeting");
  absl::StatusOr<absl::TimeZone> cph = carelearn::LoadCopenhagenTimeZone();
  if (meeting == nullptr || !cph.ok()) return 1;
  std::cout << "pkg-config consumer: " << meeting->title.Get(carelearn::Lang::kEn) << " in "
            << cph->name() << "\n";
  return 0;
}
