#include "store/rows.hpp"

#include <limits>
#include <map>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "carelearn/io/session_json.hpp"
#include "detail/absl_compat.hpp"

namespace carelearn::detail {
namespace {

// Runs `st` to completion.
absl::Status RunStatement(absl::StatusOr<Statement>& st) {
  if (!st.ok()) return st.status();
  return st->Run();
}

absl::Status Unreadable(const Database& db, std::string_view id, std::string_view what) {
  return absl::DataLossError(absl::StrCat(db.path(), ": session \"", Sv(id), "\": ", Sv(what)));
}

}  // namespace

absl::StatusOr<bool> EraseSession(Database& db, std::string_view id) {
  for (std::string_view sql : {"DELETE FROM action_changes WHERE session_id = ?",
                               "DELETE FROM actions WHERE session_id = ?"}) {
    absl::StatusOr<Statement> st = db.Prepare(sql);
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
  Session body = session;
  body.actions.clear();
  ExportOptions everything;
  everything.include_confidential = true;

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
  st->Bind(7, ToJsonLine(body, everything));
  if (absl::Status s = RunStatement(st); !s.ok()) return s;

  for (std::size_t i = 0; i < session.actions.size(); ++i) {
    const Action& a = session.actions[i];
    absl::StatusOr<Statement> ins = db.Prepare(
        "INSERT INTO actions "
        "(session_id, action_id, position, step_id, text, owner, due, status, confidential) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!ins.ok()) return ins.status();
    ins->Bind(1, session.id);
    ins->Bind(2, a.id);
    ins->Bind(3, static_cast<std::int64_t>(i));
    ins->Bind(4, a.step_id);
    ins->Bind(5, a.text);
    ins->Bind(6, a.owner);
    ins->BindOrNull(7, a.due.has_value() ? std::optional<std::string>(absl::FormatCivilTime(*a.due))
                                         : std::nullopt);
    ins->Bind(8, ActionStatusName(a.CurrentStatus()));
    ins->Bind(9, std::int64_t{a.confidential ? 1 : 0});
    if (absl::Status s = RunStatement(ins); !s.ok()) return s;
    for (std::size_t j = 0; j < a.history.size(); ++j) {
      absl::StatusOr<Statement> change = db.Prepare(
          "INSERT INTO action_changes (session_id, action_id, seq, status, at) "
          "VALUES (?, ?, ?, ?, ?)");
      if (!change.ok()) return change.status();
      change->Bind(1, session.id);
      change->Bind(2, a.id);
      change->Bind(3, static_cast<std::int64_t>(j));
      change->Bind(4, ActionStatusName(a.history[j].status));
      change->Bind(5, StoredTime(a.history[j].at));
      if (absl::Status s = RunStatement(change); !s.ok()) return s;
    }
  }
  return absl::OkStatus();
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

  std::map<std::string, std::size_t, std::less<>> index;
  {
    absl::StatusOr<Statement> st = db.Prepare(
        "SELECT action_id, step_id, text, owner, due, confidential FROM actions "
        "WHERE session_id = ? ORDER BY position");
    if (!st.ok()) return st.status();
    st->Bind(1, id);
    while (true) {
      absl::StatusOr<bool> row = st->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      Action& a = session->actions.emplace_back();
      a.id = st->Text(0);
      a.step_id = st->Text(1);
      a.text = st->Text(2);
      a.owner = st->Text(3);
      if (!st->IsNull(4)) {
        absl::CivilDay due;
        if (!absl::ParseCivilTime(st->Text(4), &due)) {
          return Unreadable(
              db, id, absl::StrCat("action \"", a.id, "\": bad due date \"", st->Text(4), "\""));
        }
        a.due = due;
      }
      a.confidential = st->Int(5) != 0;
      index[a.id] = session->actions.size() - 1;
    }
  }
  absl::StatusOr<Statement> st = db.Prepare(
      "SELECT action_id, status, at FROM action_changes WHERE session_id = ? "
      "ORDER BY action_id, seq");
  if (!st.ok()) return st.status();
  st->Bind(1, id);
  while (true) {
    absl::StatusOr<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const std::string action_id = st->Text(0);
    std::optional<ActionStatus> status = ParseActionStatus(st->Text(1));
    auto it = index.find(action_id);
    if (it == index.end() || !status.has_value()) {
      return Unreadable(db, id, absl::StrCat("action \"", action_id, "\": bad status change"));
    }
    session->actions[it->second].history.push_back({*status, absl::FromUnixNanos(st->Int(2))});
  }
  return session;
}

}  // namespace carelearn::detail
