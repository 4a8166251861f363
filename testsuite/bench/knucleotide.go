// The benchmark program bench/programs/knucleotide.go (real fmt/os code, see
// bench/run.sh) at a small size (20000) prints gc 1.19's output (Inputs/knucleotide.20000.out;
// lines starting with '#' are timings and are dropped).
// RUN: %golc build -o %t %S/../../bench/programs/knucleotide.go
// RUN: %run %t 20000 > %t.raw 2>&1
// RUN: grep -v '^#' %t.raw > %t.out || true
// RUN: diff %S/Inputs/knucleotide.20000.out %t.out
package main
