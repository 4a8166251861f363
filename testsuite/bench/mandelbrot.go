// The benchmark program bench/programs/mandelbrot.go (real fmt/os code, see
// bench/run.sh) at a small size (200) prints gc 1.19's output (Inputs/mandelbrot.200.out;
// lines starting with '#' are timings and are dropped).
// RUN: %golc build -o %t %S/../../bench/programs/mandelbrot.go
// RUN: %run %t 200 > %t.raw 2>&1
// RUN: grep -v '^#' %t.raw > %t.out || true
// RUN: diff %S/Inputs/mandelbrot.200.out %t.out
package main
