# Warning and sanitizer flags are set per target, never globally, so that a parent project that
# adds ctgrad with add_subdirectory keeps its own flags.
function(ctgrad_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror)
  if(CTGRAD_SANITIZE)
    # -O1, after the build type's -O3: g++ took 100 s to instrument a random test's shard (with
    # its symbolic checks) at -O3, 57 s at -O1, and the sanitizers check the same code (their
    # authors recommend -O1); the other configurations test the optimised code.
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-sanitize-recover=all
                                             -fno-omit-frame-pointer -O1)
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
