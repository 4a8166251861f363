// The benchmark program bench/programs/nbody.go (real fmt/os code, see
// bench/run.sh) at a small size (1000) prints gc 1.19's output (Inputs/nbody.1000.out;
// lines starting with '#' are timings and are dropped).
// RUN: %golc build -o %t %S/../../bench/programs/nbody.go
// RUN: %run %t 1000 > %t.raw 2>&1
// RUN: grep -v '^#' %t.raw > %t.out || true
// RUN: diff %S/Inputs/nbody.1000.out %t.out
package main
