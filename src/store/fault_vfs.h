// A SQLite VFS that forwards to the default one but can be told to fail
// writes or syncs: how the store's fault tests simulate a full or failing
// disk without privileges. Thread-safe counters; one global instance.
#ifndef SITREP_STORE_FAULT_VFS_H_
#define SITREP_STORE_FAULT_VFS_H_

#include <cstdint>

#include "sitrep/status.h"

namespace sitrep::store {

inline constexpr const char* kFaultVfsName = "sitrep-fault";

// Registers the VFS under kFaultVfsName (not as the default). Idempotent.
Status RegisterFaultVfs();

// After `n` more successful writes, every write fails with SQLITE_IOERR_WRITE
// (n = 0: the next write fails); n < 0 disarms.
void FailWritesAfter(int64_t n);
// Every xSync fails with SQLITE_IOERR_FSYNC while set.
void FailSyncs(bool fail);
// Writes that went through the VFS since registration.
int64_t FaultVfsWrites();

}  // namespace sitrep::store

#endif  // SITREP_STORE_FAULT_VFS_H_
