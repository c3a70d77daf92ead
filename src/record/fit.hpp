// How a session fits its format: the findings the runner reports live and
// CheckSession reports afterwards, worded once, in Danish and English.
#ifndef CARELEARN_SRC_RECORD_FIT_HPP_
#define CARELEARN_SRC_RECORD_FIT_HPP_

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "carelearn/model/catalog.hpp"
#include "carelearn/model/format.hpp"
#include "carelearn/plan/diagnostic.hpp"
#include "carelearn/record/session.hpp"

namespace carelearn::detail {

/// A diagnostic with the given parts.
Diagnostic MakeFinding(Severity severity, std::string_view code, std::string path, std::string da,
                       std::string en);

/// True when the format needs a facilitator: a facilitator role requirement
/// with a minimum of 1 or more, or the "facilitator" prerequisite.
bool RequiresFacilitator(const Format& format);

/// The role and capacity findings for `participants`.
std::vector<Diagnostic> RoleFindings(const Format& format,
                                     const std::vector<Participant>& participants);

/// "learning-points", "organisational-actions", "feedback", "reflections", "documentation".
std::string_view OutputCodeWord(OutputKind kind);

/// The session list an output kind is recorded in: "learning_points", "actions",
/// "feedback" or "notes".
std::string_view SessionListName(OutputKind kind);

/// How many outputs of `kind` the session holds.
int CountOutputs(const Session& session, OutputKind kind);

/// True when `step` produces `kind`.
bool StepProduces(const Step& step, OutputKind kind);

/// True when an output of `kind` fits `step` of `format`: the step produces
/// it, or it is feedback, no step of the format produces feedback and `step`
/// is the last (feedback is given at the end of a session).
bool OutputFits(const Format& format, const Step& step, OutputKind kind);

/// The output kind a note counts as, or none for a plain note.
std::optional<OutputKind> NoteOutput(NoteKind kind);

/// "output-not-produced-here" for an output of `kind` at `path` in `step_id`.
Diagnostic NotProducedHere(Severity severity, std::string path, OutputKind kind,
                           std::string_view step_id);

/// "too-many-<outputs>" at record time: the declared maximum is reached.
Diagnostic MaximumReached(Severity severity, OutputKind kind, const DeclaredOutput& declared,
                          int count);

/// "too-few-<outputs>" or "too-many-<outputs>" for a finished session, or none.
std::optional<Diagnostic> CountFinding(const DeclaredOutput& declared, int count);

/// The ids of the questions `step` offers; none when they cannot be known
/// (a question set that no catalog resolves), in which case any id is accepted.
std::optional<std::set<std::string, std::less<>>> KnownPrompts(const Step& step,
                                                               const Catalog* catalog);

/// "unknown-prompt" for `question_id` at `path` in `step_id`.
Diagnostic UnknownPrompt(Severity severity, std::string path, std::string_view question_id,
                         std::string_view step_id);

/// The longest minutes step `index` is given for `participants` people, an
/// open step sharing what the planned duration leaves; none when unknowable.
std::optional<double> StepMaxMinutes(const Format& format, std::size_t index, int participants,
                                     WorkingDay day);

/// The longest minutes the whole format is given for `participants`
/// people: its planned duration, or the steps' total; none when unknowable.
std::optional<double> SessionMaxMinutes(const Format& format, int participants, WorkingDay day);

/// Minutes as short text: "14", "1.5".
std::string Minutes(double minutes);

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_RECORD_FIT_HPP_
