// Private to the schedule layer: the TZif data of the zones carelearn
// carries itself (Europe/Copenhagen), read from the build machine's tzdata at
// configure time by cmake/EmbedZoneinfo.cmake, and the hook that gives them
// to Abseil when the run-time system has no tzdata (src/schedule/zoneinfo.cpp).
#ifndef CARELEARN_SRC_SCHEDULE_ZONEINFO_DATA_HPP_
#define CARELEARN_SRC_SCHEDULE_ZONEINFO_DATA_HPP_

#include <span>
#include <string_view>

namespace carelearn::detail {

/// One zone's TZif bytes, under its IANA name.
struct EmbeddedZone {
  std::string_view name;  ///< The IANA name, e.g. "Europe/Copenhagen".
  std::string_view tzif;  ///< The TZif file's bytes.
};

/// The embedded zones; empty when built with CARELEARN_EMBED_TZDATA=OFF.
std::span<const EmbeddedZone> EmbeddedZones();

/// The tzdata version the zones were read from ("2026f"); empty when unknown or not embedded.
std::string_view EmbeddedZoneinfoVersion();

/// True when this library gives the embedded zones to Abseil (the zone-info
/// source hook is defined); referencing it links the hook into a program.
bool EmbeddedZoneinfoHookInstalled();

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_SCHEDULE_ZONEINFO_DATA_HPP_
