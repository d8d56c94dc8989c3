# Install and export rules: `cmake --install build --prefix P` puts the reformsim program in P/bin, the libraries in
# P/lib, their headers in P/include/reformsim, the shipped scenarios in P/share/reformsim/scenarios, the analysis
# package (what `reformsim report` runs) in P/share/reformsim/python, the LICENSE in
# P/share/doc/reformsim and the package config in P/lib/cmake/reformsim, so that another project can
# `find_package(reformsim)` and link reformsim::core.
include(CMakePackageConfigHelpers)

set(REFORMSIM_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/reformsim)
set(REFORMSIM_INSTALL_SCENARIOSDIR ${CMAKE_INSTALL_DATADIR}/reformsim/scenarios)

install(TARGETS reformsim_engine reformsim_config reformsim_output reformsim_experiment reformsim_mpi reformsim_fit reformsim_analysis
        reformsim_core reformsim_hdf5
        EXPORT reformsimTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS reformsim EXPORT reformsimTargets RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/sim ${PROJECT_SOURCE_DIR}/agents DESTINATION ${REFORMSIM_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.hpp")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/scenarios/ DESTINATION ${REFORMSIM_INSTALL_SCENARIOSDIR})
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The analysis package `reformsim report` runs, where the installed program looks for it (../share/reformsim/python).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/analysis/reformsim DESTINATION ${CMAKE_INSTALL_DATADIR}/reformsim/python
        PATTERN __pycache__ EXCLUDE)
install(EXPORT reformsimTargets NAMESPACE reformsim:: DESTINATION ${REFORMSIM_INSTALL_CMAKEDIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/reformsimConfig.cmake.in
  ${PROJECT_BINARY_DIR}/reformsimConfig.cmake
  INSTALL_DESTINATION ${REFORMSIM_INSTALL_CMAKEDIR}
  PATH_VARS REFORMSIM_INSTALL_SCENARIOSDIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/reformsimConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/reformsimConfig.cmake ${PROJECT_BINARY_DIR}/reformsimConfigVersion.cmake
        DESTINATION ${REFORMSIM_INSTALL_CMAKEDIR})
