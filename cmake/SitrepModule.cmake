# sitrep_module(NAME DEPS dep...)
# Builds src/NAME/*.cc (except *_test.cc) into the static library sitrep_NAME,
# and src/NAME/*_test.cc into the GoogleTest binary NAME_test registered with
# ctest. Tests run from the source tree so they find data/ and tests/ files.
function(sitrep_module name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  set(tests ${srcs})
  list(FILTER srcs EXCLUDE REGEX "_test\\.cc$")
  list(FILTER tests INCLUDE REGEX "_test\\.cc$")
  if(srcs)
    set(scope PUBLIC)
    add_library(sitrep_${name} STATIC ${srcs})
  else()
    # A stage not written yet: nothing to compile, but dependents still link.
    set(scope INTERFACE)
    add_library(sitrep_${name} INTERFACE)
  endif()
  target_include_directories(sitrep_${name} ${scope} ${PROJECT_SOURCE_DIR}/include
                                                     ${PROJECT_SOURCE_DIR}/src)
  target_compile_definitions(sitrep_${name} ${scope}
                             SITREP_DEFAULT_DATA_DIR="${PROJECT_SOURCE_DIR}/data"
                             SITREP_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  target_link_libraries(sitrep_${name} ${scope} ${ARG_DEPS})
  if(tests)
    add_executable(${name}_test ${tests})
    target_link_libraries(${name}_test PRIVATE sitrep_${name} GTest::gtest GTest::gtest_main
                          GTest::gmock)
    gtest_discover_tests(${name}_test WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                         DISCOVERY_TIMEOUT 60)
  endif()
endfunction()
