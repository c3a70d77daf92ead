// Loads realistic held sessions from JSON Lines into column tables and
// reports the speed and the peak memory: carelearn::ReadTables on 1 and 2
// threads, and, for comparison, the store and the Session path
// (ParseSessionLine on every line).
//
// A plain timing program (no Google Benchmark): it writes N sessions of about
// 3 KB each (~10 participants, 5 steps, prompts, learning points, actions
// with histories, feedback, notes) to a temporary file, then runs each
// reader in a child process of its own, so that each peak resident size
// (getrusage) is that reader's alone.
//
//   carelearn_tables_bench [--sessions N] [--threads 1,2] [--store] [--sessions-path]
//                          [--free-text] [--keep FILE] [--repeat R]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "carelearn/analysis/tables.hpp"
#include "carelearn/io/session_json.hpp"
#include "carelearn/record/session.hpp"
#include "carelearn/store/store.hpp"

namespace {

using carelearn::Session;

// Draws realistic sessions from a fixed seed.
class Generator {
 public:
  explicit Generator(std::uint64_t seed) : rng_(seed) {
    for (int i = 0; i < 20000; ++i) staff_.push_back(Hex(24));
    for (int i = 0; i < 5000; ++i) citizens_.push_back(Hex(24));
    const char* areas[] = {"home-care", "nursing-home", "rehabilitation", "acute-team"};
    const char* places[] = {"north", "south", "east", "west", "centre"};
    for (int m = 0; m < 98; ++m) {
      for (int u = 0; u < 5; ++u) {
        units_.push_back(std::string(areas[(m + u) % 4]) + "-" + places[u] + "-" +
                         std::to_string(m));
      }
    }
  }

