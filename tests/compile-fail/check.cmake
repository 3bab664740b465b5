# cmake -DCOMPILER=... -DFLAGS=... -DSOURCE=... -DMODE=ok|ko -P check.cmake
# MODE=ok: the source with CTGRAD_CONTROL defined must compile (positive control).
# MODE=ko: it must fail to compile, and the first line that reports an error must match the
# regular expression given in the source's '// expect: ' line.
file(STRINGS ${SOURCE} expect_lines REGEX "^// expect: ")
list(GET expect_lines 0 expect)
string(REGEX REPLACE "^// expect: " "" expect "${expect}")

set(args ${FLAGS} -fsyntax-only ${SOURCE})
if(MODE STREQUAL ok)
  list(APPEND args -DCTGRAD_CONTROL)
endif()
execute_process(COMMAND ${COMPILER} ${args} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REPLACE "\n" ";" lines "${out}${err}")

if(MODE STREQUAL ok)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "positive control failed to compile:\n${err}")
  endif()
  message(STATUS "positive control compiles")
  return()
endif()

if(rc EQUAL 0)
  message(FATAL_ERROR "expected a compile error, but ${SOURCE} compiled")
endif()
set(first "")
foreach(line IN LISTS lines)
  if(line MATCHES " error: ")
    set(first "${line}")
    break()
  endif()
endforeach()
list(LENGTH lines count)
if(NOT first MATCHES "${expect}")
  message(FATAL_ERROR "first error line does not match '${expect}':\n${first}\n\nfull output:\n${err}")
endif()
message(STATUS "first error line (${count} lines of diagnostics): ${first}")
