# cmake -DMODE=install|subdirectory -DSOURCE=<ctgrad> -DWORK=<dir> -DCOMPILER=<c++> -P run.cmake
# install: installs ctgrad into WORK/prefix, then builds the consumer with find_package(ctgrad).
# subdirectory: builds the consumer with add_subdirectory(ctgrad) (no tests, examples, benchmarks).
# Either way the consumer is then run.
file(REMOVE_RECURSE ${WORK})
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed: ${ARGN}\n${out}")
  endif()
endfunction()
set(consumer ${SOURCE}/tests/packaging/consumer)
if(MODE STREQUAL install)
  run(${CMAKE_COMMAND} -S ${SOURCE} -B ${WORK}/ctgrad -DCMAKE_CXX_COMPILER=${COMPILER}
      -DCTGRAD_BUILD_TESTS=OFF -DCTGRAD_BUILD_EXAMPLES=OFF -DCTGRAD_BUILD_BENCHMARKS=OFF
      -DCMAKE_INSTALL_PREFIX=${WORK}/prefix)
  run(${CMAKE_COMMAND} --install ${WORK}/ctgrad)
  run(${CMAKE_COMMAND} -S ${consumer} -B ${WORK}/consumer -DCMAKE_CXX_COMPILER=${COMPILER}
      -DCMAKE_PREFIX_PATH=${WORK}/prefix)
else()
  run(${CMAKE_COMMAND} -S ${consumer} -B ${WORK}/consumer -DCMAKE_CXX_COMPILER=${COMPILER}
      -DCTGRAD_SOURCE_DIR=${SOURCE})
  # add_subdirectory must not build ctgrad's own tests when it is not the top-level project.
  if(EXISTS ${WORK}/consumer/ctgrad/tests)
    message(FATAL_ERROR "add_subdirectory(ctgrad) configured ctgrad's tests")
  endif()
endif()
run(${CMAKE_COMMAND} --build ${WORK}/consumer)
run(${WORK}/consumer/consumer)
message(STATUS "consumer built with ${MODE} and ran")