  Session Next() {
    Session s;
    s.id = Hex(32);
    const int format = Pick(3);
    static const char* const kFormats[] = {"systematic-learning-meeting", "learning-visit",
                                           "shift-handover-huddle"};
    s.format_id = kFormats[format];
    s.format_version = 1 + Pick(2);
    const std::string& unit =
        units_[static_cast<std::size_t>(Pick(static_cast<int>(units_.size())))];
    s.unit = unit;
    const absl::CivilMinute planned(2024 + Pick(3), 1 + Pick(12), 1 + Pick(28), 13 + Pick(3),
                                    Pick(4) * 15);
    s.planned_start = absl::FromCivil(planned, absl::UTCTimeZone());
    if (Pick(20) == 0) {
      static const carelearn::CancelReason kReasons[] = {
          carelearn::CancelReason::kStaffing, carelearn::CancelReason::kWorkload,
          carelearn::CancelReason::kHoliday, carelearn::CancelReason::kOther};
      s.cancellation = carelearn::Cancellation{kReasons[Pick(4)],
                                               Pick(2) == 0 ? "" : "Akut travlhed på vagten."};
      return s;
    }
    absl::Time t = s.planned_start + absl::Seconds(Pick(300));
    s.actual_start = t;
    static const char* const kRoles[] = {"facilitator",   "case-presenter", "colleague",
                                         "colleague",     "colleague",      "leader",
                                         "learning-agent"};
    static const char* const kProfessions[] = {"nurse",
                                               "social-and-health-assistant",
                                               "social-and-health-helper",
                                               "occupational-therapist",
                                               "physiotherapist",
                                               ""};
    const int people = 8 + Pick(5);
    for (int i = 0; i < people; ++i) {
      carelearn::Participant p;
      // Each person once (ValidateSession, and so the store, insist).
      do {
        p.id = staff_[static_cast<std::size_t>(Pick(static_cast<int>(staff_.size())))];
      } while (s.FindParticipant(p.id) != nullptr);
      p.role = kRoles[i == 0 ? 0 : (i == 1 ? 1 : 2 + Pick(5))];
      p.unit = Pick(10) == 0
                   ? units_[static_cast<std::size_t>(Pick(static_cast<int>(units_.size())))]
                   : unit;
      p.profession = kProfessions[Pick(6)];
      p.shift = static_cast<carelearn::Shift>(Pick(4));
      s.participants.push_back(p);
    }
    static const char* const kSteps[] = {"presentation", "questions", "reflection", "round",
                                         "learning-points"};
    for (const char* step : kSteps) {
      const absl::Time end = t + absl::Seconds(120 + Pick(600));
      s.steps.push_back({step, t, end});
      t = end;
    }
    s.actual_end = t;
    static const char* const kQuestions[] = {"biggest-challenge", "what-worked", "what-surprised",
                                             "what-would-you-do", "who-helped",  "what-next",
                                             "what-feelings",     "what-learnt"};
    const int prompts = 4 + Pick(5);
    for (int i = 0; i < prompts; ++i) s.prompts.push_back({"questions", kQuestions[Pick(8)]});
    static const char* const kCategories[] = {"fall",           "difficult-conversation",
                                              "medication",     "relatives",
                                              "pressure-ulcer", "nutrition",
                                              "dementia",       "end-of-life"};
    if (Pick(10) < 7) {
      s.presented_case = carelearn::Case{
          kCategories[Pick(8)],
          Pick(2) == 0 ? citizens_[static_cast<std::size_t>(Pick(5000))] : std::string()};
    }
    static const char* const kPoints[] = {
        "Ring til de pårørende før besøget, så de ved hvad der skal ske.",
        "Tjek medicinlisten ved hvert vagtskifte og noter ændringer.",
        "Spørg borgeren selv først; det giver ro og tillid i situationen.",
        "Aftal hvem der tager den svære samtale, inden vi går ind.",
        "Brug faldskemaet også når borgeren siger at alt er fint."};
    const int points = 2 + Pick(3);
    for (int i = 0; i < points; ++i) {
      s.learning_points.push_back({"learning-points", kPoints[Pick(5)],
                                   Pick(2) == 0 ? s.participants[0].id : std::string(),
                                   Pick(5) == 0});
    }
    const int actions = 1 + Pick(3);
    for (int i = 0; i < actions; ++i) {
      carelearn::Action a;
      a.id = "a" + std::to_string(i + 1);
      a.step_id = "learning-points";
      a.text = "Indfør fast tjekliste for pårørendesamtaler i gruppen.";
      a.owner = Pick(2) == 0 ? "leader" : s.participants[static_cast<std::size_t>(Pick(people))].id;
      if (Pick(3) != 0) a.due = absl::CivilDay(planned) + 14 + Pick(60);
      absl::Time when = *s.actual_end;
      const int changes = 1 + Pick(3);
      static const carelearn::ActionStatus kNext[] = {carelearn::ActionStatus::kOpen,
                                                      carelearn::ActionStatus::kInProgress,
                                                      carelearn::ActionStatus::kDone};
      for (int c = 0; c < changes; ++c) {
        a.history.push_back({kNext[c], when});
        when += absl::Hours(24 * (1 + Pick(20))) + absl::Milliseconds(Pick(1000));
      }
      s.actions.push_back(a);
    }
    const int feedback = 3 + Pick(5);
    for (int i = 0; i < feedback && i < people; ++i) {
      s.feedback.push_back({"round", s.participants[static_cast<std::size_t>(i)].id, 1 + Pick(5),
                            Pick(2) == 0 ? "God og tryg struktur." : ""});
    }
    s.notes.push_back({"reflection", carelearn::NoteKind::kReflection,
                       "Gruppen var enig om at prøve den nye tjekliste i fire uger.",
                       Pick(4) == 0});
    return s;
  }

 private:
  int Pick(int n) { return static_cast<int>(rng_() % static_cast<std::uint64_t>(n)); }
  std::string Hex(int digits) {
    static const char kHex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < digits; ++i) out.push_back(kHex[rng_() % 16]);
    return out;
  }

  std::mt19937_64 rng_;
  std::vector<std::string> staff_;
  std::vector<std::string> citizens_;
  std::vector<std::string> units_;
};

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

