# Warning and sanitizer flags are set per target, never globally, so that a parent project that
# adds ctgrad with add_subdirectory keeps its own flags.
function(ctgrad_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror)
  if(CTGRAD_SANITIZE)
    # -O0, after the build type's -O3: the sanitizers need no optimiser to find their errors,
    # and instrumented optimised code is most of this build's time. g++ 12, CPU seconds at -O1
    # and -O0: runtime.operation_consistency 244 and 75, runtime.symbolic 79 and 45, a random
    # shard 86 and 60. The other configurations test the optimised code.
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-sanitize-recover=all
                                             -fno-omit-frame-pointer -O0)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined -fno-sanitize-recover=all)
  endif()
endfunction()

# ctgrad_add_program(name SOURCES a.cpp ... [LIBS lib ...]): an executable with the project flags.
function(ctgrad_add_program name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ctgrad::ctgrad ${ARG_LIBS})
  ctgrad_set_warnings(${name})
endfunction()
