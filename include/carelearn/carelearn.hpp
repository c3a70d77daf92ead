// carelearn/carelearn.hpp
//
// The umbrella header: includes every public header of carelearn.
//
// Example:
//
//   #include "carelearn/carelearn.hpp"
//
//   const auto& catalog = carelearn::BuiltinCatalog();
//   auto agenda = carelearn::PlanAgenda(*catalog.Find("systematic-learning-meeting"), 8,
//                                       absl::CivilMinute(2026, 3, 4, 14, 0));
#ifndef CARELEARN_CARELEARN_HPP_
#define CARELEARN_CARELEARN_HPP_

#include "carelearn/analysis/combine_tables.hpp"
#include "carelearn/analysis/metrics.hpp"
#include "carelearn/analysis/serialize_tables.hpp"
#include "carelearn/analysis/simulate.hpp"
#include "carelearn/analysis/tables.hpp"
#include "carelearn/io/builtin_catalog.hpp"
#include "carelearn/io/errors.hpp"
#include "carelearn/io/export_manifest.hpp"
#include "carelearn/io/fhir.hpp"
#include "carelearn/io/json.hpp"
#include "carelearn/io/owner_only_file.hpp"
#include "carelearn/io/programme_json.hpp"
#include "carelearn/io/roster_io.hpp"
#include "carelearn/io/session_json.hpp"
#include "carelearn/io/xapi.hpp"
#include "carelearn/model/catalog.hpp"
#include "carelearn/model/diff.hpp"
#include "carelearn/model/format.hpp"
#include "carelearn/model/prompt.hpp"
#include "carelearn/model/role.hpp"
#include "carelearn/model/step.hpp"
#include "carelearn/model/text.hpp"
#include "carelearn/model/time_budget.hpp"
#include "carelearn/model/variant.hpp"
#include "carelearn/plan/agenda.hpp"
#include "carelearn/plan/diagnostic.hpp"
#include "carelearn/plan/validate.hpp"
#include "carelearn/record/check.hpp"
#include "carelearn/record/clock.hpp"
#include "carelearn/record/identifiers.hpp"
#include "carelearn/record/pseudonym.hpp"
#include "carelearn/record/redact.hpp"
#include "carelearn/record/roster.hpp"
#include "carelearn/record/runner.hpp"
#include "carelearn/record/session.hpp"
#include "carelearn/schedule/holidays.hpp"
#include "carelearn/schedule/icalendar.hpp"
#include "carelearn/schedule/programme.hpp"
#include "carelearn/schedule/recurrence.hpp"
#include "carelearn/schedule/work_calendar.hpp"
#include "carelearn/store/store.hpp"
#include "carelearn/version.hpp"

#endif  // CARELEARN_CARELEARN_HPP_
