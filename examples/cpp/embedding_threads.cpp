// docs/embedding.md, "Threads": one Store shared by two threads; their calls
// take turns on the Store's connection.
#include <iostream>
#include <string>
#include <thread>

#include "carelearn/carelearn.hpp"

int main() {
  absl::StatusOr<carelearn::Store> store = carelearn::Store::Open(":memory:");
  if (!store.ok()) return 1;
  const absl::Time start =
      absl::FromCivil(absl::CivilMinute(2026, 3, 4, 14, 0), carelearn::CopenhagenTimeZone());
  auto write = [&store, start](const std::string& unit) {
    for (int i = 0; i < 10; ++i) {
      carelearn::Session s;
      s.id = unit + "-" + std::to_string(i);
      s.format_id = "systematic-learning-meeting";
      s.unit = unit;
      s.planned_start = start + absl::Hours(24 * 14 * i);
      s.actual_start = s.planned_start;
      if (absl::Status put = store->PutSession(s); !put.ok()) std::cerr << put << "\n";
    }
  };
  std::thread egely(write, "egely");
  std::thread sophielund(write, "sophielund");
  egely.join();
  sophielund.join();
  absl::StatusOr<std::size_t> n = store->CountSessions({.unit = "egely"});
  std::cout << "stored " << *store->CountSessions() << " sessions, " << n.value_or(0)
            << " of them egely's\n";
  return n.value_or(0) == 10 ? 0 : 1;
}