long PeakRssKiB() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// Bytes held by the tables' columns.
std::size_t TableBytes(const carelearn::SessionTables& t) {
  std::size_t n = 0;
  const auto v = [&](const auto& vec) { n += vec.size() * sizeof(vec[0]); };
  const auto d = [&](const carelearn::DictionaryColumn& c) {
    v(c.codes);
    for (const auto& s : c.dictionary) n += s.size();
  };
  const auto s = [&](const carelearn::StringColumn& c) {
    v(c.offsets);
    v(c.valid);
    n += c.data.size();
  };
  s(t.sessions.id), d(t.sessions.unit), d(t.sessions.format_id), v(t.sessions.format_version);
  v(t.sessions.planned_start), v(t.sessions.actual_start), v(t.sessions.actual_end);
  d(t.sessions.status), d(t.sessions.cancel_reason), v(t.sessions.cancel_confidential);
  s(t.sessions.cancel_note);
  d(t.sessions.case_category), d(t.sessions.citizen), v(t.sessions.participant_count);
  v(t.sessions.step_count), v(t.sessions.prompt_count), v(t.sessions.learning_point_count);
  v(t.sessions.action_count), v(t.sessions.feedback_count), v(t.sessions.note_count);
  v(t.participants.session), v(t.participants.position), d(t.participants.person);
  d(t.participants.role), d(t.participants.unit), d(t.participants.profession);
  d(t.participants.shift);
  v(t.steps.session), v(t.steps.position), d(t.steps.step), v(t.steps.start), v(t.steps.end);
  v(t.steps.minutes);
  v(t.prompts.session), d(t.prompts.step), d(t.prompts.question);
  v(t.learning_points.session), v(t.learning_points.position), d(t.learning_points.step);
  d(t.learning_points.author), v(t.learning_points.confidential), s(t.learning_points.text);
  v(t.actions.session), v(t.actions.position), d(t.actions.action), d(t.actions.step);
  d(t.actions.owner), v(t.actions.due), d(t.actions.status), v(t.actions.proposed_at);
  v(t.actions.started_at), v(t.actions.done_at), v(t.actions.dropped_at);
  v(t.actions.confidential), s(t.actions.text);
  v(t.action_changes.session), v(t.action_changes.action), v(t.action_changes.position);
  d(t.action_changes.status), v(t.action_changes.at);
  v(t.feedback.session), d(t.feedback.step), d(t.feedback.participant), v(t.feedback.rating);
  v(t.feedback.confidential), s(t.feedback.comment);
  v(t.notes.session), d(t.notes.step), d(t.notes.kind), v(t.notes.confidential), s(t.notes.text);
  return n;
}

struct Options {
  std::size_t sessions = 200000;
  std::vector<int> threads = {1, 2};
  bool store = false;
  bool session_path = false;
  bool free_text = false;
  int repeat = 1;
  std::string keep;
};

