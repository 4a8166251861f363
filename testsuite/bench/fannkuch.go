// The benchmark program bench/programs/fannkuch.go (real fmt/os code, see
// bench/run.sh) at a small size (7) prints gc 1.19's output (Inputs/fannkuch.7.out;
// lines starting with '#' are timings and are dropped).
// RUN: %golc build -o %t %S/../../bench/programs/fannkuch.go
// RUN: %run %t 7 > %t.raw 2>&1
// RUN: grep -v '^#' %t.raw > %t.out || true
// RUN: diff %S/Inputs/fannkuch.7.out %t.out
package main
