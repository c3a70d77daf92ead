// carelearn/analysis/metrics.hpp
//
// The evaluator's measures in one include: the plan–record link, cadence,
// reach, fidelity, dose, outcomes, responsiveness and learning circles, each
// a function over `SessionTables` that returns a small result table, and
// small-cell suppression over any of them. docs/metrics.md defines every
// measure and anchors it in RE-AIM, Carroll et al.'s fidelity framework and
// Proctor et al.'s implementation outcomes.
//
// Example:
//
//   #include "carelearn/analysis/metrics.hpp"
//   auto tables = carelearn::ReadTables("sessions.jsonl", {});
//   auto cadence = carelearn::MeasureCadence(*tables, *schedule);
//   auto reach = carelearn::MeasureReach(*tables, roster);
//   carelearn::SuppressSmallCells(reach);
#ifndef CARELEARN_ANALYSIS_METRICS_HPP_
#define CARELEARN_ANALYSIS_METRICS_HPP_

#include "carelearn/analysis/cadence.hpp"         // IWYU pragma: export
#include "carelearn/analysis/circles.hpp"         // IWYU pragma: export
#include "carelearn/analysis/dose.hpp"            // IWYU pragma: export
#include "carelearn/analysis/fidelity.hpp"        // IWYU pragma: export
#include "carelearn/analysis/outcomes.hpp"        // IWYU pragma: export
#include "carelearn/analysis/plan_link.hpp"       // IWYU pragma: export
#include "carelearn/analysis/reach.hpp"           // IWYU pragma: export
#include "carelearn/analysis/responsiveness.hpp"  // IWYU pragma: export
#include "carelearn/analysis/result.hpp"          // IWYU pragma: export

#endif  // CARELEARN_ANALYSIS_METRICS_HPP_