// Runs `body` in a child process and prints its line; the child's peak RSS is its own.
template <typename F>
void InChild(F&& body) {
  std::fflush(stdout);
  const pid_t pid = fork();
  if (pid == 0) {
    body();
    std::fflush(stdout);
    std::_Exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "the measurement failed (status %d)\n", status);
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", argv[i]);
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--sessions") {
      o.sessions = std::stoul(value());
    } else if (a == "--threads") {
      o.threads.clear();
      std::stringstream list(value());
      for (std::string t; std::getline(list, t, ',');) o.threads.push_back(std::stoi(t));
    } else if (a == "--store") {
      o.store = true;
    } else if (a == "--sessions-path") {
      o.session_path = true;
    } else if (a == "--free-text") {
      o.free_text = true;
    } else if (a == "--repeat") {
      o.repeat = std::stoi(value());
    } else if (a == "--keep") {
      o.keep = value();
    } else {
      std::fprintf(stderr,
                   "usage: %s [--sessions N] [--threads 1,2] [--store] [--sessions-path] "
                   "[--free-text] [--repeat R] [--keep FILE]\n",
                   argv[0]);
      return 2;
    }
  }

  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("carelearn-tables-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = o.keep.empty() ? (dir / "sessions.jsonl").string() : o.keep;

  auto start = std::chrono::steady_clock::now();
  std::size_t bytes = 0;
  if (!o.keep.empty() && std::filesystem::exists(o.keep)) {
    bytes = std::filesystem::file_size(o.keep);
    std::printf("using %s (%.1f MB)\n", o.keep.c_str(), static_cast<double>(bytes) / 1e6);
  } else {
    std::ofstream out(path, std::ios::binary);
    Generator g(20260304);
    carelearn::ExportOptions everything;
    everything.include_confidential = true;
    std::string line;
    for (std::size_t i = 0; i < o.sessions; ++i) {
      line = carelearn::ToJsonLine(g.Next(), everything);
      line.push_back('\n');
      out.write(line.data(), static_cast<std::streamsize>(line.size()));
      bytes += line.size();
    }
    out.close();
    std::printf("wrote %zu sessions, %.1f MB (%.0f bytes a session) in %.1f s to %s\n", o.sessions,
                static_cast<double>(bytes) / 1e6,
                static_cast<double>(bytes) / static_cast<double>(o.sessions), Seconds(start),
                path.c_str());
  }
  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf("%-34s %9s %10s %12s %11s %11s\n", "reader", "seconds", "MB/s", "sessions/s",
              "peak MiB", "tables MiB");

  for (int r = 0; r < o.repeat; ++r) {
    for (const int threads : o.threads) {
      InChild([&] {
        carelearn::TableOptions options;
        options.threads = threads;
        options.free_text = o.free_text;
        const auto t0 = std::chrono::steady_clock::now();
        auto tables = carelearn::ReadTables(path, options);
        const double s = Seconds(t0);
        if (!tables.ok()) {
          std::fprintf(stderr, "%s\n", std::string(tables.status().message()).c_str());
          std::_Exit(1);
        }
        std::printf("%-34s %9.3f %10.0f %12.0f %11.0f %11.0f\n",
                    ("ReadTables, " + std::to_string(threads) + " thread(s)").c_str(), s, mb / s,
                    static_cast<double>(tables->sessions.size()) / s,
                    static_cast<double>(PeakRssKiB()) / 1024.0,
                    static_cast<double>(TableBytes(*tables)) / (1024.0 * 1024.0));
      });
    }
  }

  if (o.session_path) {
    InChild([&] {
      const auto t0 = std::chrono::steady_clock::now();
      std::ifstream in(path, std::ios::binary);
      std::vector<Session> sessions;
      for (std::string line; std::getline(in, line);) {
        auto s = carelearn::ParseSessionLine(line);
        if (!s.ok()) std::_Exit(1);
        sessions.push_back(*std::move(s));
      }
      const carelearn::SessionTables tables = carelearn::TablesFromSessions(sessions);
      const double s = Seconds(t0);
      std::printf("%-34s %9.3f %10.0f %12.0f %11.0f %11s\n",
                  "ParseSessionLine + TablesFromSessions", s, mb / s,
                  static_cast<double>(tables.sessions.size()) / s,
                  static_cast<double>(PeakRssKiB()) / 1024.0, "");
    });
  }

  if (o.store) {
    // With --keep, the store is kept beside the file and used again.
    const std::string db = o.keep.empty() ? (dir / "sessions.db").string() : o.keep + ".db";
    if (!o.keep.empty() && std::filesystem::exists(db)) {
      std::printf("using the store %s\n", db.c_str());
    } else {
      auto store = carelearn::Store::Open(db);
      std::ifstream in(path, std::ios::binary);
      carelearn::ImportOptions import;
      import.bulk = true;
      import.allow_redacted = true;
      const auto t0 = std::chrono::steady_clock::now();
      auto done = store->ImportJsonLines(in, import);
      if (!done.ok()) {
        std::fprintf(stderr, "%s\n", std::string(done.status().message()).c_str());
        return 1;
      }
      std::printf("imported %zu sessions into the store in %.1f s\n", done->imported, Seconds(t0));
    }
    for (const int threads : o.threads) {
      InChild([&] {
        auto store = carelearn::Store::Open(db, {.read_only = true});
        carelearn::TableOptions options;
        options.threads = threads;
        options.free_text = o.free_text;
        const auto t0 = std::chrono::steady_clock::now();
        auto tables = carelearn::ReadTables(*store, {}, options);
        const double s = Seconds(t0);
        if (!tables.ok()) {
          std::fprintf(stderr, "%s\n", std::string(tables.status().message()).c_str());
          std::_Exit(1);
        }
        std::printf("%-34s %9.3f %10.0f %12.0f %11.0f %11.0f\n",
                    ("ReadTables(store), " + std::to_string(threads) + " thread(s)").c_str(), s,
                    mb / s, static_cast<double>(tables->sessions.size()) / s,
                    static_cast<double>(PeakRssKiB()) / 1024.0,
                    static_cast<double>(TableBytes(*tables)) / (1024.0 * 1024.0));
      });
    }
  }
  if (o.keep.empty()) std::filesystem::remove_all(dir);
  return 0;
}
