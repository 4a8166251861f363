// The benchmark program bench/programs/binarytrees.go (real fmt/os code, see
// bench/run.sh) at a small size (10) prints gc 1.19's output (Inputs/binarytrees.10.out;
// lines starting with '#' are timings and are dropped).
// RUN: %golc build -o %t %S/../../bench/programs/binarytrees.go
// RUN: %run %t 10 > %t.raw 2>&1
// RUN: grep -v '^#' %t.raw > %t.out || true
// RUN: diff %S/Inputs/binarytrees.10.out %t.out
package main
