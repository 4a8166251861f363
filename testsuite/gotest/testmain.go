// A package of test files only, with TestMain: it runs around the tests and
// its os.Exit code is the binary's.
//
// RUN: %golc test -v %S/Inputs/testmain | FileCheck %s
// CHECK: TestMain: before
// CHECK-NEXT: === RUN   TestSetup
// CHECK-NEXT: --- PASS: TestSetup
// CHECK-NEXT: PASS
// CHECK-NEXT: TestMain: after
// CHECK-NEXT: {{^}}ok  {{.*}}/testmain
//
// No package: the current directory, output streaming (the go command's
// local directory mode)
// RUN: cd %S/Inputs/testmain && %golc test | FileCheck --check-prefix=LOCAL %s
// LOCAL: TestMain: before
// LOCAL-NEXT: PASS
// LOCAL-NEXT: TestMain: after
// LOCAL-NEXT: {{^}}ok  {{.*}}/testmain
//
// No test files: the go command's message
// RUN: %golc test %S/../run | FileCheck --check-prefix=NONE %s
// NONE: {{^}}?   {{.*}}/run{{[[:space:]]+}}[no test files]
package ignored
