// The benchmark program bench/programs/spectralnorm.go (real fmt/os code, see
// bench/run.sh) at a small size (100) prints gc 1.19's output (Inputs/spectralnorm.100.out;
// lines starting with '#' are timings and are dropped).
// RUN: %golc build -o %t %S/../../bench/programs/spectralnorm.go
// RUN: %run %t 100 > %t.raw 2>&1
// RUN: grep -v '^#' %t.raw > %t.out || true
// RUN: diff %S/Inputs/spectralnorm.100.out %t.out
package main
