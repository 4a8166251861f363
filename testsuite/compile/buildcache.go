// Imported packages are compiled once into the build cache (driver/build.c):
// the first build compiles fmt and what it imports, a second build of the
// same program compiles none of them. (A package's key covers golc itself,
// the target, the options, its files and its imports' keys.)
// RUN: rm -rf %t.cache
// RUN: env GOLCCACHE=%t.cache GOLC_VERBOSE=1 %golc build -o %t %s 2>&1 | FileCheck --check-prefix=FIRST %s
// RUN: env GOLCCACHE=%t.cache GOLC_VERBOSE=1 %golc build -o %t %s 2>&1 | FileCheck --check-prefix=SECOND %s
// RUN: %run %t | FileCheck --check-prefix=OUT %s
package main

import "fmt"

func main() {
	fmt.Println("cached", 1)
}

// FIRST-DAG: golc: compiling fmt
// FIRST-DAG: golc: compiling reflect
// FIRST-DAG: golc: compiling unicode/utf8
// SECOND-NOT: golc: compiling
// OUT: cached 1
