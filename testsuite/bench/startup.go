// The benchmark program bench/programs/startup.go (real fmt/os code, see
// bench/run.sh) at a small size (1) prints gc 1.19's output (Inputs/startup.1.out;
// lines starting with '#' are timings and are dropped).
// RUN: %golc build -o %t %S/../../bench/programs/startup.go
// RUN: %run %t 1 > %t.raw 2>&1
// RUN: grep -v '^#' %t.raw > %t.out || true
// RUN: diff %S/Inputs/startup.1.out %t.out
package main
