#include "store/rows.hpp"

#include <limits>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "carelearn/io/session_json.hpp"
#include "carelearn/record/identifiers.hpp"
#include "detail/absl_compat.hpp"

namespace carelearn::detail {
namespace {

// Runs `st` to completion.
absl::Status RunStatement(absl::StatusOr<Statement>& st) {
  if (!st.ok()) return st.status();
  return st->Run();
}

// The id is masked (`MaskedId`) where it looks like a person's identifier.
absl::Status Unreadable(const Database& db, std::string_view id, std::string_view what) {
  return absl::DataLossError(
      absl::StrCat(db.path(), ": session \"", MaskedId(id), "\": ", Sv(what)));
}

// Writes the index rows of `session`'s actions (its row in `sessions` is
// written, its old index rows are gone).
absl::Status WriteActionIndex(Database& db, const Session& session) {
  for (std::size_t i = 0; i < session.actions.size(); ++i) {
    const Action& a = session.actions[i];
    absl::StatusOr<Statement> ins = db.Prepare(
        "INSERT INTO actions "
        "(session_id, action_id, position, step_id, owner, due, status, confidential) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!ins.ok()) return ins.status();
    ins->Bind(1, session.id);
    ins->Bind(2, a.id);
    ins->Bind(3, static_cast<std::int64_t>(i));
    ins->Bind(4, a.step_id);
    ins->Bind(5, a.owner);
    ins->BindOrNull(6, a.due.has_value() ? std::optional<std::string>(absl::FormatCivilTime(*a.due))
                                         : std::nullopt);
    ins->Bind(7, ActionStatusName(a.CurrentStatus()));
    ins->Bind(8, std::int64_t{a.confidential ? 1 : 0});
    if (absl::Status s = RunStatement(ins); !s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<bool> EraseSession(Database& db, std::string_view id) {
  {
    absl::StatusOr<Statement> st = db.Prepare("DELETE FROM actions WHERE session_id = ?");
    if (!st.ok()) return st.status();
    st->Bind(1, id);
    if (absl::Status s = st->Run(); !s.ok()) return s;
  }
  absl::StatusOr<Statement> st = db.Prepare("DELETE FROM sessions WHERE id = ?");
  if (!st.ok()) return st.status();
  st->Bind(1, id);
  if (absl::Status s = st->Run(); !s.ok()) return s;
  return sqlite3_changes(db.get()) > 0;
}

absl::Status WriteSession(Database& db, const Session& session) {
  if (absl::StatusOr<bool> erased = EraseSession(db, session.id); !erased.ok()) {
    return erased.status();
  }
  absl::StatusOr<Statement> st = db.Prepare(
      "INSERT INTO sessions (id, format_id, format_version, unit, planned_start, status, body) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!st.ok()) return st.status();
  st->Bind(1, session.id);
  st->Bind(2, session.format_id);
  st->Bind(3, std::int64_t{session.format_version});
  st->Bind(4, session.unit);
  st->Bind(5, StoredTime(session.planned_start));
  st->Bind(6, SessionStatusName(session.status()));
  st->Bind(7, StoredBody(session));
  if (absl::Status s = RunStatement(st); !s.ok()) return s;
  return WriteActionIndex(db, session);
}

std::string StoredBody(const Session& session) {
  ExportOptions everything;
  everything.include_confidential = true;
  return ToJsonLine(session, everything);
}

absl::Status RewriteBody(Database& db, const Session& session) {
  absl::StatusOr<Statement> st = db.Prepare("UPDATE sessions SET body = ? WHERE id = ?");
  if (!st.ok()) return st.status();
  st->Bind(1, StoredBody(session));
  st->Bind(2, session.id);
  return st->Run();
}

absl::StatusOr<std::optional<std::string>> ReadBody(Database& db, std::string_view id) {
  absl::StatusOr<Statement> st = db.Prepare("SELECT body FROM sessions WHERE id = ?");
  if (!st.ok()) return st.status();
  st->Bind(1, id);
  absl::StatusOr<bool> row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::nullopt;
  return st->Text(0);
}

SessionReadOptions StoredBodyOptions() {
  constexpr std::size_t kNoLimit = std::numeric_limits<std::size_t>::max();
  SessionReadOptions options;
  options.source_name = "sessions.body";
  for (std::size_t SessionReadOptions::*limit :
       {&SessionReadOptions::max_line_bytes, &SessionReadOptions::max_string_bytes,
        &SessionReadOptions::max_participants, &SessionReadOptions::max_steps,
        &SessionReadOptions::max_prompts, &SessionReadOptions::max_learning_points,
        &SessionReadOptions::max_actions, &SessionReadOptions::max_status_changes,
        &SessionReadOptions::max_feedback, &SessionReadOptions::max_notes}) {
    options.*limit = kNoLimit;
  }
  return options;
}

absl::StatusOr<Session> ReadSession(Database& db, std::string_view id, std::string_view body) {
  absl::StatusOr<Session> session = ParseSessionLine(body, nullptr, StoredBodyOptions());
  if (!session.ok()) return Unreadable(db, id, Sv(session.status().message()));
  if (session->id != id) {
    return Unreadable(db, id, "its body is another session's");
  }
  return session;
}

}  // namespace carelearn::detail
