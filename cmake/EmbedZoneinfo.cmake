# carelearn_embed_zoneinfo(OUTPUT <file.cpp> DIR <zoneinfo dir> ZONES <name>...)
#
# At configure time, reads each zone's TZif file from DIR (Debian's tzdata,
# /usr/share/zoneinfo; nothing is downloaded) and writes OUTPUT, a C++ source
# that holds the bytes and the tzdata version for src/schedule/zoneinfo.cpp.
# Fails when a zone is missing: install tzdata, or configure with
# -DCARELEARN_EMBED_TZDATA=OFF to rely on the run-time system's tzdata alone.
function(carelearn_embed_zoneinfo)
  cmake_parse_arguments(ARG "" "OUTPUT;DIR" "ZONES" ${ARGN})
  set(version "")
  if(EXISTS "${ARG_DIR}/tzdata.zi")
    file(STRINGS "${ARG_DIR}/tzdata.zi" version_line LIMIT_COUNT 1 REGEX "^# version ")
    string(REGEX REPLACE "^# version " "" version "${version_line}")
  endif()
  set(body "// Generated from ${ARG_DIR} by cmake/EmbedZoneinfo.cmake. Do not edit.\n")
  string(APPEND body "#include \"schedule/zoneinfo_data.hpp\"\n\nnamespace carelearn::detail {\nnamespace {\n")
  set(entries "")
  set(index 0)
  foreach(zone IN LISTS ARG_ZONES)
    set(file "${ARG_DIR}/${zone}")
    if(NOT EXISTS "${file}")
      message(FATAL_ERROR
        "carelearn: CARELEARN_EMBED_TZDATA is ON but ${file} does not exist; install the tzdata "
        "package, point CARELEARN_ZONEINFO_DIR at a zoneinfo directory, or configure with "
        "-DCARELEARN_EMBED_TZDATA=OFF")
    endif()
    file(READ "${file}" content HEX)
    string(LENGTH "${content}" hex_length)
    math(EXPR size "${hex_length} / 2")
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${content}")
    string(APPEND body "constexpr char kZone${index}[] = {${bytes}};\n")
    string(APPEND entries "    {\"${zone}\", {kZone${index}, ${size}}},\n")
    math(EXPR index "${index} + 1")
    set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
  endforeach()
  string(APPEND body "}  // namespace\n\nstd::span<const EmbeddedZone> EmbeddedZones() {\n")
  if(entries)
    string(APPEND body "  static constexpr EmbeddedZone kZones[] = {\n${entries}  };\n  return kZones;\n}\n\n")
  else()
    string(APPEND body "  return {};\n}\n\n")
  endif()
  string(APPEND body "std::string_view EmbeddedZoneinfoVersion() { return \"${version}\"; }\n\n")
  string(APPEND body "}  // namespace carelearn::detail\n")
  file(CONFIGURE OUTPUT "${ARG_OUTPUT}" CONTENT "${body}" @ONLY)
endfunction()
