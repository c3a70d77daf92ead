# Fails unless DOC quotes every file it names exactly: each
#   <!-- quoted from examples/cpp/x.cpp -->
# is followed by a ```cpp block holding the file byte for byte.
file(READ "${DOC}" doc)
string(REGEX MATCHALL "<!-- quoted from [^ ]+ -->" markers "${doc}")
if(NOT markers)
  message(FATAL_ERROR "${DOC} names no quoted file")
endif()
foreach(marker IN LISTS markers)
  string(REGEX REPLACE "<!-- quoted from ([^ ]+) -->" "\\1" path "${marker}")
  file(READ "${SOURCE_DIR}/${path}" content)
  string(FIND "${doc}" "${marker}\n```cpp\n${content}```\n" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${DOC} does not quote ${path} exactly after \"${marker}\"")
  endif()
endforeach()
list(LENGTH markers n)
message(STATUS "${DOC} quotes ${n} files exactly")
