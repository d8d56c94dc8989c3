# CTest driver for the two ways another project uses reformsim (tests/CMakeLists.txt, tests cmake.*):
#   MODE=package       install BUILD_DIR into a scratch prefix, then configure, build and run package_consumer
#                      against it with find_package(reformsim)
#   MODE=subdirectory  configure, build and run subdirectory_consumer, which add_subdirectory()s SOURCE_DIR
# Arguments: -DMODE= -DSOURCE_DIR= -DBUILD_DIR= -DWORK_DIR= -DCXX_COMPILER= -DCXX_FLAGS= -DLINKER_FLAGS= -DBUILD_TYPE=
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    string(REPLACE ";" " " shown "${ARGN}")
    message(FATAL_ERROR "failed (${status}): ${shown}\n${out}\n${err}")
  endif()
  message(STATUS "${out}")
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
set(consumer_build ${WORK_DIR}/build)
# The consumer is compiled as reformsim was (a sanitizer build's libraries need the sanitizer's flags to link).
set(common -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_BUILD_TYPE=${BUILD_TYPE} "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
    "-DCMAKE_EXE_LINKER_FLAGS=${LINKER_FLAGS}")
if(MODE STREQUAL "package")
  set(prefix ${WORK_DIR}/prefix)
  run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
  foreach(installed bin/reformsim lib/cmake/reformsim/reformsimConfig.cmake include/reformsim/sim/engine/event.hpp
          share/reformsim/scenarios/city/baseline.yaml)
    if(NOT EXISTS ${prefix}/${installed})
      message(FATAL_ERROR "not installed: ${installed}")
    endif()
  endforeach()
  run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/cmake/package_consumer -B ${consumer_build} ${common}
      -DCMAKE_PREFIX_PATH=${prefix})
elseif(MODE STREQUAL "subdirectory")
  run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/cmake/subdirectory_consumer -B ${consumer_build} ${common}
      -DREFORMSIM_SOURCE_DIR=${SOURCE_DIR})
else()
  message(FATAL_ERROR "MODE must be package or subdirectory, not '${MODE}'")
endif()
run(${CMAKE_COMMAND} --build ${consumer_build} --target consumer)
run(${consumer_build}/consumer)
file(REMOVE_RECURSE ${WORK_DIR})
