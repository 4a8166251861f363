// The benchmark program bench/programs/deeprec.go (real fmt/os code, see
// bench/run.sh) at a small size (10000) prints gc 1.19's output (Inputs/deeprec.10000.out;
// lines starting with '#' are timings and are dropped).
// RUN: %golc build -o %t %S/../../bench/programs/deeprec.go
// RUN: %run %t 10000 > %t.raw 2>&1
// RUN: grep -v '^#' %t.raw > %t.out || true
// RUN: diff %S/Inputs/deeprec.10000.out %t.out
package main
