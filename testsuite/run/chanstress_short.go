// The channel stress test (testsuite/stress/chanstress.go, `make stress`
// runs it with 10^6 values per producer) at 10^4 values, GOMAXPROCS=2 and 8:
// no value lost or duplicated, no hang.
// RUN: %golc build -o %t %S/../stress/chanstress.go
// RUN: env GOMAXPROCS=2 %run %t 10000 | FileCheck %s
// RUN: env GOMAXPROCS=8 %run %t 10000 | FileCheck %s
package main

// CHECK: ok 80000 values
