# FindLibFFI: libffi for the host (reflect.Call / MakeFunc / finalizers through libffi).
# pkg-config first, then a plain search. Defines LibFFI_FOUND, LIBFFI_INCLUDE_DIR,
# LIBFFI_LIBRARY and the imported target LibFFI::LibFFI.
# LIBFFI_ARM64_LIBRARY is the arm64 (multiarch, libffi-dev:arm64) library the driver links into
# GOARCH=arm64 programs; it is optional for building golc itself.
find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(PC_LIBFFI QUIET libffi)
endif()
find_path(LIBFFI_INCLUDE_DIR NAMES ffi.h HINTS ${PC_LIBFFI_INCLUDE_DIRS})
find_library(LIBFFI_LIBRARY NAMES ffi HINTS ${PC_LIBFFI_LIBRARY_DIRS})
find_library(LIBFFI_ARM64_LIBRARY NAMES libffi.so libffi.a
  PATHS /usr/lib/aarch64-linux-gnu NO_DEFAULT_PATH)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LibFFI REQUIRED_VARS LIBFFI_LIBRARY LIBFFI_INCLUDE_DIR)
mark_as_advanced(LIBFFI_INCLUDE_DIR LIBFFI_LIBRARY LIBFFI_ARM64_LIBRARY)
if(LibFFI_FOUND AND NOT TARGET LibFFI::LibFFI)
  add_library(LibFFI::LibFFI UNKNOWN IMPORTED)
  set_target_properties(LibFFI::LibFFI PROPERTIES
    IMPORTED_LOCATION "${LIBFFI_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${LIBFFI_INCLUDE_DIR}")
endif()
